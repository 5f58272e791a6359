"""A part that fails degrades only that part, and says so in the result."""
from __future__ import annotations

import json

from textcheck.pipeline import Checker
from textcheck.readers import read_text
from textcheck.report.diagnostic import Report
from textcheck.report.writers import render

from conftest import SAMPLE

TEXT = SAMPLE.read_text("utf-8")


def test_a_failing_rule_is_an_info_finding_and_the_other_rules_still_run():
    checker = Checker(strict=False)
    found = {d.code for d in checker.check(read_text(TEXT)).diagnostics}
    assert found  # the sample has real findings
    broken = next(rule for rule in checker.rules if rule.code not in found)

    def explode(ctx):
        raise ValueError("broken rule\nwith a second line")

    broken.check = explode
    result = checker.check(read_text(TEXT))
    failed = [d for d in result.diagnostics if d.code == broken.code]
    assert len(failed) == 1 and failed[0].severity == "info"
    assert "ValueError: broken rule" in failed[0].message and "second line" not in failed[0].message
    assert result.stats["rule_errors"][0].startswith(f"{broken.code}: ValueError")
    assert found <= {d.code for d in result.diagnostics}  # the other rules still ran
    doc = json.loads(render(Report([result]), "json"))["documents"][0]
    assert any(d["code"] == broken.code and d["severity"] == "info" for d in doc["diagnostics"])


def test_a_reader_bug_makes_that_input_unreadable_not_the_run(monkeypatch, tmp_path):
    from textcheck.api import check_files
    import textcheck.readers.text as text_reader

    monkeypatch.setenv("TEXTCHECK_STRICT", "0")

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(text_reader, "build_document", broken)
    bad = tmp_path / "bad.txt"
    bad.write_text("正文。\n", "utf-8")
    (result,) = check_files([bad]).documents
    assert result.error.startswith(f"{bad}: could not be read: internal error IndexError")
    assert "\n" not in result.error


def test_check_file_returns_an_error_result_for_paths_that_cannot_be_read(tmp_path):
    import os

    from textcheck.api import check_file

    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    os.mkfifo(tmp_path / "fifo.txt")
    for path, reason in ((tmp_path / "loop-a", "symbolic links"), ("/dev/zero", "not a regular file"),
                         (tmp_path / "fifo.txt", "FIFO"), (tmp_path, "folder"), (tmp_path / ("x" * 300), "too long")):
        (result,) = check_file(path).documents
        assert result.error and reason in result.error, (path, result.error)
