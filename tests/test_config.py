"""Config: [tool.textcheck] in pyproject.toml or textcheck.toml — each option and each error."""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from handmade import make_report
from textcheck.config import Config, config_from_mapping, find_config_file, load_config
from textcheck.document import Location
from textcheck.errors import ConfigError
from textcheck.rules.base import Rule


class AmountRule(Rule):
    code, name, category, severity = "TC201", "narrative-amount-mismatch", "amount", "error"


class SumRule(Rule):
    code, name, category, severity = "TC101", "row-sum-mismatch", "sum", "error"


class FormatRule(Rule):  # a real code and name: config keys are checked against the registry
    code, name, category, severity = "TC801", "malformed-operator", "format", "warning"


RULES = (AmountRule, SumRule, FormatRule)


def enabled(cfg: Config) -> list[str]:
    return [r.code for r in RULES if cfg.enabled(r)]


@pytest.mark.parametrize("key", ["TC201", "tc201", "narrative-amount-mismatch", "amount"])
def test_select_by_code_name_or_category(key):
    assert enabled(config_from_mapping({"select": [key]})) == ["TC201"]


@pytest.mark.parametrize("key", ["TC101", "row-sum-mismatch", "sum"])
def test_ignore_by_code_name_or_category(key):
    assert enabled(config_from_mapping({"ignore": [key]})) == ["TC201", "TC801"]


def test_select_by_code_prefix_and_ignore_wins():
    assert enabled(config_from_mapping({"select": ["TC2", "TC8"]})) == ["TC201", "TC801"]
    assert enabled(config_from_mapping({"select": ["amount", "format"], "ignore": ["TC801"]})) == ["TC201"]


@pytest.mark.parametrize("key", ["TC801", "malformed-operator", "format"])
def test_severity_override_reaches_the_diagnostic(key):
    cfg = config_from_mapping({"severity": {key: "error"}})
    ctx = SimpleNamespace(config=cfg)
    d = FormatRule().diagnostic(ctx, "运算符格式", Location(1, 1, 1, 2), "<=")
    assert d.severity == "error"
    assert AmountRule().diagnostic(ctx, "金额", Location(1, 1, 1, 2), "x").severity == "error"
    assert SumRule().diagnostic(SimpleNamespace(config=Config()), "x", Location(1, 1, 1, 1), "x",
                                severity="info").severity == "info"


def test_fail_on_decides_the_exit():
    report = make_report()  # one error, one warning, one info
    for fail_on, reached in (("error", True), ("warning", True), ("info", True), ("never", False)):
        cfg = config_from_mapping({"fail-on": fail_on})
        assert report.reaches(cfg.fail_on) is reached
    report.documents[0].diagnostics = [d for d in report.diagnostics if d.severity == "info"]
    assert not report.reaches(config_from_mapping({"fail-on": "warning"}).fail_on)
    assert report.reaches(config_from_mapping({"fail-on": "info"}).fail_on)


def test_tolerance_and_rule_options():
    cfg = config_from_mapping({"tolerance": "0.01", "rules": {"TC101": {"report-rounding": True}}})
    assert cfg.tolerance == Decimal("0.01") and isinstance(cfg.tolerance, Decimal)
    assert config_from_mapping({"tolerance": 0.5}).tolerance == Decimal("0.5")
    assert cfg.options("TC101") == {"report-rounding": True} and cfg.options("TC102") == {}
    # a rule's name works as the table name; options are looked up by code
    by_name = config_from_mapping({"rules": {"column-sum-mismatch": {"report-rounding": True}}})
    assert by_name.options("TC102") == {"report-rounding": True}


def test_extra_lexicon_folders_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "lex").mkdir()
    (tmp_path / "textcheck.toml").write_text('lexicons = ["lex"]\n', "utf-8")
    cfg = load_config(tmp_path / "textcheck.toml")
    assert cfg.lexicons == [str((tmp_path / "lex").resolve())]


def test_config_is_found_upward_textcheck_toml_first(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    doc = deep / "budget.txt"
    doc.write_text("x", "utf-8")
    assert load_config(start=doc).source is None  # nothing found: defaults
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert find_config_file(doc) is None  # a pyproject.toml without [tool.textcheck] is not a config
    (tmp_path / "pyproject.toml").write_text('[tool.textcheck]\nignore = ["format"]\n', "utf-8")
    assert load_config(start=doc).ignore == ["format"]
    (tmp_path / "a" / "textcheck.toml").write_text('fail-on = "warning"\n', "utf-8")
    cfg = load_config(start=doc)
    assert cfg.fail_on == "warning" and cfg.source.endswith("textcheck.toml")


@pytest.mark.parametrize("data,key", [
    ({"selct": ["TC201"]}, "tool.textcheck.selct"),
    ({"select": "TC201"}, "tool.textcheck.select"),
    ({"ignore": [201]}, "tool.textcheck.ignore"),
    ({"severity": {"TC201": "fatal"}}, "tool.textcheck.severity.TC201"),
    ({"severity": ["TC201"]}, "tool.textcheck.severity"),
    ({"fail-on": "sometimes"}, "tool.textcheck.fail-on"),
    ({"tolerance": "a lot"}, "tool.textcheck.tolerance"),
    ({"tolerance": -1}, "tool.textcheck.tolerance"),
    ({"rules": {"TC201": 3}}, "tool.textcheck.rules.TC201"),
    ({"lexicons": ["/no/such/folder"]}, "tool.textcheck.lexicons"),
    # names are checked against the rule registry: a typo would silently disable checks
    ({"select": ["amonut"]}, "tool.textcheck.select"),
    ({"ignore": ["TC9999"]}, "tool.textcheck.ignore"),
    ({"severity": {"TC2O1": "warning"}}, "tool.textcheck.severity.TC2O1"),
    ({"severity": {"formt": "info"}}, "tool.textcheck.severity.formt"),
    ({"rules": {"TC199": {"report-rounding": True}}}, "tool.textcheck.rules.TC199"),
    ({"rules": {"TC101": {"report-roundng": True}}}, "tool.textcheck.rules.TC101.report-roundng"),
    ({"rules": {"TC101": {"report-rounding": "yes"}}}, "tool.textcheck.rules.TC101.report-rounding"),
])
def test_invalid_config_names_the_key(data, key):
    with pytest.raises(ConfigError) as exc:
        config_from_mapping(data, "textcheck.toml")
    assert f"'{key}'" in str(exc.value) and "textcheck.toml" in str(exc.value)


def test_invalid_toml_and_missing_file(tmp_path):
    bad = tmp_path / "textcheck.toml"
    bad.write_text("select = [\n", "utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_cli_reports_a_bad_config_in_one_line(tmp_path, capsys):
    from textcheck import cli

    (tmp_path / "textcheck.toml").write_text('[severity]\nTC201 = "fatal"\n', "utf-8")
    doc = tmp_path / "budget.txt"
    doc.write_text("x", "utf-8")
    assert cli.main(["check", str(doc)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tool.textcheck.severity.TC201" in err[0] and "Traceback" not in err[0]


def test_checker_runs_only_enabled_rules(monkeypatch):
    import textcheck.pipeline as pipeline

    monkeypatch.setattr(pipeline, "all_rules", lambda: RULES)
    checker = pipeline.Checker(config_from_mapping({"ignore": ["sum"], "select": ["TC1", "TC2"]}))
    assert [r.code for r in checker.rules] == ["TC201"]


def test_pre_commit_hook_definition():
    import re
    from pathlib import Path

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "textcheck"]
    assert hook["entry"] == "textcheck check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("a.txt", "b.md", "c.docx", "d.xlsx", "e.pdf", "f.html", "G.PDF"):
        assert files.search(name), name
    for name in ("a.py", "b.docx.bak", "pdf", "x.json"):
        assert not files.search(name), name
