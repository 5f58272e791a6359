"""Department and year from the first lines of a file, volume words in file names (textcheck.batch)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

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
