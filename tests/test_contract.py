"""The `textcheck check --format json` contract of DESIGN.md, through `textcheck.cli.main`.

Keys may be added to the contract but never renamed or dropped.  The sets
below are DESIGN.md's keys plus the additions made so far (listed separately);
an unplanned change of the output shape fails here and must be made on purpose.
"""
import json

import pytest

from tests.conftest import SAMPLE, replace_once
from textcheck.cli import main

TOP = {"tool", "documents", "summary"}
TOOL = {"name", "version"}
DOCUMENT = {"path", "sha256", "format", "error", "stats", "diagnostics"}
STATS = {"lines", "tables", "claims", "linked_claims", "elapsed_ms"}
DIAGNOSTIC = {"code", "name", "category", "severity", "message", "suggestion", "location", "related", "fingerprint"}
LOCATION = {"line", "column", "end_line", "end_column", "page", "text"}
LOCATION_ADDED = {"ref"}  # DOCX/XLSX cell or paragraph reference
# Added (never replacing a contract key): why the severity is not the rule's default, only when it is not.
DIAGNOSTIC_ADDED_WHEN_SET = {"severity_reason"}
SUMMARY = {"documents", "error", "warning", "info"}
SUMMARY_ADDED = {"failed_documents"}
TABLE_CELL = {"kind", "table", "row", "column", "line", "text"}
CATEGORIES = {"sum", "amount", "change", "share", "count", "target", "unit", "format", "structure"}
SEVERITIES = {"error", "warning", "info"}


def run_json(capsys, *args) -> tuple[int, dict]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def sample_report():
    """The full check (all rules) of the bundled sample, as JSON."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", "--fail-on", "never", str(SAMPLE)])
    return code, json.loads(out.getvalue())


def test_top_level_tool_and_summary_keys(sample_report):
    code, report = sample_report
    assert code == 0  # --fail-on never
    assert set(report) == TOP
    assert set(report["tool"]) == TOOL and report["tool"]["name"] == "textcheck"
    assert set(report["summary"]) == SUMMARY | SUMMARY_ADDED
    assert report["summary"]["documents"] == 1


def test_document_keys_and_stats(sample_report):
    _, report = sample_report
    (doc,) = report["documents"]
    assert set(doc) == DOCUMENT
    assert doc["format"] == "text" and doc["error"] is None and len(doc["sha256"]) == 64
    assert STATS <= set(doc["stats"])
    assert doc["stats"]["tables"] >= 11


def test_every_diagnostic_has_the_contract_shape(sample_report):
    _, report = sample_report
    diagnostics = report["documents"][0]["diagnostics"]
    assert diagnostics, "the sample is expected to produce some findings (at least info)"
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        assert set(d) - DIAGNOSTIC_ADDED_WHEN_SET == DIAGNOSTIC
        assert d.get("severity_reason", "x")  # present only with a reason
        assert set(d["location"]) == LOCATION | LOCATION_ADDED
        assert d["category"] in CATEGORIES
        assert d["severity"] in SEVERITIES
        assert d["code"].isascii() and d["name"].isascii() and d["name"] == d["name"].lower()
        assert d["location"]["line"] >= 1 and d["location"]["column"] >= 1
        for r in d["related"]:
            if r["kind"] == "table-cell":
                assert TABLE_CELL <= set(r)
        counts[d["severity"]] += 1
    assert {k: report["summary"][k] for k in counts} == counts


def test_exit_0_when_nothing_reaches_fail_on(capsys):
    code, report = run_json(capsys, "--select", "sum", str(SAMPLE))
    assert code == 0
    assert report["summary"]["error"] == 0


def test_exit_1_when_an_error_is_found(capsys, tmp_path, sample_text):
    bad = tmp_path / "bad.txt"
    bad.write_text(replace_once(sample_text, "948.53\t773.32\t175.21", "948.53\t774.32\t175.21"), "utf-8")
    code, report = run_json(capsys, "--select", "sum", str(bad))
    assert code == 1
    sums = [d for d in report["documents"][0]["diagnostics"] if d["severity"] == "error"]
    assert sums and all(d["category"] == "sum" for d in sums)


def test_exit_2_for_an_unreadable_input(capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    assert main(["check", "--format", "json", str(missing)]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["check", "--format", "json", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "empty" in err


def test_exit_2_for_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "nonsense", str(SAMPLE)])
    assert exc.value.code == 2
