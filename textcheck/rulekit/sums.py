"""What the table-arithmetic rules (TC101–TC106) share: the analysis entry point and row sums."""
from __future__ import annotations

from textcheck.rulekit.arithmetic import EXACT, ROUNDING, cell_number, cell_text, check_sum, sum_status
from textcheck.rulekit.evidence import cell_location, cell_related, figure, row_by_index
from textcheck.rulekit.wording import mismatch_text, names, row_label, support_text
from textcheck.rules.base import Rule

KIND_WORDS = {"grand-total": "下一级各行", "code": "下级科目", "numbered": "下级各项", "group": "该组各行"}


class SumRule(Rule):
    """A rule over ``ctx.tables``: ``check_analysis`` runs only when there are tables to analyse."""

    def check(self, ctx):
        analysis = ctx.tables
        if analysis:
            yield from self.check_analysis(ctx, analysis, ctx.config.tolerance)

    def check_analysis(self, ctx, analysis, tol):
        raise NotImplementedError


def check_row_sums(rule, ctx, analysis, tol, kinds):
    """Total rows against the rows they add up (TC102: grand totals; TC103: hierarchy, groups)."""
    rounding = bool(ctx.config.options(rule.code).get("report-rounding", False))
    for ta in analysis.tables:
        table = ta.table
        for block in ta.blocks:
            columns = None
            for rs in block.row_sums:
                if rs.kind not in kinds or not rs.confirmed:
                    continue  # a relation the table does not confirm judges nothing
                if columns is None:  # the block's columns of numbers, as the analysis read them
                    columns = [(col, ta.column_numbers(col)) for col in block.columns]
                t, ps = ta.position(rs.total), [ta.position(i) for i in rs.parts]
                total_row = label = None  # named for a finding only
                for col, numbers in columns:
                    total, parts = numbers[t], [numbers[i] for i in ps]  # cell_number of each row
                    status = sum_status(total, parts, tol)  # the SumCheck only for a finding
                    if status is None or status == EXACT or status == ROUNDING and not rounding:
                        continue
                    if total_row is None:
                        total_row = row_by_index(ta, rs.total)
                        part_rows = [row_by_index(ta, i) for i in rs.parts]
                        label = row_label(ta, block, total_row)
                        part_labels = [row_label(ta, block, r) for r in part_rows]
                    check = check_sum(total, parts, tol)
                    column = ta.column_name(col)
                    related = [cell_related(ta, total_row, col, label)]
                    related += [cell_related(ta, r, col, lab) for r, lab in zip(part_rows, part_labels)
                                if cell_number(r, col) is not None]
                    related.append(figure(check.expression(), str(check.sum_value), table.id))
                    loc = cell_location(table, total_row, col)
                    key = f"{table.id}|{label}|{column}|{rs.kind}"
                    if check.status == ROUNDING:
                        msg = (f"{table.name}“{column}”栏：“{label}”{check.total_text()} 与"
                               f"{KIND_WORDS[rs.kind]}之和 {check.expression()} 相差 {abs(check.difference)}，"
                               f"在四舍五入误差范围内")
                        yield rule.diagnostic(ctx, msg, loc, cell_text(total_row, col), related,
                                              severity="info", key=key)
                        continue
                    msg = (f"{table.name}“{column}”栏：“{label}”与{KIND_WORDS[rs.kind]}"
                           f"（{names(part_labels)}）之和不符：{mismatch_text(check)}；{support_text(rs)}")
                    yield rule.diagnostic(
                        ctx, msg, loc, cell_text(total_row, col) or label, related,
                        suggestion=f"核对“{label}”及其{KIND_WORDS[rs.kind]}在“{column}”栏的数值", key=key)
