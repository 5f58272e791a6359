"""Narrative defects on copies of the sample: one defect each, the matching diagnostic on its line.

The unmodified sample is arithmetically consistent in 第三部分 (every amount, change
and share was checked by hand), so it must yield no error from the narrative rules
(TC2xx–TC5xx) and its restating claims must be linked.
"""
import pytest

from tests.conftest import line_of, replace_once
from textcheck.api import get_checker
from textcheck.config import Config
from textcheck.report.diagnostic import Report
from textcheck.readers import read_text

NARRATIVE = ("TC2", "TC3", "TC4", "TC5")
_CHECKERS = {}


def check_text(text, path):
    """Check a copy with the narrative rules only: the assertions concern them, and it is faster."""
    if "checker" not in _CHECKERS:
        from textcheck.pipeline import Checker

        _CHECKERS["checker"] = Checker(Config(select=list(NARRATIVE)))
    return Report([_CHECKERS["checker"].check(read_text(text, path=path))])


def narrative(report):
    return [d for d in report.diagnostics if d.code.startswith(NARRATIVE)]


@pytest.fixture(scope="module")
def sample_report(sample_text):
    return check_text(sample_text, path="sample.txt")


def test_unmodified_sample_has_no_narrative_error(sample_report):
    errors = [(d.code, d.location.line, d.message) for d in narrative(sample_report) if d.severity == "error"]
    assert errors == []


def test_zero_base_growth_is_explained_not_an_error(sample_report, sample_text):
    found = [d for d in sample_report.diagnostics if d.code == "TC303"]
    lines = {d.location.line for d in found}
    assert line_of(sample_text, "增加 1,405.00 万元，增长 100.00%") in lines
    assert all(d.severity == "info" for d in found)


def test_restating_claims_are_linked(sample_text):
    """Claims of the 第三部分 sections that restate a table (amounts, changes, shares) are linked.

    Not counted: figures inside "主要原因…" explanations, the items of a project's
    资金分配情况 (no table holds them) and sections that restate no table.
    """
    doc = read_text(sample_text, path="sample.txt")
    ctx = get_checker().context(doc)
    links = [link for link in ctx.links
             if link.claim.kind in ("amount", "change", "breakdown") and getattr(link, "scope", ())
             and "performance" not in link.scope[:1] and link.claim.clause != "reason"
             and not (link.claim.project and link.claim.whole is not None)]
    linked = [link for link in links if link.linked]
    assert len(links) >= 40
    ratio = len(linked) / len(links)
    print(f"restating claims linked: {len(linked)}/{len(links)} = {ratio:.2f}; "
          f"all claims: {sum(x.linked for x in ctx.links)}/{len(ctx.claims)}")
    assert ratio >= 0.9, [(x.claim.subject, x.claim.value.span.text) for x in links if not x.linked]
    confident = [link for link in linked if link.confidence == "confident"]
    assert len(confident) / len(links) >= 0.8


def test_stats_report_claims_and_links(sample_report):
    stats = sample_report.documents[0].stats
    assert stats["claims"] > 100 and 0 < stats["linked_claims"] <= stats["claims"]


def _one(report, code, line):
    found = [d for d in report.diagnostics if d.code == code and d.location.line == line]
    assert found, [(d.code, d.location.line, d.message) for d in narrative(report)]
    return found[0]


def _evidence(d, *figures):
    assert d.related, "a finding carries its evidence"
    for f in figures:
        assert f in d.message, (f, d.message)


AMOUNT = "基本支出 1,422.65 万元，占 35.77%，比上年预算增加 78.13 万元，增长 5.81%"


def test_amount_differs_from_table(sample_text):
    text = replace_once(sample_text, AMOUNT, AMOUNT.replace("1,422.65", "1,442.65"))
    d = _one(check_text(text, path="amount.txt"), "TC201", line_of(text, "基本支出 1,442.65"))
    assert d.severity == "error"
    _evidence(d, "1,442.65", "1,422.65", "表 3")
    assert any(r.kind == "table-cell" and r.table == "表 3" for r in d.related)


def test_rate_transposed(sample_text):
    text = replace_once(sample_text, AMOUNT, AMOUNT.replace("增长 5.81%", "增长 5.18%"))
    d = _one(check_text(text, path="rate.txt"), "TC301", line_of(text, "增长 5.18%"))
    assert d.severity == "error"
    _evidence(d, "5.18%", "5.81%", "1,344.52")


def test_direction_word_flipped(sample_text):
    text = replace_once(sample_text, AMOUNT, AMOUNT.replace("增加 78.13", "减少 78.13"))
    report = check_text(text, path="direction.txt")
    d = _one(report, "TC302", line_of(text, "减少 78.13"))
    assert d.severity == "error"
    _evidence(d, "减少", "增长", "增加")
    assert not [x for x in report.diagnostics if x.code == "TC301" and x.location.line == d.location.line]


def test_share_off(sample_text):
    text = replace_once(sample_text, AMOUNT, AMOUNT.replace("占 35.77%", "占 37.77%"))
    d = _one(check_text(text, path="share.txt"), "TC401", line_of(text, "占 37.77%"))
    assert d.severity == "error"
    _evidence(d, "37.77%", "35.77%", "3,977.09")


def test_breakdown_item_off(sample_text):
    text = replace_once(sample_text, "差旅费 10.00 万元", "差旅费 11.00 万元")
    d = _one(check_text(text, path="breakdown.txt"), "TC203", line_of(text, "差旅费 11.00 万元"))
    assert d.severity == "error"
    _evidence(d, "56.00", "55.00")


def test_enumerated_count_off(sample_text):
    text = replace_once(sample_text, "实有人数 193 人", "实有人数 195 人")
    d = _one(check_text(text, path="count.txt"), "TC501", line_of(text, "实有人数 195 人"))
    _evidence(d, "195", "193")


def test_listed_names_count_off(sample_text):
    text = replace_once(sample_text, "下设 6 个处室", "下设 7 个处室")
    d = _one(check_text(text, path="enum.txt"), "TC501", line_of(text, "下设 7 个处室"))
    assert d.severity == "error"
    _evidence(d, "7", "6 个")


def test_wan_yuan_written_as_yuan(sample_text):
    text = replace_once(sample_text, AMOUNT, AMOUNT.replace("1,422.65 万元", "1,422.65 元"))
    report = check_text(text, path="unit.txt")
    line = line_of(text, "基本支出 1,422.65 元")
    d = _one(report, "TC204", line)
    assert d.severity == "error"
    _evidence(d, "1,422.65", "万元")
    assert not [x for x in report.diagnostics if x.code == "TC201" and x.location.line == line]
