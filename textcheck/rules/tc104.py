"""TC104 part-exceeds-whole: "其中" rows add up to more than the row they belong to."""
from __future__ import annotations

from decimal import Decimal

from textcheck.numbers import Interval, format_decimal
from textcheck.rulekit.arithmetic import cell_number, cell_text, exceeds
from textcheck.rulekit.evidence import cell_location, cell_related, figure, row_by_index
from textcheck.rulekit.sums import SumRule
from textcheck.rulekit.wording import names, row_label


class PartExceedsWhole(SumRule):
    """“其中”各项之和大于其所属的上一行（超出四舍五入误差）。

    检查什么
        “其中：”行（以及紧随其后、未编号的并列行）是上一行的组成部分，它们之和不能
        超过上一行；编号行下未编号的明细行同样按“其中”处理。每一栏分别检查。
    为什么
        部分大于整体在算术上不可能，说明数字录错或错位。“其中”不一定列全，所以只
        检查“不超过”，不要求相等。
    反例
        “1. 一般公共预算拨款 3,956.08”，“其中：一般财力 3,991.89”，“上级一般公共预算
        安排转移支付 54.19”：3,991.89 + 54.19 = 4,046.08 > 3,956.08。
    正例
        “公务用车购置及运行费（小计）10.80”，“其中：公务用车购置费”空，“公务用车运行费
        10.80”：0 + 10.80 ≤ 10.80。
    选项
        无（全局 tolerance 适用）。
    """

    code = "TC104"
    name = "part-exceeds-whole"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        for ta in analysis.tables:
            table = ta.table
            for block in ta.blocks:
                for ps in block.part_sets:
                    whole_row = row_by_index(ta, ps.whole)
                    part_rows = [row_by_index(ta, i) for i in ps.parts]
                    label = row_label(ta, block, whole_row)
                    for col in block.columns:
                        whole = cell_number(whole_row, col)
                        parts = [(r, cell_number(r, col)) for r in part_rows]
                        present = [(r, n) for r, n in parts if n is not None]
                        if not present:
                            continue
                        s = Interval.exact(Decimal(0))
                        for _, n in present:
                            s = s + n.interval
                        w = whole.interval if whole is not None else Interval.exact(Decimal(0))
                        if not exceeds(s, w, tol):
                            continue
                        total = sum((n.value for _, n in present), Decimal(0))
                        decimals = max(n.decimals for _, n in present)
                        whole_text = str(whole) if whole is not None else "空（按 0 计）"
                        expr = " + ".join(str(n) for _, n in present)
                        column = ta.column_name(col)
                        part_labels = [row_label(ta, block, r) for r, _ in present]
                        msg = (f"{table.name}“{column}”栏：“其中”各项（{names(part_labels)}）"
                               f"之和 {expr} = {format_decimal(total, decimals)}，大于所属的“{label}”"
                               f"{whole_text}，部分不能超过整体")
                        related = [cell_related(ta, whole_row, col, label)]
                        related += [cell_related(ta, r, col, lab) for (r, _), lab in zip(present, part_labels)]
                        related.append(figure(f"{expr} = {format_decimal(total, decimals)}", str(total), table.id))
                        first = present[0][0] if len(present) == 1 else whole_row
                        loc = cell_location(table, first, col)
                        yield self.diagnostic(
                            ctx, msg, loc, cell_text(first, col) or label, related,
                            suggestion=f"核对“{label}”及其“其中”各项在“{column}”栏的数值",
                            key=f"{table.id}|{label}|{column}")
