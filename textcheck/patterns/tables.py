"""Table grids and their arithmetic (textcheck.readers.tablegrid, textcheck.tables): row kinds,
classification codes, column-number rows, header and cell text as the sum rules read it."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# Row labels: totals, subtotals, parts.
ROW_TOTAL_LABEL = regex.compile(r"^(?:总计|合计|总额|收入总计|支出总计|收支总计|[\p{Han}]{0,8}(?:总计|合计))$")
ROW_SUBTOTAL_LABEL = regex.compile(r"小计")
ROW_PART_LABEL = regex.compile(r"^其中\s*[:：]?")

# Row numbering styles, outermost first: "一、", "（一）", "1." / "1、", "（1）".
ROW_NUMBERING = (
    regex.compile(r"^[一二三四五六七八九十]+\s*[、.．]"),
    regex.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]"),
    regex.compile(r"^\d{1,2}\s*(?:[、．]|\.(?!\d))"),
    regex.compile(r"^[（(]\s*\d{1,2}\s*[）)]"),
)

# Classification codes: 类 "206" (3 digits), 款 "01", 项 "01"; combined 3/5/7 digits.
CODE_CLASS = regex.compile(r"^[1-9]\d{2}$")
CODE_SUB = regex.compile(r"^\d{2}$")
CODE_COMBINED = regex.compile(r"^[1-9]\d{2}(?:\d{2}){0,2}$")

# Code and name in one cell: "201 一般公共服务支出", "2060101行政运行" (not "2024年…", "100万元").
# A measure word right after the digits means a count, not a code ("193人", "200人次");
# a name that merely starts with 人 ("2010104 人大会议") is still a code and name.
# The code may be bracketed ("[201]一般公共服务支出") or joined by a dash ("2010301-行政运行").
CODE_AND_NAME = regex.compile(
    r"^[\[【]?(?P<code>[1-9]\d{2}(?:\d{2}){0,2})(?!\d)[\]】]?\s*[-－—]?\s*"
    r"(?P<name>(?![年月日万亿元个次项家%])(?!人次|人(?!\p{Han}))\p{Han}.*)$")

# A code cell printed in brackets: "[201]", "【20140】".
BRACKETED_CODE = regex.compile(r"[\[【]([1-9]\d{2}(?:\d{2}){0,2})[\]】]")

# Column-number row tokens besides the numbers: "※", "*", "栏次".
COLUMN_NUMBER_MARK = regex.compile(r"^(?:※|\*|＊|栏次|行次|—|-|–)$")

# A grid row that is a Markdown separator converted to cells: "--", "----", ":---:".
DASH_CELL = regex.compile(r"^:?-{2,}:?$")

# Organisation names (unit rows grouping project rows in 项目支出/结转结余 tables).
# An alias in brackets may follow the name ("苏州市信息中心（苏州市数字城市运营管理中心）").
ORG_NAME = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:局|中心|委员会|办公室|办公厅|厅|院|所|处|署|站|队|馆|学校|大学|学院|小学|中学|幼儿园|分校"
    r"|医院|协会|学会|联合会|公司|集团|政府|[（(]本级[）)])(?:[（(][\p{Han}]{2,30}[）)])?$")

# A cell that stands for "nothing": dashes and similar placeholders count as empty.
EMPTY_CELL = regex.compile(r"[-−－—–/／×xX＊*※]+|无|空")

# One cell of a column-number row: "※", "1", "栏次", or a formula "1=2+3", "4＝5+6+7".
COLUMN_NUMBER_CELL = regex.compile(r"※|\*|＊|栏次|行次|\d{1,2}|\d{1,2}\s*[=＝]\s*\d{1,2}(?:\s*[+＋]\s*\d{1,2})+")

# A column formula stated in the column-number row: "1=2+3" (column 1 is the sum of 2 and 3).
COLUMN_FORMULA = regex.compile(r"(?P<lhs>\d{1,2})\s*[=＝]\s*(?P<rhs>\d{1,2}(?:\s*[+＋]\s*\d{1,2})+)")

# A code cell: 类 "206", 款/项 "01", or a combined code "2060101" (digits only, no separators).
CODE_CELL = regex.compile(r"\d{2,7}")

# Header of a column holding row names ("项目名称", "功能分类科目名称", "采购物品名称",
# "“三公”经费支出内容"): preferred over other text columns (采购组织形式) for Row.label.
NAME_HEADER = regex.compile(r"名称|^项目$|内容$|^科目$|^支出功能分类$|^功能分类$")

# A bare total word in its own cell ("一般公共预算资金 | 小计").
TOTAL_WORD = regex.compile(r"^(?:小计|合计|总计)$")

# The header of a line-number column (final-account tables number every row: 行次) or of the
# column-number row (栏次): never an amount.
LINE_NUMBER_HEADER = regex.compile(r"行次|栏次|行号")

# A column head naming a subtotal (a part that must not count twice inside its header group),
# and one naming any total (a group's first or last column holding its sum).
SUBTOTAL_COLUMN_WORD = regex.compile(r"小计|合计")
TOTAL_COLUMN_WORD = regex.compile(r"合计|总计|小计")
