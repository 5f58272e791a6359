"""Evidence and wording shared by the sum rules: a cell as Related evidence, how a row is named,
why a relation is the table's ("本表适用此关系的 23 处中 22 处相符") and the mismatch arithmetic."""
from __future__ import annotations

from typing import Sequence

from textcheck.arithmetic import SumCheck
from textcheck.document import Row, Table
from textcheck.numbers import format_decimal
from textcheck.report.diagnostic import Related
from textcheck.table_model import BlockAnalysis, ColumnSum, RowSum, TableAnalysis


def cell_related(ta: TableAnalysis, row: Row, col: int, row_label: str | None = None) -> Related:
    """Related.cell with the block's row label and the analysed column name."""
    r = Related.cell(ta.table, row, col)
    return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=r.table,
                   row=row_label or r.row, column_label=ta.column_name(col), page=r.page, ref=r.ref)


def cell_location(table: Table, row: Row, col: int):
    c = row.cell(col)
    if c is not None and c.text.positions:
        return c.location
    for c in row.cells:
        if c.text.positions:
            loc = c.location
            return loc
    return table.location


def row_label(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> str:
    """How messages name a row: its label, or its code, or its position."""
    return block.labels.get(row.index) or row.label or block.codes.get(row.index) or f"第 {row.index + 1} 行"


def row_by_index(ta: TableAnalysis, index: int) -> Row:
    return ta.table.rows[index] if ta.table.rows[index].index == index else \
        next(r for r in ta.table.rows if r.index == index)


def figure(text: str, value: str | None = None, table: str | None = None) -> Related:
    """A computed figure (the sum) as evidence."""
    return Related(kind="figure", text=text, value=value, table=table)


def names(items: Sequence[str], limit: int = 4) -> str:
    """"基本支出 + 项目支出" or "行政运行 + … 等 7 项"."""
    items = [i for i in items if i]
    if len(items) <= limit:
        return " + ".join(items)
    return " + ".join(items[:limit - 1]) + f" + … 等 {len(items)} 项"


_KIND_RELATION = {"grand-total": "总计 = Σ下一级各行", "code": "上级科目 = Σ下级科目",
                  "numbered": "一级项目 = Σ其下各项", "group": "分组行 = Σ该组各行"}


def support_text(relation: ColumnSum | RowSum) -> str:
    """Why the relation is the table's: "本表适用此关系的 23 处中 22 处相符（上级科目 = Σ下级科目）"."""
    if isinstance(relation, ColumnSum):
        if relation.source == "formula" and not (relation.support and relation.support.confirmed):
            return "栏次行写明了此栏间关系"
        return relation.support.describe("同一行中合计栏 = Σ组成栏")
    what = _KIND_RELATION.get(relation.kind, "合计 = Σ各项")
    if relation.support and relation.support.confirmed:
        return relation.support.describe(what)
    if relation.kind == "code" and relation.support:
        return (f"科目编码表明{what}；本表此关系适用的 {relation.support.applies} 处中 "
                f"{relation.support.holds} 处相符")
    return f"同一组行在本行其他 {relation.own.holds} 栏中相符（{what}）"


def empty_note(check: SumCheck) -> str:
    return "（空单元格按 0 计）" if check.empty_counted else ""


def mismatch_text(check: SumCheck) -> str:
    """"773.32 + 175.21 = 948.53 ≠ 949.53（相差 1.00，超出四舍五入误差范围）"."""
    diff = abs(check.difference)
    return (f"{check.expression()} ≠ {check.total_text()}"
            f"（相差 {format_decimal(diff, check.sum_decimals)}，超出四舍五入误差范围）{empty_note(check)}")
