"""TC101 row-sum-mismatch: a total column is not the sum of its part columns within a row."""
from __future__ import annotations

from textcheck.rulekit.arithmetic import EXACT, ROUNDING, cell_number, cell_text, check_sum, sum_status
from textcheck.rulekit.evidence import cell_location, cell_related, figure
from textcheck.rulekit.sums import SumRule
from textcheck.rulekit.wording import mismatch_text, names, row_label, support_text


class RowSumMismatch(SumRule):
    """合计栏不等于同一行各组成栏之和（超出四舍五入误差）。

    检查什么
        表内每一行中，合计/小计栏是否等于其组成栏之和：合计 = 基本支出 + 项目支出；
        财政拨款（补助）小计 = 一般公共预算 + 上级转移支付 + …。组成栏来自栏次行的公式
        （“1=2+3”）、表头层级（跨多栏的表头下第一栏为合计/小计），或列概念词表
        （lexicons/columns.yml）。
    为什么
        一行内合计与分项不符，说明录入或转换有误，读者无法判断哪一个数字正确。
    反例
        “科技条件与服务  948.53  773.32  176.21”：773.32 + 176.21 = 949.53 ≠ 948.53。
    正例
        “科学技术管理事务  659.62  649.32  10.29”：649.32 + 10.29 = 659.61，与 659.62 的差
        在四舍五入误差内（各数 ±0.005），不报错。
    选项
        report-rounding（默认 false）：为 true 时，四舍五入范围内但不完全相等的情况报 info。
        全局 tolerance：在舍入区间之外再放宽的绝对误差（表格单位）。
    """

    code = "TC101"
    name = "row-sum-mismatch"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        for table, reason in analysis.failures:  # fault isolation: say which table went unchecked
            yield self.diagnostic(ctx, f"{table.name}无法分析（{reason}），已跳过该表的加总检查", table.location,
                                  table.name, [], severity="info", key=f"{table.id}|failed")
        rounding = bool(ctx.config.options(self.code).get("report-rounding", False))
        for ta in analysis.tables:
            table = ta.table
            for block in ta.blocks:
                for cs in block.column_sums:
                    if not cs.confirmed:
                        continue  # a relation the table does not confirm judges nothing
                    # the columns' numbers as the analysis read them (cell_number of each cell)
                    totals, columns = ta.column_numbers(cs.total), [ta.column_numbers(p) for p in cs.parts]
                    for i, row in enumerate(table.rows):
                        total, parts = totals[i], [column[i] for column in columns]
                        status = sum_status(total, parts, tol)  # the SumCheck only for a finding
                        if status is None or status == EXACT or status == ROUNDING and not rounding:
                            continue
                        check = check_sum(total, parts, tol)
                        label = row_label(ta, block, row)
                        total_name = ta.column_name(cs.total)
                        part_names = names([ta.column_name(p) for p in cs.parts])
                        related = [cell_related(ta, row, cs.total, label)]
                        related += [cell_related(ta, row, p, label) for p in cs.parts
                                    if cell_number(row, p) is not None]
                        related.append(figure(check.expression(), str(check.sum_value), table.id))
                        loc = cell_location(table, row, cs.total)
                        if check.status == ROUNDING:
                            msg = (f"{table.name}“{label}”行：{total_name} {check.total_text()} 与 {part_names} "
                                   f"之和 {check.expression()} 相差 {abs(check.difference)}，在四舍五入误差范围内")
                            yield self.diagnostic(ctx, msg, loc, cell_text(row, cs.total), related,
                                                  severity="info", key=f"{table.id}|{label}|{cs.total}")
                            continue
                        msg = (f"{table.name}“{label}”行：{total_name}与{part_names}之和不符："
                               f"{mismatch_text(check)}；{support_text(cs)}")
                        yield self.diagnostic(
                            ctx, msg, loc, cell_text(row, cs.total) or label, related,
                            suggestion=f"核对“{label}”行的{total_name}及其组成栏，使 {total_name} = {part_names}",
                            key=f"{table.id}|{label}|{cs.total}")
