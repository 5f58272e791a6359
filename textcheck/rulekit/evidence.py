"""Evidence the rules attach to a finding (``Diagnostic.related``): cells, computed figures,
performance-table cells — each named the way messages name them."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textcheck.document import LocatedText, Row, Table
from textcheck.linking import cell_label
from textcheck.report.diagnostic import Related

if TYPE_CHECKING:
    from textcheck.claim import CellRef


def cell_related(ta, row: Row, col: int, row_label: str | None = None) -> Related:
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


def row_by_index(ta, index: int) -> Row:
    return ta.table.rows[index] if ta.table.rows[index].index == index else \
        next(r for r in ta.table.rows if r.index == index)


def figure(text: str, value: str | None = None, table: str | None = None) -> Related:
    """A computed figure (the sum) as evidence."""
    return Related(kind="figure", text=text, value=value, table=table)


def related_cell(cell: CellRef):
    """Evidence for one candidate cell, naming the row by the cell's own label."""
    r = Related.cell(cell.table, cell.row, cell.col)
    return replace(r, row=cell_label(cell), value=str(cell.value.value) if cell.value.text else "0")


def cell_evidence(pt, text: LocatedText, column: str, row: str = "") -> Related:
    """A ``related`` entry pointing at one cell of a 绩效目标表."""
    loc = text.location
    return Related(kind="table-cell", text=text.text, line=loc.line, source_column=loc.column,
                   table=pt.table.id, row=row or (pt.project.text if pt.project is not None else ""),
                   column_label=column, page=loc.page, ref=loc.ref)
