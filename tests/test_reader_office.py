"""DOCX and XLSX readers: the sample rebuilt as Word/Excel files gives the same findings as its text.

The fixtures are generated here with python-docx and openpyxl from the sample
text: every non-blank line without a tab becomes a Word paragraph, every run
of tab-separated lines one Word table (or one Excel sheet, caption lines on
top).  A table the text shows in two pieces with the "编制部门 / 单位" lines
repeated between them (a page break in the document the text was converted
from) is one table in Word, as its author wrote it.
"""
from __future__ import annotations

import io
from collections import Counter

import pytest

from conftest import line_of, replace_once
from textcheck import patterns
from textcheck.api import check_document, check_text
from textcheck.errors import ReadError
from textcheck.readers import read_bytes, sniff_format
from textcheck.readers.xlsx import format_number


def _pieces(text: str):
    """("p", line) and ("table", rows) in order; a table interrupted only by meta lines stays one."""
    out: list = []
    run: list[list[str]] = []
    pending_meta: list[str] = []
    continued = 0  # rows of a continued piece still to compare with the table's header
    for line in text.split("\n"):
        if "\t" in line:
            row = line.split("\t")
            if pending_meta:  # meta lines inside a table: a page break artefact of the conversion
                pending_meta = []
                continued = 1
            if continued:
                if continued <= len(run) and _same_row(row, run[continued - 1]):
                    continued += 1  # the header repeated on the next page: Word repeats it by itself
                    continue
                continued = 0
            run.append(row)
            continue
        s = line.strip()
        if not s:
            continue
        if run and (patterns.DEPARTMENT_LINE.match(s) or patterns.UNIT_ONLY_LINE.match(s)):
            pending_meta.append(s)
            continue
        if run:
            out.append(("table", run))
            run = []
        out.extend(("p", m) for m in pending_meta)
        pending_meta = []
        out.append(("p", s))
    if run:
        out.append(("table", run))
    return out


def _same_row(a: list[str], b: list[str]) -> bool:
    squeeze = lambda r: [("".join(c.split())) for c in r if c.strip()]  # noqa: E731
    return squeeze(a) == squeeze(b)


def make_docx(text: str) -> bytes:
    import docx
    from docx.table import _Cell

    document = docx.Document()
    for kind, item in _pieces(text):
        if kind == "p":
            document.add_paragraph(item)
            continue
        width = max(len(r) for r in item)
        table = document.add_table(rows=len(item), cols=width)
        for tr, values in zip(table._tbl.tr_lst, item):  # direct access: table.cell() is quadratic
            for tc, value in zip(tr.tc_lst, values):
                if value:
                    _Cell(tc, table).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_xlsx(text: str) -> bytes:
    """Tables only (Excel holds the tables of a disclosure): one sheet per table, captions on top."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    captions: list[str] = []
    for kind, item in _pieces(text):
        if kind == "p":
            captions = (captions + [item])[-4:]
            continue
        sheet = book.create_sheet(f"Sheet{len(book.worksheets) + 1}")
        lead = [c for c in captions if len(c) <= 60]
        for c in lead:
            sheet.append([c])
        for values in item:
            sheet.append([_excel_value(v) for v in values])
            row = sheet.max_row
            for col, v in enumerate(values, start=1):
                if isinstance(_excel_value(v), float):
                    decimals = len(v.strip().split(".")[1])
                    sheet.cell(row, col).number_format = ("#,##0." if "," in v else "0.") + "0" * decimals
        captions = []
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _excel_value(v: str):
    """Amounts as numbers (as a budget workbook stores them); codes and text as text."""
    s = v.strip()
    m = patterns.CELL_NUMBER.fullmatch(s)
    if m and "." in s and not m.group("pct") and not m.group("paren"):
        return float(s.replace(",", ""))
    return s or None


def _keys(diagnostics, codes=None):
    return Counter((d.code, d.severity, d.text) for d in diagnostics if codes is None or d.code[:3] in codes)


@pytest.fixture(scope="module")
def text_result(sample_text):
    return check_text(sample_text, "sample.txt").documents[0]


@pytest.fixture(scope="module")
def docx_result(sample_text):
    data = make_docx(sample_text)
    assert sniff_format(data, "sample.bin") == "docx"
    return check_document(read_bytes(data, "sample.docx"))


def test_docx_same_findings_as_text(text_result, docx_result):
    assert _keys(docx_result.diagnostics) == _keys(text_result.diagnostics)


def test_docx_locations_name_paragraph_or_cell(docx_result):
    doc = docx_result.document
    assert docx_result.diagnostics
    for d in docx_result.diagnostics:
        assert d.location.ref and (d.location.ref.startswith("段落 ") or d.location.ref.startswith("表格 ")), d
        assert doc.source_lines[d.location.line - 1]  # the line exists in the rendering


def test_docx_structure(docx_result):
    doc = docx_result.document
    t = doc.table("表 3")
    assert t is not None and t.unit == "万元" and t.department == "乌鲁木齐市科学技术局"
    cell = t.rows[0].cells[-1]
    assert cell.text.ref.startswith("表格 ") and " 行 " in cell.text.ref and " 列 " in cell.text.ref
    assert any(h.text.text.startswith("第三部分") for h in doc.headings)


def test_docx_defect_reported_at_paragraph(sample_text):
    """A narrative amount changed in the Word file is reported at its paragraph."""
    needle = "基本支出 1,422.65 万元"
    if needle not in sample_text:
        needle = "1,422.65"
    bad = replace_once(sample_text, "1,422.65 万元", "1,442.65 万元")
    text_diag = [d for d in check_text(bad, "bad.txt").documents[0].diagnostics if d.category == "amount"]
    docx_diag = [d for d in check_document(read_bytes(make_docx(bad), "bad.docx")).diagnostics
                 if d.category == "amount"]
    assert text_diag, "the text version must flag the changed amount"
    assert _keys(docx_diag) == _keys(text_diag)
    line = line_of(bad, "1,442.65 万元")
    flagged = [d for d in text_diag if d.location.line == line]
    assert flagged
    ref = next(d.location.ref for d in docx_diag if d.text == flagged[0].text)
    assert ref.startswith("段落 ")


@pytest.fixture(scope="module")
def xlsx_result(sample_text):
    data = make_xlsx(sample_text)
    assert sniff_format(data, "sample.bin") == "xlsx"
    return check_document(read_bytes(data, "sample.xlsx"))


def test_xlsx_same_table_findings_as_text(text_result, xlsx_result):
    sums = {"TC1"}  # table arithmetic: everything an Excel workbook of the tables can show
    assert _keys(xlsx_result.diagnostics, sums) == _keys(text_result.diagnostics, sums)


def test_xlsx_tables_and_cell_refs(xlsx_result, text_result):
    doc = xlsx_result.document
    ids = [t.id for t in text_result.document.tables if t.id.startswith("表 ")]
    assert [t.id for t in doc.tables if t.id.startswith("表 ")] == ids
    t = doc.table("表 3")
    assert t.unit == "万元"
    total = next(c for r in t.rows for c in r.cells if c.value is not None)
    assert "!" in total.text.ref and total.text.ref.split("!")[0].startswith("Sheet")


def test_xlsx_defect_in_cell(sample_text):
    """A table figure changed in Excel breaks its column sum, reported with the cell reference."""
    row = next(ln for ln in sample_text.split("\n") if ln.startswith("206\t01\t"))
    figure = next(v for v in row.split("\t") if "." in v)
    bad = replace_once(sample_text, row, row.replace(figure, "9" + figure, 1))
    text_sums = _keys(check_text(bad, "bad.txt").documents[0].diagnostics, {"TC1"})
    result = check_document(read_bytes(make_xlsx(bad), "bad.xlsx"))
    assert _keys(result.diagnostics, {"TC1"}) == text_sums
    assert text_sums - _keys(check_text(sample_text, "s.txt").documents[0].diagnostics, {"TC1"})
    assert all("!" in d.location.ref for d in result.diagnostics if d.code.startswith("TC1"))


@pytest.mark.parametrize("value,fmt,shown", [
    (1422.65, "#,##0.00", "1,422.65"),
    (1422.6500000000001, "0.00", "1422.65"),
    (0.1 + 0.2, "General", "0.3"),
    (3956, "General", "3956"),
    (0.0581, "0.00%", "5.81%"),
])
def test_xlsx_numbers_as_displayed(value, fmt, shown):
    assert format_number(value, fmt) == shown


@pytest.mark.parametrize("name,data", [
    ("bad.docx", b"PK\x03\x04" + b"word/" + b"\x00" * 200),
    ("bad.xlsx", b"PK\x03\x04" + b"xl/" + b"\x00" * 200),
])
def test_corrupt_office_files(name, data):
    with pytest.raises(ReadError) as err:
        read_bytes(data, name)
    assert "not a readable" in str(err.value) and "\n" not in str(err.value)
