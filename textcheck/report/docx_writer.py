"""Word-native output (``--format docx``): reviewers in Word or WPS work from it directly.

- A DOCX input: a copy of the file with one Word comment per finding, anchored on
  the flagged span (the runs are split so the comment covers exactly the flagged
  characters) and holding the message, the evidence and the suggestion.  The
  reader's references ("段落 12", "表格 3 行 4 列 2") find the paragraph or cell.
- Any other input (or several files): a DOCX report listing the findings.

Needs python-docx ≥ 1.2 (comments), in the ``office`` extra.
"""
from __future__ import annotations

import io
from copy import deepcopy

from textcheck import patterns
from textcheck.errors import TextcheckError
from textcheck.report.html import CATEGORY_NAMES, SEVERITY_NAMES, rule_summaries

AUTHOR, INITIALS = "textcheck", "TC"


def _docx():
    try:
        import docx
        from docx.document import Document

        if not hasattr(Document, "add_comment"):
            raise ImportError("add_comment")
    except ImportError:
        raise TextcheckError("--format docx needs python-docx 1.2 or later: pip install 'textcheck[office]'") from None
    return docx


def render_docx(report) -> bytes:
    """A commented copy of a single DOCX input, else a DOCX report of every document."""
    docs = report.documents
    if len(docs) == 1 and docs[0].format == "docx" and not docs[0].error:
        data = _source_bytes(docs[0])
        if data is not None:
            return commented_copy(data, docs[0])
    return report_document(report)


def _source_bytes(result) -> bytes | None:
    if result.source_data is not None:
        return result.source_data
    try:
        with open(result.path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def comment_text(d) -> list[str]:
    """The comment's paragraphs: what is wrong, the evidence, what to do."""
    head = f"{SEVERITY_NAMES[d.severity]} {d.code} {rule_summaries().get(d.code, d.name)}"
    lines = [head, d.message]
    for r in d.related:
        if r.kind == "table-cell":
            lines.append(f"证据：{r.table} {r.row} / {r.column_label}：{r.text}")
        else:
            lines.append(f"证据：{r.text}")
    if d.suggestion:
        lines.append(f"建议：{d.suggestion}")
    if d.severity_reason:
        lines.append(f"级别说明：{d.severity_reason}")
    return lines


# --------------------------------------------------------------------------- commented copy

def _body_paragraphs(document) -> list:
    """Non-empty body paragraphs in order: what the reader numbers "段落 N"."""
    from docx.text.paragraph import Paragraph

    out = []
    for child in document.element.body.iterchildren():
        if child.tag.rsplit("}", 1)[-1] == "p":
            p = Paragraph(child, document)
            if p.text.strip():
                out.append(p)
    return out


def _isolate(paragraph, start: int, end: int) -> list:
    """The runs covering paragraph.text[start:end], splitting runs at the span's edges."""
    from docx.text.run import Run

    covered, pos = [], 0
    for run in list(paragraph.runs):
        text = run.text
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end or not text:
            continue
        s0, s1 = max(start, a) - a, min(end, b) - a
        if s0 > 0:
            left = deepcopy(run._r)
            run._r.addprevious(left)
            Run(left, paragraph).text = text[:s0]
        if s1 < len(text):
            right = deepcopy(run._r)
            run._r.addnext(right)
            Run(right, paragraph).text = text[s1:]
        run.text = text[s0:s1]
        covered.append(run)
    return covered


def _anchor_runs(document, paragraphs, d) -> list:
    """Runs to hang a finding's comment on: the flagged span, else its paragraph or cell."""
    ref = d.location.ref or ""
    m = patterns.REPORT_DOCX_CELL.search(ref)
    if m:
        t, r, c = (int(x) for x in m.groups())
        try:
            cell = document.tables[t - 1].rows[r - 1].cells[c - 1]
        except IndexError:
            return []
        runs = [run for p in cell.paragraphs for run in p.runs if run.text]
        return runs
    m = patterns.REPORT_DOCX_PARAGRAPH.search(ref)
    if not m or not (1 <= int(m.group(1)) <= len(paragraphs)):
        return []
    paragraph = paragraphs[int(m.group(1)) - 1]
    full = paragraph.text
    lead = len(full) - len(full.lstrip())
    loc = d.location
    start = lead + max(0, loc.column - 1)
    end = lead + (loc.end_column if loc.end_line in (None, loc.line) and loc.end_column else loc.column - 1 + len(d.text))
    # the reader's line is the paragraph's text, so columns are offsets; check it before trusting them
    if d.text and full[start:end].replace(" ", "") != d.text.replace(" ", "") and d.text in full:
        start = full.index(d.text)
        end = start + len(d.text)
    runs = _isolate(paragraph, start, end) if end > start else []
    return runs or [run for run in paragraph.runs if run.text]


def commented_copy(data: bytes, result) -> bytes:
    docx = _docx()
    document = docx.Document(io.BytesIO(data))
    paragraphs = _body_paragraphs(document)
    fallback = next((p for p in paragraphs if p.runs), None)
    for d in result.diagnostics:
        runs = _anchor_runs(document, paragraphs, d)
        lines = comment_text(d)
        if not runs:  # not locatable in the file (e.g. a missing table): on the first paragraph
            if fallback is None:
                continue
            runs = [r for r in fallback.runs if r.text] or fallback.runs
            lines[0] += "（整份文件）"
        comment = document.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
        for line in lines[1:]:
            comment.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- report

def report_document(report) -> bytes:
    docx = _docx()
    document = docx.Document()
    document.add_heading("textcheck 检查报告", level=0)
    s = report.summary()
    document.add_paragraph(f"共 {s['documents']} 个文件：{s['error']} 个错误，{s['warning']} 个警告，{s['info']} 个提示"
                           + (f"，{s['failed_documents']} 个无法读取" if s.get("failed_documents") else ""))
    for result in report.documents:
        document.add_heading(result.path, level=1)
        if result.error:
            document.add_paragraph(f"无法读取：{result.error}")
            continue
        if not result.diagnostics:
            document.add_paragraph("未发现问题")
            continue
        order = sorted(result.diagnostics, key=lambda d: ("error", "warning", "info").index(d.severity))
        for d in order:
            loc = d.location
            where = " · ".join(x for x in (f"第 {loc.line} 行" if loc.line else "", f"第 {loc.page} 页" if loc.page else "",
                                           loc.ref or "") if x)
            p = document.add_paragraph(style="Heading 3")
            p.add_run(f"{SEVERITY_NAMES[d.severity]} {d.code} ")
            p.add_run(rule_summaries().get(d.code, d.name))
            document.add_paragraph(f"{CATEGORY_NAMES.get(d.category, d.category)} · {d.name} · {where}")
            document.add_paragraph(d.message)
            if d.text:
                document.add_paragraph(f"标记：“{d.text}”")
            for line in comment_text(d)[2:]:
                document.add_paragraph(line, style="List Bullet")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
