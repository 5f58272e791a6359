"""Classes of the 政府预算支出经济分类 named with their code ("机关工资福利支出（501）"): the rows
that print that class (textcheck/linking/government.py), never the 部门预算支出经济分类 rows of
the section's own table, and only when the code and the name agree; and the 部门整体支出 of a 绩效
section (textcheck/linking/department_whole.py), the department's own row of its 整体支出绩效目标表.

Hand-built claims against small documents read by the text reader (as tests/test_linking_routes.py)."""
import dataclasses
from decimal import Decimal

from textcheck.claim import Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.linking import CONFIDENT, Linker, cell_label
from textcheck.numbers import Number
from textcheck.readers import read_text


def amount(subject: str, value: str, section) -> Claim:
    number = Number(Decimal(value), len(value.split(".")[1]), "万元", value)
    text = f"{subject}{value}万元"
    sentence = LocatedText(text, tuple((1, i + 1) for i in range(len(text))))
    return Claim(kind="amount", subject=subject, sentence=sentence, section=section,
                 value=Quantity(number, sentence.slice(len(subject), len(text))))


def cells(link):
    return sorted((cell_label(c), c.value.text) for c in link.candidates)


TOTALS = """第二部分 2026 年部门综合预算公开表

表 4

部门综合预算财政拨款收支总表

单位：万元

收入项目	预算数	部门预算支出经济分类科目	预算数	政府预算支出经济分类科目	预算数
一、财政拨款	620.00	(1)工资福利支出	300.00	1、机关工资福利支出	280.00
	0.00	(2)商品和服务支出	100.00	2、机关商品和服务支出	120.00
	0.00	(3)对个人和家庭的补助	220.00	3、对个人和家庭的补助	220.00

表 6

部门综合预算一般公共预算支出明细表（按支出经济分类科目）

单位：万元

科目编码	科目名称	合计
	合计	620.00
301	工资福利支出	300.00
302	商品和服务支出	100.00
303	对个人和家庭的补助	220.00
"""
ECONOMIC = ("七、一般公共预算拨款支出明细情况说明", "（三）支出按经济科目分类的明细情况")


def test_a_government_class_with_its_code_is_the_row_printing_that_class():
    linker = Linker(read_text(TOTALS, path="t.txt"), load_lexicon())
    link = linker.link(amount("机关工资福利支出（501）", "280.00", ECONOMIC))
    # the row stands in 财政拨款收支总表, not in the section's table: linked, never confident
    assert link.linked and link.confidence != CONFIDENT
    assert cells(link) == [("1、机关工资福利支出", "280.00")]
    # a name both classifications use (303 / 509): the row of the column that prints the
    # 政府预算支出经济分类, never the 303 rows
    link = linker.link(amount("对个人和家庭的补助（509）", "220.00", ECONOMIC))
    assert link.linked and [c.col for c in link.candidates] == [5]


def test_a_government_code_under_another_classes_name_stays_unlinked():
    linker = Linker(read_text(TOTALS, path="t.txt"), load_lexicon())
    # "工资福利支出" is the 301 class; which of the two the sentence means is not known
    link = linker.link(amount("工资福利支出（501）", "300.00", ECONOMIC))
    assert ("1、机关工资福利支出", "280.00") not in cells(link) and link.confidence != CONFIDENT


def test_a_shared_name_in_a_column_of_the_other_classification_stays_unlinked():
    # the only column printing the name is a 部门预算支出经济分类 one: no 509 row is printed
    linker = Linker(read_text(TOTALS.split("表 4")[0] + "表 6" + TOTALS.split("表 6")[1], path="g.txt"),
                    load_lexicon())
    link = linker.link(amount("对个人和家庭的补助（509）", "220.00", ECONOMIC))
    assert not link.linked


PERFORMANCE = """某某市公安局2025年部门预算

第二部分 2025 年部门预算公开表

表 9

2025年部门整体支出绩效目标表

单位：万元

单位编码	单位名称	资金总额	一般公共预算	基本支出	项目支出
106001	某某市公安局	68,632.12	68,632.12	28,398.17	40,233.95
"""
PERF_SECTION = ("六、其他重要事项的情况说明", "（六）预算绩效目标说明")


def test_the_departments_whole_expenditure_is_its_row_of_the_whole_expenditure_target_table():
    # module docstring: the whole of a 绩效 section's "部门整体支出" and its parts (never confident)
    linker = Linker(read_text(PERFORMANCE, path="p.txt"), load_lexicon())
    whole = amount("纳入2025年部门整体支出绩效目标的金额", "68632.12", PERF_SECTION)
    link = linker.link(whole)
    assert link.linked and link.confidence != CONFIDENT
    assert {c.value.text for c in link.agreeing} == {"68,632.12"}
    part = dataclasses.replace(amount("基本支出", "28398.17", PERF_SECTION), whole=whole)
    link = linker.link(part)
    assert link.linked and [c.value.text for c in link.candidates] == ["28,398.17"]


def test_another_units_row_is_no_whole_of_the_department():
    other = PERFORMANCE.replace("106001	某某市公安局", "106002	某某市交警支队")
    linker = Linker(read_text(other, path="o.txt"), load_lexicon())
    link = linker.link(amount("纳入2025年部门整体支出绩效目标的金额", "68632.12", PERF_SECTION))
    assert not link.linked
