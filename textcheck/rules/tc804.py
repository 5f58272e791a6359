"""TC804 inconsistent-decimals: a money-table column mixes numbers of different precision."""
from __future__ import annotations

from collections import Counter

from textcheck.layout_facts import is_code_or_count_column
from textcheck.numbers import MONEY_UNITS
from textcheck.performance import is_performance_table
from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule

MIN_CELLS = 3


class InconsistentDecimals(Rule):
    """金额表同一列中数字的小数位数不一致（多数为两位小数，个别写成整数或一位小数）。

    检查什么
        单位为元/万元/亿元的表格中，每一金额列（编码、序号、人数列除外）至少 3 个数字时，取
        出现最多的小数位数（须至少 1 位），对位数不同的单元格逐个提示。
    为什么
        同列精度不一致通常是手工改数或从别处粘贴所致，也会让合计核对的舍入区间不同。
    反例
        同一列：1,422.65 / 649.32 / 21 （“21”应为 21.00）
    正例
        同一列：1,422.65 / 649.32 / 21.00
    选项
        无
    """

    code = "TC804"
    name = "inconsistent-decimals"
    category = "format"
    severity = "info"

    def check(self, ctx):
        for table in ctx.document.tables:
            if is_performance_table(table) or table.unit not in MONEY_UNITS:
                continue
            by_col: dict[int, list] = {}
            for row in table.rows:
                # one pass over the row: a cell with a number is no "※", so only the others are
                # asked whether the row is the column-number row
                found = []
                for c in row.cells:
                    v = c.value
                    if v is not None:
                        if v.unit != "%":
                            found.append(c)
                    elif "※" in (t := c.text.text) and t.strip() == "※":
                        break  # the column-number row (a text without the mark is not stripped)
                else:
                    for c in found:
                        by_col.setdefault(c.col, []).append((row, c))
            for col, cells in by_col.items():
                column = table.column(col)
                if column is not None and is_code_or_count_column(column.label):
                    continue
                if len(cells) < MIN_CELLS:
                    continue
                first = cells[0][1].value.decimals
                if all(c.value.decimals == first for _, c in cells):
                    continue  # one precision (most columns): no cell differs from the usual one
                counts = Counter(c.value.decimals for _, c in cells)
                usual, n = counts.most_common(1)[0]
                if usual == 0 or n * 2 <= len(cells):
                    continue
                for row, c in cells:
                    if c.value.decimals == usual:
                        continue
                    yield self.diagnostic(
                        ctx,
                        f"{table.name}“{column.label if column else col}”列中“{c.text.text}”为 {c.value.decimals} 位小数，"
                        f"该列其余 {n} 个数字均为 {usual} 位小数",
                        c.location, c.text.text, related=[Related.cell(table, row, col)],
                        suggestion=f"统一保留 {usual} 位小数", key=f"{table.id}|{col}|{row.index}")
