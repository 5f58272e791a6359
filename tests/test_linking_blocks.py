"""Linking on the layout of disclosures that list the department's own row above its units' in
every table (no total row): a unit's 公用经费 as the one class row of its block, "三公"经费 tables
of year rows per unit, a concept printed as another table's column group (政府采购), a measure of
the whole department, a fund's part of a revenue's spending.  Hand-built claims against a small
disclosure read by the text reader (see test_linking)."""
from dataclasses import replace

import pytest

from textcheck.lexicon import load_lexicon
from textcheck.linking import UNLINKED, Linker, cell_label
from textcheck.readers import read_text

from test_linking import amount

BLOCKS = """第二部分 2026 年部门预算公开表

表 3

支出总表

单位：某市水务局

单位：万元

预算单位	支出总计	基本支出	项目支出	2026年政府采购项目	
				小计	其中：预留给中小企业
某市水务局	1,500.00	500.00	1,000.00	321.45	100.00
某市水务局（本级）	900.00	300.00	600.00	221.45	100.00
某市东部水源管理中心	600.00	200.00	400.00	100.00	0.00

表 4

基本支出总表

单位：万元

支出项目类别	总计	一般公共预算拨款
某市水务局	500.00	500.00
某市水务局（本级）	300.00	300.00
工资福利支出	150.00	150.00
商品和服务支出	120.00	120.00
对个人和家庭的补助	30.00	30.00
某市东部水源管理中心	200.00	200.00
工资福利支出	110.00	110.00
商品和服务支出	50.00	50.00
对个人和家庭的补助	25.00	25.00
资本性支出	15.00	15.00

表 5

项目支出总表

单位：万元

支出项目类别	总计	一般公共预算拨款
某市水务局	1,000.00	1,000.00
某市水务局（本级）	600.00	600.00
水务发展资金	600.00	600.00
某市东部水源管理中心	400.00	400.00
水务发展资金	400.00	400.00

表 9

财政拨款“三公”经费支出表

单位：某市水务局

单位：万元

预算单位	年度	总计		因公出国（境）费		公务用车运行维护费	
		一般公共预算	政府性基金预算	一般公共预算	政府性基金预算	一般公共预算	政府性基金预算
某市水务局	2025年	30.00	0.00	10.00	0.00	20.00	0.00
	2026年	41.37	0.00	12.00	0.00	29.37	0.00
	增减变化金额	11.37	0.00	2.00	0.00	9.37	0.00
某市东部水源管理中心	2025年	14.00	0.00	4.00	0.00	10.00	0.00
	2026年	15.55	0.00	5.00	0.00	10.55	0.00
	增减变化金额	1.55	0.00	1.00	0.00	0.55	0.00

表 10

政府性基金预算支出表

单位：万元

预算单位	科目编码	科目名称	支出总计	基本支出	项目支出
某市水务局			250.00	0.00	250.00
某市水务局（本级）			250.00	0.00	250.00
	212	城乡社区支出	250.00	0.00	250.00
	21214	污水处理费安排的支出	250.00	0.00	250.00
	2121401	污水处理设施建设和运营	250.00	0.00	250.00
某市东部水源管理中心			0.00	0.00	0.00
"""

OWN = ("第三部分部门预算支出具体情况", "一、某市水务局（本级）")
EAST = ("第三部分部门预算支出具体情况", "二、某市东部水源管理中心")
THREE_PUBLIC = ("第五部分财政拨款“三公”经费预算情况",)
PROCUREMENT = ("第四部分政府采购预算情况",)
PERFORMANCE = ("第六部分部门预算绩效管理情况",)


@pytest.fixture(scope="module")
def blocks():
    return Linker(read_text(BLOCKS, path="blocks.txt"), load_lexicon())


def where(link):
    return {(c.table.id, cell_label(c), c.table.column(c.col).label, c.value.text) for c in link.agreeing}


# -- a unit's 公用经费: the one class of it in the unit's block of the 基本支出 table

def test_a_units_public_funds_are_its_one_class_row_when_the_classes_add_up(blocks):
    link = blocks.link(amount("公用经费", "120.00", OWN))
    assert link.linked and ("表 4", "商品和服务支出", "总计", "120.00") in where(link)
    assert not blocks.link(amount("公用经费", "121.00", OWN)).agreeing  # a wrong figure disagrees


def test_a_units_public_funds_of_two_classes_stay_unlinked(blocks):
    # 商品和服务支出 50.00 + 资本性支出 15.00: no one cell holds the unit's 公用经费 (65.00)
    for value in ("65.00", "50.00"):
        assert blocks.link(amount("公用经费", value, EAST)).confidence == UNLINKED


# -- "三公"经费 tables of year rows: the owner block's row of the claim's year

def test_the_three_public_total_is_the_departments_row_of_the_year(blocks):
    link = blocks.link(replace(amount("财政拨款“三公”经费预算", "41.37", THREE_PUBLIC), year="2026"))
    assert link.linked and where(link) == {("表 9", "2026年", "一般公共预算", "41.37")}
    last = blocks.link(replace(amount("财政拨款“三公”经费预算", "30.00", THREE_PUBLIC), year="2025"))
    assert where(last) == {("表 9", "2025年", "一般公共预算", "30.00")}
    # never another unit's row, nor the change row
    assert not blocks.link(replace(amount("财政拨款“三公”经费预算", "15.55", THREE_PUBLIC), year="2026")).agreeing


def test_an_item_column_of_year_rows_is_the_owner_blocks_row(blocks):
    link = blocks.link(replace(amount("公务用车运行维护费2026年预算数", "29.37", THREE_PUBLIC), year="2026"))
    assert link.linked and where(link) == {("表 9", "2026年", "一般公共预算", "29.37")}
    # a unit's section never takes the department's row (the unit's block is the only candidate)
    east = blocks.link(replace(amount("公务用车运行维护费", "29.37", EAST), year="2026"))
    assert not east.agreeing and all(c.value.text == "10.55" for c in east.candidates)


def test_a_fund_split_group_with_two_figures_names_no_cell():
    text = BLOCKS.replace("29.37\t0.00", "19.37\t10.00")
    assert text != BLOCKS
    linker = Linker(read_text(text, path="split.txt"), load_lexicon())
    link = linker.link(replace(amount("公务用车运行维护费2026年预算数", "29.37", THREE_PUBLIC), year="2026"))
    assert not link.agreeing


# -- 政府采购 printed as a column group of 支出总表, on the department's row

def test_procurement_is_the_column_group_on_the_departments_row(blocks):
    link = blocks.link(amount("纳入2026年部门预算的政府采购项目共有", "321.45", PROCUREMENT))
    assert link.linked and where(link) == {("表 3", "某市水务局", "小计", "321.45")}


def test_a_kind_of_procurement_no_table_prints_stays_unlinked(blocks):
    assert blocks.link(amount("服务类项目", "321.45", PROCUREMENT)).confidence == UNLINKED
    assert blocks.link(amount("政府采购货物预算", "321.45", PROCUREMENT)).confidence == UNLINKED


# -- a measure of the whole department: its own row above the units'

def test_a_measure_of_the_department_is_its_own_row(blocks):
    link = blocks.link(amount("项目支出", "1,000.00", PERFORMANCE))
    assert link.linked and ("表 3", "某市水务局", "项目支出", "1,000.00") in where(link)
    assert not blocks.link(amount("项目支出", "600.00", PERFORMANCE)).agreeing  # not a unit's row


# -- a fund's part of a revenue's spending: the fund table's "<revenue>安排的支出" row

def test_a_funds_part_of_a_revenue_is_its_arranged_spending_row(blocks):
    whole = amount("2026年污水处理费预算总额", "850.00", OWN)
    link = blocks.link(amount("政府性基金", "250.00", OWN, whole=whole))
    assert link.linked and ("表 10", "污水处理费安排的支出", "支出总计", "250.00") in where(link)


def test_a_funds_part_of_another_whole_stays_unlinked(blocks):
    whole = amount("2026年水务发展资金", "600.00", OWN)
    assert blocks.link(amount("政府性基金", "250.00", OWN, whole=whole)).confidence == UNLINKED
