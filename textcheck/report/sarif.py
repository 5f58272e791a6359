"""SARIF 2.1.0: the format code-scanning tools (GitHub, Azure DevOps, IDE viewers) read.

One run per report.  ``tool.driver.rules`` lists every rule the report says
its documents were checked with (``Report.rules``: every registered rule, with
its docstring), plus any rule a diagnostic names that the report does not; each result points at the flagged span and carries the
diagnostic's line-independent fingerprint in ``partialFingerprints`` so a
code-scanning service tracks a finding across edits that shift lines.

Columns are Unicode code points (``columnKind``), as everywhere in textcheck;
SARIF's ``endColumn`` is exclusive, textcheck's ``end_column`` inclusive.
"""
from __future__ import annotations

import json
from pathlib import PurePath

from textcheck import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/textcheck/textcheck"
FINGERPRINT_KEY = "textcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(info) -> dict:
    """A rule's descriptor from the report's ``RuleInfo``."""
    sections = dict(info.sections)
    full = sections.get("检查什么") or info.summary or info.name
    help_text = info.doc or info.summary or info.name
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": _help_markdown(info)},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": {"category": info.category, "tags": [info.category]},
    }


def _help_markdown(info) -> str:
    parts = [f"**{info.code} {info.name}** — {info.summary}"]
    for heading, body in info.sections:
        parts.append(f"### {heading}\n\n{body}")
    return "\n\n".join(parts)


def _fallback_descriptor(d) -> dict:
    """A rule named by a diagnostic but not described by the report (e.g. a baseline's or a
    hand-built report)."""
    return {
        "id": d.code, "name": d.name,
        "shortDescription": {"text": d.name}, "fullDescription": {"text": d.name},
        "help": {"text": f"textcheck explain {d.code}"},
        "defaultConfiguration": {"level": LEVELS[d.severity]},
        "properties": {"category": d.category, "tags": [d.category]},
    }


def _uri(path: str) -> str:
    """A relative path stays relative (the consumer resolves it against the checkout)."""
    if path.startswith("<"):  # "<text>" from check_text: not a file
        return path.strip("<>") or "text"
    return PurePath(path).as_posix()


def _region(line: int | None, column: int | None, end_line: int | None = None,
            end_column: int | None = None, snippet: str | None = None) -> dict | None:
    if not line or line < 1:
        return None  # document-level finding: no region (SARIF lines are 1-based)
    region: dict = {"startLine": line}
    if column and column >= 1:
        region["startColumn"] = column
    if end_line and end_line >= line:
        region["endLine"] = end_line
        if end_column and end_column >= 1:
            region["endColumn"] = end_column + 1  # exclusive in SARIF
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(uri: str, region: dict | None) -> dict:
    loc: dict = {"artifactLocation": {"uri": uri}}
    if region:
        loc["region"] = region
    return loc


def _result(d, uri: str, rule_index: int) -> dict:
    loc = d.location
    message = d.message + (f"（建议：{d.suggestion}）" if d.suggestion else "")
    result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(
            uri, _region(loc.line, loc.column, loc.end_line, loc.end_column, d.text))}],
        "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
        "properties": {
            "name": d.name, "category": d.category, "severity": d.severity,
            "page": loc.page, "cell": loc.ref,
            "related": [r.to_dict() for r in d.related],
        },
    }
    if d.suggestion:
        result["properties"]["suggestion"] = d.suggestion
    related = []
    for i, r in enumerate(d.related, 1):
        region = _region(r.line, r.source_column, snippet=r.text)
        if not region:
            continue
        label = (f"{r.table} {r.row or ''} / {r.column_label or ''}: {r.text}" if r.kind == "table-cell"
                 else f"{r.kind}: {r.text}")
        related.append({"id": i, "physicalLocation": _physical(uri, region), "message": {"text": label},
                        "properties": {"page": r.page, "cell": r.ref}})
    if related:
        result["relatedLocations"] = related
    return result


def build(report) -> dict:
    """The SARIF log as a dict."""
    rules: list[dict] = []
    index: dict[str, int] = {}
    for info in report.rules:
        index[info.code] = len(rules)
        rules.append(_rule_descriptor(info))
    for d in report.diagnostics:
        if d.code not in index:
            index[d.code] = len(rules)
            rules.append(_fallback_descriptor(d))

    results, artifacts, notifications = [], [], []
    for doc in report.documents:
        uri = _uri(doc.path)
        artifact: dict = {"location": {"uri": uri}}
        if doc.sha256:
            artifact["hashes"] = {"sha-256": doc.sha256}
        if doc.format:
            artifact["properties"] = {"format": doc.format}
        artifacts.append(artifact)
        if doc.error:
            notifications.append({"level": "error", "message": {"text": doc.error},
                                  "locations": [{"physicalLocation": _physical(uri, None)}]})
        results.extend(_result(d, uri, index[d.code]) for d in doc.diagnostics)

    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "textcheck", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI, "rules": rules,
            }},
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report, **_options) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"
