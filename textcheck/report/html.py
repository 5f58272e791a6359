"""One self-contained HTML file a reviewer can open or mail (also the reviewer page's report).

Built from the Jinja2 template ``templates/report.html.j2`` (the same look as the
reviewer page and the scan dashboard).  Per document: the findings, errors
first, with filters by severity and category and a count on each; the source
lines with every flagged span highlighted (``<mark data-diag="f0-d3">``); the
document's tables rendered from ``Document.tables`` with one id per cell
(``f0-t2-r5-c3``; header cells ``f0-t2-h0-c3``) under their captions; and for a
PDF the pages themselves, rendered server-side, with the flagged figure and the
table cell it contradicts boxed from their character coordinates.  Clicking a
finding highlights its span and cells, shows its pages side by side and scrolls
the boxes into view; clicking a highlighted span selects its finding.

No external assets: CSS and JS (``textcheck/static/report.*``) and page images
are inlined, and every piece of document text is HTML-escaped (autoescape), so
a hostile document cannot inject markup or script.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from html import escape

from textcheck import __version__, patterns
from textcheck.report.diagnostic import CATEGORIES, SEVERITIES, SEVERITY_RANK

CATEGORY_NAMES = {
    "sum": "合计/求和", "amount": "金额", "change": "增减变化", "share": "占比", "count": "数量",
    "target": "绩效指标", "unit": "单位", "format": "格式", "structure": "结构",
}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def _e(s) -> str:
    return escape("" if s is None else str(s), quote=True)


def _markup(s: str):
    from markupsafe import Markup

    return Markup(s)


@lru_cache(maxsize=None)
def rule_summaries() -> dict[str, str]:
    """code → the one-line Chinese summary of the rule (its docstring's first line)."""
    from textcheck.rules import all_rules

    return {cls.code: next((ln.strip() for ln in cls.doc().splitlines() if ln.strip()), "") for cls in all_rules()}


def humanize(text: str) -> str:
    """Escaped text with figures of 3+ decimals rounded to 2 for people; the exact value in a tooltip."""
    out, last = [], 0
    for m in patterns.REPORT_LONG_DECIMAL.finditer(text):
        out.append(_e(text[last:m.start()]))
        exact = m.group(0)
        try:
            rounded = f"{float(exact.replace(',', '')):,.2f}"
        except ValueError:
            rounded = exact
        out.append(f'<span class="exact" title="精确值 {_e(exact)}">{_e(rounded)}</span>')
        last = m.end()
    out.append(_e(text[last:]))
    return "".join(out)


# --------------------------------------------------------------------------- tables

def table_caption(t) -> str:
    """What a reviewer calls the table: its printed label and title, never an internal "T13"."""
    if not patterns.REPORT_GENERATED_TABLE_ID.fullmatch(t.id or ""):
        return t.name
    kind = "绩效目标表" if t.kind == "performance" else "表格"
    title = t.title or kind
    page = f"（第 {t.location.page} 页）" if t.location.page else ""
    return f"{title}{page}" if t.title else f"{kind}{page}"


def _cell_index(document, prefix: str):
    """Cell ids by source position and by (table id, row label, column label)."""
    by_pos: dict[tuple[int, int], str] = {}
    by_label: dict[tuple[str, str, str], str] = {}
    for t in document.tables:
        for hi, hrow in enumerate(t.header):
            for c in hrow:
                loc = c.location
                by_pos.setdefault((loc.line, loc.column), f"{prefix}-t{t.index}-h{hi}-c{c.col}")
        for r in t.rows:
            for c in r.cells:
                cid = f"{prefix}-t{t.index}-r{r.index}-c{c.col}"
                loc = c.location
                by_pos.setdefault((loc.line, loc.column), cid)
                col = t.column(c.col)
                by_label.setdefault((t.id, r.label, col.label if col else str(c.col)), cid)
    return by_pos, by_label


def _linked_cells(d, by_pos, by_label) -> list[str]:
    ids: list[str] = []
    own = by_pos.get((d.location.line, d.location.column))
    if own:
        ids.append(own)
    for r in d.related:
        cid = None
        if r.line is not None and r.source_column is not None:
            cid = by_pos.get((r.line, r.source_column))
        if cid is None and r.kind == "table-cell":
            cid = by_label.get((r.table, r.row, r.column_label))
        if cid and cid not in ids:
            ids.append(cid)
    return ids


def _table_view(t, prefix: str, flagged: set[str]) -> dict:
    cols = sorted({c.index for c in t.columns} | {c.col for r in t.rows for c in r.cells}
                  | {c.col for h in t.header for c in h})
    header = []
    for hi, hrow in enumerate(t.header):
        by_col = {c.col: c for c in hrow}
        header.append([{"id": f"{prefix}-t{t.index}-h{hi}-c{i}", "text": by_col[i].text.text} if i in by_col else None
                       for i in cols])
    if not header and t.columns:
        header.append([{"id": None, "text": c.label} for c in sorted(t.columns, key=lambda c: c.index)])
    rows = []
    for r in t.rows:
        by_col = {c.col: c for c in r.cells}
        cells = []
        for i in cols:
            c = by_col.get(i)
            if c is None:
                cells.append(None)
                continue
            cid = f"{prefix}-t{t.index}-r{r.index}-c{i}"
            cells.append({"id": cid, "text": c.text.text, "num": c.value is not None, "flag": cid in flagged,
                          "line": c.location.line})
        rows.append({"label": r.label, "cells": cells})
    return {"id": f"{prefix}-t{t.index}", "table_id": t.id, "caption": table_caption(t), "unit": t.unit,
            "kind": t.kind, "header": header, "rows": rows, "width": max(1, len(cols)),
            "empty_statement": t.empty_statement.text if t.empty_statement is not None else None}


# --------------------------------------------------------------------------- source

def _spans_by_line(diags, ids, lines) -> tuple[dict, dict]:
    """line → [(start, end, diag id, severity)] for flagged spans; line → [(start, end, id)] for evidence."""
    marks: dict[int, list] = {}
    evidence: dict[int, list] = {}
    n = len(lines)
    for d, did in zip(diags, ids):
        loc = d.location
        if not (1 <= loc.line <= n):
            continue
        last = loc.end_line if loc.end_line and loc.end_line >= loc.line else loc.line
        for ln in range(loc.line, min(last, n) + 1):
            width = len(lines[ln - 1])
            start = max(1, loc.column) if ln == loc.line else 1
            end = (loc.end_column if ln == last and loc.end_column else width)
            end = min(max(end, start), max(width, start))
            marks.setdefault(ln, []).append((start, end, did, d.severity))
        for r in d.related:
            if r.line and 1 <= r.line <= n and r.source_column:
                width = len(lines[r.line - 1])
                start = r.source_column
                end = min(width, start + max(1, len(r.text)) - 1)
                if start <= width:
                    evidence.setdefault(r.line, []).append((start, end, did))
    return marks, evidence


def _render_line(text: str, marks: list, evidence: list) -> str:
    """Escape one source line, wrapping flagged spans in <mark> and evidence in <span class=ev>."""
    if not marks and not evidence:
        return _e(text)
    bounds = {1, len(text) + 1}
    for s, e, *_ in marks + evidence:
        bounds.update((s, e + 1))
    bounds = sorted(b for b in bounds if 1 <= b <= len(text) + 1)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        seg = _e(text[a - 1:b - 1])
        m = [x for x in marks if x[0] <= a and b - 1 <= x[1]]
        ev = [x for x in evidence if x[0] <= a and b - 1 <= x[1]]
        if ev:
            seg = f'<span class="ev" data-ev="{" ".join(dict.fromkeys(x[2] for x in ev))}">{seg}</span>'
        if m:
            sev = max((x[3] for x in m), key=SEVERITY_RANK.__getitem__)
            seg = f'<mark class="sev-{sev}" data-diag="{" ".join(dict.fromkeys(x[2] for x in m))}">{seg}</mark>'
        out.append(seg)
    return "".join(out)


def _render_source(lines, marks, evidence, prefix: str) -> str:
    out = []
    for n, text in enumerate(lines, 1):
        cls = "ln flagged" if n in marks else "ln"
        out.append(f'<div class="{cls}" id="{prefix}-L{n}" data-n="{n}">'
                   f"{_render_line(text, marks.get(n, []), evidence.get(n, []))}</div>")
    return "".join(out)


# --------------------------------------------------------------------------- findings

def _where(line, column=None, page=None, ref=None) -> str:
    parts = []
    if line:
        parts.append(f"第 {line} 行" + (f" 第 {column} 列" if column else ""))
    if page:
        parts.append(f"第 {page} 页")
    if ref:
        parts.append(str(ref))
    return " · ".join(parts)


def _evidence_view(r, captions: dict[str, str]) -> dict:
    kind = {"table-cell": "表格单元格", "sentence": "句子", "figure": "数值"}.get(r.kind, r.kind)
    table = captions.get(r.table, r.table) if r.table else None
    # the exact computed value in a tooltip, when the text shows it rounded
    exact = r.value if r.kind == "figure" and r.value and len(r.value.partition(".")[2]) > 2 else None
    return {"kind": r.kind, "kind_name": kind, "table": table, "row": r.row, "column": r.column_label,
            "text": _markup(humanize(r.text)), "exact": exact, "line": r.line,
            "where": _where(r.line, None, r.page, r.ref)}


def _diag_view(d, did: str, cells: list[str], boxes, captions) -> dict:
    loc = d.location
    return {
        "id": did, "code": d.code, "name": d.name, "summary": rule_summaries().get(d.code, ""),
        "severity": d.severity, "severity_name": SEVERITY_NAMES[d.severity], "severity_reason": d.severity_reason,
        "category": d.category, "category_name": CATEGORY_NAMES.get(d.category, d.category),
        "where": _where(loc.line, loc.column, loc.page, loc.ref), "line": loc.line,
        "message": _markup(humanize(d.message)), "text": d.text, "suggestion": d.suggestion,
        "evidence": [_evidence_view(r, captions) for r in d.related], "cells": " ".join(cells),
        "pages": " ".join(dict.fromkeys(page_token(b) for b in boxes)),
    }


def page_token(box) -> str:
    """How the page of a box is named in ids and data-pages: "22", or "1.3" for page 3 of a combined part 1."""
    return str(box.page) if box.source == 0 else f"{box.source}.{box.page}"


def _source_files(result) -> list[tuple[str, bytes | None, tuple]]:
    """(label, PDF bytes, page sizes) per source file: the document itself, or each combined part."""
    meta = result.document.meta
    parts = meta.get("parts")
    if not parts:
        data = result.source_data
        if data is None:
            try:
                with open(result.path, "rb") as fh:
                    data = fh.read()
            except OSError:
                data = None
        return [("", data, tuple(meta.get("page_sizes") or ()))]
    files = []
    for part in parts:
        try:
            with open(part["path"], "rb") as fh:
                data = fh.read() if part.get("page_sizes") else None
        except OSError:
            data = None
        files.append((part["path"].rsplit("/", 1)[-1] + " ", data, tuple(part.get("page_sizes") or ())))
    return files


def _pages_view(result, diags_boxes: dict[str, list]) -> list[dict]:
    """The PDF pages findings point at, as images with their boxes (empty without the PDF's bytes)."""
    if not any(diags_boxes.values()):
        return []
    from textcheck.report.pdf_pages import render_pages

    pages = []
    for source, (label, data, sizes) in enumerate(_source_files(result)):
        wanted = {b.page for boxes in diags_boxes.values() for b in boxes if b.source == source}
        if not wanted or data is None:
            continue
        images = render_pages(data, wanted)
        for number in sorted(images):
            boxes = [dict(diag=did, kind=b.kind, left=f"{b.left:.3f}", top=f"{b.top:.3f}", width=f"{b.width:.3f}",
                          height=f"{b.height:.3f}", points=" ".join(f"{v:g}" for v in b.points))
                     for did, bs in diags_boxes.items() for b in bs if b.page == number and b.source == source]
            width, height = sizes[number - 1] if number <= len(sizes) else (595, 842)
            token = str(number) if source == 0 else f"{source}.{number}"
            pages.append({"number": number, "token": token, "label": label, "src": images[number], "boxes": boxes,
                          "ratio": f"{width:.1f} / {height:.1f}"})
    return pages


def _document_view(result, k: int) -> dict:
    prefix = f"f{k}"
    view = {"id": prefix, "path": result.path, "format": result.format, "error": result.error,
            "count": len(result.diagnostics), "diags": [], "tables": [], "source": None, "pages": [],
            "baselined": result.stats.get("baselined") if result.stats else None}
    if result.error:
        return view
    document = result.document
    ids = [f"{prefix}-d{i}" for i in range(len(result.diagnostics))]
    captions: dict[str, str] = {}
    boxes: dict[str, list] = {did: [] for did in ids}
    if document is not None:
        captions = {t.id: table_caption(t) for t in document.tables}
        by_pos, by_label = _cell_index(document, prefix)
        cells = [_linked_cells(d, by_pos, by_label) for d in result.diagnostics]
        lines = [ln.rstrip("\r\n") for ln in document.source_lines]
        marks, evidence = _spans_by_line(result.diagnostics, ids, lines)
        view["source"] = _markup(_render_source(lines, marks, evidence, prefix))
        own = {by_pos.get((d.location.line, d.location.column)) for d in result.diagnostics} - {None}
        view["tables"] = [_table_view(t, prefix, own) for t in document.tables]
        if document.meta.get("char_boxes"):
            from textcheck.report.pdf_pages import diagnostic_boxes

            boxes = {did: diagnostic_boxes(document.meta, d) for did, d in zip(ids, result.diagnostics)}
            view["pages"] = _pages_view(result, boxes)
            if not view["pages"]:
                boxes = {did: [] for did in ids}
    else:
        cells = [[] for _ in result.diagnostics]
    diags = [_diag_view(d, did, c, boxes[did], captions) for d, did, c in zip(result.diagnostics, ids, cells)]
    # errors first, then warnings, then infos; within a severity in document order
    view["diags"] = sorted(diags, key=lambda v: -SEVERITY_RANK[v["severity"]])
    return view


def _summary(report) -> dict:
    counts = Counter((d.category, d.severity) for d in report.diagnostics)
    cats = [c for c in CATEGORIES if any(counts[(c, s)] for s in SEVERITIES)]
    return {
        "severities": [{"key": s, "name": SEVERITY_NAMES[s], "count": sum(counts[(c, s)] for c in CATEGORIES)}
                       for s in SEVERITIES],
        "categories": [{"key": c, "name": CATEGORY_NAMES.get(c, c), "by_severity": [counts[(c, s)] for s in SEVERITIES],
                        "count": sum(counts[(c, s)] for s in SEVERITIES)} for c in cats],
        "total": sum(counts.values()),
    }


def render(report, **_options) -> str:
    from textcheck.report.templating import render_template

    s = report.summary()
    return render_template(
        "report.html.j2", version=__version__, paths=", ".join(doc.path for doc in report.documents),
        summary=s, counts=_summary(report), severity_names=SEVERITY_NAMES,
        documents=[_document_view(doc, k) for k, doc in enumerate(report.documents)])
