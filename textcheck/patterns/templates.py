"""Template families and table lists (textcheck.families; rules TC901, TC903): table titles
as keys, required-table lists printed as tables, the subjects of empty tables."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A table title in a required-table list or a document: compared after removing these.
STRUCTURE_TITLE_NOISE = regex.compile(r"[\s\"'“”‘’「」（）()〔〕\[\]【】]|^(?:\d{4}年度?)|^[一二三四五六七八九十]+、")

# A sentence saying there is nothing: 无 / 没有 / 未安排 / 不涉及 / 0 万元 (TC903).
STRUCTURE_NOTHING = regex.compile(
    r"无|没有|未安排|未使用|不涉及|为空|为零|(?<![\d.])0(?:\.0+)?\s*(?:万元|元|亿元)|为\s*0(?:\.0+)?(?![\d.])")

# A trailing bracketed qualifier of a table title: "（功能科目）", "（续）", "（按经济分类科目）".
STRUCTURE_TRAILING_BRACKET = regex.compile(r"[(（][^()（）]*[)）]\s*$")

# A table label opening a title key (spaces already removed): "预算01表", "预算表12", "公开05表",
# "公开表五", "表十一", "表3", "附表1", "附件2" (textcheck.families.bare_title).
STRUCTURE_TABLE_LABEL_PREFIX = regex.compile(
    r"^(?:附件\d+[:：]?)?(?:预算表?\d+表?|公开表?\d+表?|公开表{cn}|附?表{cn}|附?表\d+(?:-\d+)?)[:：、.]?"
    .replace("{cn}", "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"))

# A list of the disclosure's tables printed as a table: its title column, its "empty?"
# column, the reason column, and the cell values that answer "yes" (textcheck.families).
STRUCTURE_LIST_TITLE_HEAD = regex.compile(r"报表名称|表格名称|表名")
STRUCTURE_LIST_EMPTY_HEAD = regex.compile(r"是否(?:为)?空表")
STRUCTURE_LIST_REASON_HEAD = regex.compile(r"理由|原因|说明")
STRUCTURE_LIST_YES = regex.compile(r"^(?:是|√|✓|空表|[Yy])$")

# What a table is about: its title without the "…支出预算表" ending (TC903).
STRUCTURE_TITLE_END = regex.compile(r"(?:预算)?(?:支出)?(?:预算)?(?:情况)?(?:明细)?表$")

# A fund-source qualifier the text often leaves out: "财政拨款政府性基金支出预算表" is what
# "政府性基金支出预算 0 万元，本部门无此项支出" speaks of (TC903).
STRUCTURE_FUND_QUALIFIER = regex.compile(r"^(?:财政拨款|一般公共预算)(?=.{4})")

# Words around a table's subject that the text leaves out (TC903, textcheck.families.subject_forms):
# a unit prefix ("预算单位一般公共预算…"), a classification or spending suffix
# ("…支出功能分类", "…基本支出部门预算经济分类"), the fund source a subject starts with,
# and the conjunctions of a two-part subject ("三公经费和机关运行经费").
STRUCTURE_SUBJECT_UNIT_PREFIX = regex.compile(r"^(?:预算单位|单位|部门)(?=.{4})")
STRUCTURE_SUBJECT_SUFFIX = regex.compile(r"(?:支出)?(?:部门预算)?(?:功能|经济)分类$|支出$")
STRUCTURE_FUND_SOURCE = regex.compile(r"^(?:一般公共预算|政府性基金|国有资本经营)")
STRUCTURE_SUBJECT_AND = regex.compile(r"和|及|与|、")

# A title line wrapped inside its bracket: "…基本支出明细表（按支出功" (the rest on the next line).
STRUCTURE_OPEN_BRACKET = regex.compile(r"表[(（][^()（）]*$")

# A body line that can be a table title: it ends with "表", optionally followed by a
# bracketed qualifier ("…支出情况表（按功能分类科目）") (textcheck.families.title_candidates).
STRUCTURE_TITLE_LINE = regex.compile(r"表(?:[(（][^()（）]{1,30}[)）])?$")
