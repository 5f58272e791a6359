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
# Tables (textcheck.readers.tables, textcheck.tables)
# ---------------------------------------------------------------------------

# Caption label: "表 3", "表3", "公开05表", "公开表五", "表五".
TABLE_LABEL = regex.compile(r"^(?:表\s*(?P<n>\d+|[一二三四五六七八九十]+)|公开\s*(?P<n2>\d+)\s*表|公开表\s*(?P<n3>[一二三四五六七八九十]+))$")

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
