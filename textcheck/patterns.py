"""Every regular expression textcheck uses, as named and commented constants.

Kept in one place (as statcheck does) so a reviewer can audit what the tool
recognises without reading the stages that use them.  Uses the ``regex``
package (Unicode properties such as \\p{Han}).  Sections are grouped by the
stage that owns them; add new patterns to the right section.
"""
from __future__ import annotations

import regex

# ---------------------------------------------------------------------------
# Numbers (textcheck.numbers)
# ---------------------------------------------------------------------------

# A whole table cell or token that is one number: optional sign or accounting
# parentheses, integer part with *well-placed* thousands separators (groups of
# exactly three) or none, optional fraction, optional percent sign.
CELL_NUMBER = regex.compile(
    r"""
    (?P<paren>[(（])?
    (?P<neg>[-−－])?
    (?P<int>\d{1,3}(?:,\d{3})+|\d+)
    (?:\.(?P<frac>\d+))?
    (?P<pct>%)?
    (?(paren)[)）])
    """,
    regex.VERBOSE,
)

# A number inside running text, thousands separators allowed (validated later).
TEXT_NUMBER = regex.compile(r"(?<![\d.,])[-−]?\d[\d,]*(?:\.\d+)?(?![\d])")

# Money units, longest first so 万元 is not read as 元.
MONEY_UNIT = regex.compile(r"亿元|万元|千元|元")

# Chinese numeral characters (used only next to a measure word).
CHINESE_NUMERAL = r"[零〇一二两三四五六七八九十百千万]+"

# ---------------------------------------------------------------------------
# Text normalisation (textcheck.readers.normalize)
# ---------------------------------------------------------------------------

# Full-width ASCII range (！ to ～) → half-width by subtracting 0xFEE0.
FULLWIDTH_ASCII = regex.compile(r"[\uFF01-\uFF5E]")

# ---------------------------------------------------------------------------
# Lexicon look-ups (textcheck.lexicon)
# ---------------------------------------------------------------------------

# A "(类)" / "(款)" / "(项)" level mark closing a classification name, matched on
# normalize_term output (parentheses already half-width, no spaces):
# "科学技术支出(类)" → "科学技术支出".
LEXICON_LEVEL_MARK = regex.compile(r"\((?:类|款|项)\)$")

# ---------------------------------------------------------------------------
# Tables (textcheck.readers.tables, textcheck.tables)
# ---------------------------------------------------------------------------

# Caption label: "表 3", "表3", "公开05表", "公开表五", "表五".
TABLE_LABEL = regex.compile(r"^(?:表\s*(?P<n>\d+|[一二三四五六七八九十]+)|公开\s*(?P<n2>\d+)\s*表|公开表\s*(?P<n3>\d+|[一二三四五六七八九十]+))$")

# Unit line: "单位：万元", "单位:元".
UNIT_LINE = regex.compile(r"单位\s*[:：]\s*(?P<unit>亿元|万元|千元|元)")

# Conversion artefacts removed by readers.normalize (each match is dropped or
# rewritten; positions of the kept characters stay exact).

# An HTML tag left in converted text: <p>, </p>, <br/>, <span class="x">.
# Requires a letter after "<" so "<=90%" and "< 5" are never taken for tags.
HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")

# Inline LaTeX from formula-aware converters: $\geq 6\%$, $>=90\%$, $\leq 5\%$.
# The body must not contain Han characters (a "$" pair around prose is not math)
# and must contain a command, an operator or a digit.
LATEX_INLINE = regex.compile(r"\$(?P<body>(?=[^$\n]*[\\<>=\d])[^$\n\p{Han}]{1,60})\$")

# Markdown bold/strong markers: **财政拨款** → 财政拨款.
MARKDOWN_BOLD = regex.compile(r"\*\*")

# A space inside a comparison operator or between an operator and its number:
# "> =95%" → ">=95%", "≥ 11 个" → "≥11 个" (the digit–CJK space goes next).
SPLIT_OPERATOR_SPACE = regex.compile(r"(?<=[<>])[ \t]+(?==)|(?<=[<>=≥≤])[ \t]+(?=[\d.])")

# Spaces between a CJK character (Han, CJK punctuation, full-width forms,
# curly quotes) and a digit or percent sign, either order: "2024 年" → "2024年",
# "1,422.65 万元" → "1,422.65万元", "局 2024" → "局2024", "5% ，" → "5%，".
CJK_DIGIT_SPACE = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])[ \t]+(?=[\d])"
    r"|(?<=[\d%])[ \t]+(?=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])"
)

# ---------------------------------------------------------------------------
# Batch identification (textcheck.batch): department and year from first lines
# ---------------------------------------------------------------------------

# "编制部门：乌鲁木齐市科学技术局", "部门：江苏省政协办公厅 单位：万元" (spaces removed first).
DEPARTMENT_FIELD = regex.compile(r"(?:编制部门|部门名称|预算单位|部门)[:：](?P<name>[^\s:：]+?)(?=单位[:：]|$)")

# Titles: "2017年度江苏省高级人民法院部门预算公开", "江苏省人大常委会办公厅2019年度部门预算公开",
# "2024年部门预算公开" (name then on the line above).
DISCLOSURE_TITLE = regex.compile(
    r"(?:(?P<year>20\d{2})年度?(?P<name>\p{Han}*?)|(?P<name>\p{Han}+?)(?P<year>20\d{2})年度?)部门(?:预算|决算)")

# "第二部分" / "第三部分" before a title: not part of the department name.
PART_PREFIX = regex.compile(r"^第[一二三四五六七八九十]+部分")

# A bare year, e.g. a cover page with "2017" on its own line.
YEAR_ONLY = regex.compile(r"20\d{2}(?:年度?)?")

# Volume words in file names of multi-volume disclosures ("…-text.pdf", "…-tables.pdf", "文字部分", "表格").
VOLUME_WORDS = regex.compile(r"(?i)(?:[-_ ]?(?:text|tables?|volume\d*|文字(?:部分)?|表格(?:部分)?|正文|附表|说明))+$")

# Markdown table separator row: | --- | :---: | ---: |
MD_TABLE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# ---------------------------------------------------------------------------
# Claims (textcheck.claims, textcheck.nlp): numeric statements of the narrative
# ---------------------------------------------------------------------------
# Units and measure words come from the lexicon at run time; the builders below
# turn them into patterns once per pipeline (textcheck.nlp).

# Cheap pre-filter: only sentences with an Arabic digit (half or full width) or a
# Chinese numeral are segmented at all.
CLAIM_HAS_DIGIT = regex.compile(r"[0-9０-９]|[二两三四五六七八九十百][个人名家项次场座篇份台辆件套期轮位所户条]")

# A number in running text: thousands separators (well placed or not — the format
# rule judges them), optional fraction.  Not part of a longer digit run or a code.
CLAIM_NUMBER = r"(?<![\d.,])\d+(?:,\d+)*(?:\.\d+)?(?![\d])"

# A Chinese numeral as a count ("四个城市", "两个"); a lone "一" is an article
# ("一批", "一个重要阵地") and never a count; "第" makes it an ordinal.
CLAIM_CN_NUMERAL = r"(?<![第零〇一二两三四五六七八九十百千\d])(?:[二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*|一[零〇一二两三四五六七八九十百千]+)"

# Qualifiers that make a figure a threshold or an estimate, not a stated amount:
# "50 万元以上大型设备", "2 万元左右", "约 3 万元", "不超过 5 万元".
CLAIM_APPROX_AFTER = regex.compile(r"^\s*(?:以上|以下|以内|左右|上下|多|余|之间|至|-|—|~|～)")
CLAIM_APPROX_BEFORE = regex.compile(
    r"(?:约|近|超过|不超过|不低于|不少于|不高于|大约|≥|≤|>=|<=|>|<|＞|＜|每人|人均|每|\d\s*[-~～至到])\s*$")

# Share cue right before the percentage: "占 35.77%", "占比 10%", "占总支出的 5%".
# The previous year's amount named before a change: "比2025年初预算数 20,292.85 万元减少…",
# "较上年执行数 1,200.00 万元", "（上年执行数为 0.00 万元，…）" — a base, not the current figure.
CLAIM_PREVIOUS_CUE = regex.compile(
    r"(?:(?:比|较|相比|对比)\s*(?:\d{4}\s*年度?|上年度?|去年|上一年度?)|(?<![\p{Han}\d])(?:上年度?|去年|上一年度?))"
    r"(?:年初|初|同期)?\s*(?:的)?(?:预算|决算|执行)?\s*(?:数|金额|安排)?\s*(?:为|是)?\s*$")

CLAIM_SHARE_CUE = regex.compile(r"占(?:[^，,。；;：:%\d]{0,14}?的?)?(?:比|比例|比重)?(?:为|达)?\s*$")

# Clause separators inside a sentence (sentences themselves end at 。！？；).
CLAIM_CLAUSE_BREAK = regex.compile(r"[，,：:；;]")

# "、" separates list items only right after a figure ("差旅费 10.00 万元、培训费 5.00 万元");
# elsewhere it joins nouns of one subject ("收入、支出预算总计").
CLAIM_ITEM_BREAK = regex.compile(r"\s*、")

# Explanatory regions: figures after these words explain, they are not budget lines.
CLAIM_REASON = regex.compile(r"主要原因(?:是|为|在于)?|原因(?:是|为)|主要用于|用于")

# List introducers: "…，其中：", "包括：", "分别是：", "资金分配情况：".
CLAIM_LIST_MARKER = regex.compile(r"其中\s*[：:，,]?|(?:主要)?包括\s*[：:]|分别(?:是|为)\s*[：:]?|资金分配情况\s*[：:]")

# Between two figures of one enumeration ("货物 486.50 万元、工程 0 万元") or after the figure that
# introduces it ("总额 712.49 万元：货物…"); a clause break ends the walk back to the list's head.
CLAIM_ENUMERATION_GAP = regex.compile(r"[、：:]")
CLAIM_LIST_HEAD_BREAK = regex.compile(r"[，,；;。]")
# Words before a list marker that name the list's own subject ("支出包括：", not "其中："):
# the list then belongs to no figure of the sentence before (textcheck.claims).
CLAIM_LIST_OWN_SUBJECT = regex.compile(r"[\p{Han}A-Za-z]")
# A comma ending a "、" enumeration of names, and an ASCII digit (a count written in Chinese
# numerals inside a listed name, "研究二所", is part of the name) (textcheck.claims).
CLAIM_ENUM_COMMA = regex.compile(r"[，,]")
CLAIM_ASCII_DIGIT = regex.compile(r"[0-9]")
# The end of a whole sentence: a list opened by "其中：" never runs past it (textcheck.claims).
CLAIM_FULL_STOP = regex.compile(r"[。！？!?]\s*$")

# Enumeration introducers after a count ("下设 6 个处室，分别是：A、B").
CLAIM_ENUM_MARKER = regex.compile(r"(?:分别(?:是|为)|包括|即|为)\s*[：:]")

# A project block opener: "（一）项目名称：…".
CLAIM_PROJECT_NAME = regex.compile(r"项目名称\s*[：:]\s*(?P<name>.+?)\s*$")

# The project's stated total inside its block ("预算安排规模：55.00 万元").
CLAIM_PROJECT_TOTAL_SUBJECT = regex.compile(r"^(?:预算安排规模|项目(?:预算|资金)(?:规模|总额)?|资金规模|预算规模|年度预算总额|项目总预算)$")

# Subject words too generic to stand alone: they take the subject of the clause
# before ("科学技术支出（类）…（项）：2024 年预算数为 649.32 万元").
CLAIM_GENERIC_SUBJECT = regex.compile(r"^(?:预算数|预算|预算金额|金额|合计|共计|总计|数额|规模|安排|本年预算|当年预算|年初预算|预算安排|本年|当年)?$")

# Generic words that qualify the previous subject: "房屋 …，价值 299.92 万元" → 房屋价值.
CLAIM_QUALIFIER_SUBJECT = regex.compile(r"^(?:价值|涉及金额|涉及预算金额|金额合计|资金|经费)$")

# Leading list numbering and bullets of a paragraph or clause: "1、", "1. ", "（一）", "- ".
CLAIM_LEADING_NUMBERING = regex.compile(
    r"^\s*(?:[-•·*]\s*)?(?:\d+\s*[、.．)）]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+\s*、)\s*")

# Words that close a subject prefix on the left: the subject is what follows them.
CLAIM_SUBJECT_LEFT_CUT = regex.compile(r".*(?:其中|包括|分别是|分别为|主要是|即|截至\d{4}年底|截至\S*?底)\s*")

# Trailing verbs and copulas between a subject and its figure: "预算数为", "共计".
CLAIM_SUBJECT_TRAILING = regex.compile(r"(?:为|是|达到?|共计|总计|合计为|约|了|的)\s*$")

# A year inside a subject ("2024 年", "2024年度的").
CLAIM_YEAR = regex.compile(r"\d{4}\s*年度?(?:的)?")

# The 类/款/项 form: "科学技术支出（类）科学技术管理事务（款）行政运行（项）".
# The 款/项 form under a "（一）公共安全（类）" heading: "法院（款）行政运行（项）支出".
CLAIM_CLASSIFICATION_KX = regex.compile(
    r"(?P<kuan>[^（(：:，,。；;\s]+?)\s*[（(]\s*款\s*[）)]"
    r"(?:\s*(?P<xiang>[^（(：:，,。；;\s]+?)\s*[（(]\s*项\s*[）)])?")

# A 类 heading: "（一）公共安全（类）".
CLAIM_CLASS_HEADING = regex.compile(r"(?P<lei>[^（(：:，,。；;\s)）]+?)\s*[（(]\s*类\s*[）)]")

CLAIM_CLASSIFICATION = regex.compile(
    r"(?P<lei>[^（(：:，,。；;\s]+?)\s*[（(]\s*类\s*[）)]"
    r"(?:\s*(?P<kuan>[^（(：:，,。；;\s]+?)\s*[（(]\s*款\s*[）)])?"
    r"(?:\s*(?P<xiang>[^（(：:，,。；;\s]+?)\s*[（(]\s*项\s*[）)])?")

# A classification code before its name: "2010101 行政运行", "206 科学技术支出".
CLAIM_CODE_NAME = regex.compile(r"(?<!\d)(?P<code>\d{3}(?:\d{2}){0,2})(?!\d)\s*(?P<name>\p{Han}[\p{Han}（）()]*)")

# A department/unit name right before a year at the start of a subject:
# "乌鲁木齐市科学技术局 2024 年一般公共预算…" → the name is not part of the subject.
CLAIM_ORG_BEFORE_YEAR = regex.compile(
    r"^\p{Han}{1,30}?(?:局|委员会|委|厅|办公室|办|中心|院|馆|会|部|处|站|所|队|室|公司|学校|大学|政府)(?=\s*\d{4}\s*年)")

# Department names named in headings: "关于乌鲁木齐市科学技术局 2024 年收入预算情况说明".
CLAIM_HEADING_ORG = regex.compile(r"关于\s*(?P<org>\p{Han}{4,}?)\s*\d{4}\s*年")


# Small helpers of the claim extractor (precompiled: they run per clause).
CLAIM_SPACES = regex.compile(r"\s+")
CLAIM_HAN = regex.compile(r"\p{Han}")
CLAIM_ALL_HAN = regex.compile(r"^\p{Han}+$")
CLAIM_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
CLAIM_CONNECTOR_LEAD = regex.compile(r"^(?:其中|另外|此外|同时|其|均|分别|合计|共计)")
CLAIM_BARE_BUDGET_WORD = regex.compile(r"^(?:预算|预算数|年初预算|本年预算|当年预算|本年|当年|本年数|本年预算数|当年预算数)$")
CLAIM_NOUN_START = regex.compile(r"[\p{Han}“\"《]")
CLAIM_NOUN_TOKEN = regex.compile(r"^[\p{Han}“”\"《》]+$")
CLAIM_NOUN_RUN = regex.compile(r"[\p{Han}“”\"《》]{1,12}")
CLAIM_NOUN_STOP = regex.compile(r"在内|的|和|及|与|等")
CLAIM_SENTENCE_END = regex.compile(r"[。；;]")
CLAIM_ENUM_SPLIT = regex.compile(r"[、，,]")
CLAIM_PAREN_OR_SPACE = regex.compile(r"[（(].*?[）)]|\s+")
CLAIM_YEAR_NUMBER = regex.compile(r"(\d{4})\s*年")


def claim_quantity_pattern(units: list[str]) -> "regex.Pattern":
    """Number + unit: "3,901.89 万元", "35.77%", "6 个", "1 亿元" (units longest first)."""
    alternation = "|".join(regex.escape(u) for u in sorted(set(units), key=lambda u: (-len(u), u)))
    return regex.compile(rf"(?P<num>{CLAIM_NUMBER})\s*(?P<unit>{alternation})")


def claim_cn_count_pattern(measures: list[str]) -> "regex.Pattern":
    """Chinese numeral + measure word: "四个", "两家" (never "一般", never "两区")."""
    alternation = "|".join(regex.escape(u) for u in sorted(set(measures), key=lambda u: (-len(u), u)))
    return regex.compile(rf"(?P<num>{CLAIM_CN_NUMERAL})(?P<unit>{alternation})")


def claim_change_cue_pattern(increase, decrease, flat, bases) -> "regex.Pattern":
    """A direction word right before a figure, with an optional base before it.

    "比上年预算增加 ", "与上年相比减少 ", "较 2023 年预算下降 ", ", 增长 ".
    """
    def alt(words):
        return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    base = rf"(?:(?:比|较|与|同|相比|相较|对比)\s*(?P<base>{alt(bases)}|\d{{4}}\s*年度?(?:预算数|预算|决算数|决算|执行数)?)\s*(?:相比|相较|比较)?(?:预算)?\s*[，,]?\s*)"
    # "增加(减少)" in templates: the direction is left open (alt group).
    either = r"(?P<alt>\s*[(（]\s*(?:增加|减少|增长|下降|降低|上升)\s*[)）])?"
    # "本年数小于上年预算数 29.65 万元": comparison word, then the base.
    compare = rf"(?:(?P<inc2>大于|多于|高于)|(?P<dec2>小于|少于|低于))\s*(?P<base2>{alt(bases)})"
    return regex.compile(
        rf"(?:{base}?(?:(?P<inc>{alt(increase)})|(?P<dec>{alt(decrease)})){either}|{compare})(?:了)?\s*$")


def claim_base_lead_pattern(bases) -> "regex.Pattern":
    """A base opening a change clause before its subject: "与上年相比收、支预算总计各增加…"."""
    alternation = "|".join(regex.escape(w) for w in sorted(set(bases), key=lambda w: (-len(w), w)))
    return regex.compile(rf"\s*(?:与|比|较|同)\s*(?P<base>{alternation})\s*(?:相比|相较|比较)?\s*[，,]?\s*")


def claim_flat_pattern(flat, bases) -> "regex.Pattern":
    """"与上年持平", "比上年预算无变化" (no figure)."""
    def alt(words):
        return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    return regex.compile(
        rf"(?:(?:比|较|与|同)\s*(?P<base>{alt(bases)})\s*(?:相比)?(?:预算)?\s*)(?:基本)?(?P<flat>{alt(flat)})")

# ---------------------------------------------------------------------------
# PDF layout (textcheck.readers.pdf): page furniture, caption rows, borderless tables
# ---------------------------------------------------------------------------

# A page number line: "10", "- 9 -", "─ 1 ─", "第 3 页", "第3页 共12页", "3/12".
PDF_PAGE_NUMBER = regex.compile(
    r"[-—─–\s]*\d{1,4}[-—─–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}")

# A grid row that is really a caption line: "部门：江苏省人大常委会办公厅 单位：万元", "编制单位：…".
PDF_UNIT_OR_DEPARTMENT = regex.compile(r"单位\s*[:：]|^(?:部门|编制部门|部门名称|编制单位|预算单位)\s*[:：]")

# A cell holding just an amount ("13,297.11", "-5.00", "80"): a row with one is data, not a caption.
PDF_CELL_AMOUNT = regex.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+\.\d+|[-−]?\d+")

# A note under a table: "注：…", "备注：…", "说明：…".
PDF_NOTE = regex.compile(r"(?:注|备注|说明)\s*[:：\d]")

# ---------------------------------------------------------------------------
# Document structure (textcheck.readers.structure, textcheck.readers.tablegrid)
# All are matched on normalised text (CJK–digit spaces already removed).
# ---------------------------------------------------------------------------

# Headings by level: "第三部分 …" (1), "一、…" (2), "（一）…"/"(一)" (3), "1、…"/"1. …" (4).
HEADING_LEVELS = (
    (1, regex.compile(r"^第[一二三四五六七八九十]+部分")),
    (2, regex.compile(r"^[一二三四五六七八九十]+\s*、")),
    (3, regex.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]")),
    (4, regex.compile(r"^\d{1,2}\s*(?:、|\.(?!\d))")),
)

# A line that starts a list item or numbered point: never glued to the line before.
LIST_ITEM = regex.compile(
    r"^(?:[-•·▪]\s|[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)]|[一二三四五六七八九十]+\s*、"
    r"|\d{1,2}\s*(?:、|\.(?!\d)|．)|第[一二三四五六七八九十\d]+[部章节条])"
)

# "项目名称：…", "预算安排规模：55.00万元", "其中：…": a label line (one field per line).
LABEL_LINE = regex.compile(r"^[\p{Han}（）()、“”\"]{2,16}\s*[:：]")

# Sentence ends: a line ending with one of these is complete.
SENTENCE_END = "。；！？;!?：:"

# Table of contents title ("目 录", "目录", "目次"; spaces removed first).
TOC_TITLE = regex.compile(r"^(?:目录|目次)$")

# A TOC entry's list marker and trailing dot leaders with a page number.
TOC_MARKER = regex.compile(r"^[-•·*]\s*")
TOC_PAGE = regex.compile(r"(?:\s*[.·…．]{2,}\s*|\s{2,})\d{1,4}\s*$")

# Caption label with the title on the same line: "表 3 部门支出总体情况表", "公开05表 一般公共预算支出表".
TABLE_LABEL_TITLE = regex.compile(
    r"^(?P<label>表\s*(?P<n>\d+|[一二三四五六七八九十]+)|公开\s*(?P<n2>\d+)\s*表|公开表\s*(?P<n3>\d+|[一二三四五六七八九十]+))"
    r"(?:[\s:：]+(?P<title>\S.{0,60})|(?<=\d)(?P<title>\p{Han}.{0,60}表.{0,20}))$")

# A numbered heading that is really a table caption: "五、部门支出总体情况表" (Jiangsu style).
NUMBERED_TABLE_TITLE = regex.compile(r"^(?P<n>[一二三四五六七八九十]+)\s*、\s*(?P<title>\S.{0,60}表)(?:[（(]续[）)])?$")

# A title line that names a table: ends with 表 (or 表（续）, or a bracketed qualifier such as
# "表（按支出功能分类科目-不含上年结转）"); short, no sentence punctuation.
# "具体情况见下表" / "详见下表" point at a table but are not its title.
TABLE_TITLE = regex.compile(r"^(?!.*[见如下]下表)[^。；！？:：]{2,60}表(?:[（(]续(?:表)?[）)]|[（(][^（()）。；]{1,30}[）)])?$")

# Continuation markers printed above a table's next page.
TABLE_CONTINUED = regex.compile(r"^[（(]?续(?:表)?[）)]?$|[（(]续(?:表)?[）)]$")

# 编制部门 / 部门名称 lines (optionally with the unit on the same line).
DEPARTMENT_LINE = regex.compile(
    r"^(?:编制部门|编制单位|部门名称|单位名称|填报单位|部门|单位(?!\s*[:：]\s*(?:亿元|万元|千元|元)\s*$))"
    r"\s*(?:[（(](?:盖章|单位)[）)])?\s*[:：]\s*(?P<dept>.*?)"
    r"\s*(?:(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*)?$")

# A line that is only the unit: "单位：万元", "金额单位：元".
UNIT_ONLY_LINE = regex.compile(r"^(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*$")

# A year line under a title: "(2024年)", "（2024年度）", "2024年".
YEAR_LINE = regex.compile(r"^[（(]?\s*\d{4}\s*年度?\s*[）)]?$")

# Empty-table statement: "…政府性基金预算支出情况表为空表。", a note under the table
# "注：本部门无该项目", or in the text "本部门无此项支出".
EMPTY_TABLE_STATEMENT = regex.compile(
    r"为空表|本表为空|此表为空|本表无数据|无此项|无该项|本表无"
    r"|没有使用[\p{Han}“”\"]{0,30}?(?:收入|支出)|未安排[\p{Han}“”\"]{0,20}?支出")

# Year of the disclosure: "2024年部门预算公开", "2017年度…部门预算".
DOCUMENT_YEAR = regex.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?[\p{Han}]{0,30}?(?:部门|单位)?(?:预算|决算)")

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

# Header text that marks a code column.
CODE_HEADER = regex.compile(r"类|款|项$|编码|代码|科目编码")

# Column-number row tokens besides the numbers: "※", "*", "栏次".
COLUMN_NUMBER_MARK = regex.compile(r"^(?:※|\*|＊|栏次|行次|—|-|–)$")

# A grid row that is a Markdown separator converted to cells: "--", "----", ":---:".
DASH_CELL = regex.compile(r"^:?-{2,}:?$")

# Organisation names (unit rows grouping project rows in 项目支出/结转结余 tables).
# An alias in brackets may follow the name ("苏州市信息中心（苏州市数字城市运营管理中心）").
ORG_NAME = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:局|中心|委员会|办公室|办公厅|厅|院|所|处|署|站|队|馆|学校|大学|学院|小学|中学|幼儿园|分校"
    r"|医院|协会|学会|联合会|公司|集团|政府|[（(]本级[）)])(?:[（(][\p{Han}]{2,30}[）)])?$")

# ---------------------------------------------------------------------------
# Table arithmetic (textcheck.tables): header and cell text as the sum rules read it
# ---------------------------------------------------------------------------

# Whitespace inside header and label cells (PDF conversion breaks "项目支出 合计").
WHITESPACE = regex.compile(r"\s+")

# A cell that stands for "nothing": dashes and similar placeholders count as empty.
EMPTY_CELL = regex.compile(r"[-−－—–/／×xX＊*※]+|无|空")

# One cell of a column-number row: "※", "1", "栏次", or a formula "1=2+3", "4＝5+6+7".
COLUMN_NUMBER_CELL = regex.compile(r"※|\*|＊|栏次|行次|\d{1,2}|\d{1,2}\s*[=＝]\s*\d{1,2}(?:\s*[+＋]\s*\d{1,2})+")

# A column formula stated in the column-number row: "1=2+3" (column 1 is the sum of 2 and 3).
COLUMN_FORMULA = regex.compile(r"(?P<lhs>\d{1,2})\s*[=＝]\s*(?P<rhs>\d{1,2}(?:\s*[+＋]\s*\d{1,2})+)")

# A code cell: 类 "206", 款/项 "01", or a combined code "2060101" (digits only, no separators).
CODE_CELL = regex.compile(r"\d{2,7}")

# ---------------------------------------------------------------------------
# Linking (textcheck.linking): comparing subjects with row labels and project names
# ---------------------------------------------------------------------------

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

# A lone grid cell that is a caption: "公开05表", "公开表五", "表 3", "…预算表", "…预算表（功能科目）".
PDF_CAPTION_TEXT = regex.compile(r"^(?:公开\s*\d+\s*表|公开表\s*[一二三四五六七八九十]+|表\s*\d+)$|表(?:[（(][^）)]*[）)])?$")

# ---------------------------------------------------------------------------
# Performance/format (textcheck.performance; rules TC6xx target, TC7xx unit,
# TC8xx format, TC9xx structure)
# ---------------------------------------------------------------------------

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

# A count or amount stated in 项目总体目标 / 年度绩效目标 text: an Arabic or
# Chinese numeral followed by a unit word (filled in from the lexicon at run
# time by textcheck.performance.plan_mentions).
PERF_PLAN_NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十百]+)"

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

# Thousands separator in the wrong place: "3,9561.08", "39,56.08", "1,0000", "1234,567.00".
# A short group needs a decimal part ("1,2" is a list of two numbers, not a figure).
FORMAT_BAD_THOUSANDS = regex.compile(
    r"(?<![\d,.])\d{1,3}(?:,\d{3})*,(?:\d{4,}(?:\.\d+)?|\d{1,2}\.\d+)(?![\d,])"
    r"|(?<![\d,.])\d{4,},\d{3}(?:,\d{3})*\.\d+(?![\d,])")

# Column heads of columns holding codes or counts, not amounts (TC804).
FORMAT_CODE_COLUMN = regex.compile(r"编码|代码|科目编号|^类$|^款$|^项$|序号|人数|编制数|数量|行次|栏次")

# A digit run mixing half-width and full-width digits: "２024", "3,９56".
FORMAT_DIGIT_RUN = regex.compile(r"[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?")

# A lower-case Latin word between Chinese characters: "合理布局 and 协同".
FORMAT_STRAY_LATIN = regex.compile(r"(?<=\p{Han}[ \t]?)(?P<word>[a-z]{2,})(?=[ \t]?\p{Han})")

# List numbering at the start of a line or paragraph, by level:
# 第X部分 / 一、 / （一） / 1、 1.  (a bullet "- " may precede it).
LIST_NUMBERING = regex.compile(
    r"^\s*(?:[-•·*]\s*)?(?:第(?P<part>[一二三四五六七八九十]+)部分"
    r"|(?P<cn>[一二三四五六七八九十百零〇]+)\s*、"
    r"|[（(]\s*(?P<pcn>[一二三四五六七八九十百零〇]+)\s*[）)]"
    r"|(?P<ar>\d{1,2})\s*(?:、|[.．](?![\d.．])))")

# A rate cue before a bare figure in running text: "占 35.77，", "增长 5"
# (the figure then ends the clause without "%").
FORMAT_RATE_CUE_NUMBER = regex.compile(
    r"(?:占比?|增长|下降|增幅|降幅|比重为?|比例为?|率为|率达到?)\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?=\s*(?:[，。；;、]|,(?!\d))|\s*$)")

# A table title in a required-table list or a document: compared after removing these.
STRUCTURE_TITLE_NOISE = regex.compile(r"[\s\"'“”‘’「」（）()〔〕\[\]【】]|^(?:\d{4}年度?)|^[一二三四五六七八九十]+、")

# The table of contents title line and the entries after it.
STRUCTURE_TOC_TITLE = regex.compile(r"^\s*目\s*录\s*$|^\s*目\s*次\s*$")

# 目录 entries (textcheck.layout_facts): a bullet, a leader with or without a page number
# ("……………12", "………", "   12"), end punctuation, the entry's numbering marker.
TOC_BULLET = regex.compile(r"^\s*[-•·*]\s*")
TOC_PAGE_TAIL = regex.compile(r"(?:\s*[.·…．]{2,}\s*\d{0,4}|\s{2,}\d{1,4}|(?<=[\p{Han}）)])\d{1,3})\s*$")
TOC_END_PUNCT = regex.compile(r"[。：:；;.]+$")
TOC_ENTRY_MARKER = regex.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}、|\d{1,2}\.(?=\d{4}年|\D))")
# A remark inside a 目录, not an entry: "注：以上……", "(具体部门预算公开报表)".
TOC_NOTE = regex.compile(r"^(?:注[:：]|说明[:：]|\([^()]*\)$)")
# A Chinese-numbered entry ("四、…") and the next one printed on the same line.
TOC_CN_MARKER = regex.compile(r"^(?P<n>[一二三四五六七八九十]+)、")
TOC_CN_MARKER_INSIDE = regex.compile(r"(?<=\p{Han})(?P<n>[一二三四五六七八九十]+)、")
# How a 目录 entry's title ends ("…支出预算表", "…情况说明", "名词解释", "部门概况" …): an entry
# that does not, followed by an unnumbered line that completes it, was wrapped.
TOC_TITLE_END = regex.compile(r"(?:表|说明|情况|解释|概况|职能|职责|目标|任务|设置|构成|附件|报表)(?:\([^()]*\))?$")
# A 第X部分 starting inside a 目录 line (two entries printed on one line).
TOC_PART_INSIDE = regex.compile(r"(?<=\p{Han})第[一二三四五六七八九十]+部分")
# Column heads of a 目录 printed as a table: "序号 报表名称", "是否空表".
TOC_HEADER_PREFIX = regex.compile(r"^(?:(?:序号|报表名称|报表|表名|页码|是否空表|公开空表理由)\s*)+")
# A 目录 entry holding a comma or full stop is a sentence of the body.
TOC_SENTENCE = regex.compile(r"[，。,]")
# Left out when looking for a 目录 entry's words in a body line: a leading year and the
# placeholders a template writes for the department's own name ("单位主要职能" →
# "上海市…研究院主要职能").
TOC_YEAR = regex.compile(r"^\d{4}年度?")
TOC_PLACEHOLDER = regex.compile(r"单位|部门")
# Sentence punctuation: a line holding it is prose, not a 目录 entry.
TOC_PROSE = regex.compile(r"[。；;，,：:]")

# Half- and full-width digits (TC805).
FORMAT_HALF_DIGIT = regex.compile(r"[0-9]")
FORMAT_FULL_DIGIT = regex.compile(r"[０-９]")

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

# A further list number inside a numbered line: "1.提升……；2.深化……；" (TC807).
LIST_INLINE_NUMBER = regex.compile(r"[；;。]\s*(?P<n>\d{1,2})\s*[.．、](?!\d)")
# The next number of a list continuing mid-line after a full stop: "…水平。2.推动…" (TC807).
LIST_CONTINUED_NUMBER = regex.compile(r"。\s*(?P<n>\d{1,2})\s*[.．、](?!\d)")
# A list starting mid-line: "…主要原因是：1.在职人数…", "…工作1.聘请…" (TC807).
LIST_INLINE_FIRST = regex.compile(r"(?<=[\p{Han}：:，,；;。])(?P<n>1)\s*[.．、](?!\d)")

# A title line wrapped inside its bracket: "…基本支出明细表（按支出功" (the rest on the next line).
STRUCTURE_OPEN_BRACKET = regex.compile(r"表[(（][^()（）]*$")

# A body line that can be a table title: it ends with "表", optionally followed by a
# bracketed qualifier ("…支出情况表（按功能分类科目）") (textcheck.families.title_candidates).
STRUCTURE_TITLE_LINE = regex.compile(r"表(?:[(（][^()（）]{1,30}[)）])?$")

# A classification code printed with a subject: in brackets after it, "行政运行（2080101）"
# (normalised: half-width brackets), or before it with a dash, "2080501-行政单位离退休"
# (textcheck.linking).
LINK_SUBJECT_CODE = regex.compile(r"\((?P<code>\d{3}(?:\d{2}){0,2})\)|^(?P<code>\d{3}(?:\d{2}){0,2})[-—－–]")

# A cell that is only a classification code ("206", "01", "2060101"), not a label.
LINK_CODE_CELL = regex.compile(r"\d{2,7}")

# A Markdown bullet item ("- 1、…", "* …"): complete on its line.
BULLET_ITEM = regex.compile(r"^[-•·*▪]\s")

# Inside a table cell only: a space between two CJK characters is a line wrap
# of a narrow column ("产出 指标", "20 分 钟"), not a word boundary.
CELL_CJK_SPACE = regex.compile(r"(?<=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])[ \t]+(?=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])")

# A caption label on its own: "公开05表", "公开表五", "表 3".
PDF_CAPTION_LABEL = regex.compile(r"公开\s*\d+\s*表|公开表\s*[一二三四五六七八九十]+|表\s*\d+")

# Header of a column holding row names ("项目名称", "功能分类科目名称", "采购物品名称",
# "“三公”经费支出内容"): preferred over other text columns (采购组织形式) for Row.label.
NAME_HEADER = regex.compile(r"名称|^项目$|内容$|^科目$|^支出功能分类$|^功能分类$")

# A bare total word in its own cell ("一般公共预算资金 | 小计").
TOTAL_WORD = regex.compile(r"^(?:小计|合计|总计)$")

# A list that names every part of its total ("资金分配情况：…", "包括：…", "分别是：…"), unlike
# "其中：…", which may list only some parts (textcheck.rules.tc203 / tc501).
LINK_EXHAUSTIVE_LIST = regex.compile(r"资金分配情况|分别(?:是|为)|包括")

# …unless the list says it names only the main parts: "主要包括：…", "…等" after the last
# figure ("培训费 5 万元等"), "主要有/主要是/主要为" (textcheck.claims → Claim.exhaustive).
CLAIM_LIST_PARTIAL = regex.compile(r"主要(?:包括|有|是|为)|(?:\d|万元|元|%)\s*等(?![级同])")

# A classification code cell: 201 / 20101 / 2010101 (类 / 款 / 项), or 301 / 30101 (economic).
PDF_CELL_CODE = regex.compile(r"\d{3}(?:\d{2}){0,2}")

# The label of a total row, which may stand in a code column when merged across it.
PDF_TOTAL_LABEL = regex.compile(r"(?:合\s*计|总\s*计|小\s*计)")

# --- Final accounts (textcheck.final_accounts; TC905, TC906).

# "年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 X%" (also "…决算数为预算数的 X%") in one
# sentence; the gap between the two amounts may not cross a sentence, a "其中" or another %.
FA_EXECUTION_RATE = regex.compile(
    r"预算(?:数)?(?:为|是)?\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<ua>亿元|万元|千元|元)"
    r"(?:(?!其中|[。；;%％]).){0,40}?决算(?:数)?(?:为|是)?\s*(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<ub>亿元|万元|千元|元)"
    r"\s*[，,]?\s*(?:完成|为|占|达到|决算数为)(?:年初)?预算(?:数)?的\s*(?P<x>\d+(?:\.\d+)?)\s*[%％]")
# A line-number column (行次 / 栏次): its cells number the rows, they are never amounts.
FA_LINE_NUMBER_HEAD = regex.compile(r"^(?:行次|栏次|行号)$")
# A cell holding words: the next label of a side-by-side table.
FA_LABEL_CELL = regex.compile(r"\p{Han}")
# Row labels (spaces removed) of the quantities of the carry-over identity.
FA_OPENING = regex.compile(r"^年初(?:财政拨款)?结转(?:和|与|及)?结余$")
FA_CLOSING = regex.compile(r"^年末(?:财政拨款)?结转(?:和|与|及)?结余$")
FA_INCOME_TOTAL = regex.compile(r"^本年收入(?:合计)?$")
FA_SPENDING_TOTAL = regex.compile(r"^本年支出(?:合计)?$")
FA_USE_OF_SURPLUS = regex.compile(r"^使用非财政拨款结余$")
FA_SURPLUS_ALLOCATION = regex.compile(r"^结余分配$")
# Column heads of the column form (政府性基金预算财政拨款收入支出决算表).
FA_INCOME_COLUMN = regex.compile(r"^本年收入(?:合计)?$")
FA_SPENDING_COLUMN = regex.compile(r"本年支出")
FA_SUBTOTAL = regex.compile(r"^(?:小计|合计)$")

# --- Performance: precompiled here so per-cell helpers do not look patterns up by string.

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

# Any digit (a target unit holding digits, "=1 周 1 次", is not one value).
ANY_DIGIT = regex.compile(r"\d")

# Punctuation and spaces that separate words before segmenting a goal clause.
PERF_WORD_SEPARATORS = regex.compile(r"[\s“”\"《》〈〉（）()、，。；：:]")

# A character NFKC may change in context: a combining mark, or anything not NFKC_QC=Yes
# except the full-width ASCII forms and the ideographic space (those map one to one onto
# ASCII).  Text without one is NFKC-normalised character by character, so normalize_term
# never introduces a non-ASCII character it does not contain (textcheck.rules.tc902).
NFKC_UNSTABLE = regex.compile(r"\p{M}|[^\p{NFKC_QC=Y}\uFF01-\uFF5E\u3000]")


# -- table cells broken by the layout (readers.tablegrid) ----------------------------------
# One piece of an amount that a PDF wrapped inside a narrow cell ("106,512.0" / "0").
NUMBER_PIECE = regex.compile(r"[-−]?[0-9][0-9,.]*|[0-9,.]+")

# The header of a line-number column (final-account tables number every row: 行次) or of the
# column-number row (栏次): never an amount.
LINE_NUMBER_HEADER = regex.compile(r"行次|栏次|行号")
