"""Linking (textcheck.linking): comparing subjects with row labels and project names."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# Leading numbering of a row label or subject (after normalize_term): "1.", "一、", "(一)", "(1)".
LINK_LEADING_NUMBERING = regex.compile(r"^(?:\d+[、.．)](?!\d)|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．])")

# "其中：" before a part row's label.
LINK_PART_PREFIX = regex.compile(r"^其中[:：]?")

# Punctuation, symbols and spaces dropped from name keys: "---" vs "——", quotes, brackets.
LINK_NAME_PUNCT = regex.compile(r"[\p{P}\p{S}\s]+")

# A leading year of a project name: "2024年人才专项经费…" also matches "人才专项经费…".
LINK_YEAR_PREFIX = regex.compile(r"^\d{4}年度?")

# A project block heading: "（一）项目名称：…".
LINK_PROJECT_HEADING = regex.compile(r"项目名称\s*[:：]\s*(?P<name>.+?)\s*$")

# A classification code printed before the name in one cell: "206 科学技术支出" (normalised: no space).
LINK_CODE_PREFIX = regex.compile(r"^(?P<code>\d{3}(?:\d{2}){0,2})(?P<name>\D.*)$")

# Words in a subject that name the year or the department, not the item:
# "2024 年", "本年度", "本部门", "部门".
LINK_SUBJECT_NOISE = regex.compile(r"\d{4}年度?(?:的)?|本年度?|当年|全年|本部门|本单位|我单位|部门")

# Level marks of the 类/款/项 form: "（类）", "(款)".
LINK_LEVEL_MARK = regex.compile(r"[(（]\s*[类款项]\s*[)）]")

# A bracketed ordinal inside a classification name: "机关资本性支出（一）" (written without it too).
LINK_BRACKETED_ORDINAL = regex.compile(r"[(（][一二三四五六七八九十]+[)）]")

# A classification code printed with a subject: in brackets after it, "行政运行（2080101）"
# (normalised: half-width brackets), or before it with a dash, "2080501-行政单位离退休"
# (textcheck.linking).
LINK_SUBJECT_CODE = regex.compile(r"\((?P<code>\d{3}(?:\d{2}){0,2})\)|^(?P<code>\d{3}(?:\d{2}){0,2})[-—－–]")

# A cell that is only a classification code ("206", "01", "2060101"), not a label.
LINK_CODE_CELL = regex.compile(r"\d{2,7}")

# Any digit: a code-column cell holding one is a code, not a name printed across the column.
LINK_ANY_DIGIT = regex.compile(r"\d")

# A label naming a total of its own block on a total row: "人员经费合计 | … | 公用经费合计" of
# a 基本支出决算表 (each is the total of the columns under its heading).
LINK_TOTAL_SUFFIX = regex.compile(r"(?:合计|总计)$")

# The word a total row adds to the name of what it totals ("本年收入" → "本年收入合计").
LINK_TOTAL_WORD = "合计"

# A final-account stage word ending a subject ("公务用车购置及运行费支出决算"): the item is printed
# without it, in a 决算 column group (the linker's stage filter keeps that group).
LINK_STAGE_SUFFIX = regex.compile(r"(?:支出)?决算数?$")

# The classification a subject says it is read by, before the item: "按功能分类支出划分为一般
# 公共服务支出", "按经济分类划分为基本支出" (the item is what follows).
LINK_CLASSIFICATION_LEAD = regex.compile(r"^按(?:支出)?(?:功能|经济)(?:分类)?(?:科目)?(?:支出)?(?:划分)?(?:为|是)?")

# A project code before the name (name key: punctuation gone): "11000026Y000003743450公务用车购置",
# "2024001人才经费" — six or more letters and digits, at least one digit.
LINK_PROJECT_CODE = regex.compile(r"^(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{6,}")

# Words around a project's name that the narrative adds or drops: "水务发展资金项目支出" /
# "水务发展资金", "信访业务经费" / "信访业务项目".
LINK_PROJECT_SUFFIX = regex.compile(r"(?:项目|经费|支出|预算|资金)+$")

# The particle a narrative leaves out of an item's name or adds to it ("对个人和家庭补助" /
# "对个人和家庭的补助"): compared without it inside one unit's rows.
LINK_PARTICLE = regex.compile("的")

# "本级" (the department's own level, "局本级") in a subject naming a unit: dropped before the
# rest is compared with the generic whole-words ("机关本级支出" names the unit only).
LINK_OWN_LEVEL = regex.compile("本级")

# Stands in for an optional word list the linking lexicon leaves out: matches only the empty
# string, so an absent list finds nothing in a non-empty label.
LINK_EMPTY_WORDS = regex.compile("^$")

# Column groups named by year words instead of years ("上年 | 当年 | 增减变化情况"): the
# document's year and the one before (textcheck.linking.items._of_year).
LINK_THIS_YEAR_HEADER = regex.compile(r"^(?:当年|本年)(?!度?结转)")
LINK_LAST_YEAR_HEADER = regex.compile(r"^上年(?!结转|度?结余)")

# A row labelled by a year only ("2026年", "2026年预算数"): the tables that print a unit's figures
# as a block of year rows ("2025年 | 2026年 | 增减变化金额") instead of one total row.
LINK_YEAR_ROW = regex.compile(r"^(\d{4})年(?:预算数?|决算数?)?$")

# A government-fund expenditure item is named after the revenue it spends ("污水处理费安排的支出",
# "国有土地使用权出让收入安排的支出"): the fund's part of that revenue's spending.
LINK_FUND_USE_SUFFIX = "安排的支出"
