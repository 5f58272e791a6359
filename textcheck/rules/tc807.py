"""TC807 broken-list-numbering: list numbers skip or repeat ((一)(二)(四)), or are written non-standardly (（一十）)."""
from __future__ import annotations

from textcheck import patterns
from textcheck.document import Location
from textcheck.numbers import chinese_numeral_value
from textcheck.rules.base import Rule

# Levels of list numbering, outermost first.
_LEVELS = ("part", "cn", "pcn", "ar")
_FORMS = {"part": "第{}部分", "cn": "{}、", "pcn": "（{}）", "ar": "{}."}


def _standard(n: int) -> str:
    """The usual Chinese numeral of a list number: 10 → 十, 11 → 十一, 21 → 二十一."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def numbered_lines(document):
    """(line, level, value, marker text, start col, end col) for every numbered line of running text.

    Table rows (tab-separated) are not running text and are skipped.
    """
    for no, line in enumerate(document.source_lines, 1):
        if "\t" in line or "|" in line:
            continue
        m = patterns.LIST_NUMBERING.match(line)
        if not m:
            continue
        level = next(k for k in _LEVELS if m.group(k))
        raw = m.group(level)
        value = int(raw) if level == "ar" else chinese_numeral_value(raw)
        if value is None:
            continue
        yield no, level, value, raw, m.start(level) + 1, m.end(level)


class BrokenListNumbering(Rule):
    """正文编号跳号、重号（（一）（二）（四）），或写法不规范（“（一十）”应为“（十）”）。

    检查什么
        正文各级编号（第X部分 / 一、 / （一） / 1、或 1.）按出现顺序逐级检查：同一级编号应从 1
        开始逐一递增，出现上一级编号时下一级重新计数；编号回到 1 视为新的列表。汉字编号
        写成“一十”“一十一”等非常规形式时提示应写作“十”“十一”。表格行不检查。
    为什么
        跳号、重号往往意味着漏写或多写了一段（如删除了一个项目却没有重新编号）；“（一十）”
        是不规范写法，同一文件中前文又写“（十）”。
    反例
        （一）…（二）…（四）…；  （九）…（一十）…（一十一）…
    正例
        （一）…（二）…（三）…；  （九）…（十）…（十一）…
    选项
        无
    """

    code = "TC807"
    name = "broken-list-numbering"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        last: dict[str, int] = {}
        for no, level, value, raw, start, end in numbered_lines(ctx.document):
            loc = Location(no, start, no, end)
            form = _FORMS[level]
            if level in ("cn", "pcn", "part") and raw.startswith("一十"):
                yield self.diagnostic(
                    ctx, f"编号“{form.format(raw)}”写法不规范，应写作“{form.format(_standard(value))}”",
                    loc, raw, severity="info", suggestion=f"改为“{form.format(_standard(value))}”",
                    key=f"form|{raw}")
            # a new item of this level closes every deeper list
            for deeper in _LEVELS[_LEVELS.index(level) + 1:]:
                last.pop(deeper, None)
            prev = last.get(level)
            if value != 1 and prev is not None and value != prev + 1:
                what = "重复" if value == prev else ("跳号" if value > prev else "倒序")
                expected = form.format(_standard(prev + 1) if level != "ar" else prev + 1)
                got = form.format(raw)
                yield self.diagnostic(
                    ctx, f"编号{what}：上一个同级编号为“{form.format(_standard(prev) if level != 'ar' else prev)}”，"
                         f"此处为“{got}”，应为“{expected}”",
                    loc, raw, suggestion=f"核对是否漏写或多写了条目，并重新编号为“{expected}”",
                    key=f"seq|{level}|{prev}|{value}")
            last[level] = value
