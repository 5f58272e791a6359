"""Readable text report: grouped by file, the source line, and a caret under the span."""
from __future__ import annotations

import unicodedata

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render(report, colour: bool = False, **_options) -> str:
    out: list[str] = []
    for doc in report.documents:
        if doc.error:
            out.append(f"{doc.path}: 无法读取: {doc.error}")
            continue
        source = getattr(doc.document, "source_lines", ()) if doc.document is not None else ()
        for d in doc.diagnostics:
            loc = d.location
            where = f"{doc.path}:{loc.line}:{loc.column}"
            if loc.page:
                where += f" (第 {loc.page} 页)"
            if loc.ref:
                where += f" [{loc.ref}]"
            sev = f"{_COLOURS[d.severity]}{d.severity}{_RESET}" if colour else d.severity
            out.append(f"{where}: {sev} {d.code} [{d.name}] {d.message}")
            if 1 <= loc.line <= len(source):
                line = source[loc.line - 1].rstrip("\n").replace("\t", " ")
                out.append(f"    {line}")
                end = loc.end_column if loc.end_line == loc.line else len(line)
                pad = _width(line[: max(0, loc.column - 1)])
                span = max(1, _width(line[loc.column - 1:end]))
                out.append("    " + " " * pad + "^" * span)
            for r in d.related:
                label = f"{r.table} {r.row} / {r.column_label}" if r.kind == "table-cell" else r.kind
                at = f"第 {r.line} 行" if r.line else ""
                out.append(f"    ↳ {label}: {r.text} {at}".rstrip())
            if d.suggestion:
                out.append(f"    建议: {d.suggestion}")
    s = report.summary()
    out.append(f"{s['documents']} 个文件: {s['error']} error, {s['warning']} warning, {s['info']} info"
               + (f", {s['failed_documents']} 个无法读取" if s.get("failed_documents") else ""))
    return "\n".join(out) + "\n"
