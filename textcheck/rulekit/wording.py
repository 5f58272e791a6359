"""How messages word what they name: stated numbers as printed, cells, rows, lists of
items, a sum that does not add up and why the table's relation holds."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from textcheck.linking import cell_label, table_unit
from textcheck.numbers import Number, format_decimal
from textcheck.tables import ColumnSum

if TYPE_CHECKING:
    from textcheck.claim import CellRef


def shown(number: Number) -> str:
    """A stated number as printed, without its unit ("1,405.00")."""
    return format_decimal(number.value, number.decimals)


def cell_phrase(cell: CellRef) -> str:
    """How a message names a cell: 表 3 部门支出总体情况表“总计”行“基本支出”列 1,422.65 万元."""
    col = cell.table.column(cell.col)
    col_label = (col.label if col else "") or f"第 {cell.col + 1} 列"
    row_label = cell_label(cell)
    unit = table_unit(cell)
    shown = cell.value.text or "空"
    if not cell.value.text:
        shown = "空（0）"
    return f"{cell.table.name}“{row_label}”行“{col_label}”列 {shown}{'' if shown.startswith('空') else ' ' + unit}"


def row_label(ta, block, row) -> str:
    """How messages name a row: its label, or its code, or its position."""
    return block.labels.get(row.index) or row.label or block.codes.get(row.index) or f"第 {row.index + 1} 行"


def names(items: Sequence[str], limit: int = 4) -> str:
    """"基本支出 + 项目支出" or "行政运行 + … 等 7 项"."""
    items = [i for i in items if i]
    if len(items) <= limit:
        return " + ".join(items)
    return " + ".join(items[:limit - 1]) + f" + … 等 {len(items)} 项"


_KIND_RELATION = {"grand-total": "总计 = Σ下一级各行", "code": "上级科目 = Σ下级科目",
                  "numbered": "一级项目 = Σ其下各项", "group": "分组行 = Σ该组各行"}


def support_text(relation) -> str:
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


def empty_note(check) -> str:
    return "（空单元格按 0 计）" if check.empty_counted else ""


def mismatch_text(check) -> str:
    """"773.32 + 175.21 = 948.53 ≠ 949.53（相差 1.00，超出四舍五入误差范围）"."""
    diff = abs(check.difference)
    return (f"{check.expression()} ≠ {check.total_text()}"
            f"（相差 {format_decimal(diff, check.sum_decimals)}，超出四舍五入误差范围）{empty_note(check)}")
