"""Linking in sections written per unit, loose project names and the 决算 table layout:
hand-built claims against small disclosures read by the text reader (see test_linking)."""
import pytest

from textcheck.lexicon import load_lexicon
from textcheck.linking import CONFIDENT, UNLINKED, Linker, cell_label
from textcheck.linking.projects import project_key
from textcheck.readers import read_text

from test_linking import amount

UNITS = """第二部分 2026 年部门预算公开表

表 3

支出总表

单位：万元

预算单位	支出总计	基本支出	项目支出
某市水务局	1,500.00	500.00	1,000.00
某市水务局（本级）	900.00	300.00	600.00
某市东部水源管理中心	600.00	200.00	400.00

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
商品和服务支出	65.00	65.00
对个人和家庭的补助	25.00	25.00

表 5

项目支出总表

单位：万元

支出项目类别	总计	一般公共预算拨款
某市水务局	1,000.00	1,000.00
某市水务局（本级）	600.00	600.00
水务发展资金	450.00	450.00
水务行业业务管理	150.00	150.00
某市东部水源管理中心	400.00	400.00
水务发展资金	310.00	310.00
水务工程运行与维护	90.00	90.00
"""

EAST = ("第三部分部门预算支出具体情况", "二、某市东部水源管理中心")
OWN = ("第三部分部门预算支出具体情况", "一、某市水务局（本级）")
DEPARTMENT = ("第三部分部门预算支出具体情况",)


@pytest.fixture(scope="module")
def units():
    return Linker(read_text(UNITS, path="units.txt"), load_lexicon())


def rows(link):
    return {(c.table.name, c.row.index) for c in link.candidates}


def test_a_unit_named_without_its_city_is_the_units_total(units):
    link = units.link(amount("东部水源管理中心预算", "600.00", EAST))
    assert link.confidence == CONFIDENT and link.route == "unit"
    assert {cell_label(c) for c in link.agreeing} == {"某市东部水源管理中心"}
    # the same words in the other unit's section name that unit, whose total is another figure
    other = units.link(amount("水务局本级预算", "600.00", OWN))
    assert other.confidence == CONFIDENT and not other.agreeing


def test_an_item_of_a_units_rows_is_found_with_or_without_de(units):
    link = units.link(amount("对个人和家庭补助支出", "25.00", EAST))
    assert link.confidence == CONFIDENT and link.agreeing
    assert {cell_label(c) for c in link.candidates} == {"对个人和家庭的补助"}
    assert all(c.value.value == 25 for c in link.candidates)  # never the other unit's 30.00
    # another unit's figure of the item is no agreement: the sentence is about this unit
    assert not units.link(amount("对个人和家庭补助支出", "30.00", EAST)).agreeing


def test_a_units_item_the_tables_do_not_print_stays_unlinked_with_a_note(units):
    # (公用经费 is printed here: the unit's one class of it, 商品和服务支出 — test_linking_blocks)
    link = units.link(amount("编外人员", "65.00", EAST))
    assert link.confidence == UNLINKED
    assert any("本节所述单位" in n for n in link.notes)


def test_a_project_several_units_carry_is_the_units_own_row(units):
    link = units.link(amount("水务发展资金项目支出", "310.00", EAST))
    assert link.route == "project" and link.confidence == CONFIDENT and link.agreeing
    assert rows(link) == {("表 5 项目支出总表", 5)}
    # outside a unit's section the name stands on two rows of the table: not confident
    outside = units.link(amount("水务发展资金项目支出", "310.00", DEPARTMENT))
    assert outside.route == "project" and outside.confidence != CONFIDENT


def test_a_name_the_tables_do_not_print_is_no_project(units):
    link = units.link(amount("水务发展基金项目支出", "310.00", EAST))
    assert link.route != "project" and not link.agreeing


def test_project_key_drops_codes_and_the_words_around_a_name():
    assert project_key("水务发展资金项目支出") == project_key("水务发展资金") == "水务发展"
    assert project_key("11000026Y000003743450-公务用车购置项目") == "公务用车购置"
    assert project_key("培训经费") == "培训经费"  # too little left: the name as written
    assert project_key("水务发展基金") != project_key("水务发展资金")


FINAL = """第二部分 2024 年度部门决算表

公开01表

收入支出决算总表

单位：万元

收入			支出		
项目	行次	金额	项目	行次	金额
一、一般公共预算财政拨款收入	1	4,000.00	一、一般公共服务支出	32	3,800.00
本年收入合计	2	4,000.00	本年支出合计	33	3,800.00

公开03表

支出决算表

单位：万元

科目代码	科目名称	本年支出合计	基本支出	项目支出
合计		3,800.00	2,900.00	900.00
201	一般公共服务支出	3,800.00	2,900.00	900.00
"""

SPENDING = ("第三部分", "三、支出决算情况说明")


@pytest.fixture(scope="module")
def final():
    return Linker(read_text(FINAL, path="final.txt"), load_lexicon())


def test_a_total_label_printed_across_the_code_column_is_the_total_row(final):
    link = final.link(amount("项目支出", "900.00", SPENDING))
    assert link.confidence == CONFIDENT and {cell_label(c) for c in link.agreeing} == {"合计"}
    # a wrong figure of it is confident without agreement (the total row is found, not guessed)
    wrong = final.link(amount("项目支出", "990.00", SPENDING))
    assert wrong.confidence == CONFIDENT and not wrong.agreeing


def test_a_code_in_the_code_column_is_no_label(final):
    segs = [s for s in final.index.segments if s.table.name.startswith("公开03表") and s.row.index == 1]
    assert [s.label for s in segs] == ["一般公共服务支出"] and segs[0].code == "201"


def test_the_final_account_overview_is_the_overview_table(final):
    roles = {t.name.split()[0]: final.index.role(t) for t in final.index.tables}
    assert roles["公开01表"] == "overview" and roles["公开03表"] == "expenditure"


def test_a_subject_read_by_its_classification_names_the_item_after_it(final):
    link = final.link(amount("按经济分类划分为基本支出", "2,900.00", SPENDING))
    assert link.confidence == CONFIDENT and link.agreeing
    assert final.clean_subject("按功能分类支出划分为一般公共服务支出") == "一般公共服务支出"
    assert final.clean_subject("按时支付") == "按时支付"  # no classification named: kept


def test_a_budget_figure_is_never_a_final_account_cell(final):
    # "项目支出年初预算数 950.00 万元，决算数 900.00 万元": the 决算表 prints the second only
    budget = final.link(amount("项目支出年初预算数", "950.00", SPENDING))
    assert budget.confidence == UNLINKED and not budget.candidates
    actual = final.link(amount("项目支出决算数", "900.00", SPENDING))
    assert actual.confidence == CONFIDENT and {cell_label(c) for c in actual.agreeing} == {"合计"}


def test_the_stage_of_a_cell_is_its_column_before_its_title(final):
    from textcheck.linking.stages import cell_stage, stage_of

    assert stage_of("财政拨款支出年初预算") == "budget" and stage_of("支出决算") == "final"
    assert stage_of("一般公共预算财政拨款支出") is None  # a fund, not a stage
    assert stage_of("决算数比年初预算数减少") is None  # both: says nothing
    total = next(s for s in final.index.segments if s.table.name.startswith("公开03表") and s.total)
    assert cell_stage(total.cells[0]) == "final"  # the title "支出决算表"


def test_a_name_is_the_total_row_that_adds_heji_to_it(final):
    income = ("第三部分", "二、收入决算情况说明")
    link = final.link(amount("本年收入", "4,000.00", income))
    assert link.linked and {cell_label(c) for c in link.agreeing} == {"本年收入合计"}
    assert not final.link(amount("本年结余", "4,000.00", income)).linked  # no "本年结余合计" row


def test_a_class_named_with_kemu_is_the_class(final):
    # "“一般公共服务支出”科目 3,800.00 万元" names the 类 itself
    assert final.short_subject("一般公共服务支出科目") == "一般公共服务支出"
    assert final.link(amount("一般公共服务支出科目", "3,800.00", SPENDING)).agreeing


def test_final_account_words_name_the_whole_as_budget_words_do(final):
    # "三公经费支出决算" is the whole "三公" figure of a 决算 as "三公经费预算" is of a budget
    concept = final.specific_concept("三公经费财政拨款支出决算")
    assert concept is not None and final.names_whole(concept, "三公经费财政拨款支出决算")
    assert not final.names_whole(concept, "三公经费中公务接待费支出决算")


LISTED = """第四部分 部门预算公开报表

报表	报表名称	是否空表	表格为空的理由
表1	部门综合预算收支总表		
表2	部门综合预算支出总表		

表1

单位：万元

收入		支出	
项目	预算数	项目	预算数
本年收入合计	2,838.42	本年支出合计	2,838.42

表2

单位：万元

科目名称	合计	基本支出	项目支出
合计	2,838.42	2,000.00	838.42
"""


def test_an_untitled_table_takes_its_title_from_the_documents_list_of_tables():
    linker = Linker(read_text(LISTED, path="listed.txt"), load_lexicon())
    roles = {t.name.split()[0] + t.name.split()[1]: linker.index.role(t)
             for t in linker.index.tables if t.name.startswith("表")}
    assert roles == {"表1": "overview", "表2": "expenditure"}
    link = linker.link(amount("当年预算收入", "2,838.42", ("五、收支预算总体情况说明",)))
    assert link.confidence == CONFIDENT and link.agreeing
