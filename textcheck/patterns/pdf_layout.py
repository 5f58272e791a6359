"""PDF layout (textcheck.readers.pdf): page furniture, caption rows, borderless tables."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A page number line: "10", "- 9 -", "─ 1 ─", "第 3 页", "第3页 共12页", "3/12".
PDF_PAGE_NUMBER = regex.compile(
    r"[-—─–\s]*\d{1,4}[-—─–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}")

# A grid row that is really a caption line: "部门：江苏省人大常委会办公厅 单位：万元", "编制单位：…".
PDF_UNIT_OR_DEPARTMENT = regex.compile(r"单位\s*[:：]|^(?:部门|编制部门|部门名称|编制单位|预算单位)\s*[:：]")

# A cell holding just an amount ("13,297.11", "-5.00", "80"): a row with one is data, not a caption.
PDF_CELL_AMOUNT = regex.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+\.\d+|[-−]?\d+")

# A note under a table: "注：…", "备注：…", "说明：…".
PDF_NOTE = regex.compile(r"(?:注|备注|说明)\s*[:：\d]")

# A lone grid cell that is a caption: "公开05表", "公开表五", "表 3", "…预算表", "…预算表（功能科目）".
PDF_CAPTION_TEXT = regex.compile(r"^(?:公开\s*\d+\s*表|公开表\s*[一二三四五六七八九十]+|表\s*\d+)$|表(?:[（(][^）)]*[）)])?$")

# A caption label on its own: "公开05表", "公开表五", "表 3".
PDF_CAPTION_LABEL = regex.compile(r"公开\s*\d+\s*表|公开表\s*[一二三四五六七八九十]+|表\s*\d+")

# A classification code cell: 201 / 20101 / 2010101 (类 / 款 / 项), or 301 / 30101 (economic).
PDF_CELL_CODE = regex.compile(r"\d{3}(?:\d{2}){0,2}")

# The label of a total row, which may stand in a code column when merged across it.
PDF_TOTAL_LABEL = regex.compile(r"(?:合\s*计|总\s*计|小\s*计)")
