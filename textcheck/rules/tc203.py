"""TC203 breakdown-sum-mismatch: the items of a breakdown or "其中" list do not add up to the stated total."""
from __future__ import annotations

from decimal import Decimal

from textcheck.numbers import MONEY_UNITS, Interval, format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.arithmetic import money_interval, totals_of, unit_slip_item
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule


class BreakdownSumMismatch(Rule):
    """分项金额之和与所述总额不符（区间算术，超出四舍五入误差）。

    检查什么
        “资金分配情况：差旅费 10.00 万元、培训费 5.00 万元…”之各项与“预算安排规模”，以及
        “…，其中：A x 万元、B y 万元”之各项与其总额。各数按所写小数位取舍入区间，各项区间
        之和与总额区间不相交才算不符。资金分配、“包括”等完整列举：不符即报 error；“其中”“主要包括”
        “……等”列举可能只列部分：分项之和大于总额报 error，小于总额不报告。
    为什么
        分项与总额对不上，说明某个分项或总额抄错，读者无法知道哪个数字可信。
    反例
        预算安排规模 55.00 万元，资金分配：差旅费 11.00、培训费 5.00、劳务费 12.00、委托业务费
        25.00、其他 3.00 万元：合计 56.00 ≠ 55.00。
    正例
        “委托业务费 21 万元，专用材料费 0.6 万元”与 21.60 万元：21 代表 [20.5, 21.5]，
        0.6 代表 [0.55, 0.65]，和的区间包含 21.60，不报告。
    选项
        全局 tolerance：在舍入区间之外再放宽的绝对误差。
    """

    code = "TC203"
    name = "breakdown-sum-mismatch"
    category = "amount"
    severity = "error"

    def check(self, ctx):
        tol = ctx.config.tolerance
        for claim in ctx.claims or ():
            items = [i for i in claim.items if i.value is not None and i.value.number.unit in MONEY_UNITS]
            exhaustive = claim.exhaustive  # decided by claims.py
            if len(items) < 2 and not (items and exhaustive):
                continue
            totals = [t for t in totals_of(claim) if t.number.unit in MONEY_UNITS]
            if not totals:
                continue
            unit = totals[0].number.unit
            parts = Interval.exact(Decimal(0))
            for i in items:
                parts = parts + money_interval(i.value, unit)
            parts = Interval(parts.lo - tol, parts.hi + tol)
            if any(parts.overlaps(money_interval(t, unit)) for t in totals):
                continue
            if unit_slip_item(claim, tol):
                continue  # one item's 元/万元 is wrong, not the breakdown: TC204 reports it
            total = totals[0]
            total_iv = money_interval(total, unit)
            if not exhaustive and parts.hi < total_iv.lo:
                continue  # "其中：" / "主要包括：" may name only some parts: a smaller sum proves nothing
            severity, how = "error", "大于" if parts.lo > total_iv.hi else "小于"
            expr = " + ".join(shown(i.value.number) or str(i.value.number) for i in items)
            exact = sum((i.value.number.interval_in(unit).mid for i in items), Decimal(0))
            diff = exact - total.number.value
            msg = (f"分项之和{how}总额：{expr} = {format_decimal(exact, 2)} {unit}，"
                   f"与“{total.span.text}”相差 {format_decimal(diff, 2)} {unit}")
            related = [Related.sentence(claim.sentence.text, claim.sentence.location),
                       Related.stated(total)]
            related += [Related.stated(i.value) for i in items]
            related.append(Related(kind="figure", text=f"{expr} = {format_decimal(exact, 2)}", value=str(exact)))
            first = items[0].value.span
            # Located at the list (where the items are written), the total is in `related`.
            yield self.diagnostic(ctx, msg, first.location, first.text, related,
                                  severity=severity, suggestion="核对各分项与总额",
                                  key=f"{claim.subject}|{total.span.text}|{expr}")
