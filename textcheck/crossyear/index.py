"""Last year's cells by concept, and how a cell of this year finds its counterpart there."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck.crossyear.keys import (
    _bare, _year, column_key, empty_amount, row_key, row_keys, row_name, table_role, value_columns, value_of)
from textcheck.document import Document, Row, Table
from textcheck.numbers import Interval, Number


@dataclass(frozen=True)
class CellAt:
    """One cell of one document, with the names a message needs."""

    document: Document
    table: Table
    row: Row
    col: int
    number: Number  # in the table's unit
    row_label: str
    column_label: str

    @property
    def unit(self) -> str | None:
        return self.number.unit or self.table.unit

    def interval_in(self, unit: str | None) -> Interval:
        n = self.number if self.number.unit else Number(self.number.value, self.number.decimals, self.table.unit)
        return n.interval_in(unit) if unit else n.interval


@dataclass(frozen=True)
class Match:
    """A cell of this year's model and the cell of last year's that holds the same concept."""

    last: CellAt
    sure: bool  # same code and name / same total or named row: may prove an error
    note: str | None = None  # why not sure (renamed, moved)


@dataclass
class _Index:
    """Every value cell of a document by (role, row key, column key)."""

    document: Document
    year: int | None
    cells: dict[tuple, list[CellAt]] = field(default_factory=dict)
    by_label: dict[tuple, list[tuple[tuple, CellAt]]] = field(default_factory=dict)
    # every cell by row code or row name, whatever its table and column (the other fund
    # scopes a claim that names no fund may mean)
    names: dict[tuple, list[CellAt]] = field(default_factory=dict)
    # empty value cells ("", "-") by (role, row key, column key): the 0 a "0 万元" claim restates
    empty: dict[tuple, list[CellAt]] = field(default_factory=dict)
    rows: set[tuple] = field(default_factory=set)  # (role, row key) of every row with a value


def build_index(document: Document, analysis) -> _Index:
    year = _year(document)
    index = _Index(document, year)
    for ta in analysis.tables:
        role = table_role(ta, year)
        if role is None or ta.table.kind != "standard":
            continue
        keys, valued = row_keys(ta), value_columns(ta)
        for row in ta.table.rows:
            for c in row.cells:
                found = row_key(ta, keys, row, c.col)
                ck = column_key(ta, c.col, year)
                n = value_of(row, c.col)
                if found is None or ck is None:
                    continue
                rk, label = found
                if n is None:
                    zero = empty_amount(row, c.col) if c.col in valued else None
                    if zero is not None:
                        index.empty.setdefault((role, rk, ck), []).append(
                            CellAt(document, ta.table, row, c.col, zero, row_name(rk, label), ta.column_name(c.col)))
                    continue
                index.rows.add((role, rk))
                cell = CellAt(document, ta.table, row, c.col, n, row_name(rk, label), ta.column_name(c.col))
                index.cells.setdefault((role, rk, ck), []).append(cell)
                if rk[0] != "label":
                    index.names.setdefault(rk, []).append(cell)
                if _bare(label):
                    index.names.setdefault(("label", _bare(label)), []).append(cell)
                    if rk[0] == "code":
                        index.by_label.setdefault((role, _bare(label), ck), []).append((rk, cell))
    return index


def _alternatives(index: _Index, rk: tuple, label: str) -> list[CellAt]:
    found = list(index.names.get(rk, [])) if rk[0] in ("code", "label") else []
    if _bare(label):
        found += index.names.get(("label", _bare(label)), [])
    return found


def _agreeing(cells: list[CellAt]) -> CellAt | None:
    """The one value several equal-concept cells hold (the same figure in two tables), else None."""
    first = cells[0]
    unit = first.unit
    if all(c.interval_in(unit).overlaps(first.interval_in(unit)) for c in cells[1:]):
        return first
    return None


def find(index: _Index, role: tuple, rk: tuple, cks: list[tuple], label: str) -> Match | None:
    """Last year's cell of this concept (the first column key that finds one), and how sure
    the match is."""
    cells = None
    for ck in cks:
        cells = index.cells.get((role, rk, ck))
        if cells:
            break
    if cells:
        last = _agreeing(cells)
        if last is None:
            return None
        if rk[0] == "code" and label and _bare(last.row_label) != _bare(label):
            return Match(last, False, f"科目编码 {rk[1]} 上年名称为“{last.row_label}”，本年为“{label}”，"
                                      "可能是科目调整")
        return Match(last, True)
    if rk[0] == "code" and _bare(label):  # the name under another code: moved
        moved = next((index.by_label[(role, _bare(label), ck)] for ck in cks
                      if (role, _bare(label), ck) in index.by_label), None)
        if moved and len(moved) == 1:
            old, last = moved[0]
            return Match(last, False, f"“{label}”上年科目编码为 {old[1]}，本年为 {rk[1]}，可能是科目调整")
    return None


def find_empty(index: _Index, role: tuple, rk: tuple, cks: list[tuple]) -> Match | None:
    """Last year's empty cell (0) of this concept: what a "0 万元，与上年一致" is compared with."""
    for ck in cks:
        cells = index.empty.get((role, rk, ck))
        if cells:
            return Match(cells[0], rk[0] != "label")
    return None


def absent_code(index: _Index, role: tuple, rk: tuple) -> bool:
    """Last year has a table of this role but no row of this classification code in it."""
    return rk[0] == "code" and any(r == role for r, _ in index.rows) and (role, rk) not in index.rows
