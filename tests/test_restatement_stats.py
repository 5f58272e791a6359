"""restatement_stats: which narrative amounts count as restating a table figure.

An amount equal to some table cell restates a figure — unless its subject names a narrow
concept (机关运行经费 …) that no table of the document prints: then the equality is a
coincidence or a definition the tables do not show, and the claim is counted apart
(restating_unprinted), never as a linking failure.
"""
from textcheck.api import check_text

TABLES = """第二部分 2026 年部门预算公开表

表 6

一般公共预算基本支出表

单位：万元

科目编码	科目名称	人员经费	公用经费
合计		1,422.65	256.78
"""

RUNNING = """
表 12

机关运行经费预算表

单位：万元

项目	预算数
机关运行经费	256.78
"""

NARRATIVE = """
第三部分 2026 年部门预算情况说明

一、机关运行经费说明

2026年机关运行经费财政拨款预算256.78万元。

二、基本支出说明

基本支出中人员经费1,422.65万元。
"""


def stats(text: str) -> dict:
    return check_text(text, path="stats.txt").documents[0].stats


def test_a_concept_no_table_prints_restates_no_table_figure():
    s = stats(TABLES + NARRATIVE)
    assert s["restating_unprinted"] == 1
    assert s["restating_claims"] == 1  # the 人员经费 amount only


def test_a_concept_a_table_prints_is_a_restating_claim():
    s = stats(TABLES + RUNNING + NARRATIVE)
    assert s["restating_unprinted"] == 0
    assert s["restating_claims"] == 2
