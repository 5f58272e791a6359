"""TC805 mixed-width-digits: one number written with both full-width and half-width digits."""
from __future__ import annotations

import regex

from textcheck import patterns
from textcheck.document import Location
from textcheck.rules.base import Rule

_HALF = regex.compile(r"[0-9]")
_FULL = regex.compile(r"[０-９]")


class MixedWidthDigits(Rule):
    """同一个数字中全角数字与半角数字混用（“２024”“3,９56.08”）。

    检查什么
        原文每一行（归一化之前）中连续的数字串，若同时含全角（０-９）和半角（0-9）数字即提示。
        整个数字都是全角不提示（读取时统一转换）。
    为什么
        混用说明数字被逐位手工改过，其中某一位可能是误输入；部分系统会把全角数字读成文字。
    反例
        2０24 年
    正例
        2024 年；  ２０２４年
    选项
        无
    """

    code = "TC805"
    name = "mixed-width-digits"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        for no, line in enumerate(ctx.document.source_lines, 1):
            if not _FULL.search(line):
                continue
            for m in patterns.FORMAT_DIGIT_RUN.finditer(line):
                s = m.group(0)
                if _HALF.search(s) and _FULL.search(s):
                    yield self.diagnostic(
                        ctx, f"数字“{s}”中全角与半角数字混用",
                        Location(no, m.start() + 1, no, m.end()), s,
                        suggestion="统一使用半角数字并核对数值", key=s)
