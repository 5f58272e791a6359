"""Conversion artefacts and spacing (textcheck.readers.normalize, textcheck.lexicon, table cells)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A "(类)" / "(款)" / "(项)" level mark closing a classification name, matched on
# normalize_term output (parentheses already half-width, no spaces):
# "科学技术支出(类)" → "科学技术支出".
LEXICON_LEVEL_MARK = regex.compile(r"\((?:类|款|项)\)$")

# Stands in for an optional row or column pattern a columns lexicon leaves out: matches nothing.
LEXICON_NO_MATCH = regex.compile("(?!)")

# What normalize_term rewrites after NFKC: the quote marks it drops ("三公"经费 = “三公”经费 =
# 三公经费) and the brackets it makes ASCII (〔〕【】); tells in one scan whether a term has any
# (most have none, and translating a CJK string costs µs).
TERM_MARKS = regex.compile("[\"'“”‘’「」『』〔〕【】]")

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

# Whitespace inside header and label cells (PDF conversion breaks "项目支出 合计").
WHITESPACE = regex.compile(r"\s+")

# Inside a table cell only: a space between two CJK characters is a line wrap
# of a narrow column ("产出 指标", "20 分 钟"), not a word boundary.
CELL_CJK_SPACE = regex.compile(r"(?<=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])[ \t]+(?=[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])")

# The space steps of readers.normalize in one scan: each step deletes whole runs of [ \t] judged
# by the two characters around the run, which deleting another run never changes, so one pass
# over the alternatives drops exactly what the steps one after another drop
# (tests/test_normalize.py compares the two).
TEXT_SPACE_DROPS = regex.compile(SPLIT_OPERATOR_SPACE.pattern + "|" + CJK_DIGIT_SPACE.pattern)
CELL_SPACE_DROPS = regex.compile(TEXT_SPACE_DROPS.pattern + "|" + CELL_CJK_SPACE.pattern)

# A run of the spaces the space steps drop: each of their matches is one whole run (see
# readers.normalize.space_drops).
SPACE_RUN = regex.compile(r"[ \t]+")

# Characters that make a line need more than translation and stripping
# (full-width/ideographic spaces become spaces, hence \u3000 and \xa0 too).
NORMALIZE_NEEDS_WORK = regex.compile(r"[<$*\\\s\u3000\xa0\u2002\u2003]")

# A character the 1:1 translation of readers.normalize rewrites: a full-width ASCII form
# (except the sentence punctuation ！（），：；？ that stays) or a wide space.  Most lines
# of Chinese text hold a "，" and none of these, and need no translation at all.
NORMALIZE_FULLWIDTH = regex.compile(r"[\uFF02-\uFF07\uFF0A-\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E\u3000\xa0\u2002\u2003]")

# A character of NORMALIZE_NEEDS_WORK other than a space or a tab, or of NORMALIZE_FULLWIDTH: a
# grid line holding none has cells that are their own text at their own columns, but for the
# space steps (readers.normalize.locate_cells; tests/test_normalize.py compares the sets).
GRID_LINE_WORK = regex.compile(
    r"[<$*\\\n\x0b\x0c\r\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    r"\uFF02-\uFF07\uFF0A-\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E]")

# Comparison operators (the split-operator step runs only when one is present).
NORMALIZE_OPERATOR = regex.compile(r"[<>=≥≤]")
