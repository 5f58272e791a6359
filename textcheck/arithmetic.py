"""Interval arithmetic on table cells: is a stated total the sum of its parts?

A value printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a sum is wrong only
when the interval of Σparts and the interval of the total do not overlap.  Used by the table
analysis (``tables``), its verification (``verification``) and the sum rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple, Sequence

from textcheck import patterns
from textcheck.document import Cell, Row
from textcheck.numbers import Interval, Number, format_decimal, half_ulp, parse_number

EXACT, ROUNDING, MISMATCH = "exact", "rounding", "mismatch"


@dataclass(frozen=True)
class SumCheck:
    """Outcome of comparing a stated total with the sum of its parts."""

    status: str
    total: Number | None
    parts: tuple[Number | None, ...]
    sum_value: Decimal
    sum_decimals: int
    sum_interval: Interval
    total_interval: Interval
    empty_counted: bool  # some empty cell was counted as 0

    @property
    def difference(self) -> Decimal:
        return (self.total.value if self.total else Decimal(0)) - self.sum_value

    def expression(self) -> str:
        """"649.32 + 10.29 = 659.61" (non-empty parts only)."""
        shown = [str(p) for p in self.parts if p is not None]
        if not shown:
            shown = ["0"]
        return f"{' + '.join(shown)} = {format_decimal(self.sum_value, self.sum_decimals)}"

    def total_text(self) -> str:
        return str(self.total) if self.total is not None else "空（按 0 计）"


def _interval(n: Number | None) -> Interval:
    return n.interval if n is not None else Interval.exact(Decimal(0))


def check_sum(total: Number | None, parts: Sequence[Number | None],
              tolerance: Decimal = Decimal(0)) -> SumCheck | None:
    """Compare ``total`` with Σ``parts`` on rounding intervals.

    Empty cells (None) count as 0, but only when something in the relation
    has a value; returns None when every cell is empty.
    """
    if total is None and all(p is None for p in parts):
        return None
    # Σ of the parts' intervals, bound by bound: the additions Interval.__add__ makes, in the
    # same order, without an Interval per part (a check makes thousands of these sums)
    zero = Decimal(0)
    lo = hi = value = zero
    decimals = 0
    for p in parts:
        if p is None:
            lo, hi = lo + zero, hi + zero
        else:
            v, h = p.value, half_ulp(p.decimals)
            lo, hi = lo + (v - h), hi + (v + h)
            value += v
            decimals = max(decimals, p.decimals)
    s = Interval(lo, hi)
    t = _interval(total)
    if total is not None:
        decimals = max(decimals, total.decimals)
    widened = Interval(t.lo - tolerance, t.hi + tolerance)
    if total is not None and value == total.value or total is None and value == 0:
        status = EXACT
    elif widened.overlaps(s):
        status = ROUNDING
    else:
        status = MISMATCH
    empty = total is None or any(p is None for p in parts)
    return SumCheck(status, total, tuple(parts), value, decimals, s, t, empty)


def sum_status(total: Number | None, parts: Sequence[Number | None],
                tolerance: Decimal = Decimal(0)) -> str | None:
    """``check_sum(total, parts, tolerance).status`` (None where it returns None), without
    building the SumCheck: the sum rules ask it of every row and column of a confirmed
    relation, and build the SumCheck only for the few that are not exact."""
    value = _ZERO
    empty = total is None
    for p in parts:
        if p is not None:
            value += p.value
            empty = False
    if empty:
        return None
    if value == (total.value if total is not None else 0):
        return EXACT
    lo = hi = _ZERO
    for p in parts:
        if p is not None:
            v, h = p.value, half_ulp(p.decimals)
            lo, hi = lo + (v - h), hi + (v + h)
    t = total.interval if total is not None else Interval.exact(_ZERO)
    return ROUNDING if Interval(t.lo - tolerance, t.hi + tolerance).overlaps(Interval(lo, hi)) else MISMATCH


class Checked(NamedTuple):
    """What the verification reads of a sum check (``SumCheck``'s status, total and parts)."""

    status: str
    total: Number | None
    parts: tuple[Number | None, ...]


def checked(total: Number | None, parts: Sequence[Number | None]) -> Checked | None:
    """``check_sum(total, parts)`` as a ``Checked`` (None where it returns None): the table
    verification checks every column of every proposed row relation and reads only these."""
    status = sum_status(total, parts)
    return None if status is None else Checked(status, total, tuple(parts))


def sum_holds(total: Number | None, parts: Sequence[Number | None]) -> bool:
    """``check_sum(total, parts)`` holds (exact or within rounding, no tolerance), without
    building the SumCheck: the verification asks only this, thousands of times per document.
    An exact sum always overlaps, so this is the overlap of the two intervals."""
    lo = hi = _ZERO
    empty = total is None
    for p in parts:
        if p is not None:
            v, h = p.value, half_ulp(p.decimals)
            lo, hi = lo + (v - h), hi + (v + h)
            empty = False
    if empty:
        return False  # check_sum returns None: every cell empty
    if total is None:
        return lo <= 0 <= hi
    h = half_ulp(total.decimals)
    return total.value - h <= hi and lo <= total.value + h


_ZERO = Decimal(0)


def exceeds(part: Interval, whole: Interval, tolerance: Decimal = Decimal(0)) -> bool:
    """True when the part is provably larger than the whole."""
    return part.lo > whole.hi + tolerance


def cell_number(row: Row, col: int) -> Number | None:
    """The number in a cell (readers parse it; parse here when they did not)."""
    return number_in(row.cell(col))


def number_in(c: Cell | None) -> Number | None:
    """``cell_number`` of the cell itself (None: no cell)."""
    if c is None:
        return None
    if c.value is not None:
        return c.value if c.value.unit != "%" else None
    text = c.text.text.strip()
    if not text or patterns.EMPTY_CELL.fullmatch(text):
        return None
    n = parse_number(text)
    return n if n is not None and n.unit != "%" else None


def cell_text(row: Row, col: int) -> str:
    c = row.cell(col)
    return c.text.text.strip() if c else ""


def text_in(c: Cell | None) -> str:
    """``cell_text`` of the cell itself (None: no cell)."""
    return c.text.text.strip() if c else ""


def column_cells(rows: Sequence[Row], width: int) -> dict[int, list[Cell | None]]:
    """Each column 0 … width-1 → its cell in each row (``row.cell(col)``, None where the row has
    none): a column read top to bottom without scanning every row for it."""
    out: dict[int, list[Cell | None]] = {c: [None] * len(rows) for c in range(width)}
    for i, row in enumerate(rows):
        for cell in row.cells:
            column = out.get(cell.col)
            if column is not None and column[i] is None:  # the first, as Row.cell finds it
                column[i] = cell
    return out


def cells_by_column(rows: Sequence[Row]) -> tuple[dict[int, list[Cell | None]], int]:
    """(``column_cells(rows, width)`` for the columns some cell names, the width they need:
    one more than the largest column, 0 without cells), in one pass over the cells: the table's
    width is not known before its cells are read."""
    out: dict[int, list[Cell | None]] = {}
    width = 0
    size = len(rows)
    for i, row in enumerate(rows):
        for cell in row.cells:
            col = cell.col
            column = out.get(col)
            if column is None:
                if col < 0:
                    continue  # no column: column_cells has none below 0
                column = out[col] = [None] * size
                if col >= width:
                    width = col + 1
            if column[i] is None:  # the first, as Row.cell finds it
                column[i] = cell
    return out, width


class ColumnNumbers:
    """Each column's numbers top to bottom (``[cell_number(r, col) for r in rows]``), each
    column read once per table however many relations and tests ask for it."""

    def __init__(self, rows: Sequence[Row], cells: dict[int, list[Cell | None]]):
        self._size = len(rows)
        self._cells = cells  # column_cells(rows, width)
        self._numbers: dict[int, list[Number | None]] = {}

    def column(self, col: int) -> list[Number | None]:
        numbers = self._numbers.get(col)
        if numbers is None:
            cells = self._cells.get(col)
            if cells is None:  # a column past every row's last cell is empty in every row
                numbers = [None] * self._size
            else:
                # number_in of each cell, its two commonest cases read here (no cell; a number
                # the reader parsed): a call per cell was most of a column's cost
                numbers = []
                for c in cells:
                    if c is None:
                        numbers.append(None)
                    else:
                        v = c.value
                        if v is None:
                            numbers.append(number_in(c))
                        else:
                            numbers.append(v if v.unit != "%" else None)
            self._numbers[col] = numbers
        return numbers
