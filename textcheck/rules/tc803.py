"""TC803 misplaced-thousands-separator: a number whose thousands separators are in the wrong place ("3,9561.08")."""
from __future__ import annotations

from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule


class MisplacedThousandsSeparator(Rule):
    """数字的千分位逗号位置错误（“3,9561.08”“39,56.08”“1234,567”）。

    检查什么
        表格单元格和正文段落中的数字：逗号后不是恰好三位数字，或逗号前的整数段超过三位。
    为什么
        位置错误的千分位说明数字被手工改过或拼接时丢了位，读者无法确定是 3,956.08 还是
        39,561.08。
    反例
        收入总计 3,9561.08
    正例
        收入总计 3,956.08
    选项
        无
    """

    code = "TC803"
    name = "misplaced-thousands-separator"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        for where, table, holder, m in ctx.layout.bad_thousands:
            if where == "cell":
                cell = holder
                label = f"{table.name}单元格"
                related = [Related.cell(table, r, cell.col) for r in table.rows if r.index == cell.row][:1]
            else:
                label = "正文"
                related = []
            yield self.diagnostic(
                ctx, f"{label}中的数字“{m.value}”千分位逗号位置错误（逗号之间应恰好三位数字）",
                m.location, m.value, related=related,
                suggestion="按三位一组重新书写，并核对数值", key=f"{label}|{m.value}")
