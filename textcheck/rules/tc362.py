"""TC362 previous-column-mismatch: a table's 上年 column disagrees with last year's disclosure."""
from __future__ import annotations

from textcheck.crossyear.evidence import (cell_name, column_disagreements, document_name, last_year_related, pair_key,
                                          this_year_related)
from textcheck.rules.base import Rule


class PreviousColumnMismatch(Rule):
    """本年表格的“上年预算数”栏与上年公开文件同一表、同一科目的本年预算数不一致。

    检查什么
        有上年同一部门的公开文件时，本年表格中标明上年的预算栏（“上年预算数”“2025年预算数”，
        不含“上年结转结余”）的每个数，与上年公开文件中同口径表格（按表的口径）、同一科目编码
        （或合计行、同名行）的本年预算栏比较，按四舍五入区间计算。
    为什么
        上年栏是抄来的，抄错行、抄了调整预算或执行数，读者看到的增减就全错了。
    反例
        2026 年“一般公共预算支出情况表”中“行政运行”的“2025年预算数”为 1,234.00，
        2025 年公开的同表该科目为 1,243.00。
    正例
        两者一致（或差额在四舍五入范围内）。科目编码相同而名称改了、或同名科目换了编码时
        最多报警告，并说明可能是科目调整。
    选项
        无
    """

    code = "TC362"
    name = "previous-column-mismatch"
    category = "sum"
    severity = "error"

    def check(self, ctx):
        model = ctx.crossyear
        if model is None:
            return
        last_name = document_name(model.previous)
        for pair, cell, last, c, note in column_disagreements(model.columns):
            message = (f"{cell_name(cell)} {cell.number} 与上年公开文件 "
                       f"{last_name} {cell_name(last)} {last.number} 不一致"
                       f"{note}")
            yield self.diagnostic(
                ctx, message, c.location, c.text.text,
                related=[this_year_related(cell), last_year_related(last)],
                suggestion=f"核对上年栏：上年公开数为 {last.number}",
                severity="error" if pair.match.sure else "warning",
                key=pair_key(cell, last))
