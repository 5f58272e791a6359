"""Units of money and the unit lines under a table caption."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# Money units, longest first so 万元 is not read as 元.
MONEY_UNIT = regex.compile(r"亿元|万元|千元|元")

# Unit line: "单位：万元", "单位:元".
UNIT_LINE = regex.compile(r"单位\s*[:：]\s*(?P<unit>亿元|万元|千元|元)")

# A line that is only the unit: "单位：万元", "金额单位：元".
UNIT_ONLY_LINE = regex.compile(r"^(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*$")
