"""TC303 zero-base-growth: a growth rate stated although the previous amount was zero."""
from __future__ import annotations

from decimal import Decimal

from textcheck.claim import INCREASE
from textcheck.rulekit.changes import figures
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule


class ZeroBaseGrowth(Rule):
    """上年数为 0（本年金额等于增加额）却给出增长率。

    检查什么
        “本年 C 万元，比上年增加 D 万元，增长 R%”且 C 与 D 在舍入误差内相等：上年为 0，
        增长率无从计算（除以 0）。习惯写法“增长 100%”报 info，其他幅度报 warning。
    为什么
        从零起步的增长率没有意义；“增长 100%”字面上意味着上年与本年增加额相等，容易误导。
    反例
        “预算数为 1,405.00 万元，比上年预算增加 1,405.00 万元，增长 100.00%”：上年为 0（info）；
        “… 增加 950.00 万元，增长 50.00%”：warning。
    正例
        “本年新增 1,405.00 万元，上年无此项预算”。
    选项
        无
    """

    code = "TC303"
    name = "zero-base-growth"
    category = "change"
    severity = "warning"

    def check(self, ctx):
        facts = ctx.change_facts
        for claim in ctx.claims or ():
            f = facts.get(id(claim))
            if f is None or f.rate is None or f.direction != INCREASE:
                continue
            prev = f.previous()
            if not (prev.lo <= 0 <= prev.hi) or claim.change.number.value == 0:
                continue
            rate = claim.rate.number.value
            conventional = rate == Decimal(100)
            v, c = claim.value.number, claim.change.number
            msg = (f"上年数为 0：本年 {shown(v)} {f.unit} − 增加 {shown(c)} {f.unit} = 0，增长率无从计算；"
                   f"正文写“{claim.rate.span.text}”"
                   + ("（习惯写法，建议改为“上年无此项预算”）" if conventional else "，与上年为 0 矛盾"))
            yield self.diagnostic(ctx, msg, claim.rate.span.location, claim.rate.span.text, figures(claim),
                                  severity="info" if conventional else "warning",
                                  suggestion="写明“上年无此项预算，本年新增”",
                                  key=f"{claim.subject}|{shown(v)}|{shown(claim.rate.number)}")
