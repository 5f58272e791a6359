"""TC106 side-by-side-balance: 收入总计 ≠ 支出总计 in a 收支总表."""
from __future__ import annotations

from textcheck.rulekit.arithmetic import MISMATCH, cell_number, cell_text, check_sum
from textcheck.rulekit.evidence import cell_location, cell_related, row_by_index
from textcheck.rulekit.sums import SumRule
from textcheck.rulekit.wording import row_label


class SideBySideBalance(SumRule):
    """收支总表中收入总计与支出总计不相等（超出四舍五入误差）。

    检查什么
        左右并列的收支表（收入 | 支出）中，收入一侧的总计行与支出一侧的总计行，比较
        各自的第一个金额栏（合计栏）。
    为什么
        部门预算收支平衡：收入总计必须等于支出总计。
    反例
        “收入总计 3,977.09 | 支出总计 3,967.09”。
    正例
        “收入总计 3,956.08 | 支出总计 3,956.08”。
    选项
        无（全局 tolerance 适用）。
    """

    code = "TC106"
    name = "side-by-side-balance"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        for ta in analysis.tables:
            sides = [b for b in ta.blocks if b.total_row is not None and b.columns]
            income = next((b for b in sides if b.direction == "income"), None)
            spend = next((b for b in sides if b.direction == "expenditure"), None)
            if income is None or spend is None:
                continue
            rin, rout = row_by_index(ta, income.total_row), row_by_index(ta, spend.total_row)
            cin, cout = _main_column(ta, income), _main_column(ta, spend)
            a, b = cell_number(rin, cin), cell_number(rout, cout)
            check = check_sum(a, [b], tol)
            if check is None or check.status != MISMATCH:
                continue
            lin, lout = row_label(ta, income, rin), row_label(ta, spend, rout)
            msg = (f"{ta.table.name}：{lin} {check.total_text()} 与 {lout} "
                   f"{b if b is not None else '空（按 0 计）'} 不相等（相差 {abs(check.difference)}，"
                   f"超出四舍五入误差范围），收支应平衡")
            related = [cell_related(ta, rin, cin, lin), cell_related(ta, rout, cout, lout)]
            yield self.diagnostic(ctx, msg, cell_location(ta.table, rout, cout), cell_text(rout, cout) or lout,
                                  related, suggestion="核对收入总计与支出总计", key=f"{ta.table.id}|balance")


def _main_column(ta, block) -> int:
    for c in block.columns:
        if ta.column_measure.get(c) == "total":
            return c
    return block.columns[0]
