"""Facts of the tables' cells that several analyses read, found in one pass over every cell.

Four analyses used to scan every cell of every table on their own: the performance grid
(``performance._grid``: each row's first source line, to put the rows in source order), the
layout's table spans (``layout_numbering.table_row_spans``: TC807 skips those lines, TC903
looks for a note under a table), the thousands-separator check (``layout_format.
bad_thousands``: the cells holding a ",") and the carry-over identity of a final account
(``final_accounts``: the cells holding 结 or 本年, which every label of it holds).  Reading a
cell's text and positions is most of what each scan cost (thousands of cells, out of the
processor's caches again by the time each scan came), so they are read once here, per table,
and each analysis reads the fact it needs (``Context.table_cells``; a ``Layout``,
``parse_performance_tables`` or ``final_account_facts`` given no facts finds them itself).
"""
from __future__ import annotations

from dataclasses import dataclass

from textcheck.document import Cell, Document, Row, Table


@dataclass(frozen=True, slots=True)
class TableCells:
    """The cell facts of one table."""

    header_first: tuple[int, ...]  # each header row's first source line (0: no cell located)
    row_first: tuple[int, ...]  # each body row's first source line (0: no cell located)
    span: tuple[int, int] | None  # (first, last) source line of the body rows' cells (None: none located)
    commas: tuple[Cell, ...]  # the cells holding a ",", header rows first, in reading order
    # (row, cell) of the body cells holding 结 or 本年 (final_accounts._role's cells), in reading order
    carry_labels: tuple[tuple[Row, Cell], ...] = ()
    # which of the first LIST_HEAD_ROWS rows (header rows, then body rows) hold a cell with a
    # "名": families.listed_tables looks for a list's head (报表名称 | 表格名称 | 表名) in them only
    list_heads: tuple[int, ...] = ()


# How many leading rows (header rows first) may hold the head of a list of tables (families.listed_tables).
LIST_HEAD_ROWS = 4


def table_cells(table: Table) -> TableCells:
    """The cell facts of ``table``, in one pass over its cells (one loop, no call per row or
    cell: this runs for every cell of the document)."""
    commas: list[Cell] = []
    labels: list[tuple[Row, Cell]] = []
    heads: list[int] = []
    header_first = []
    for i, row in enumerate(table.header):
        first = None
        for c in row:
            t = c.text
            p = t.positions
            if p:  # a cell without positions holds no text, so no ","
                a = p[0][0]
                if first is None or a < first:
                    first = a
                if "," in t.text:
                    commas.append(c)
        header_first.append(0 if first is None else first)
        if i < LIST_HEAD_ROWS and any("名" in c.text.text for c in row):
            heads.append(i)
    for i, r in enumerate(table.rows[:max(0, LIST_HEAD_ROWS - len(table.header))], len(table.header)):
        if any("名" in c.text.text for c in r.cells):
            heads.append(i)
    row_first = []
    low = high = None  # the body's span
    for r in table.rows:
        first = last = None
        for c in r.cells:
            t = c.text
            p = t.positions
            if p:
                a, b = p[0][0], p[-1][0]
                if first is None:
                    first, last = a, b
                else:
                    if a < first:
                        first = a
                    if b > last:
                        last = b
                s = t.text
                if "," in s:
                    commas.append(c)
                if "结" in s or "本年" in s:
                    labels.append((r, c))
        if first is None:
            row_first.append(0)
            continue
        row_first.append(first)
        if low is None:
            low, high = first, last
        else:
            if first < low:
                low = first
            if last > high:
                high = last
    return TableCells(tuple(header_first), tuple(row_first), (low, high) if low is not None else None, tuple(commas),
                      tuple(labels), tuple(heads))


def document_cells(document: Document) -> tuple[TableCells, ...]:
    """``table_cells`` of each table of the document, in the order of ``document.tables``."""
    return tuple([table_cells(t) for t in document.tables])
