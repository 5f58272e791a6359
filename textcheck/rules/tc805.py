"""TC805 mixed-width-digits: one number written with both full-width and half-width digits."""
from __future__ import annotations

from textcheck.document import Location
from textcheck.rules.base import Rule


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
        for no, start, end, digits in ctx.layout.mixed_width_digits:
            yield self.diagnostic(
                ctx, f"数字“{digits}”中全角与半角数字混用",
                Location(no, start, no, end), digits,
                suggestion="统一使用半角数字并核对数值", key=digits)
