"""Every output format, rendered from hand-built Reports (no reader or rule needed)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import jsonschema
import pytest

from handmade import make_error_report, make_report
from textcheck.report.github import escape_data, escape_property
from textcheck.report.writers import WRITERS, render

LOCATION = {
    "type": "object",
    "required": ["line", "column", "end_line", "end_column", "page", "text"],
    "properties": {"line": {"type": "integer"}, "column": {"type": "integer"},
                   "end_line": {"type": "integer"}, "end_column": {"type": "integer"},
                   "page": {"type": ["integer", "null"]}, "text": {"type": "string"}},
}
DIAGNOSTIC = {
    "type": "object",
    "required": ["code", "name", "category", "severity", "message", "suggestion", "location", "related", "fingerprint"],
    "properties": {
        "code": {"type": "string", "pattern": "^[A-Z]+[0-9]+$"},
        "name": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "category": {"enum": ["sum", "amount", "change", "share", "count", "target", "unit", "format", "structure"]},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string", "minLength": 1},
        "suggestion": {"type": ["string", "null"]},
        "location": LOCATION,
        "related": {"type": "array", "items": {"type": "object", "required": ["kind", "line", "text"]}},
        "fingerprint": {"type": "string", "minLength": 8},
    },
}
# The JSON contract of DESIGN.md (keys may be added, never removed or renamed).
CONTRACT = {
    "type": "object",
    "required": ["tool", "documents", "summary"],
    "properties": {
        "tool": {"type": "object", "required": ["name", "version"], "properties": {"name": {"const": "textcheck"}}},
        "documents": {"type": "array", "items": {
            "type": "object",
            "required": ["path", "sha256", "format", "error", "stats", "diagnostics"],
            "properties": {"diagnostics": {"type": "array", "items": DIAGNOSTIC},
                           "error": {"type": ["string", "null"]}, "stats": {"type": "object"}},
        }},
        "summary": {"type": "object", "required": ["documents", "error", "warning", "info"]},
    },
}


def test_every_format_renders_reports_and_unreadable_inputs():
    for fmt in WRITERS:
        assert render(make_report(), fmt).strip(), fmt
        out = render(make_error_report(), fmt)
        assert "truncated PDF" in out, fmt


def test_json_follows_the_contract():
    data = json.loads(render(make_report(), "json"))
    jsonschema.validate(data, CONTRACT)
    assert data["summary"] == {"documents": 1, "error": 1, "warning": 1, "info": 1, "failed_documents": 0}
    amount = next(d for d in data["documents"][0]["diagnostics"] if d["code"] == "TC201")
    assert amount["location"]["line"] == 8 and amount["location"]["text"] == "905 万元"
    cell = amount["related"][0]
    assert (cell["kind"], cell["table"], cell["row"], cell["column"], cell["line"]) == \
        ("table-cell", "表 1", "项目支出", "金额", 5)
    jsonschema.validate(json.loads(render(make_error_report(), "json")), CONTRACT)


def test_jsonl_is_one_contract_diagnostic_per_line():
    lines = render(make_report(), "jsonl").splitlines()
    assert len(lines) == 3
    for line in lines:
        obj = json.loads(line)
        assert obj["path"] == "budget.txt"
        jsonschema.validate({k: v for k, v in obj.items() if k != "path"}, DIAGNOSTIC)


def test_sarif_has_the_required_fields():
    log = json.loads(render(make_report(), "sarif"))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "textcheck" and driver["version"]
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len(run["results"]) == 3
    levels = {}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["message"]["text"]
        phys = res["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "budget.txt"
        region = phys["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert len(res["partialFingerprints"]["textcheck/v1"]) >= 8
        assert "page" in res["properties"] and "cell" in res["properties"]
        levels[res["ruleId"]] = (res["level"], region)
    assert levels["TC201"] == ("error", {"startLine": 8, "startColumn": 6, "endLine": 8, "endColumn": 12,
                                         "snippet": {"text": "905 万元"}})
    assert levels["TC101"][0] == "note" and levels["TC301"][0] == "warning"
    tc201 = next(r for r in run["results"] if r["ruleId"] == "TC201")
    assert tc201["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_reports_unreadable_input_as_a_notification():
    run = json.loads(render(make_error_report(), "sarif"))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "truncated" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


GITHUB_LINE = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::([^\r\n]*)$")


def test_github_annotations_are_well_formed():
    lines = render(make_report("dir, with: odd%name.txt"), "github").splitlines()
    assert len(lines) == 3
    parsed = []
    for line in lines:
        m = GITHUB_LINE.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        parsed.append((m.group(1), props, m.group(3)))
    kind, props, message = next(p for p in parsed if p[1]["title"].startswith("TC201"))
    assert kind == "error"
    assert props == {"file": "dir%2C with%3A odd%25name.txt", "line": "8", "col": "6", "endLine": "8",
                     "endColumn": "11", "title": "TC201 narrative-amount-mismatch"}
    assert "%0A建议：核对后统一为 950.00 万元" in message  # the suggestion on its own line
    kind, _, message = next(p for p in parsed if p[1]["title"].startswith("TC301"))
    assert kind == "warning" and "40%25" in message and "%" not in message.replace("%25", "").replace("%0A", "")
    assert next(p for p in parsed if p[1]["title"].startswith("TC101"))[0] == "notice"


def test_github_escaping_rules():
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.diags, self.ids, self.cells_with_text = [], [], {}, set(), {}
        self.tags, self.external, self.text = [], [], []
        self._cur_diag = None
        self._cur_cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        for k in ("src", "href"):
            if a.get(k) and not a[k].startswith("#"):
                self.external.append(a[k])
        if tag == "link":
            self.external.append(str(a))
        if tag == "mark":
            self.marks.append({"diag": a.get("data-diag", ""), "text": ""})
        if tag == "li" and "diag" in (a.get("class") or "").split():
            self._cur_diag = a["id"]
            self.diags[a["id"]] = {"attrs": a, "text": ""}
        if tag in ("td", "th") and a.get("id"):
            self._cur_cell = a["id"]
            self.cells_with_text[a["id"]] = ""
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "li":
            self._cur_diag = None
        if tag in ("td", "th"):
            self._cur_cell = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self.stack and self.marks:
            self.marks[-1]["text"] += data
        if self._cur_diag:
            self.diags[self._cur_diag]["text"] += data
        if self._cur_cell:
            self.cells_with_text[self._cur_cell] += data


def _parse_html(report):
    html = render(report, "html")
    p = _Collect()
    p.feed(html)
    p.close()
    return html, p


def test_html_highlights_spans_and_shows_evidence_beside_them():
    html, p = _parse_html(make_report())
    assert html.startswith("<!DOCTYPE html>")
    # each flagged span is a <mark> naming its diagnostic
    by_diag = {}
    for m in p.marks:
        for did in m["diag"].split():
            by_diag.setdefault(did, "")
            by_diag[did] += m["text"]
    diags = {d["attrs"]["data-code"]: (did, d) for did, d in p.diags.items()}
    assert set(diags) == {"TC101", "TC201", "TC301"}
    did, d = diags["TC201"]
    assert by_diag[did] == "905 万元"
    assert by_diag[diags["TC301"][0]] == "40%"
    # the diagnostic carries its message, suggestion and the evidence cell
    assert "950.00 万元不一致" in d["text"] and "核对后统一为" in d["text"]
    assert "项目支出" in d["text"] and "金额" in d["text"] and "950.00" in d["text"]
    # and links the table cell it disagrees with, rendered from Document.tables
    cells = d["attrs"]["data-cells"].split()
    assert cells, "TC201 must link its table cell"
    assert all(c in p.ids for c in cells)
    assert p.cells_with_text[cells[0]] == "950.00"
    # a finding located on a cell (TC101 on the total) links that cell and its addends
    sum_cells = diags["TC101"][1]["attrs"]["data-cells"].split()
    assert [p.cells_with_text[c] for c in sum_cells] == ["2,372.65", "1,422.65", "950.00"]


def test_html_has_a_summary_by_category_and_severity():
    html, p = _parse_html(make_report())
    summary = re.search(r'<table class="summary".*?</table>', html, re.S).group(0)
    for category in ("data-category=\"amount\"", "data-category=\"share\"", "data-category=\"sum\""):
        assert category in summary
    assert 'data-category="target"' not in summary  # categories without findings are left out
    row = re.search(r'<tr data-category="amount">(.*?)</tr>', summary).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["1", "0", "0", "1"]


def test_html_is_self_contained_and_escapes_document_text():
    html, p = _parse_html(make_report())
    assert not p.external, p.external
    assert "b" not in p.tags  # the document's "<b>占</b>" is text, not markup
    assert "&lt;b&gt;占&lt;/b&gt;" in html
    assert p.tags.count("script") == 1 and p.tags.count("style") == 1
    assert "&quot;引号&quot;" in html  # quotes in messages are escaped too


def test_html_without_a_document_still_lists_diagnostics():
    report = make_report()
    report.documents[0].document = None
    _, p = _parse_html(report)
    assert len(p.diags) == 3 and not p.marks


def test_text_groups_by_file_with_caret_and_colour_only_when_asked():
    out = render(make_report(), "text")
    lines = out.splitlines()
    assert lines[0].startswith("budget.txt — 1 个错误，1 个警告，1 个提示")
    i = next(k for k, ln in enumerate(lines) if "TC201" in ln)
    assert lines[i].startswith("budget.txt:8:6: 错误 error TC201 [narrative-amount-mismatch]")
    source, caret = lines[i + 1], lines[i + 2]
    assert source.strip().startswith("项目支出 905 万元")
    # "项目支出 " is 9 display columns; the caret covers "905 万元" (8 columns)
    assert caret == "    " + " " * 9 + "^" * 8
    assert "\033[" not in out
    coloured = render(make_report(), "text", colour=True)
    assert "\033[31m错误 error\033[0m" in coloured


@pytest.fixture(scope="module")
def sample_report():
    from conftest import SAMPLE
    from textcheck.api import check_file

    return check_file(SAMPLE)


def test_sample_renders_in_every_format_and_html_links_every_cell(sample_report):
    """End to end on the real sample: whatever the rules find, every format renders it and the
    HTML links each table-cell evidence to a rendered cell and each located finding to a mark."""
    for fmt in WRITERS:
        assert render(sample_report, fmt).strip(), fmt
    doc = sample_report.documents[0]
    sarif = json.loads(render(sample_report, "sarif"))
    assert len(sarif["runs"][0]["results"]) == len(doc.diagnostics)
    github = render(sample_report, "github").splitlines()
    assert len(github) == len(doc.diagnostics) and all(GITHUB_LINE.match(x) for x in github)
    _, p = _parse_html(sample_report)
    assert len(p.diags) == len(doc.diagnostics)
    marked = {did for m in p.marks for did in m["diag"].split()}
    for k, d in enumerate(doc.diagnostics):
        did = f"f0-d{k}"
        if 1 <= d.location.line <= len(doc.document.source_lines):
            assert did in marked, f"{d.code} at line {d.location.line} has no highlighted span"
        n_cells = sum(1 for r in d.related if r.kind == "table-cell")
        linked = p.diags[did]["attrs"]["data-cells"].split()
        assert all(c in p.ids for c in linked)
        assert len(linked) >= min(1, n_cells), f"{d.code}: table-cell evidence not linked to a rendered cell"
