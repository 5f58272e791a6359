"""TC807 broken-list-numbering: list numbers skip or repeat ((一)(二)(四)), or are written non-standardly (（一十）)."""
from __future__ import annotations

from textcheck.document import Location
from textcheck.layout_facts import INLINE
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


class BrokenListNumbering(Rule):
    """正文编号跳号、重号（（一）（二）（四）），或写法不规范（“（一十）”应为“（十）”）。

    检查什么
        正文各级编号（第X部分 / 一、 / （一） / 1、或 1.）按出现顺序逐级检查：同一级编号应从 1
        开始逐一递增，出现上一级编号时下一级重新计数；编号回到 1 视为新的列表；每个“第X部分”
        和合并检查的每一册重新计数，被“第X部分”打断的外层列表可以接着编（“一、文字部分 …
        第一部分…第九部分 … 二、表格部分”）；同一行内接着写的编号（“1.…；2.…”“…。2.…”）
        和行中开始的列表（“主要原因是：1.…”）计入。汉字编号写成“一十”“一十一”等非常规
        形式时提示应写作“十”“十一”。目录和表格行（包括表格中被拆成行的单元格文字）不检查。
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
        closed: dict[str, set[int]] = {}  # last numbers of lists a new 部分 or volume interrupted
        part = None
        inline = None  # last number of a list started mid-line, which a line-start item may continue
        for n in ctx.layout.numbered_lines:
            no, level, value, raw, start, end = n.line, n.level, n.value, n.raw, n.start, n.end
            if level == INLINE:
                inline = n.last
                continue
            if n.part != part:
                for lv, v in last.items():  # a new 第X部分 or volume: numbering starts again
                    closed.setdefault(lv, set()).add(v)
                last.clear()
                part = n.part
            form = _FORMS[level]
            if level in ("cn", "pcn", "part") and raw.startswith("一十"):
                yield self.diagnostic(
                    ctx, f"编号“{form.format(raw)}”写法不规范，应写作“{form.format(_standard(value))}”",
                    Location(no, start, no, end), raw, severity="info", suggestion=f"改为“{form.format(_standard(value))}”",
                    key=f"form|{raw}")
            # a new item of this level closes every deeper list
            for deeper in _LEVELS[_LEVELS.index(level) + 1:]:
                last.pop(deeper, None)
            prev = last.get(level)
            resumes = value - 1 in closed.get(level, ())  # "二、表格部分" after "一、文字部分"'s 部分
            resumes = resumes or (level == "ar" and inline is not None and value == inline + 1)
            inline = None
            if value != 1 and prev is not None and value != prev + 1 and not resumes:
                what = "重复" if value == prev else ("跳号" if value > prev else "倒序")
                expected = form.format(_standard(prev + 1) if level != "ar" else prev + 1)
                got = form.format(raw)
                yield self.diagnostic(
                    ctx, f"编号{what}：上一个同级编号为“{form.format(_standard(prev) if level != 'ar' else prev)}”，"
                         f"此处为“{got}”，应为“{expected}”",
                    Location(no, start, no, end), raw, suggestion=f"核对是否漏写或多写了条目，并重新编号为“{expected}”",
                    key=f"seq|{level}|{prev}|{value}")
            last[level] = n.last
