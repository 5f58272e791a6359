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
