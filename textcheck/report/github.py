"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub shows them as annotations on the file in a pull request.  Format::

    ::error file=a.txt,line=3,col=5,endLine=3,endColumn=9,title=TC201 narrative-amount-mismatch::message

Escaping follows the runner's rules: in the message ``%``, CR and LF are
percent-encoded; in property values also ``:`` and ``,`` (they delimit
properties).  Annotations cannot show a span without a line, so a document-level
finding or an unreadable file is annotated on the file alone.
"""
from __future__ import annotations

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: list[tuple[str, object]], message: str) -> str:
    rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props if v not in (None, ""))
    return f"::{kind} {rendered}::{escape_data(message)}" if rendered else f"::{kind}::{escape_data(message)}"


def render(report, **_options) -> str:
    lines = []
    for doc in report.documents:
        if doc.error:
            lines.append(_command("error", [("file", doc.path), ("title", "textcheck: unreadable input")],
                                  doc.error))
        for d in doc.diagnostics:
            loc = d.location
            props: list[tuple[str, object]] = [("file", doc.path)]
            if loc.line and loc.line >= 1:
                props += [("line", loc.line), ("col", loc.column or None)]
                if loc.end_line and loc.end_line >= loc.line:
                    props += [("endLine", loc.end_line), ("endColumn", loc.end_column or None)]
            props.append(("title", f"{d.code} {d.name}"))
            message = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
            if loc.page:
                message += f"\n第 {loc.page} 页"
            lines.append(_command(COMMANDS[d.severity], props, message))
    return "\n".join(lines) + ("\n" if lines else "")
