"""One self-contained HTML file a reviewer can open or mail.

Per document: the source lines with every flagged span highlighted
(``<mark data-diag="f0-d3">``), each diagnostic beside them with its evidence
(``<li class="diag" id="f0-d3" data-cells="…">``), and the document's tables
rendered from ``Document.tables`` with one id per cell
(``f0-t2-r5-c3``; header cells ``f0-t2-h0-c3``).  A diagnostic links the cells
its ``related`` evidence names (found by source line/column, else by table,
row and column label); clicking it highlights them.  A summary by category
and severity heads the report.

No external assets: CSS and JS (``textcheck/static/report.*``) are inlined,
and every piece of document text is HTML-escaped, so a hostile document
cannot inject markup or script.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from html import escape
from importlib import resources

from textcheck import __version__
from textcheck.report.diagnostic import CATEGORIES, SEVERITIES, SEVERITY_RANK

_CATEGORY_NAMES = {
    "sum": "合计/求和", "amount": "金额", "change": "增减变化", "share": "占比", "count": "数量",
    "target": "绩效指标", "unit": "单位", "format": "格式", "structure": "结构",
}
_SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return resources.files("textcheck").joinpath("static", name).read_text("utf-8")


def _e(s) -> str:
    return escape("" if s is None else str(s), quote=True)


# --------------------------------------------------------------------------- tables

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


def _render_table(t, prefix: str, flagged: set[str]) -> str:
    cols = sorted({c.index for c in t.columns} | {c.col for r in t.rows for c in r.cells}
                  | {c.col for h in t.header for c in h})
    caption = _e(t.name) + (f"（单位：{_e(t.unit)}）" if t.unit else "")
    out = [f'<table id="{prefix}-t{t.index}" data-table="{_e(t.id)}"><caption>{caption}</caption>']
    for hi, hrow in enumerate(t.header):
        by_col = {c.col: c for c in hrow}
        out.append("<tr>" + "".join(
            f'<th id="{prefix}-t{t.index}-h{hi}-c{i}">{_e(by_col[i].text.text)}</th>' if i in by_col else "<th></th>"
            for i in cols) + "</tr>")
    if not t.header and t.columns:
        out.append("<tr>" + "".join(f"<th>{_e(c.label)}</th>" for c in sorted(t.columns, key=lambda c: c.index))
                   + "</tr>")
    for r in t.rows:
        by_col = {c.col: c for c in r.cells}
        tds = []
        for i in cols:
            c = by_col.get(i)
            if c is None:
                tds.append("<td></td>")
                continue
            cid = f"{prefix}-t{t.index}-r{r.index}-c{i}"
            classes = [k for k, on in (("num", c.value is not None), ("flag", cid in flagged)) if on]
            cls = f' class="{" ".join(classes)}"' if classes else ""
            tds.append(f'<td id="{cid}"{cls} data-line="{c.location.line}">{_e(c.text.text)}</td>')
        out.append(f'<tr data-row="{_e(r.label)}">' + "".join(tds) + "</tr>")
    if t.empty_statement is not None:
        out.append(f'<tr><td colspan="{max(1, len(cols))}">{_e(t.empty_statement.text)}</td></tr>')
    out.append("</table>")
    return "".join(out)


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
        text = text.rstrip("\r\n")
        cls = "ln flagged" if n in marks else "ln"
        out.append(f'<div class="{cls}" id="{prefix}-L{n}" data-n="{n}">'
                   f"{_render_line(text, marks.get(n, []), evidence.get(n, []))}</div>")
    return "".join(out)


# --------------------------------------------------------------------------- diagnostics

def _where(line, column=None, page=None, ref=None) -> str:
    parts = []
    if line:
        parts.append(f"第 {line} 行" + (f" 第 {column} 列" if column else ""))
    if page:
        parts.append(f"第 {page} 页")
    if ref:
        parts.append(str(ref))
    return " · ".join(parts)


def _render_related(r, prefix: str) -> str:
    if r.kind == "table-cell":
        label = f'<span class="kind">表格单元格</span> {_e(r.table)} {_e(r.row)} / {_e(r.column_label)}：<strong>{_e(r.text)}</strong>'
    else:
        kind = {"sentence": "句子", "figure": "数值"}.get(r.kind, r.kind)
        label = f'<span class="kind">{_e(kind)}</span>：{_e(r.text)}'
        if r.table:
            label += f"（{_e(r.table)}）"
        if r.value is not None:
            label += f" = {_e(r.value)}"
    where = _where(r.line, None, r.page, r.ref)
    if where:
        link = f'<a href="#{prefix}-L{r.line}">{_e(where)}</a>' if r.line else _e(where)
        label += f' <span class="where">{link}</span>'
    return f"<li>{label}</li>"


def _render_diag(d, did: str, cells: list[str], prefix: str) -> str:
    loc = d.location
    where = _where(loc.line, loc.column, loc.page, loc.ref)
    head = (f'<span class="badge {d.severity}">{_SEVERITY_NAMES[d.severity]}</span> '
            f'<span class="code">{_e(d.code)}</span> {_e(d.name)} '
            f'<span class="where">{_e(_CATEGORY_NAMES.get(d.category, d.category))} · '
            + (f'<a href="#{prefix}-L{loc.line}">{_e(where)}</a>' if loc.line else _e(where)) + "</span>")
    body = [f'<p class="msg">{_e(d.message)}</p>']
    if d.text:
        body.append(f'<p class="where">标记：<q>{_e(d.text)}</q></p>')
    if d.suggestion:
        body.append(f'<p class="suggestion">建议：{_e(d.suggestion)}</p>')
    if d.related:
        body.append('<ul class="evidence">' + "".join(_render_related(r, prefix) for r in d.related) + "</ul>")
    return (f'<li class="diag sev-{d.severity}" id="{did}" data-diag="{did}" data-code="{_e(d.code)}" '
            f'data-cells="{" ".join(cells)}" data-line="{loc.line}" tabindex="0">{head}{"".join(body)}</li>')


def _summary(report) -> str:
    counts = Counter((d.category, d.severity) for d in report.diagnostics)
    cats = [c for c in CATEGORIES if any(counts[(c, s)] for s in SEVERITIES)]
    head = "<tr><th>类别</th>" + "".join(f"<th>{_SEVERITY_NAMES[s]} {s}</th>" for s in SEVERITIES) + "<th>合计</th></tr>"
    rows = [f'<tr data-category="{c}"><td>{_e(_CATEGORY_NAMES.get(c, c))} ({c})</td>'
            + "".join(f"<td>{counts[(c, s)]}</td>" for s in SEVERITIES)
            + f"<td>{sum(counts[(c, s)] for s in SEVERITIES)}</td></tr>" for c in cats]
    total = ("<tr><th>合计</th>" + "".join(f"<th>{sum(counts[(c, s)] for c in CATEGORIES)}</th>" for s in SEVERITIES)
             + f"<th>{sum(counts.values())}</th></tr>")
    return f'<table class="summary" id="summary">{head}{"".join(rows)}{total}</table>'


def _render_document(doc, k: int) -> str:
    prefix = f"f{k}"
    title = f'<h2>{_e(doc.path)}' + (f' <span class="where">{_e(doc.format)} · {len(doc.diagnostics)} 项</span>'
                                      if doc.format else "") + "</h2>"
    if doc.error:
        return f'<section class="doc" id="{prefix}">{title}<p class="error-doc">无法读取：{_e(doc.error)}</p></section>'
    document = doc.document
    ids = [f"{prefix}-d{i}" for i in range(len(doc.diagnostics))]
    if document is not None:
        by_pos, by_label = _cell_index(document, prefix)
        cells = [_linked_cells(d, by_pos, by_label) for d in doc.diagnostics]
        lines = [ln.rstrip("\r\n") for ln in document.source_lines]
        marks, evidence = _spans_by_line(doc.diagnostics, ids, lines)
        source = _render_source(lines, marks, evidence, prefix)
        own = {by_pos.get((d.location.line, d.location.column)) for d in doc.diagnostics} - {None}
        tables = "".join(_render_table(t, prefix, own) for t in document.tables) or '<p class="empty">（无表格）</p>'
    else:
        cells = [[] for _ in doc.diagnostics]
        source = '<p class="empty">（原文不可用）</p>'
        tables = '<p class="empty">（无表格）</p>'
    diags = "".join(_render_diag(d, did, c, prefix) for d, did, c in zip(doc.diagnostics, ids, cells))
    if not diags:
        diags = '<li class="empty">未发现问题</li>'
    return (f'<section class="doc" id="{prefix}">{title}'
            f'<div class="source" aria-label="原文">{source}</div>'
            f'<div class="tables" aria-label="表格">{tables}</div>'
            f'<ul class="diags" aria-label="问题">{diags}</ul></section>')


def render(report, **_options) -> str:
    s = report.summary()
    paths = ", ".join(doc.path for doc in report.documents)
    counts = f"{s['error']} 错误 · {s['warning']} 警告 · {s['info']} 提示"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>textcheck 报告 — {_e(paths)}</title>",
        f"<style>{_static('report.css')}</style></head><body>",
        f'<header><h1>textcheck 报告</h1><div class="where">textcheck {_e(__version__)} · '
        f"{s['documents']} 个文件 · {counts}</div>{_summary(report)}</header>",
        "".join(_render_document(doc, k) for k, doc in enumerate(report.documents)),
        f"<script>{_static('report.js')}</script></body></html>\n",
    ])
