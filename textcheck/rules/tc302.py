"""TC302 direction-contradiction: the direction words of a change contradict each other or the arithmetic."""
from __future__ import annotations

from textcheck.claim import DECREASE, INCREASE
from textcheck.numbers import format_decimal
from textcheck.rulekit.changes import WORD, figures, pct
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule
RATE_WORD = {INCREASE: "增长", DECREASE: "下降"}


class DirectionContradiction(Rule):
    """增减方向词自相矛盾，或与金额推算的方向相反。

    检查什么
        同一句中变动额的方向词与幅度的方向词相反（“减少 78.13 万元，增长 5.81%”）；
        或所述方向下幅度推算不通、换成相反方向才与所述幅度一致（方向词写反）；
        或方向词后跟负数（“增加 -2.46 万元”，warning）。
    为什么
        “增加”写成“减少”，读者得到的结论正好相反；数字都对，只有一个字错，最难发现。
    反例
        “基本支出 1,422.65 万元，比上年预算减少 78.13 万元，增长 5.81%”：按“增加”推算上年
        1,344.52、增长 5.81% 一致，“减少”与之矛盾。
    正例
        “比上年预算减少 2.46 万元，下降 4.34%”：方向一致，54.19 + 2.46 = 56.65，
        2.46 ÷ 56.65 = 4.34%。
    选项
        无
    """

    code = "TC302"
    name = "direction-contradiction"
    category = "change"
    severity = "error"

    def check(self, ctx):
        facts = ctx.change_facts
        for claim in ctx.claims or ():
            if claim.change is None or claim.direction not in (INCREASE, DECREASE):
                continue
            span = claim.direction_span or claim.change.span
            if claim.change.number.value < 0:
                msg = (f"方向词“{WORD[claim.direction]}”后跟负数 {shown(claim.change.number)}："
                       f"“{WORD[claim.direction]}”一个负数即为相反方向，请改用相应的方向词和正数")
                yield self.diagnostic(ctx, msg, span.location, span.text, figures(claim), severity="warning",
                                      key=f"neg|{claim.subject}|{shown(claim.change.number)}")
                continue
            f = facts.get(id(claim))
            words_conflict = claim.rate_direction in (INCREASE, DECREASE) and claim.rate_direction != claim.direction
            if claim.rate is not None and claim.rate.number.value == 0 and claim.change.number.value == 0:
                continue  # "增加 0.00 万元，增长 0.00%": no direction to contradict
            if words_conflict:
                msg = (f"方向矛盾：变动额用“{WORD[claim.direction]}”（{claim.change.span.text}），"
                       f"幅度用“{RATE_WORD[claim.rate_direction]}”（{claim.rate.span.text}）")
                msg += self._which(f)
                yield self.diagnostic(ctx, msg, span.location, span.text, figures(claim),
                                      suggestion="统一方向词，使之与上年数相符",
                                      key=f"words|{claim.subject}|{shown(claim.change.number)}")
                continue
            if f is None or f.rate is None:
                continue
            here = f.rate_for()
            other = DECREASE if f.direction == INCREASE else INCREASE
            there = f.rate_for(other)
            if (here is None or not here.overlaps(f.rate)) and there is not None and there.overlaps(f.rate):
                msg = (f"方向词与金额不符：按“{WORD[f.direction]}”推算上年 {format_decimal(f.exact_previous(), 2)} {f.unit}，"
                       f"幅度应为 {pct(f.exact_rate() or 0)}" if f.exact_rate() is not None else
                       f"方向词与金额不符：按“{WORD[f.direction]}”推算的上年数不为正")
                msg += (f"；按“{WORD[other]}”推算上年 {format_decimal(f.exact_previous(other), 2)} {f.unit}，"
                        f"幅度 {pct(f.exact_rate(other))} 与正文 {shown(claim.rate.number)}% 一致，“{WORD[f.direction]}”疑为"
                        f"“{WORD[other]}”之误")
                yield self.diagnostic(ctx, msg, span.location, span.text, figures(claim),
                                      suggestion=f"改为“{WORD[other]}”", key=f"arith|{claim.subject}|{shown(claim.change.number)}")

    @staticmethod
    def _which(f) -> str:
        if f is None or f.rate is None:
            return ""
        fits = [d for d in (INCREASE, DECREASE) if (r := f.rate_for(d)) is not None and r.overlaps(f.rate)]
        if len(fits) != 1:
            return ""
        d = fits[0]
        return (f"；按“{WORD[d]}”推算上年 {format_decimal(f.exact_previous(d), 2)} {f.unit}，"
                f"幅度 {pct(f.exact_rate(d))} 与正文一致")
