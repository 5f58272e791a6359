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
