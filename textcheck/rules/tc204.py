"""TC204 magnitude-slip: a narrative amount matches its cell only after ×10⁴ or ÷10⁴ (万元 ↔ 元)."""
from __future__ import annotations

from decimal import Decimal

from textcheck.linking import CONFIDENT
from textcheck.report.diagnostic import Related
from textcheck.rulekit.arithmetic import agreement, is_money, magnitude_slip_cell, table_unit, unit_slip_item
from textcheck.rulekit.evidence import related_cell
from textcheck.rulekit.wording import cell_phrase, shown
from textcheck.rules.base import Rule
from textcheck.numbers import format_decimal


class MagnitudeSlip(Rule):
    """正文金额的数字与表格一致，但单位差一万倍（“万元”写成“元”或反之）。

    检查什么
        确定关联的正文金额与表格单元格不符，但把金额乘以或除以 10⁴ 后与单元格在四舍五入
        误差内相符：多半是单位写错（“1,422.65 元”应为“1,422.65 万元”）。
    为什么
        单位错一字，金额就差一万倍；数字本身照抄无误，人工核对时最容易看漏。
    反例
        “基本支出 1,422.65 元”，表 3“基本支出”列为 1,422.65 万元：1,422.65 元 × 10⁴ 才与之相符。
    正例
        “基本支出 14,226,500 元”：换算为 1,422.65 万元，与表格一致，不报告。
    选项
        无
    """

    code = "TC204"
    name = "magnitude-slip"
    category = "unit"
    severity = "error"

    def check(self, ctx):
        agrees = agreement(ctx.config.tolerance)
        for link in ctx.links or ():
            claim = link.claim
            if link.confidence != CONFIDENT or not is_money(claim.value) or link.agreeing:
                continue
            if any(agrees(claim.value.number, c, 1) for c in link.candidates):
                continue
            hit = magnitude_slip_cell(link, agrees)
            if not hit:
                continue
            cell, scale = hit
            unit = table_unit(cell)
            stated = claim.value.number
            wrote, meant = (stated.unit, "万元" if stated.unit == "元" else f"{unit}的一万倍单位") \
                if scale == Decimal(10000) else (stated.unit, "元" if stated.unit == "万元" else "小一万倍的单位")
            factor = "× 10⁴" if scale == Decimal(10000) else "÷ 10⁴"
            msg = (f"正文“{claim.value.span.text}”（{claim.shown_subject}）与{cell_phrase(cell)}相差一万倍："
                   f"按“{wrote}”换算为 {stated.interval_in(unit).mid.normalize():f} {unit}，{factor} 后才与表格相符，"
                   f"疑为单位误写（应为“{meant}”）")
            related = [Related.sentence(claim.sentence.text, claim.sentence.location),
                       related_cell(cell),
                       Related(kind="figure", text=f"{shown(stated)} {stated.unit} {factor}", table=cell.table.id)]
            yield self.diagnostic(ctx, msg, claim.value.span.location, claim.value.span.text, related,
                                  suggestion=f"核对单位，改为 {shown(stated)} {meant}" if meant in ("万元", "元") else None,
                                  key=f"{claim.subject}|{shown(stated)}|{cell.table.id}")
        yield from self._list_slips(ctx)

    def _list_slips(self, ctx):
        """"预算支出 1,682.76 元" among 万元 parts whose sum needs it in 万元."""
        tol = ctx.config.tolerance
        for claim in ctx.claims or ():
            hit = unit_slip_item(claim, tol)
            if not hit:
                continue
            item, total = hit
            n, unit = item.value.number, total.number.unit
            others = [i for i in claim.items if i is not item and i.value is not None]
            expr = " + ".join([f"{shown(n)}（按{unit}）"] + [shown(i.value.number) for i in others])
            msg = (f"“{item.value.span.text}”（{item.subject or '该项'}）的单位疑为“{unit}”之误：同一列举的各项以"
                   f"“{unit}”计，按“{n.unit}”换算后分项之和与“{total.span.text}”不符，按“{unit}”读则相符"
                   f"（{expr} ≈ {format_decimal(total.number.value, total.number.decimals)} {unit}）")
            related = [Related.sentence(claim.sentence.text, claim.sentence.location),
                       Related.stated(total)]
            related += [Related.stated(i.value) for i in claim.items if i.value is not None]
            yield self.diagnostic(ctx, msg, item.value.span.location, item.value.span.text, related,
                                  suggestion=f"核对单位，改为 {shown(n)} {unit}",
                                  key=f"list|{item.subject}|{shown(n)}|{total.span.text}")
