"""Output formats.  Each writer turns a Report into a string; all start from ``to_dict()``."""
from __future__ import annotations

import importlib

# name → "module:function"; functions take (report, **options) and return str.
WRITERS = {
    "text": "textcheck.report.text:render",
    "json": "textcheck.report.json_writer:render",
    "jsonl": "textcheck.report.json_writer:render_jsonl",
    "sarif": "textcheck.report.sarif:render",
    "github": "textcheck.report.github:render",
    "html": "textcheck.report.html:render",
}


def render(report, fmt: str, **options) -> str:
    module, func = WRITERS[fmt].split(":")
    return getattr(importlib.import_module(module), func)(report, **options)
