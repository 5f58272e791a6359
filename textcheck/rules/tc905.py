"""TC905 execution-rate-mismatch: a final account's "完成年初预算的 X%" does not follow from the two amounts it names."""
from __future__ import annotations

from decimal import Decimal

from textcheck.numbers import format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.lastdigit import severity_and_note
from textcheck.rules.base import Rule


class ExecutionRateMismatch(Rule):
    """决算说明中“完成年初预算的 X%”与同一句中的预算数、决算数算不出来。

    检查什么
        部门决算情况说明中同一句话给出预算数、决算数和二者之比的表述——“年初预算为 A 万元，
        支出决算为 B 万元，完成年初预算的 X%”“……决算数为预算数的 X%”——按四舍五入区间
        重新计算 B ÷ A：X 落在可达区间之外即报告；只差最后一位一个单位时为警告（可能是截断），
        更多为错误。三个数都在同一句中，不需要与表格关联。
    为什么
        完成率是读者判断预算执行情况的关键数字，算错说明数字被改过而比率没有同步更新。
    反例
        年初预算为 5717.32 万元，支出决算为 5757.63 万元，完成年初预算的 107.1%。
    正例
        年初预算为 5717.32 万元，支出决算为 5757.63 万元，完成年初预算的 100.71%。
    选项
        无
    """

    code = "TC905"
    name = "execution-rate-mismatch"
    category = "change"
    severity = "error"

    def check(self, ctx):
        for r in ctx.final_accounts.execution_rates:
            s = r.sentence
            budget_text = s.text[r.budget_span[0]:r.budget_span[1]]
            actual_text = s.text[r.actual_span[0]:r.actual_span[1]]
            rate_text = s.text[r.rate_span[0]:r.rate_span[1]]
            reach = r.actual.interval / r.budget.interval_in(r.actual.unit)
            if reach is None:
                continue  # a budget of 0: no rate
            reach = reach.scale(Decimal(100))
            if reach.overlaps(r.rate.interval):
                continue
            severity, note = severity_and_note(r.rate, reach)
            exact = r.actual.value / r.budget.in_unit(r.actual.unit).value * 100
            shown = format_decimal(exact, max(2, r.rate.decimals), thousands=False)
            budget_loc, actual_loc = s.locate(*r.budget_span), s.locate(*r.actual_span)
            yield self.diagnostic(
                ctx,
                f"“完成预算的 {rate_text}%”与同句中的数字不符：决算 {actual_text} ÷ 预算 {budget_text} × 100% = "
                f"{shown}%（按四舍五入可达 {format_decimal(reach.lo, 2, thousands=False)}%–"
                f"{format_decimal(reach.hi, 2, thousands=False)}%）{note}",
                s.locate(*r.rate_span), rate_text,
                related=[Related.sentence(s.text, s.location),
                         Related(kind="figure", text=budget_text, line=budget_loc.line, source_column=budget_loc.column,
                                 page=budget_loc.page, ref=budget_loc.ref),
                         Related(kind="figure", text=actual_text, line=actual_loc.line, source_column=actual_loc.column,
                                 page=actual_loc.page, ref=actual_loc.ref)],
                suggestion=f"核对后改为 {shown}%，或核对预算数、决算数",
                severity=severity, key=f"{budget_text}|{actual_text}|{rate_text}")
