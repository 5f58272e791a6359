"""JSON (the DESIGN.md contract) and JSON Lines (one diagnostic per line, for streaming)."""
from __future__ import annotations

import json


def render(report, **_options) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report, **_options) -> str:
    """One JSON object per diagnostic, each carrying its document's path; errors as their own lines."""
    lines = []
    for doc in report.documents:
        if doc.error:
            lines.append(json.dumps({"path": doc.path, "error": doc.error}, ensure_ascii=False))
        for d in doc.diagnostics:
            lines.append(json.dumps({"path": doc.path, **d.to_dict()}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
