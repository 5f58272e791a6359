"""The TC6xx–TC9xx rules on the sample: reviewed findings, and defects planted in copies of it.

``corpus/reviewed-findings.yml`` lists every finding the rules raise on the
unmodified sample, each checked by hand; the comparison is exact both ways.
Defect tests change one thing in a copy of the sample (an operator, a unit, a
planned count …) and assert the diagnostic lands on the changed line.

Rules run directly on the Context (not through Checker.check, which also
extracts every narrative claim for its statistics) to keep this file fast.
"""
from collections import Counter
from functools import lru_cache

import pytest
import yaml

from conftest import CORPUS, SAMPLE, line_of, replace_once
from textcheck.config import Config
from textcheck.pipeline import Checker
from textcheck.readers import read_text

REVIEWED = CORPUS / "reviewed-findings.yml"


@lru_cache(maxsize=None)
def _checker(select: tuple[str, ...]) -> Checker:
    return Checker(Config(select=list(select)), strict=True)


def run(text: str, *select: str):
    checker = _checker(tuple(select))
    ctx = checker.context(read_text(text, path=str(SAMPLE)))
    return [d for rule in checker.rules for d in rule.check(ctx)]


def found(diags, code, line=None, severity=None):
    return [d for d in diags if d.code == code and (line is None or d.location.line == line)
            and (severity is None or d.severity == severity)]


@pytest.fixture(scope="module")
def sample():
    return SAMPLE.read_text("utf-8")


def test_reviewed_findings_are_exactly_what_the_rules_raise(sample):
    data = yaml.safe_load(REVIEWED.read_text("utf-8"))
    entries = [f for f in data["findings"] if f.get("source", SAMPLE.name) == SAMPLE.name]
    covers = tuple(sorted(set(data.get("covers") or []) | {f["code"] for f in entries}))
    got = Counter((d.code, d.location.line, d.severity) for d in run(sample, *covers))
    want = Counter((f["code"], f["line"], f["severity"]) for f in entries)
    assert all(f.get("why") for f in entries), "every reviewed finding needs its justification"
    unreviewed = got - want
    missing = want - got
    assert not unreviewed and not missing, f"unreviewed: {sorted(unreviewed)}; no longer raised: {sorted(missing)}"


def test_flipped_operator_on_satisfaction_indicator(sample):
    text = replace_once(sample, "服务企业满意度\t>=90%", "服务企业满意度\t<=90%")
    line = line_of(text, "服务企业满意度\t<=90%")
    hits = found(run(text, "TC601"), "TC601", line, "error")
    assert hits and "服务企业满意度" in hits[0].message and "<=90%" in hits[0].message


def test_flipped_operator_on_complaint_indicator(sample):
    text = replace_once(sample, "受援地农户投诉率\t≤5%", "受援地农户投诉率\t≥5%")
    assert found(run(text, "TC601"), "TC601", line_of(text, "受援地农户投诉率"), "error")


def test_fixed_operator_clears_the_reviewed_error(sample):
    text = replace_once(sample, "服务团服务对象满意率\t<=90%", "服务团服务对象满意率\t>=90%")
    assert not found(run(text, "TC601"), "TC601")


def test_changed_unit_in_indicator_name(sample):
    text = replace_once(sample, "故障响应时间\t<=4 小时", "故障响应时间（分钟）\t<=4 小时")
    hits = found(run(text, "TC701"), "TC701", line_of(text, "故障响应时间（分钟）"), "warning")
    assert hits and "分钟" in hits[0].message


def test_rate_given_a_count(sample):
    text = replace_once(sample, "系统故障率 (%)\t<=3%", "系统故障率 (%)\t<=3 次")
    assert found(run(text, "TC701"), "TC701", line_of(text, "系统故障率 (%)"), "error")


def test_changed_planned_count(sample):
    text = replace_once(sample, "组织科技项目管理政策培训不少于 1 次", "组织科技项目管理政策培训不少于 2 次")
    hits = found(run(text, "TC602"), "TC602", line_of(text, "政策培训不少于 2 次"), "warning")
    assert len(hits) == 1 and "组织科技项目管理等政策培训次数" in hits[0].message


def test_corrected_planned_count_clears_the_finding(sample):
    text = replace_once(sample, "计划签订 4 个合作意向协议", "计划签订 2 个合作意向协议")
    hits = found(run(text, "TC602"), "TC602", line_of(text, "计划签订 2 个"))
    assert len(hits) == 1 and "走访城市数量" in hits[0].message  # only the 城市/国家 slip is left


def test_project_budget_differs_from_project_table(sample):
    text = replace_once(sample, "年度预算总额\t3.00\t其中：财政拨款\t3.00", "年度预算总额\t3.50\t其中：财政拨款\t3.50")
    hits = found(run(text, "TC603"), "TC603", line_of(text, "年度预算总额\t3.50"), "error")
    assert hits and "表 7" in hits[0].message and "3.50" in hits[0].message


def test_total_not_sum_of_sources(sample):
    text = replace_once(sample, "年度预算总额\t10.69", "年度预算总额\t10.96")
    hits = found(run(text, "TC603"), "TC603", line_of(text, "年度预算总额\t10.96"), "error")
    assert any("5.21" in d.message and "5.48" in d.message for d in hits)


def test_malformed_operator_in_a_copy(sample):
    text = replace_once(sample, "立项单位中企业的比例\t>=90%", "立项单位中企业的比例\t=>90%")
    assert found(run(text, "TC801"), "TC801", line_of(text, "=>90%"), "warning")


def test_skipped_list_number(sample):
    text = replace_once(sample, "（三）项目名称", "（四）项目名称")
    hits = found(run(text, "TC807"), "TC807", line_of(text, "（四）项目名称：2024 年人才专项经费——红山"), "warning")
    assert hits and "跳号" in hits[0].message


def test_missing_table_and_missing_empty_statement(sample):
    text = replace_once(sample, "\n上年结转结余情况明细表\n", "\n上年结转结余明细\n")
    hits = found(run(text, "TC901"), "TC901")
    assert len(hits) == 1 and "上年结转结余情况明细表" in hits[0].message
    # without the two "……为空表" sentences the narrative still says the fund budget is
    # 0.00 万元 / 无政府性基金预算拨款 (lines 454, 476): that explains the empty table
    text = "\n".join("（此处原有说明已删除）" if "政府性基金预算支出情况表为空表" in line else line
                     for line in sample.split("\n"))
    assert not found(run(text, "TC903"), "TC903")
    # … but once nothing in the document mentions the fund, table 8 is unexplained
    text = "\n".join("（此处原有说明已删除）" if "政府性基金" in line and "\t" not in line
                     and not line.startswith(("政府性基金预算支出情况表", "- 八、")) else line
                     for line in sample.split("\n"))
    hits = found(run(text, "TC903"), "TC903")
    assert len(hits) == 1 and "政府性基金预算支出情况表" in hits[0].message


def test_stray_word_and_thousands_separator(sample):
    text = replace_once(sample, "收支总预算 3,977.09 万元", "收支总预算 3,9770.9 万元")
    assert found(run(text, "TC803"), "TC803", line_of(text, "3,9770.9"), "warning")
    text = replace_once(sample, "合理布局 and 协同", "合理布局和协同")
    assert not found(run(text, "TC806"), "TC806")
