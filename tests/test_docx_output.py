"""--format docx: a commented copy of a DOCX input (Word/WPS reviewers work from it); a DOCX report otherwise."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

docx = pytest.importorskip("docx")
from textcheck.cli import main  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def _disclosure_docx(path: Path) -> Path:
    """The TC201 failing fixture as a Word file: paragraphs, and tab-separated lines as a table."""
    cases = yaml.safe_load((FIXTURES / "TC201.yml").read_text("utf-8"))["cases"]
    text = next(c["text"] for c in cases if c["name"] == "amount-differs-from-table")
    document = docx.Document()
    rows: list[list[str]] = []

    def flush():
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    table.cell(i, j).text = v
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        if line.strip():
            paragraph = document.add_paragraph()
            # two runs with different formatting, as Word writes them: the span must still be isolated
            half = len(line) // 2
            paragraph.add_run(line[:half])
            paragraph.add_run(line[half:]).bold = True
    flush()
    document.save(path)
    return path


def _anchored_text(document) -> dict[str, str]:
    """comment id → the document text between its commentRangeStart and commentRangeEnd."""
    spans: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
            spans.setdefault(el.get(f"{W}id"), "")
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t" and el.text:
            for cid in open_ids:
                spans[cid] += el.text
    return spans


def test_docx_round_trip_puts_the_comment_on_the_flagged_span(tmp_path, capsys):
    source = _disclosure_docx(tmp_path / "budget.docx")
    out = tmp_path / "budget-reviewed.docx"
    assert main(["check", str(source), "-f", "docx", "-o", str(out)]) == 1  # errors found
    copy = docx.Document(str(out))
    comments = {str(c.comment_id): c for c in copy.comments}
    tc201 = [c for c in comments.values() if c.text.startswith("错误 TC201")]
    assert len(tc201) == 1 and tc201[0].author == "textcheck"
    body = tc201[0].text
    assert "1,422.65" in body and "证据：表 3 总计 / 基本支出：1,422.65" in body and "建议：" in body
    anchored = _anchored_text(copy)
    assert anchored[str(tc201[0].comment_id)] == "1,442.65 万元"  # exactly the flagged figure
    # the paragraph's text is untouched by splitting runs
    (paragraph,) = [p for p in copy.paragraphs if "1,442.65" in p.text]
    assert paragraph.text == "基本支出 1,442.65 万元。"
    original = docx.Document(str(source))
    assert [p.text for p in original.paragraphs] == [p.text for p in copy.paragraphs]
    assert not list(original.comments)


def test_docx_report_for_other_inputs(tmp_path):
    cases = yaml.safe_load((FIXTURES / "TC201.yml").read_text("utf-8"))["cases"]
    src = tmp_path / "budget.txt"
    src.write_text(next(c["text"] for c in cases if c["name"] == "amount-differs-from-table"), "utf-8")
    out = tmp_path / "report.docx"
    assert main(["check", str(src), "-f", "docx", "-o", str(out), "--fail-on", "never"]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "textcheck 检查报告" in text and "错误 TC201" in text and "建议：" in text and "2 个错误" in text
