"""Readable text report: grouped by file, the source line, and a caret under the span.

Colour (ANSI) only when asked for — the CLI asks when stdout is a terminal and
NO_COLOR is unset — so piped output and files stay plain.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _GREEN, _RESET = "\033[1m", "\033[2m", "\033[32m", "\033[0m"


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


class _Paint:
    def __init__(self, colour: bool):
        self.colour = colour

    def __call__(self, style: str, s: str) -> str:
        return f"{style}{s}{_RESET}" if self.colour and s else s

    def sev(self, severity: str, s: str | None = None) -> str:
        return self(_COLOURS[severity], severity if s is None else s)


_SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def _counts(diags) -> str:
    c = Counter(d.severity for d in diags)
    return f"{c['error']} 个错误，{c['warning']} 个警告，{c['info']} 个提示"


def _caret_lines(source, loc, paint, severity) -> list[str]:
    if not (1 <= loc.line <= len(source)):
        return []
    line = source[loc.line - 1].rstrip("\r\n").replace("\t", " ")
    end = loc.end_column if loc.end_line == loc.line and loc.end_column else len(line)
    pad = _width(line[: max(0, loc.column - 1)])
    span = max(1, _width(line[loc.column - 1:end]))
    return [f"    {line}", "    " + " " * pad + paint.sev(severity, "^" * span)]


def render(report, colour: bool = False, **_options) -> str:
    paint = _Paint(colour)
    out: list[str] = []
    for doc in report.documents:
        if doc.error:
            out.append(f"{paint(_BOLD, doc.path)}: {paint.sev('error', '无法读取')}: {doc.error}")
            continue
        header = f"{doc.path} — {_counts(doc.diagnostics)}"
        if doc.stats.get("baselined"):
            header += f" (基线已接受 {doc.stats['baselined']} 项)"
        out.append(paint(_BOLD, header))
        source = getattr(doc.document, "source_lines", ()) if doc.document is not None else ()
        for d in doc.diagnostics:
            loc = d.location
            where = f"{doc.path}:{loc.line}:{loc.column}"
            if loc.page:
                where += f" (第 {loc.page} 页)"
            if loc.ref:
                where += f" [{loc.ref}]"
            label = f"{_SEVERITY_NAMES[d.severity]} {d.severity}"
            out.append(f"{where}: {paint.sev(d.severity, label)} {paint(_BOLD, d.code)} [{d.name}] {d.message}")
            out.extend(_caret_lines(source, loc, paint, d.severity))
            if d.severity_reason:
                out.append(paint(_DIM, f"    级别说明: {d.severity_reason}"))
            for r in d.related:
                # evidence in another document (last year's disclosure) has no line here: its ref names it
                at = f"第 {r.line} 行" if r.line else (f"[{r.ref}]" if r.ref else "")
                kind = "表格" if r.kind == "table-cell" else {"sentence": "句子", "figure": "数值"}.get(r.kind, r.kind)
                label = f"{r.table} {r.row} / {r.column_label}" if r.kind == "table-cell" else kind
                # the figure's text is already rounded for people; the exact value is in the JSON
                out.append(paint(_DIM, f"    ↳ {label}: {r.text} {at}".rstrip()))
            if d.suggestion:
                out.append(paint(_GREEN, f"    建议: {d.suggestion}"))
        out.append("")
    s = report.summary()
    out.append(f"共 {s['documents']} 个文件：{s['error']} 个错误，{s['warning']} 个警告，{s['info']} 个提示"
               + (f"，{s['failed_documents']} 个无法读取" if s.get("failed_documents") else ""))
    return "\n".join(out) + "\n"
