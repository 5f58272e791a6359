"""benchmarks/sweep_diff.py: two corpus sweeps compared finding by finding (timings ignored)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("sweep_diff", ROOT / "benchmarks" / "sweep_diff.py")
sweep_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sweep_diff)


def _finding(code="TC101", line=3, message="合计不等于各项之和"):
    return {"code": code, "severity": "error", "category": "sum", "line": line, "page": 1,
            "source": "a.pdf", "ref": "a.pdf p.1", "text": "1.00", "message": message, "fingerprint": "f"}


def _result(findings, elapsed=10.0, seconds=1.0, claims=4):
    return {"files": ["a.pdf"], "error": None, "stats": {"claims": claims, "elapsed_ms": elapsed},
            "findings": findings, "seconds": seconds}


def test_same_findings_with_other_timings_are_identical(tmp_path, capsys):
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps([_result([_finding()], elapsed=10.0, seconds=1.0)]), encoding="utf-8")
    after.write_text(json.dumps([_result([_finding()], elapsed=99.0, seconds=7.0)]), encoding="utf-8")
    assert sweep_diff.main([str(before), str(after)]) == 0
    assert "identical: 1 documents, 1 findings" in capsys.readouterr().out


def test_a_lost_a_new_and_a_changed_stat_are_each_reported():
    lines = sweep_diff.compare([_result([_finding(line=3)])],
                               [_result([_finding(line=4)], claims=5)])
    assert "  stats.claims: 4 → 5" in lines
    assert any(line.startswith("  - TC101 error a.pdf:3") for line in lines)
    assert any(line.startswith("  + TC101 error a.pdf:4") for line in lines)


def test_a_finding_reported_twice_counts_twice():
    assert sweep_diff.compare([_result([_finding()])], [_result([_finding(), _finding()])]) != []


def test_a_document_missing_from_one_sweep_is_named():
    assert sweep_diff.compare([_result([])], []) == ["a.pdf: only in before"]
