"""Document structure (textcheck.readers.structure, textcheck.readers.text): headings, list items,
目录 lines, captions and their 编制部门 / 单位 / year lines, empty-table statements.
All are matched on normalised text (CJK–digit spaces already removed)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# Caption label: "表 3", "表3", "公开05表", "公开表五", "表五".
TABLE_LABEL = regex.compile(r"^(?:表\s*(?P<n>\d+|[一二三四五六七八九十]+)|公开\s*(?P<n2>\d+)\s*表|公开表\s*(?P<n3>\d+|[一二三四五六七八九十]+))$")

# Markdown table separator row: | --- | :---: | ---: |
MD_TABLE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

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

# A heading line that runs on into a sentence after its colon: "（二）“三公”经费预算：2025年长沙市
# 公安局“三公”" (the sentence goes on in the next line, structure_text._run_in_sentence).  Only
# words and years after the colon: the subject of a sentence whose figure is on the next line
# (a heading line that already holds a figure is left as it was read).
RUN_IN_HEADING = regex.compile(
    r"^(?P<head>\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[、．])[^：:，。；]{2,20})"
    r"[：:]\s*(?P<rest>(?:\d{4}年度?|[^\d\s])(?:\d{4}年度?|\D){3,}?)\s*$")

# The line a run-in heading's sentence goes on in: prose (a clause or sentence mark in it).
RUN_IN_CONTINUATION = regex.compile(r"[，。；]")

# Sentence ends: a line ending with one of these is complete.
SENTENCE_END = "。；！？;!?：:"

# Where Paragraph.sentences splits a paragraph: a Chinese sentence end (。！？；).
PARAGRAPH_SENTENCE_END = regex.compile(r"[。！？；]")

# Table of contents title ("目 录", "目录", "目次"; spaces removed first).
TOC_TITLE = regex.compile(r"^(?:目录|目次)$")

# A TOC entry's list marker and trailing dot leaders with a page number.
TOC_MARKER = regex.compile(r"^[-•·*]\s*")
TOC_PAGE = regex.compile(r"(?:\s*[.·…．]{2,}\s*|\s{2,})\d{1,4}\s*$")

# A TOC entry's numbering ("一、", "（二）", "3.", "第一部分"), possibly after the 目录's own column
# header printed on the first entry's line ("序号 报表名称 一、收支预算总表"): the body's title
# repeats the entry without it.
TOC_NUMBERING = regex.compile(
    r"^\p{Han}{0,8}?(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|\d{1,2}(?:、|[.．](?!\d)))")

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

# A line of Han characters only (no digits, punctuation or spaces).
HAN_ONLY = regex.compile(r"\p{Han}+")

# Continuation markers printed above a table's next page.
TABLE_CONTINUED = regex.compile(r"^[（(]?续(?:表)?[）)]?$|[（(]续(?:表)?[）)]$")

# 编制部门 / 部门名称 lines (optionally with the unit on the same line).
DEPARTMENT_LINE = regex.compile(
    r"^(?:编制部门|编制单位|部门名称|单位名称|填报单位|部门|单位(?!\s*[:：]\s*(?:亿元|万元|千元|元)\s*$))"
    r"\s*(?:[（(](?:盖章|单位)[）)])?\s*[:：]\s*(?P<dept>.*?)"
    r"\s*(?:(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*)?$")

# A year line under a title: "(2024年)", "（2024年度）", "2024年".
YEAR_LINE = regex.compile(r"^[（(]?\s*\d{4}\s*年度?\s*[）)]?$")

# Empty-table statement: "…政府性基金预算支出情况表为空表。", a note under the table
# "注：本部门无该项目", or in the text "本部门无此项支出".
EMPTY_TABLE_STATEMENT = regex.compile(
    r"为空表|本表为空|此表为空|本表无数据|无此项|无该项|本表无"
    r"|没有使用[\p{Han}“”\"]{0,30}?(?:收入|支出)|未安排[\p{Han}“”\"]{0,20}?支出")
# A character every EMPTY_TABLE_STATEMENT match holds (空 无 没 未): a line with none (most prose)
# needs no search (tests/test_reader_fast_paths.py).
EMPTY_TABLE_STATEMENT_CHARS = "空无没未"
EMPTY_TABLE_STATEMENT_HINT = regex.compile(f"[{EMPTY_TABLE_STATEMENT_CHARS}]")


def states_empty_table(text: str) -> bool:
    """Does ``text`` hold an EMPTY_TABLE_STATEMENT?  Searched only when it holds one of the
    trigger characters (the pattern runs on the slower ``regex`` engine; the reader, the
    template families and the layout facts all ask it of every paragraph)."""
    return EMPTY_TABLE_STATEMENT_HINT.search(text) is not None and \
        EMPTY_TABLE_STATEMENT.search(text) is not None

# Year of the disclosure: "2024年部门预算公开", "2017年度…部门预算".
DOCUMENT_YEAR = regex.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?[\p{Han}]{0,30}?(?:部门|单位)?(?:预算|决算)")

# A Markdown bullet item ("- 1、…", "* …"): complete on its line.
BULLET_ITEM = regex.compile(r"^[-•·*▪]\s")
