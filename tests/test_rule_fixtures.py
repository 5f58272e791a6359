"""One parametrised test runs every rule's YAML fixtures (tests/fixtures/rules/TCnnn.yml).

Fixture file format::

    rule: TC101
    cases:
      - name: totals-add-up
        pass: true              # no diagnostic of this rule above info
        format: text            # optional: text (default) or markdown
        text: |
          …document…
        previous: |             # optional: last year's disclosure (cross-year rules TC361, TC362)
          …document…
      - name: total-off
        text: |
          …
        expect:                 # each entry must match one diagnostic of the rule
          - severity: error
            line: 12            # optional: location line
            message: "合计"      # optional: substring of the message
"""
from pathlib import Path

import pytest
import yaml

from textcheck.api import check_text
from textcheck.config import Config
from textcheck.rules import all_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for f in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(f.read_text("utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}")


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_fixture(code, case):
    if "previous" in case:
        report = _check_with_previous(code, case)
    else:
        report = check_text(case["text"], path=f"{code}-{case['name']}.txt",
                            config=Config(select=[code]), fmt=case.get("format", "text"))
    found = [d for d in report.diagnostics if d.code == code]
    if case.get("pass"):
        serious = [d for d in found if d.severity != "info"]
        assert not serious, f"expected no finding, got: {[d.message for d in serious]}"
        return
    expect = case.get("expect") or [{}]
    for e in expect:
        matches = [d for d in found
                   if ("severity" not in e or d.severity == e["severity"])
                   and ("line" not in e or d.location.line == e["line"])
                   and ("message" not in e or e["message"] in d.message)]
        assert matches, f"expected {e}, got: {[(d.severity, d.location.line, d.message) for d in found]}"
        assert all(d.related or d.category in ("format", "structure", "target", "unit") for d in matches), \
            "a finding must carry its evidence in `related`"


def _check_with_previous(code, case):
    from textcheck.api import get_checker
    from textcheck.readers import read_text
    from textcheck.report.diagnostic import Report

    fmt = case.get("format", "text")
    document = read_text(case["text"], path=f"{code}-{case['name']}.txt", fmt=fmt)
    previous = read_text(case["previous"], path=f"{code}-{case['name']}-previous.txt", fmt=fmt)
    return Report([get_checker(Config(select=[code])).check(document, previous=previous)])


def test_every_rule_has_pass_and_fail_fixtures():
    have: dict[str, set[str]] = {}
    for f in FIXTURES.glob("*.yml"):
        data = yaml.safe_load(f.read_text("utf-8"))
        kinds = have.setdefault(data["rule"], set())
        for case in data["cases"]:
            kinds.add("pass" if case.get("pass") else "fail")
    missing = [cls.code for cls in all_rules() if have.get(cls.code) != {"pass", "fail"}]
    assert not missing, f"rules without both a passing and a failing fixture: {missing}"
