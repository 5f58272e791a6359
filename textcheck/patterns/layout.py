"""Layout facts (textcheck.layout_facts; rules TC8xx format, TC902): 目录 entries, list
numbering, thousands separators, mixed-width digits, stray Latin words, bare rates."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

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

# A further list number inside a numbered line: "1.提升……；2.深化……；" (TC807).
LIST_INLINE_NUMBER = regex.compile(r"[；;。]\s*(?P<n>\d{1,2})\s*[.．、](?!\d)")

# The next number of a list continuing mid-line after a full stop: "…水平。2.推动…" (TC807).
LIST_CONTINUED_NUMBER = regex.compile(r"。\s*(?P<n>\d{1,2})\s*[.．、](?!\d)")

# A list starting mid-line: "…主要原因是：1.在职人数…", "…工作1.聘请…" (TC807).
LIST_INLINE_FIRST = regex.compile(r"(?<=[\p{Han}：:，,；;。])(?P<n>1)\s*[.．、](?!\d)")
