"""Bad input: read it correctly or fail with one clear line (never a traceback)."""
import subprocess
import sys

import pytest

from textcheck.errors import ReadError
from textcheck.readers import read_bytes, read_path
from textcheck.readers.encoding import decode, detect
from textcheck.readers.text import parse_text

TEXT = "第一部分 概况\n\n表 1\n\n收入表\n\n单位：万元\n\n项目\t预算数\n收入总计\t1,000.50\n\n这是一句话，金额 1,000.50 万元。\n"


def _assert_reads(doc):
    assert doc.headings[0].text.text == "第一部分 概况"
    (t,) = doc.tables
    assert t.id == "表 1" and t.rows[0].cell(1).value is not None
    assert "1,000.50万元" in doc.paragraphs[-1].text.text


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gbk"), ("gb18030", "gbk"),
    ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encodings_are_read(encoding, expected):
    data = TEXT.encode(encoding)
    text, name = detect(data, "x.txt")
    assert text.lstrip("\ufeff") == TEXT
    assert name == expected
    _assert_reads(read_bytes(data, "x.txt"))


def test_gb18030_only_characters():
    text = "第一部分 概况\n㐀䶵 是扩展字符。\n"  # CJK extension A: in GB18030, not in GBK
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    assert detect(data, "x.txt") == (text, "gb18030")


def test_bom_columns_start_after_bom():
    doc = read_bytes("\ufeff表 1\n收入表\n项目\t金额\n合计\t1.00\n".encode("utf-8"), "x.txt")
    cell = doc.tables[0].rows[0].cell(1)
    assert (cell.location.line, cell.location.column) == (4, 4)


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n\t  \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64 + b"\xff\xfe" * 40, "binary"),
])
def test_empty_and_binary_are_refused(data, reason):
    with pytest.raises(ReadError) as exc:
        decode(data, "bad.txt")
    msg = str(exc.value)
    assert msg.startswith("bad.txt: ") and reason in msg and "\n" not in msg


def test_random_high_bytes_without_nul_are_refused():
    data = bytes((i * 7919 + 13) % 128 + 128 for i in range(4000))  # no NUL, not UTF-8
    with pytest.raises(ReadError):
        decode(data, "noise.bin")


def test_ragged_rows_are_padded_not_fatal():
    text = "表 1\n收入表\n单位：万元\n项目\t预算数\t备注\n甲\t1.00\n乙\t2.00\t有\t多余\t更多\n合计\t\n"
    (t,) = parse_text(text).tables
    assert [r.label for r in t.rows] == ["甲", "乙", "合计"]
    assert len(t.columns) == 5
    assert t.rows[0].cell(2) is None and t.rows[1].cell(4).text.text == "更多"
    assert t.rows[2].kind == "total" and t.rows[2].cells[0].text.text == "合计"


def test_caption_without_table_is_ignored():
    doc = parse_text("表 5\n\n某某情况表\n\n单位：万元\n\n本部门没有此项支出。\n\n表 6\n支出表\n项目\t金额\n合计\t3.00\n")
    assert [t.id for t in doc.tables] == ["表 6"]
    assert doc.paragraphs[-1].text.text == "本部门没有此项支出。"


def test_caption_at_end_of_file():
    doc = parse_text("正文。\n\n表 9\n")
    assert doc.tables == ()


def test_table_without_numbers():
    text = "表 2\n人员名单表\n姓名\t职务\n张三\t科长\n李四\t科员\n"
    (t,) = parse_text(text).tables
    assert [c.label for c in t.columns] == ["姓名", "职务"]
    assert [r.label for r in t.rows] == ["科员"] or [r.cells[0].text.text for r in t.rows] == ["张三", "李四"]
    assert all(c.value is None for r in t.rows for c in r.cells)


def test_header_only_table_without_statement():
    (t,) = parse_text("表 8\n基金表\n科目\t合计\n※\t1\n\n第三部分 说明\n").tables
    assert t.rows == () and t.empty_statement is None


def test_single_row_and_single_cell_tables():
    (t,) = parse_text("a\tb\n").tables  # one row, no numbers: kept as a body row
    assert [r.cells[0].text.text for r in t.rows] == ["a"] and t.columns[1].label == ""
    assert len(parse_text("\t\n").tables) == 0


def test_lone_surrogates_and_controls_do_not_crash():
    doc = parse_text("第一部分 概况\n正文\x0b含有控制字符。\n")
    assert doc.paragraphs


def test_missing_and_directory_paths(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="folder"):
        read_path(tmp_path)


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03binary\xff\xfe\x00" * 50])
def test_cli_exit_code_2_and_one_line_error(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "textcheck", "check", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.txt" in lines[0]


def test_cli_reads_gbk_file(tmp_path):
    good = tmp_path / "gbk.txt"
    good.write_bytes(TEXT.encode("gbk"))
    from textcheck.cli import main

    assert main(["check", "--fail-on", "never", "--format", "json", str(good)]) == 0


def test_huge_text_is_refused_with_one_line(monkeypatch):
    from textcheck.readers import text as text_reader

    monkeypatch.setattr(text_reader, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(ReadError) as exc:
        read_bytes(("正文。\n" * 400).encode("utf-8"), "big.txt")
    assert "too large" in str(exc.value) and "\n" not in str(exc.value)
