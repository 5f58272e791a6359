"""Reports (textcheck.report) and the rule references of a configuration (textcheck.rule_refs)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A diagnostic's place in a DOCX input, as the DOCX reader writes it: "段落 12" …
REPORT_DOCX_PARAGRAPH = regex.compile(r"段落 (\d+)")
# … and "表格 2 行 3 列 4" (table, row, column, 1-based).
REPORT_DOCX_CELL = regex.compile(r"表格 (\d+) 行 (\d+) 列 (\d+)")

# A table id textcheck made up ("T13") rather than one printed in the document ("表 3").
REPORT_GENERATED_TABLE_ID = regex.compile(r"T\d+")

# A number with three or more decimals in a message ("1,234.5678"), shortened for reading
# (a whole number of its own: no digit or point on either side).
REPORT_LONG_DECIMAL = regex.compile(r"(?<![\d.])(\d[\d,]*)\.(\d{3,})(?![\d.])")

# An option line of a rule docstring's 选项 section: "report-rounding（默认 false）：…" — the
# option name in kebab case (or one lower-case word), then its default.
RULE_OPTION_LINE = regex.compile(r"^\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]+)\s*[（(]默认\s*([^）)]+)[）)]", regex.M)
