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


def test_year_words_name_the_documents_year_and_the_one_before():
    d = read_text(YEARS.replace("2025年预算数", "上年预算数").replace("2026年预算数", "当年预算数"), path="y.txt")
    d.meta["year"] = 2026
    link = Linker(d, load_lexicon()).link(amount("公务接待费", "9.54", THREE_PUBLIC))
    assert link.confidence == CONFIDENT and [c.value.text for c in link.candidates] == ["9.54"]


def test_a_column_in_groups_naming_no_year_stays_ambiguous():
    d = read_text(YEARS.replace("2025年预算数", "调整前").replace("2026年预算数", "调整后"), path="y.txt")
    d.meta["year"] = 2026
    link = Linker(d, load_lexicon()).link(amount("公务接待费", "9.54", THREE_PUBLIC))
    assert link.confidence == AMBIGUOUS and len(link.candidates) == 2 and not link.share_wholes


XIAN = """第二部分 2026 年部门预算公开表

表 13

一般公共预算拨款“三公”经费及会议费、培训费支出预算表

单位：万元

单位编码	单位名称	上年			当年		
		合计	会议费	培训费	合计	会议费	培训费
合计		36.20	12.20	24.00	41.70	19.72	21.98
201	某局	36.20	12.20	24.00	41.70	19.72	21.98
"""


def test_a_narrow_item_with_a_fund_word_finds_its_column():
    # "一般公共预算培训费预算支出": the fund word names no cell of 培训费; the column does, in
    # the 当年 group, on the 合计 row printed in the 单位编码 column
    d = read_text(XIAN, path="x.txt")
    d.meta["year"] = 2026
    section = ("第三部分", "十、“三公”经费及会议费、培训费情况说明")
    link = Linker(d, load_lexicon()).link(amount("当年一般公共预算培训费预算支出", "21.98", section))
    assert link.confidence == CONFIDENT and [c.value.text for c in link.candidates] == ["21.98"]
    assert [c.value.text for c in link.share_wholes] == ["41.70"]


BASIC = """第二部分 2017 年度部门预算公开表

表六

财政拨款基本支出预算表

单位：万元

科目编码	科目名称	金额
合计		17,123.19
301	工资福利支出	7,687.65
30101	基本工资	2,509.00
302	商品和服务支出	3,528.37
30201	办公费	380.00
303	对个人和家庭的补助	5,907.17
30302	退休费	1,963.45
"""
BASIC_SECTION = ("第三部分", "六、财政拨款基本支出预算表情况说明")


def test_public_funds_are_the_one_goods_and_services_row_of_a_table_that_adds_up():
    # 公用经费 = 302 + 310 (lexicon); the table prints no 310 and its class rows add up to the
    # total (7,687.65 + 3,528.37 + 5,907.17 = 17,123.19): 公用经费 is the 302 row
    linker = Linker(read_text(BASIC, path="basic.txt"), load_lexicon())
    link = linker.link(amount("公用经费", "3,528.37", BASIC_SECTION))
    assert link.confidence == CONFIDENT and cells(link) == [("商品和服务支出", "3,528.37")]
    # the total row's "合计" sits in the 科目编码 column: it still labels the table's total
    whole = linker.link(amount("财政拨款基本支出", "17,123.19", BASIC_SECTION))
    assert whole.confidence == CONFIDENT and ("合计", "17,123.19") in cells(whole)
    # 人员经费 = 301 + 303: two rows, no one cell
    assert not linker.link(amount("人员经费", "13,594.82", BASIC_SECTION)).candidates


def test_public_funds_stay_unlinked_when_the_table_does_not_prove_them():
    # a 310 row with a figure: 公用经费 is 302 + 310, no one cell
    capital = BASIC.replace("合计		17,123.19", "合计		17,223.19") + "310	资本性支出	100.00\n"
    link = Linker(read_text(capital, path="c.txt"), load_lexicon()).link(amount("公用经费", "3,528.37", BASIC_SECTION))
    assert not link.candidates
    # class rows that do not add up to the total: some class is not printed
    short = BASIC.replace("合计		17,123.19", "合计		17,223.19")
    link = Linker(read_text(short, path="s.txt"), load_lexicon()).link(amount("公用经费", "3,528.37", BASIC_SECTION))
    assert not link.candidates


MEASURE = """第二部分 2025 年部门预算公开表

表 3

部门支出总体情况表

单位：万元

科目编码	科目名称	合计	基本支出	项目支出
	合计	68,632.12	28,398.17	40,233.95
204	公共安全支出	68,629.12	28,398.17	40,230.95

表 8

项目支出预算表

单位：万元

项目名称	金额
合计	40,233.95
警务辅助人员经费	40,233.95
"""


def test_an_item_under_a_heading_naming_a_measure_is_that_measures_cell():
    linker = Linker(read_text(MEASURE, path="m.txt"), load_lexicon())
    section = ("四、一般公共预算拨款支出", "（二）项目支出：2025年本单位项目支出预算40233.95万元")
    link = linker.link(amount("公共安全支出", "40230.95", section))
    assert link.confidence == CONFIDENT and cells(link) == [("公共安全支出", "40,230.95")]


def test_an_item_under_a_heading_naming_no_measure_stays_outside_its_tables():
    linker = Linker(read_text(MEASURE, path="m.txt"), load_lexicon())
    section = ("四、一般公共预算拨款支出", "（二）项目情况说明")
    link = linker.link(amount("公共安全支出", "40230.95", section))
    assert link.confidence != CONFIDENT


def test_columns_of_classification_rows_are_no_item_figure():
    # rows of 支出功能分类 items (201 一般公共服务支出): a column is a measure of each item, which
    # row the narrative means is unknown — unlike a unit's code row ("201 某局" above)
    d = read_text(XIAN.replace("201	某局", "201	一般公共服务支出"), path="c.txt")
    d.meta["year"] = 2026
    section = ("第三部分", "十、“三公”经费及会议费、培训费情况说明")
    link = Linker(d, load_lexicon()).link(amount("培训费", "21.98", section))
    assert link.confidence != CONFIDENT


MEETINGS = """第二部分 2024 年部门预算公开表

公开09表

一般公共预算“三公”经费、会议费、培训费支出表

单位：万元

“三公”经费合计	因公出国（境）费	公务接待费	会议费	培训费
345.63	0.00	46.51	45.12	305.79
"""


def test_the_share_whole_of_a_column_is_a_total_over_it_only():
    linker = Linker(read_text(MEETINGS, path="meet.txt"), load_lexicon())
    section = ("第三部分", "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明")
    reception = linker.link(amount("公务接待费预算支出", "46.51", section))
    assert reception.confidence == CONFIDENT and [c.value.text for c in reception.share_wholes] == ["345.63"]
    # 会议费 is no part of the "三公"经费: its share is of no column of this table
    meetings = linker.link(amount("会议费预算支出", "45.12", section))
    assert meetings.confidence == CONFIDENT and meetings.share_wholes == ()
