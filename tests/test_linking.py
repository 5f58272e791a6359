"""Linking: hand-built claims against a small disclosure read by the text reader.

The claims are built by hand (not extracted) so these tests pin the linker alone:
which cells a subject resolves to, how the section narrows the tables, when a
link is confident, and that agreement is value-aware and rounding-aware.
"""
from decimal import Decimal

import pytest

from textcheck.claim import Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.linking import AMBIGUOUS, CONFIDENT, UNLINKED, Linker, cell_label, link_claims, name_key
from textcheck.numbers import Number
from textcheck.readers import read_text

MINI = """第二部分 2024 年部门预算公开表

表 1

部门收支总体情况表

单位：万元

收入		支出	
项目	预算数	支出功能分类	预算数
一、本年收入	3,956.08	201 一般公共服务支出	
1. 一般公共预算拨款	3,956.08	206 科学技术支出	3,977.09
二、上年结转结余	21.01		
收入总计	3,977.09	支出总计	3,977.09

表 3

部门支出总体情况表

单位：万元

科目			支出预算			
功能分类科目编码			功能分类科目名称	合计	基本支出	项目支出
类	款	项				
			总计	3,977.09	1,422.65	2,554.44
206			科学技术支出	3,977.09	1,422.65	2,554.44
206	01		科学技术管理事务	659.62	649.32	10.29
206	01	01	行政运行	649.32	649.32	
206	01	02	一般行政管理事务	10.29		10.29

表 5

一般公共预算支出情况表

单位：万元

科目			一般公共预算支出			
功能分类科目编码			功能分类科目名称	合计	基本支出	项目支出
类	款	项				
			总计	3,956.08	1,422.65	2,533.43
206			科学技术支出	3,956.08	1,422.65	2,533.43
206	01		科学技术管理事务	658.12	649.32	8.80
206	01	01	行政运行	649.32	649.32	
206	01	02	一般行政管理事务	8.80		8.80

表 7

一般公共预算项目支出情况表

单位：万元

科目编码			功能分类科目名称	项目名称	项目支出合计	商品服务支出
类	款	项				
			总计		55.00	55.00
206	02	08	科技人才队伍建设	2024年人才专项经费——红山科创专家服务团工作经费	55.00	55.00

第三部分 2024 年部门预算情况说明

三、关于某局 2024 年支出预算情况说明

基本支出 1,422.65 万元。

五、关于某局 2024 年一般公共预算当年拨款情况说明

1、科学技术支出（类）科学技术管理事务（款）一般行政管理事务（项）：2024 年预算数为 8.80 万元。

七、关于某局 2024 年一般公共预算项目支出情况说明

（一）项目名称：2024 年人才专项经费---红山科创专家服务团工作经费

预算安排规模：55.00 万元

十二、其他重要事项的情况说明

基本支出 1,422.65 万元。
"""

THREE = ("第三部分2024年部门预算情况说明", "三、关于某局2024年支出预算情况说明")
FIVE = ("第三部分2024年部门预算情况说明", "五、关于某局2024年一般公共预算当年拨款情况说明")
SEVEN = ("第三部分2024年部门预算情况说明", "七、关于某局2024年一般公共预算项目支出情况说明",
         "（一）项目名称：2024年人才专项经费---红山科创专家服务团工作经费")
OTHER = ("第三部分2024年部门预算情况说明", "十二、其他重要事项的情况说明")


@pytest.fixture(scope="module")
def doc():
    return read_text(MINI, path="mini.txt")


@pytest.fixture(scope="module")
def linker(doc):
    return Linker(doc, load_lexicon())


def located(text: str, line: int = 1) -> LocatedText:
    return LocatedText(text, tuple((line, i + 1) for i in range(len(text))))


def amount(subject: str, value: str, section, *, codes=(), unit="万元", whole=None) -> Claim:
    decimals = len(value.split(".")[1]) if "." in value else 0
    number = Number(Decimal(value.replace(",", "")), decimals, unit, value)
    sentence = located(f"{subject}{value}{unit}")
    return Claim(kind="amount", subject=subject, sentence=sentence, section=section, codes=tuple(codes),
                 value=Quantity(number, sentence.slice(len(subject), len(sentence.text))), whole=whole)


def cells(link):
    return sorted({(c.table.id, cell_label(c), str(c.value.value)) for c in link.candidates})


def test_concept_in_its_section_is_confident_and_agrees(linker):
    link = linker.link(amount("基本支出", "1,422.65", THREE))
    assert link.confidence == CONFIDENT
    assert cells(link) == [("表 3", "总计", "1422.65")]  # the section names 表 3, not 表 5
    assert link.agreeing and link.linked


def test_a_wrong_amount_is_confident_without_agreement(linker):
    link = linker.link(amount("基本支出", "1,442.65", THREE))
    assert link.confidence == CONFIDENT
    assert link.candidates and not link.agreeing


def test_rounding_is_agreement(linker):
    # "1,422.6" stands for [1422.55, 1422.65]: it may be the printed 1,422.65.
    assert linker.link(amount("基本支出", "1,422.6", THREE)).agreeing
    # A figure in 元 is compared in the table's unit.
    assert linker.link(amount("基本支出", "14,226,500", THREE, unit="元")).agreeing


def test_section_without_tables_is_never_confident(linker):
    link = linker.link(amount("基本支出", "1,442.65", OTHER))
    assert link.confidence != CONFIDENT


def test_classification_path_resolves_the_code_row_of_the_section_table(linker):
    claim = amount("科学技术支出/科学技术管理事务/一般行政管理事务", "8.80", FIVE)
    link = linker.link(claim)
    assert link.route == "code" and link.key == "code:2060102"
    assert {c.table.id for c in link.candidates} == {"表 5"}  # 表 3 has 10.29 for the same code
    assert link.confidence == CONFIDENT and link.agreeing


def test_codes_given_by_the_extractor_win(linker):
    link = linker.link(amount("行政运行", "649.32", FIVE, codes=("2060101",)))
    assert link.key == "code:2060101" and link.agreeing


def test_generic_subject_takes_the_project_of_its_heading(linker):
    link = linker.link(amount("预算安排规模", "55.00", SEVEN))
    assert link.route == "project"
    assert ("表 7", "2024年人才专项经费——红山科创专家服务团工作经费", "55.00") in cells(link)
    assert link.confidence == CONFIDENT and link.agreeing


def test_project_names_match_across_dashes_and_years():
    assert name_key("2024 年人才专项经费---红山科创专家服务团工作经费") == \
        name_key("2024年人才专项经费——红山科创专家服务团工作经费")
    assert name_key("“科教兴市”影视宣传及业务经费") == name_key("科教兴市影视宣传及业务经费")
    assert name_key("1. 一般公共预算拨款") == "一般公共预算拨款"


def test_side_by_side_table_names_each_side_by_its_own_label(doc, linker):
    link = linker.link(amount("收支总预算", "3,977.09", ("第三部分", "一、关于某局2024年收支预算情况总体说明")))
    labels = {cell_label(c) for c in link.candidates}
    assert "支出总计" in labels and "收入总计" in labels
    assert link.agreeing


def test_unknown_subject_is_unlinked(linker):
    link = linker.link(amount("办公家具价值", "27.17", OTHER))
    assert link.confidence == UNLINKED and not link.linked


def test_link_claims_makes_one_link_per_valued_claim(doc):
    with_value = amount("基本支出", "1,422.65", THREE)
    without = Claim(kind="change", subject="基本支出", sentence=located("比上年增加"))
    links = link_claims(doc, [with_value, without], load_lexicon(), None)
    assert [link.claim for link in links] == [with_value]


def test_no_tables_no_links():
    d = read_text("第三部分 情况说明\n\n一、关于收入预算情况说明\n\n收入预算 10.00 万元。\n", path="x.txt")
    link = Linker(d, load_lexicon()).link(amount("收入预算", "10.00", ("一、关于收入预算情况说明",)))
    assert link.confidence == UNLINKED and link.candidates == ()
    assert AMBIGUOUS != CONFIDENT


# -- narrow concepts (机关运行经费, 政府采购 …) never fall back to a generic total

GENERAL = ("第三部分2024年部门预算情况说明", "五、关于某局2024年一般公共预算当年拨款情况说明")


def test_narrow_concept_with_a_fund_word_is_not_the_fund_total(linker):
    # The section names the 一般公共预算 tables and the subject holds "一般公共预算", but it is
    # 机关运行经费: MINI has no cell of that concept, so it stays unlinked (never an error
    # against the 3,956.08 grand total).
    link = linker.link(amount("一般公共预算机关运行经费预算支出", "116.36", GENERAL))
    assert link.confidence == UNLINKED and not link.candidates
    assert any("机关运行经费" in n for n in link.notes)
    link = linker.link(amount("政府采购支出预算总额", "14.28", THREE))
    assert link.confidence == UNLINKED and not link.candidates


RUNNING = """第二部分2017年度部门预算表

表八

一般公共预算支出预算表

单位：万元

科目编码	科目名称	金额
	合计	28,849.38
204	公共安全支出	28,849.38

表十

一般公共预算机关运行经费支出预算表

单位：万元

科目编码	科目名称	机关运行经费支出
	合计	9,193.40
302	商品和服务支出	9,050.00
30215	会议费	143.40

表十二

政府采购预算表

单位：万元

采购品目大类	采购物品名称	总计
合计		3,742.40
一、货物A		525.40
二、服务C		3,217.00
"""


@pytest.fixture(scope="module")
def running_linker():
    return Linker(read_text(RUNNING, path="running.txt"), load_lexicon())


def test_narrow_concept_links_only_its_own_table(running_linker):
    # A 一般公共预算 section: the only candidate is the 合计 of the concept's own table, which
    # the section does not name → not confident (never compared with 表八's 28,849.38).
    link = running_linker.link(amount("一般公共预算机关运行经费预算支出", "9913.40", GENERAL))
    assert cells(link) == [("表 十", "合计", "9193.40")] and link.confidence != CONFIDENT
    # The section names the concept's table: it agrees, and a wrong figure is a confident disagreement.
    section = ("第三部分", "十、一般公共预算机关运行经费支出预算表情况说明")
    link = running_linker.link(amount("一般公共预算机关运行经费预算支出", "9193.40", section))
    assert cells(link) == [("表 十", "合计", "9193.40")] and link.agreeing
    link = running_linker.link(amount("一般公共预算机关运行经费预算支出", "9913.40", section))
    assert link.confidence == CONFIDENT and not link.agreeing
    link = running_linker.link(amount("政府采购支出预算总额", "3742.40", ("第三部分", "十二、政府采购支出预算情况说明")))
    assert cells(link) == [("表 十二", "合计", "3742.40")] and link.agreeing


def test_part_of_a_narrow_concept_is_not_its_grand_total(running_linker):
    # "政府采购货物预算" is a part of 政府采购: never compared with the 3,742.40 total.
    link = running_linker.link(amount("政府采购货物预算", "525.40", ("第三部分", "十二、政府采购支出预算情况说明")))
    assert ("表 十二", "合计", "3742.40") not in cells(link)
    # it is the 货物 class of the table (政府采购品目 "A 货物"), found by that name
    assert cells(link) == [("表 十二", "一、货物A", "525.40")] and link.agreeing
    # "会议费" with a fund word: only cells labelled 会议费 may be candidates, never the
    # 一般公共预算 total the section names.
    link = running_linker.link(amount("一般公共预算拨款安排的会议费预算支出", "143.40", GENERAL))
    assert "28849.38" not in {v for _, _, v in cells(link)}
    assert all(lbl == "会议费" for _, lbl, _ in cells(link)) and link.confidence != CONFIDENT


# -- items under looser names: horizontal tables, item columns, 类 names without 支出

HORIZONTAL = """第二部分 2024 年部门预算公开表

公开09表

一般公共预算“三公”经费支出表

单位：某局

单位：万元

“三公”经费合计	因公出国（境）费	公务用车购置及运行维护费			公务接待费
		小计	公务用车购置费	公务用车运行维护费
345.63	0.00	299.12	154.97	144.15	46.51

公开03表

支出总表

单位：万元

合计	基本支出	项目支出	单位预留机动经费
24,458.43	10,403.11	12,081.46	1,973.86
"""
THREE_PUBLIC = ("第三部分2024年部门预算情况说明", "九、一般公共预算“三公”经费支出预算情况说明")
SPENDING = ("第三部分2024年部门预算情况说明", "三、支出预算情况说明")


@pytest.fixture(scope="module")
def horizontal():
    d = read_text(HORIZONTAL, path="horizontal.txt")
    return d, Linker(d, load_lexicon())


def test_a_department_line_after_the_caption_keeps_the_title(horizontal):
    # "单位：某局" names the department (not the unit of amounts): the caption's title survives it
    d, _ = horizontal
    assert [t.title for t in d.tables][:1] == ["一般公共预算“三公”经费支出表"]
    assert d.tables[0].department == "某局" and d.tables[0].unit == "万元"


def test_an_item_column_of_a_one_row_table_is_linked(horizontal):
    _, linker = horizontal
    link = linker.link(amount("公务用车购置及运行维护费预算支出", "299.12", THREE_PUBLIC))
    assert link.route == "column" and [c.value.text for c in link.candidates] == ["299.12"]
    assert link.agreeing and link.linked


def test_an_item_named_with_arrangement_words_is_linked(horizontal):
    _, linker = horizontal
    link = linker.link(amount("安排公务接待费预算", "46.51", THREE_PUBLIC))
    assert [c.value.text for c in link.candidates] == ["46.51"]


def test_an_item_column_is_found_by_its_classification_name(horizontal):
    # "公务用车购置" is the economic item the "公务用车购置费" column holds: that column, never the
    # 合计 or the 小计 of its parent header
    _, linker = horizontal
    link = linker.link(amount("公务用车购置预算支出", "0", THREE_PUBLIC))
    assert [c.value.text for c in link.candidates] == ["154.97"] and not link.agreeing


def test_a_measure_of_a_one_row_table_is_its_column(horizontal):
    _, linker = horizontal
    link = linker.link(amount("项目支出", "12,081.46", SPENDING))
    assert link.linked and [c.value.text for c in link.agreeing] == ["12,081.46"]
    wrong = linker.link(amount("项目支出", "12,081.00", SPENDING))
    assert wrong.linked and not wrong.agreeing


def test_a_class_name_without_its_expenditure_word_is_its_row(linker):
    # "科学技术（类）支出 3,956.08 万元" → subject "科学技术"; the row prints "科学技术支出"
    link = linker.link(amount("科学技术", "3,956.08", FIVE))
    assert link.linked and any(c.value.text == "3,956.08" for c in link.agreeing)


# -- one agreement function, with the configured tolerance

def test_agreement_takes_the_configured_tolerance(doc):
    from textcheck.linking import agreement, agrees

    linker = Linker(doc, load_lexicon())
    cell = linker.link(amount("基本支出", "1,422.65", THREE)).agreeing[0]
    off = Number(Decimal("1422.70"), 2, "万元", "1,422.70")
    assert not agrees(off, cell) and not agreement()(off, cell, Decimal(1))
    assert agrees(off, cell, tolerance=Decimal("0.05")) and agreement(Decimal("0.05"))(off, cell, Decimal(1))
    # a magnitude slip: 14,226,500 元 written for 1,422.65 万元 agrees only at ×10⁻⁴
    slip = Number(Decimal("14226500"), 0, "万元", "14226500")
    assert not agrees(slip, cell) and agrees(slip, cell, Decimal("0.0001"))


def test_the_linker_applies_the_tolerance_it_is_given(doc):
    near = amount("基本支出", "1,422.70", THREE)
    assert not Linker(doc, load_lexicon()).link(near).agreeing
    assert Linker(doc, load_lexicon(), tolerance=Decimal("0.05")).link(near).agreeing
