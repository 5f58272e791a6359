"""Third-party rules: the example plugin in tests/plugin_example registers a rule (and a
lexicon folder) through entry points; textcheck finds and runs it.

No pip call: the test puts the plugin's source folder and a generated dist-info
(METADATA + entry_points.txt, what pip would write) on sys.path.
"""
from __future__ import annotations

import importlib
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from handmade import make_document
from textcheck.config import Config, plugin_lexicon_dirs
from textcheck.rules import all_rules, find_rule

PLUGIN_SRC = Path(__file__).resolve().parent / "plugin_example"
ENTRY_POINTS = """\
[textcheck.rules]
example = textcheck_example_plugin.rules

[textcheck.lexicons]
example = textcheck_example_plugin:lexicon_dir
"""


@pytest.fixture
def plugin_installed(tmp_path, monkeypatch):
    dist = tmp_path / "textcheck_example_plugin-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: textcheck-example-plugin\nVersion: 0.1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PLUGIN_SRC))
    importlib.invalidate_caches()
    all_rules.cache_clear()
    yield
    all_rules.cache_clear()  # the next test sees the built-in rules only again
    for name in [m for m in sys.modules if m.startswith("textcheck_example_plugin")]:
        del sys.modules[name]


def test_plugin_rule_is_registered(plugin_installed):
    cls = find_rule("EX001")
    assert cls is not None and cls.name == "example-placeholder-text"
    assert find_rule("example-placeholder-text") is cls
    assert cls.__module__ == "textcheck_example_plugin.rules"


def test_without_the_plugin_the_rule_is_absent():
    all_rules.cache_clear()
    assert find_rule("EX001") is None


def test_plugin_rule_runs_in_the_checker(plugin_installed):
    from textcheck.pipeline import Checker

    doc = make_document()
    lines = list(doc.source_lines)
    lines[4] = "项目支出\tXXX"
    doc = replace(doc, source_lines=tuple(lines), paragraphs=())
    result = Checker(Config(select=["EX001"])).check(doc)
    (d,) = result.diagnostics
    assert (d.code, d.severity, d.location.line, d.location.column, d.text) == ("EX001", "warning", 5, 6, "XXX")
    assert "占位文字" in d.message
    # config applies to plugin rules like to built-in ones
    assert Checker(Config(ignore=["format"], select=["EX001"])).check(doc).diagnostics == []


def test_plugin_lexicon_folder_is_added(plugin_installed):
    dirs = plugin_lexicon_dirs()
    assert str(PLUGIN_SRC / "textcheck_example_plugin" / "lexicons") in dirs


def test_plugin_appears_in_rules_and_explain(plugin_installed, capsys):
    from textcheck import cli

    assert cli.main(["rules"]) == 0
    assert "EX001" in capsys.readouterr().out
    assert cli.main(["explain", "EX001"]) == 0
    out = capsys.readouterr().out
    assert "example-placeholder-text" in out and "反例" in out


def test_plugin_rules_do_not_change_the_generated_rule_docs(plugin_installed):
    from textcheck.rules.docs import builtin_rules

    assert "EX001" not in {c.code for c in builtin_rules()}
    assert "EX001" in {c.code for c in all_rules()}


def test_plugin_rule_end_to_end_through_check_text(plugin_installed):
    from textcheck.api import check_text

    report = check_text("第一部分 概况\n本单位项目支出待补充。\n", config=Config(select=["EX001"]))
    assert [(d.code, d.location.line, d.text) for d in report.diagnostics] == [("EX001", 2, "待补充")]
