"""绩效目标表 (textcheck.performance; rules TC6xx): operators, targets, plan figures, headers."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A comparison operator at the start of a 绩效目标 value.  Malformed spellings
# (=>, =<, ≥=, ≥≥ …) are listed first so the longest spelling wins; words
# (不低于 …) are the Chinese forms of the same operators.
PERF_OPERATOR = regex.compile(
    r"^(?P<op>大于等于|小于等于|大于或等于|小于或等于|不低于|不少于|不小于|不高于|不超过|不大于|不多于"
    r"|=>|=<|≥=|≤=|≥≥|≤≤|>>|<<|==|>=|<=|≥|≤|>|<|=|大于|小于|等于)")

# A number with its unit inside a target value: "90%", "7000万元", "20分钟", "1.44万元".
PERF_QUANTITY = regex.compile(r"^(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>\D.*)?$")

# A ratio target: "2:1", "2.3:1".
PERF_RATIO = regex.compile(r"^(?P<a>\d+(?:\.\d+)?)[:：](?P<b>\d+(?:\.\d+)?)$")

# The unit an indicator names in trailing parentheses: "时间（小时）", "满意度(%)", "（次/周）".
PERF_NAME_UNIT = regex.compile(r"[（(](?P<unit>[^（）()]{1,6})[）)]$")

# Labels of the 项目资金 / 年度预算 figures of a 绩效目标表.
PERF_TOTAL_LABEL = regex.compile(r"^(?:年度预算总额|资金总额|预算总额|项目资金总额|年度资金总额)")
PERF_FISCAL_LABEL = regex.compile(r"^(?:其中[:：]?)?(?:财政拨款|财政资金)")
PERF_OTHER_LABEL = regex.compile(r"^(?:其中[:：]?)?其他资金")

# A figure that is a rate, not a count: "每月 2 期", "每季度1次", "人均 2 万元".
PERF_PLAN_RATE_BEFORE = regex.compile(r"(?:每|人均|平均|每个|每年|每月|每周|每天|每季度)\p{Han}{0,2}\s*$")

# Estimates: "约 100 本", "10 项左右" are never compared.
PERF_PLAN_APPROX_BEFORE = regex.compile(r"(?:约|近|大约)\s*$")
PERF_PLAN_APPROX_AFTER = regex.compile(r"^(?:余|多|左右|上下)")

# Plans that are bounds, not figures: "500余台" / "20多个" (more than), "超过 / 逾 500 台"
# (more than), "不低于 / 不少于 / 至少 500 台" and "500 台以上" (at least), "不超过 / 不高于 /
# 最多 500 台" and "500 台以内 / 以下" (at most) (textcheck.performance.plan_mentions).
PERF_PLAN_MORE_THAN = regex.compile(r"^\s*(?:余|多)")
PERF_PLAN_OVER_BEFORE = regex.compile(r"(?:超过|逾|多于|大于)\s*$")
PERF_PLAN_AT_LEAST_BEFORE = regex.compile(r"(?:不低于|不少于|不小于|至少|最少|大于等于)\s*$")
PERF_PLAN_AT_MOST_BEFORE = regex.compile(r"(?:不超过|不高于|不多于|不大于|最多|控制在|小于等于)\s*$")
PERF_PLAN_BOUND_AFTER = regex.compile(r"^\s*(?:(?P<up>以上)|以内|以下)")

# An arithmetic expression around a figure ("67890*0.42=28513.8"): its operands are not plans.
PERF_PLAN_ARITHMETIC = regex.compile(r"[*×/÷+]\s*$")

# A document number "〔2020〕6 号" / "（2019）51 号": never a count.
PERF_DOC_NUMBER_BEFORE = regex.compile(r"[〕\]】)）]\s*$")

# Project names compared across a 绩效目标表 and the project tables (TC603): dashes of any
# width are one, a trailing note in parentheses ("(上年结转资金)") may be left out; the
# project table's total column.
PERF_NAME_DASHES = regex.compile(r"[-—–－─]+")
PERF_NAME_TRAILING_NOTE = regex.compile(r"\([^()]*\)$")
PERF_TOTAL_COLUMN = regex.compile(r"合计|总计")

# A budget amount named in goal text: "按照目前 905 万元的预算", "预算 950 万元".
PERF_GOAL_BUDGET_AFTER = regex.compile(r"^\s*(?:的)?(?:项目)?预算")
PERF_GOAL_BUDGET_BEFORE = regex.compile(r"(?:预算(?:资金|金额|总额)?|安排资金)(?:为|是|共|共计)?\s*$")

# Column heads of a 绩效目标表's indicator header (textcheck.performance): the value column
# ("指标值", "本年绩效指标值", "年度指标值", not "实施周期指标值" or "指标值内容"), the
# operator column ("指标值类型", "绩效指标性质" holding ≥ / ≤ / =), the unit column
# ("度量单位", "计量单位", "绩效度量单位").
PERF_HEAD_LEVEL1 = regex.compile(r"^一级指标")
PERF_HEAD_LEVEL2 = regex.compile(r"^二级指标")
PERF_HEAD_NAME = regex.compile(r"^(?:三级指标|指标内容|指标名称|绩效指标名称)")

# A department- or unit-level 绩效目标表 (not a project's): "部门整体支出绩效目标表",
# "单位整体绩效目标表", "部门整体预算绩效目标申报表".
PERF_DEPARTMENT_TITLE = regex.compile(r"(?:部门|单位)整体")
PERF_HEAD_TARGET = regex.compile(r"^(?:本年|年度)?(?:绩效)?(?:指标值|目标值)(?:[(（][^()（）]*[)）])?$|^指标目标值$")
PERF_HEAD_OPERATOR = regex.compile(r"^(?:绩效)?指标(?:值类型|性质)$|^(?:运算符|比较符|符号)$")
PERF_HEAD_UNIT = regex.compile(r"^(?:绩效)?(?:度量|计量)单位$|^单位$")
PERF_HEAD_BASIS = regex.compile(r"依据")
PERF_HEAD_PREVIOUS = regex.compile(r"上年(?:完成|实际)?值|上年完成")
PERF_HEAD_WEIGHT = regex.compile(r"权重|分值")

# An operator cell of its own column: "≥", "＝", "不低于" (nothing else).
PERF_OPERATOR_CELL = regex.compile(
    r"^(?:大于等于|小于等于|大于或等于|小于或等于|不低于|不少于|不小于|不高于|不超过|不大于|不多于"
    r"|>=|<=|≥|≤|>|<|=|＝|大于|小于|等于)$")

# A value ending in a bare number (its unit stands in the unit column).
PERF_BARE_NUMBER_END = regex.compile(r"\d$")

# Targets that are not one "operator + number + unit" and still well formed: a date or
# deadline ("2026年12月31日前", "2026-12-31", "12月底前"), a range ("90%-95%", "10～20个"),
# a list of values ("12、18、25") (textcheck.performance.parse_target).
PERF_DATE = regex.compile(
    r"^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)"
    r"(?:底|末|前|之前|以前|完成|内)*$")
PERF_RANGE = regex.compile(r"^\d+(?:\.\d+)?%?\s*[-－—~～至到]\s*\d+(?:\.\d+)?(?P<unit>\D{0,6})$")
PERF_VALUE_LIST = regex.compile(r"^\d+(?:\.\d+)?(?:[、/]\d+(?:\.\d+)?)+\D{0,6}$")

# Several indicators in one cell, and their targets: separated by "；".
PERF_MULTI_SEPARATOR = regex.compile(r"[；;]")

# An operator split by spaces that normalisation left ("> =90%"): textcheck.performance.
PERF_SPACED_OPERATOR = regex.compile(r"[<>≥≤]\s+=")

# Punctuation and spaces that separate words before segmenting a goal clause.
PERF_WORD_SEPARATORS = regex.compile(r"[\s“”\"《》〈〉（）()、，。；：:]")

# Spaces a wrapped cell left inside Chinese words ("时 间（小时）", "=20 分 钟"): next to a Han
# character or CJK punctuation (textcheck.performance_targets.compact).
PERF_SPACE_IN_WORDS = regex.compile(
    r"(?<=[\p{Han}（）()，、：“”%])\s+|\s+(?=[\p{Han}（）()，、：“”])")

# What a LaTeX operator leaves once its command is replaced ("$\geq 6\%$" → "≥6%"): the
# dollar signs and the backslash before "%".
PERF_LATEX_LEFTOVER = regex.compile(r"\$|\\(?=%)")

# Labels of the key–value rows above the indicators: 项目名称, 预算单位, 项目总体目标, 年度绩效目标.
PERF_PROJECT_KEY = regex.compile(r"^项目名称")
PERF_UNIT_KEY = regex.compile(r"^(?:预算单位|部门名称|单位名称|主管部门)")
PERF_OVERALL_GOAL_KEY = regex.compile(r"^(?:项目总体目标|总体目标|项目绩效目标)")
PERF_ANNUAL_GOAL_KEY = regex.compile(r"^(?:年度绩效目标|年度目标|部门整体绩效目标)")
# A Markdown separator row converted to cells ("---", ":--|").
PERF_DASH_ROW = regex.compile(r"^[-—:|\s]+$")
# A 二级指标 label standing in the 三级指标 column ("产出指标"): the row is shifted right.
PERF_LEVEL2_LABEL = regex.compile(r"^\p{Han}{1,6}指标$")

# Plan figures in goal text (textcheck.performance_plans): clause breaks (punctuation and
# "（1）" / "1." numbering), Chinese counts ("四个", "十二项"; a lone "一" is an article, "第"
# an ordinal) and Arabic numbers.
PERF_PLAN_CLAUSE_BREAK = regex.compile(r"[，。；;！？!?：:\n]|[（(]\s*\d{1,2}\s*[）)]|\d{1,2}[.．、](?!\d)")
PERF_PLAN_CN_COUNT = regex.compile(
    r"(?<![第零〇一二两三四五六七八九十百千])(?:[二两三四五六七八九十百][零〇一二两三四五六七八九十百]*|一[十百][零〇一二两三四五六七八九十百]*)")
PERF_PLAN_AR_NUMBER = regex.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])")


def perf_unit_after_pattern(units) -> "regex.Pattern":
    """The unit right after a plan figure: the lexicon's measure words and money units, longest
    first (built once per lexicon by textcheck.performance_plans)."""
    alternation = "|".join(regex.escape(u) for u in sorted(units, key=lambda u: (-len(u), u)))
    return regex.compile(rf"^\s*(?P<unit>{alternation})")
