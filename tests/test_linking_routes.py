"""Linking routes of issue 12: a specific concept's whole owned by the department, a fund's own
table total, and item columns of a table's one row (year groups, share wholes).

Hand-built claims against small documents read by the text reader (as tests/test_linking.py)."""
from decimal import Decimal

import pytest

from textcheck.claim import Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.linking import AMBIGUOUS, CONFIDENT, UNLINKED, Linker, cell_label
from textcheck.numbers import Number
from textcheck.readers import read_text


def located(text: str) -> LocatedText:
    return LocatedText(text, tuple((1, i + 1) for i in range(len(text))))


def amount(subject: str, value: str, section, *, whole=None, year=None) -> Claim:
    decimals = len(value.split(".")[1]) if "." in value else 0
    number = Number(Decimal(value.replace(",", "")), decimals, "万元", value)
    sentence = located(f"{subject}{value}万元")
    return Claim(kind="amount", subject=subject, sentence=sentence, section=section, year=year,
                 value=Quantity(number, sentence.slice(len(subject), len(sentence.text))), whole=whole)


def cells(link):
    return sorted((cell_label(c), c.value.text) for c in link.candidates)


PROCUREMENT = """第二部分 2026 年部门预算公开表

预算10表

政府采购预算明细表

单位：北京市人民政府国有资产监督管理委员会

单位：万元

采购类别	金额
A-货物	61.00
C-服务	2,811.00
合计	2,872.00
"""
BUY = ("五、其他情况说明", "（一）政府采购预算说明")


@pytest.fixture(scope="module")
def buying():
    return Linker(read_text(PROCUREMENT, path="buy.txt"), load_lexicon())


def test_a_procurement_total_owned_by_the_department_is_the_tables_total(buying):
    # "市国资委" is the department under a short name (its characters in order in the full name)
    for subject in ("2026年市国资委政府采购预算总额", "所属各预算单位政府采购预算总额", "纳入2026年部门预算的政府采购项目共有"):
        link = buying.link(amount(subject, "2,872.00", BUY))
        assert link.confidence == CONFIDENT and cells(link) == [("合计", "2,872.00")], subject
    whole = amount("2026年市国资委政府采购预算总额", "2,872.00", BUY)
    part = buying.link(amount("政府采购服务预算", "2,811.00", BUY, whole=whole))
    assert part.confidence == CONFIDENT and cells(part) == [("C-服务", "2,811.00")]


def test_a_procurement_figure_of_another_owner_stays_unlinked(buying):
    # a name that is no short name of the department (a subordinate centre): its own figure
    for subject in ("信息中心政府采购预算总额", "国资委信息中心政府采购预算总额", "市委政府采购预算总额"):
        link = buying.link(amount(subject, "2,872.00", BUY))
        assert link.confidence == UNLINKED and not link.candidates, subject


FISCAL = """第二部分 2026 年部门预算公开表

预算04表

财政拨款收支总表

单位：万元

收入		支出	
项目	预算数	项目	预算数
一、一般公共预算资金	19,756.66	一、一般公共服务支出	20,164.77
三、国有资本经营预算资金	495,500.00	二、国有资本经营预算支出	495,500.00
本年收入合计	515,256.66	本年支出合计	515,664.77
上年结转结余	408.11	年终结转结余	
收入总计	515,664.77	支出总计	515,664.77

预算02表

收入总表

单位：万元

合计	一般公共预算资金	国有资本经营预算资金
515,664.77	19,756.66	495,500.00
"""


@pytest.fixture(scope="module")
def fiscal():
    return Linker(read_text(FISCAL, path="fiscal.txt"), load_lexicon())


def test_a_fund_named_alone_in_an_income_section_is_its_own_tables_total(fiscal):
    # no column of the income tables prints 财政拨款: the 财政拨款收支总表's income totals
    link = fiscal.link(amount("本年财政拨款收入", "515,256.66", ("二、收入预算情况说明",)))
    assert link.confidence == CONFIDENT and ("本年收入合计", "515,256.66") in cells(link)
    assert [cell_label(c) for c in link.agreeing] == ["本年收入合计"]


def test_a_fund_part_of_a_project_list_is_not_the_fund_total(fiscal):
    # "预算资金 2385.28 万元，其中财政拨款 2285.28 万元" in a 绩效 section: the projects' funds,
    # never the document's 财政拨款 total
    section = ("七、预算绩效管理情况说明", "（一）总体工作情况")
    whole = amount("预算资金", "2385.28", section)
    link = fiscal.link(amount("财政拨款", "2285.28", section, whole=whole))
    assert link.confidence != CONFIDENT
    alone = fiscal.link(amount("财政拨款", "2285.28", section))
    assert alone.confidence != CONFIDENT


YEARS = """第二部分 2026 年部门预算公开表

公开表7

一般公共预算“三公”经费支出情况表

单位：万元

2025年预算数			2026年预算数		
合计	因公出国（境）经费	公务接待费	合计	因公出国（境）经费	公务接待费
27.32	5.00	10.54	24.62	5.00	9.54
"""
THREE_PUBLIC = ("第三部分", "二、“三公”经费支出情况")


def test_a_column_in_year_groups_is_the_one_of_the_figures_year():
    d = read_text(YEARS, path="years.txt")
    d.meta["year"] = 2026
    linker = Linker(d, load_lexicon())
    link = linker.link(amount("公务接待费", "9.54", THREE_PUBLIC))
    assert link.confidence == CONFIDENT and [c.value.text for c in link.candidates] == ["9.54"]
    assert sorted(c.value.text for c in link.share_wholes) == ["24.62"]
    # the year the sentence names wins over the document's
    last = linker.link(amount("公务接待费", "10.54", THREE_PUBLIC, year="2025"))
    assert [c.value.text for c in last.candidates] == ["10.54"]


def test_a_column_in_year_groups_without_the_year_stays_ambiguous():
    d = read_text(YEARS.replace("2025年预算数", "上年预算数").replace("2026年预算数", "本年预算数"), path="y.txt")
    d.meta["year"] = 2026
    link = Linker(d, load_lexicon()).link(amount("公务接待费", "9.54", THREE_PUBLIC))
    assert link.confidence == AMBIGUOUS and len(link.candidates) == 2 and not link.share_wholes
