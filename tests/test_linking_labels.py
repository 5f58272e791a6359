"""Linking: row labels where templates print them differently — a 合计 written in the code
column, an income item with its bracketed qualifier, a subject naming a 科目 in quotes.

Hand-built claims against a small disclosure read by the text reader (as in test_linking.py),
each with a case that must link and one that must not.
"""
from decimal import Decimal

import pytest

from textcheck.claim import Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.linking import UNLINKED, Linker
from textcheck.numbers import Number
from textcheck.readers import read_text

MINI = """第二部分 2026 年部门预算公开表

表 1

部门收支总体情况表

单位：万元

收入		支出	
项目	预算数	项目	预算数
一、一般公共预算拨款收入	3,773.71	一、教育支出	3,773.71
二、事业收入（不含教育收费）	329.34	二、社会保障和就业支出	329.34
本年收入合计	4,103.05	本年支出合计	4,103.05

表 9

一般公共预算基本支出经济分类情况表

单位：万元

科目编码	科目名称	预算数
合计		1,422.65
301	工资福利支出	1,200.00
302	商品和服务支出	222.65

第三部分 2026 年部门预算情况说明

一、收入预算情况说明

事业收入 329.34 万元。

五、一般公共预算拨款基本支出情况

一般公共预算拨款基本支出 1,422.65 万元。

六、支出预算情况说明

“教育支出”科目 3,773.71 万元。
"""

INCOME = ("第三部分2026年部门预算情况说明", "一、收入预算情况说明")
BASIC = ("第三部分2026年部门预算情况说明", "五、一般公共预算拨款基本支出情况")
SPENDING = ("第三部分2026年部门预算情况说明", "六、支出预算情况说明")


@pytest.fixture(scope="module")
def linker():
    return Linker(read_text(MINI, path="labels.txt"), load_lexicon())


def amount(subject: str, value: str, section) -> Claim:
    decimals = len(value.split(".")[1]) if "." in value else 0
    number = Number(Decimal(value.replace(",", "")), decimals, "万元", value)
    text = f"{subject}{value}万元"
    sentence = LocatedText(text, tuple((1, i + 1) for i in range(len(text))))
    return Claim(kind="amount", subject=subject, sentence=sentence, section=section,
                 value=Quantity(number, sentence.slice(len(subject), len(text))))


def test_a_total_printed_in_the_code_column_is_the_tables_total(linker):
    link = linker.link(amount("一般公共预算拨款基本支出", "1,422.65", BASIC))
    assert link.linked and [c.value.text for c in link.agreeing] == ["1,422.65"]
    wrong = linker.link(amount("一般公共预算拨款基本支出", "1,400.00", BASIC))
    assert wrong.linked and not wrong.agreeing


def test_a_code_in_the_code_column_is_never_a_label(linker):
    # "301" is the code of the 工资福利支出 row, not a second name of it
    assert linker.link(amount("301", "1,200.00", BASIC)).confidence == UNLINKED


def test_an_income_item_is_its_row_with_the_bracketed_qualifier(linker):
    link = linker.link(amount("事业收入", "329.34", INCOME))
    assert link.linked and [c.value.text for c in link.agreeing] == ["329.34"]
    assert linker.link(amount("事业单位经营收入", "329.34", INCOME)).confidence == UNLINKED


def test_a_classification_item_named_in_quotes_with_the_word_ke_mu(linker):
    link = linker.link(amount("教育支出科目", "3,773.71", SPENDING))
    assert link.linked and any(c.value.text == "3,773.71" for c in link.agreeing)
    other = linker.link(amount("科学技术支出科目", "3,773.71", SPENDING))
    assert other.confidence == UNLINKED


STAGES = """第二部分 2024 年度部门决算表

公开09表

一般公共预算财政拨款“三公”经费支出决算表

单位：万元

预算数			决算数		
合计	公务接待费	公务用车购置及运行费	合计	公务接待费	公务用车购置及运行费
76.43	5.80	40.63	46.21	5.60	40.61

第三部分 2024 年度部门决算情况说明

七、一般公共预算财政拨款“三公”经费支出决算情况说明

公务用车购置及运行费支出决算为40.61万元。
"""
STAGE_SECTION = ("第三部分2024年度部门决算情况说明", "七、一般公共预算财政拨款“三公”经费支出决算情况说明")


@pytest.fixture(scope="module")
def stage_linker():
    return Linker(read_text(STAGES, path="stages.txt"), load_lexicon())


def test_an_item_named_with_its_final_account_word_is_the_final_accounts_column(stage_linker):
    link = stage_linker.link(amount("公务用车购置及运行费支出决算", "40.61", STAGE_SECTION))
    assert link.linked and [c.value.text for c in link.candidates] == ["40.61"]
    wrong = stage_linker.link(amount("公务用车购置及运行费支出决算", "40.63", STAGE_SECTION))
    assert wrong.linked and not wrong.agreeing  # never the 预算数 group's 40.63


def test_a_bare_final_account_word_names_no_item(stage_linker):
    assert stage_linker.link(amount("支出决算", "40.61", STAGE_SECTION)).confidence == UNLINKED
