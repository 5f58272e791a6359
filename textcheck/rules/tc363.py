"""TC363 final-account-budget-mismatch: a final account's 预算数 disagrees with the same year's budget disclosure."""
from __future__ import annotations

from textcheck.crossyear.evidence import (cell_name, column_disagreements, document_name, last_year_related, pair_key,
                                          this_year_related)
from textcheck.rules.base import Rule


class FinalAccountBudgetMismatch(Rule):
    """决算表中与决算数并列的“预算数/年初预算数”与同一年度部门预算公开文件中同一项目的数不一致。

    检查什么
        检查部门决算时给出同一年度的部门预算公开文件（`textcheck check 决算.pdf --previous
        同年预算.pdf`）：决算表中与决算数并列的预算栏（“预算数”“年初预算数”，不含“全年预算数”
        “调整预算”）的每个数，与预算公开文件中同口径表格（按表的口径）、同一科目编码（或合计行、
        同名行、只有一行的表）、同一栏的本年预算数比较，按四舍五入区间计算。
    为什么
        决算中的“预算数”应当是年初公开的预算；抄错或换成了调整后的预算，完成率和增减说明都会失真。
    反例
        2024 年决算“三公”经费表中“预算数/因公出国（境）费”为 30.00 万元，2024 年预算公开的
        同表为 35.00 万元。
    正例
        两者一致（或差额在四舍五入范围内）。科目编码相同而名称改了、或同名科目换了编码时
        最多报警告，并说明可能是科目调整。
    选项
        无
    """

    code = "TC363"
    name = "final-account-budget-mismatch"
    category = "amount"
    severity = "error"

    def check(self, ctx):
        model = ctx.crossyear
        if model is None:
            return
        budget_name = document_name(model.previous)
        for pair, cell, budget, c, note in column_disagreements(model.budget_columns):
            message = (f"{cell_name(cell)} {cell.number} 与同年预算公开文件 "
                       f"{budget_name} {cell_name(budget)} {budget.number} 不一致{note}")
            yield self.diagnostic(
                ctx, message, c.location, c.text.text,
                related=[this_year_related(cell), last_year_related(budget)],
                suggestion=f"核对预算数：年初公开的预算为 {budget.number}",
                severity="error" if pair.match.sure else "warning",
                key=pair_key(cell, budget))
