"""Baseline of accepted findings: write, apply, robust to line shifts, CLI wiring."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from handmade import make_report
from textcheck import __version__
from textcheck.baseline import BaselineError, apply_baseline, write_baseline
from textcheck.document import Location
from textcheck.report.diagnostic import Diagnostic, Report


def _shifted(report: Report, lines: int) -> Report:
    """The same findings after ``lines`` lines were inserted above them."""
    doc = report.documents[0]
    moved = []
    for d in doc.diagnostics:
        loc = d.location
        new = Location(loc.line + lines, loc.column, loc.end_line + lines, loc.end_column, loc.page, loc.ref)
        related = tuple(replace(r, line=r.line + lines if r.line else r.line) for r in d.related)
        moved.append(Diagnostic(code=d.code, name=d.name, category=d.category, severity=d.severity,
                                message=d.message, location=new, text=d.text, suggestion=d.suggestion,
                                related=related, key=d.key))
    return Report([replace(doc, diagnostics=moved)])


def test_written_baseline_holds_tool_version_and_every_finding(tmp_path):
    path = tmp_path / "baseline.json"
    assert write_baseline(make_report(), path) == 3
    data = json.loads(path.read_text("utf-8"))
    assert data["tool"] == {"name": "textcheck", "version": __version__}
    assert sorted(f["code"] for f in data["findings"]) == ["TC101", "TC201", "TC301"]
    assert all(len(f["fingerprint"]) >= 8 for f in data["findings"])
    assert not list(tmp_path.glob("*.tmp*"))  # written atomically, nothing left behind


def test_apply_hides_accepted_findings_even_after_lines_shift(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(make_report(), path)
    later = _shifted(make_report(), 12)
    assert later.diagnostics[0].location.line != make_report().diagnostics[0].location.line
    result = apply_baseline(later, path)
    assert result.diagnostics == []
    assert result.documents[0].stats["baselined"] == 3


def test_a_new_or_changed_finding_is_not_hidden(tmp_path):
    path = tmp_path / "baseline.json"
    report = make_report()
    accepted = Report([replace(report.documents[0], diagnostics=report.documents[0].diagnostics[:1])])
    write_baseline(accepted, path)
    result = apply_baseline(make_report(), path)
    assert [d.code for d in result.diagnostics] == ["TC201", "TC301"]
    assert result.documents[0].stats["baselined"] == 1
    # the same rule on different figures is a different finding
    d = report.documents[0].diagnostics[1]
    changed = replace(d, text="906 万元", fingerprint="")  # fingerprint recomputed from the new text
    assert changed.fingerprint != d.fingerprint
    assert apply_baseline(Report([replace(report.documents[0], diagnostics=[changed])]), path).diagnostics


def test_multiplicity_one_accepted_copy_hides_one_finding(tmp_path):
    report = make_report()
    doc = report.documents[0]
    d = doc.diagnostics[1]
    write_baseline(Report([replace(doc, diagnostics=[d])]), tmp_path / "b.json")
    twice = Report([replace(doc, diagnostics=[d, d])])
    assert len(apply_baseline(twice, tmp_path / "b.json").diagnostics) == 1


@pytest.mark.parametrize("content,needle", [
    (None, "not found"),
    ("{not json", "not valid JSON"),
    ('{"something": 1}', "not a textcheck baseline"),
    ('{"version": 1, "findings": [{"code": "TC201"}]}', "findings[0]"),
    ('{"version": 99, "findings": []}', "format version"),
])
def test_bad_baseline_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(BaselineError, match=needle.replace("[", r"\[").replace("]", r"\]")):
        apply_baseline(make_report(), path)


def test_cli_writes_and_applies_a_baseline(tmp_path, monkeypatch, capsys):
    import textcheck.api
    from textcheck import cli

    monkeypatch.setattr(textcheck.api, "check_files", lambda paths, config=None, combine=False: make_report())
    doc = tmp_path / "budget.txt"
    doc.write_text("x", "utf-8")
    base = tmp_path / "baseline.json"
    assert cli.main(["check", str(doc), "--write-baseline", str(base), "-f", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["error"] == 1
    assert cli.main(["check", str(doc), "--baseline", str(base), "-f", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["error"] == 0 and out["documents"][0]["stats"]["baselined"] == 3
    assert cli.main(["check", str(doc), "--baseline", str(tmp_path / "missing.json")]) == 2
    assert "baseline file not found" in capsys.readouterr().err
