"""CLI surface: rules listing, explain, usage errors (exit 2, one line, no traceback)."""
from textcheck.cli import main
from textcheck.rules import all_rules


def test_rules_lists_every_rule_with_its_summary(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(all_rules())
    for cls, line in zip(all_rules(), lines):
        summary = cls.doc().splitlines()[0].strip()
        assert line.startswith(cls.code) and cls.name in line and summary in line


def test_explain_by_code_and_by_name(capsys):
    assert main(["explain", "TC201"]) == 0
    by_code = capsys.readouterr().out
    assert main(["explain", "narrative-amount-mismatch"]) == 0
    assert capsys.readouterr().out == by_code
    for section in ("检查什么", "为什么", "反例", "正例", "选项"):
        assert section in by_code


def test_unknown_rule_and_missing_file_are_usage_errors(capsys, tmp_path):
    assert main(["explain", "TC999"]) == 2
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no such file" in err


def test_a_typo_in_select_or_ignore_is_one_line_naming_it(capsys, tmp_path):
    doc = tmp_path / "budget.txt"
    doc.write_text("基本支出 1,422.65 万元。\n", "utf-8")
    for option in ("--select", "--ignore"):
        assert main(["check", str(doc), option, "amount,amonut"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"{option}: unknown rule, name or category 'amonut'" in err[0]
    assert main(["check", str(doc), "--select", "amount,TC2,narrative-amount-mismatch"]) == 0


def test_output_into_a_missing_folder_or_onto_a_folder_is_one_line(capsys, tmp_path):
    doc = tmp_path / "budget.txt"
    doc.write_text("基本支出 1,422.65 万元。\n", "utf-8")
    for target, needle in ((tmp_path / "no" / "r.json", "does not exist"), (tmp_path, "is a folder")):
        assert main(["check", str(doc), "-f", "json", "-o", str(target)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and needle in err[0] and "Traceback" not in err[0]
    out = tmp_path / "r.json"
    assert main(["check", str(doc), "-f", "json", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.txt", "r.json"]  # no temporary file left


def test_every_option_has_help_and_shows_its_default(capsys):
    import pytest

    for command in ("check", "scan", "report", "serve", "explain"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "default" in out, command
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for text in ("(default: text)", "(default: error, or fail-on of the config)", "(default: all)"):
        assert text in out, text
    from textcheck.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        for action in p._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings} has no help"


def test_explain_shows_a_configured_severity(capsys, tmp_path, monkeypatch):
    (tmp_path / "textcheck.toml").write_text('[severity]\nTC301 = "warning"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["explain", "TC301"]) == 0
    out = capsys.readouterr().out
    assert "default severity: error" in out and "[severity] TC301 = warning" in out


def test_a_finding_says_why_its_severity_is_not_the_default(capsys, tmp_path):
    import json

    from test_scan_workflow import _case

    doc = tmp_path / "budget.txt"
    doc.write_text(_case("amount-differs-from-table"), "utf-8")
    (tmp_path / "textcheck.toml").write_text('ignore = ["TC203"]\n[severity]\nnarrative-amount-mismatch = "warning"\n', "utf-8")
    assert main(["check", str(doc), "-f", "json"]) == 0  # an error downgraded to warning no longer fails
    diags = json.loads(capsys.readouterr().out)["documents"][0]["diagnostics"]
    (d,) = [d for d in diags if d["code"] == "TC201"]
    assert d["severity"] == "warning" and "narrative-amount-mismatch = warning" in d["severity_reason"]
    assert "规则默认 error" in d["severity_reason"]
    assert all("severity_reason" not in x for x in diags if x["code"] != "TC201")
    assert main(["check", str(doc)]) == 0
    assert "级别说明: 配置 [severity] narrative-amount-mismatch = warning" in capsys.readouterr().out
