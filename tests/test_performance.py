"""The 绩效目标表 parser on the sample's own rows, built by hand (no reader involved)."""
from decimal import Decimal

import pytest

from perf_tables import document_of, grid_table, sample_block
from textcheck.performance import (FORM_MALFORMED, FORM_OPERATOR_ONLY, FORM_QUANTITY, FORM_RATIO, FORM_TEXT, GE, LE,
                                   parse_performance_table, parse_performance_tables, parse_target, plan_mentions,
                                   polarity)
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon


def lt(s: str, line: int = 1) -> LocatedText:
    return LocatedText(s, tuple((line, i + 1) for i in range(len(s))))


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize("text,form,op,value,unit", [
    (">=90%", FORM_QUANTITY, GE, "90", "%"),
    ("≥ 11 个", FORM_QUANTITY, GE, "11", "个"),
    ("> =95%", FORM_QUANTITY, GE, "95", "%"),  # spaced operator
    ("$\\geq 6\\%$", FORM_QUANTITY, GE, "6", "%"),  # LaTeX remnant
    ("$\\leq 5\\%$", FORM_QUANTITY, LE, "5", "%"),
    ("不低于 3 次", FORM_QUANTITY, GE, "3", "次"),
    ("=20 分 钟", FORM_QUANTITY, "=", "20", "分钟"),  # space from a wrapped cell
    (">=7000 万元", FORM_QUANTITY, GE, "7000", "万元"),
    ("=>90%", FORM_QUANTITY, GE, "90", "%"),
    ("=1 周 1 次", FORM_MALFORMED, "=", None, None),
    (">", FORM_OPERATOR_ONLY, ">", None, None),
    ("有效 提高", FORM_TEXT, None, None, None),
])
def test_parse_target(text, form, op, value, unit):
    t = parse_target(lt(text))
    assert t.form == form
    assert t.operator == op
    if value is not None:
        assert t.value.value == Decimal(value) and t.unit == unit


def test_ratio_target():
    t = parse_target(lt(">=2: 1"))
    assert t.form == FORM_RATIO and t.ratio == (Decimal(2), Decimal(1)) and t.operator == GE


def test_malformed_operator_is_remembered():
    assert parse_target(lt("=>90%")).operator_text == "=>"
    assert parse_target(lt(">=90%")).style == "ascii" and parse_target(lt("≥90%")).style == "symbol"


def test_project_table_header_fields(sample_lines):
    pt = parse_performance_table(sample_block(sample_lines, 1001, 1012))
    assert pt.kind == "project"
    assert pt.project.text.startswith("企业国际合作交流及平台运营项目经费")
    assert pt.unit.text == "乌鲁木齐市技术创新研发与科技成果转化中心"
    assert (pt.total.value.value, pt.fiscal.value.value, pt.other.value.value) == \
        (Decimal("10.69"), Decimal("5.21"), Decimal("5.48"))
    assert pt.total.location.line == 1003
    assert pt.overall_goal.text.startswith("做好国际合作交流平台")
    assert len(pt.indicators) == 7


def test_split_operator_cell_is_merged(sample_lines):
    """Lines 826–828 of the sample: "揭榜挂帅项目立项完成率 >" … blank … "=90%"."""
    pt = parse_performance_table(sample_block(sample_lines, 816, 830))
    ind = next(i for i in pt.indicators if i.name.text.startswith("揭榜挂帅项目立项完成率"))
    assert ind.target.form == FORM_QUANTITY and ind.target.operator == GE and ind.target.value.value == 90
    assert ind.lines == (826, 828)
    assert ind.previous.text.text == "当年指标，无上年完成值"
    assert ind.target.location.line == 826  # where the operator starts
    assert len(pt.indicators) == 8


def test_split_name_cell_is_merged(sample_lines):
    """Lines 846–848: the name "红山科创服务团大会组织" + "完成率" on the next line."""
    pt = parse_performance_table(sample_block(sample_lines, 836, 850))
    names = [i.name.text for i in pt.indicators]
    assert "红山科创服务团大会组织完成率" in names
    satisfaction = pt.indicators[-1]
    assert satisfaction.name.text == "红山科创专家服务团服务对象满意率"
    assert satisfaction.target.operator == LE and satisfaction.level1 == "满意度指标"


def test_spaces_in_wrapped_cells_removed(sample_lines):
    pt = parse_performance_table(sample_block(sample_lines, 893, 904))
    ind = next(i for i in pt.indicators if "电台" in i.name.text)
    assert ind.name.text == "电台播出科教兴市栏目时间（小时）"
    assert ind.declared_unit == "小时" and ind.target.unit == "分钟"
    assert ind.level2 == "质量指标"
    assert ind.weight.value == 10


def test_shifted_row_is_realigned(sample_lines):
    """Line 959: 二级指标 stands in the 三级指标 column."""
    pt = parse_performance_table(sample_block(sample_lines, 949, 960))
    ind = next(i for i in pt.indicators if i.line == 959)
    assert ind.shifted and ind.level2 == "质量指标" and ind.name.text == "展会开展成功率"
    assert ind.target.value.value == 90 and ind.previous.text.text == "100%"


def test_department_table_and_continued_basis(sample_lines):
    pt = parse_performance_table(sample_block(sample_lines, 778, 792, title="部门整体绩效目标表"))
    assert pt.kind == "department" and pt.annual_goal is not None and pt.overall_goal is None
    assert [f.label for f in pt.funds] == ["上级安排", "本级安排", "其他"]
    ind = next(i for i in pt.indicators if i.line == 789)
    assert ind.basis.text.endswith("2024年工作计划》") and ind.lines == (789, 791)
    growth = pt.indicators[-1]
    assert growth.target.value.value == 6 and growth.target.unit == "%"


def test_only_performance_tables_are_parsed(sample_lines):
    perf = sample_block(sample_lines, 798, 810)
    other = grid_table(["项目\t金额", "合计\t1.00"], 1, title="部门收支总体情况表", kind="standard", index=1)
    assert [p.table for p in parse_performance_tables(document_of([other, perf]))] == [perf]


def test_plan_mentions_skip_rates_estimates_and_document_numbers(lexicon):
    goal = lt("2024 年制作播出 24 期栏目，每月 2 期，约 100 本手册，（乌人才发〔2020〕6 号），计划签订 4 个合作意向协议，走访四个城市。")
    found = [(m.text, m.category) for m in plan_mentions(goal, lexicon)]
    assert found == [("24 期", "times"), ("4 个", "things"), ("四个", "things")]


def test_polarity_longest_keyword_decides(lexicon):
    pol = polarity(lexicon)
    assert pol.direction("服务对象满意率") == ("higher", "满意率")
    assert pol.direction("服务对象不满意率") == ("lower", "不满意率")
    assert pol.direction("投诉处理率")[0] == "higher"
    assert pol.direction("故障响应时间")[0] == "lower"
    assert pol.direction("立项数量") is None
