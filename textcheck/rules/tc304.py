"""TC304 increase-exceeds-current: an increase larger than the current amount (the previous would be negative)."""
from __future__ import annotations

from textcheck.claim import INCREASE
from textcheck.numbers import format_decimal
from textcheck.rulekit.changes import figures
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule


class IncreaseExceedsCurrent(Rule):
    """增加额大于本年金额，推算出的上年数为负。

    检查什么
        “本年 C 万元，比上年增加 D 万元”且 D 超过 C（超出舍入误差）：上年 = C − D < 0。
        预算金额不为负，故增加额或本年金额必有一个有误。减少额大于本年金额则无妨
        （上年 = C + D）。
    为什么
        数字抄错或把“减少”写成“增加”时常出现这种组合。
    反例
        “基本支出 78.13 万元，比上年预算增加 1,422.65 万元”：上年 = 78.13 − 1,422.65 < 0。
    正例
        “项目支出 2,554.44 万元，比上年预算减少 4,669.63 万元”：上年 7,224.07 万元。
    选项
        无
    """

    code = "TC304"
    name = "increase-exceeds-current"
    category = "change"
    severity = "warning"

    def check(self, ctx):
        facts = ctx.change_facts
        for claim in ctx.claims or ():
            f = facts.get(id(claim))
            if f is None or f.direction != INCREASE:
                continue
            if not f.previous().hi < 0:
                continue
            v, c = claim.value.number, claim.change.number
            prev = v.value - c.interval_in(f.unit).mid
            msg = (f"增加额大于本年金额：上年 = {shown(v)} − {shown(c)} = {format_decimal(prev, 2)} {f.unit} < 0，"
                   f"预算金额不应为负")
            yield self.diagnostic(ctx, msg, claim.change.span.location, claim.change.span.text, figures(claim),
                                  suggestion="核对本年金额、增加额及方向词",
                                  key=f"{claim.subject}|{shown(v)}|{shown(c)}")
