"""Candidate cells: the one agreement test, how a cell is named in evidence and messages, and
small list helpers."""
from __future__ import annotations

from decimal import Decimal

from textcheck import patterns
from textcheck.claim import CellRef, Link
from textcheck.linking.index import _line_number_column
from textcheck.linking.vocab import _norm
from textcheck.numbers import MONEY_UNITS, Interval, Number, half_ulp


def _uniq(items) -> list:
    """Items without repeats, by identity: frozen tables hash deeply, identity is enough here."""
    if isinstance(items, list) and len(items) < 2:
        return list(items)  # (most lookups find one segment or none: nothing to repeat)
    seen, out = set(), []
    for x in items:
        if id(x) not in seen:
            seen.add(id(x))
            out.append(x)
    return out


def _cell_key(c: CellRef) -> tuple[int, int, int]:
    return (c.table.index, c.row.index, c.col)


def _uniq_cells(cells) -> list[CellRef]:
    seen, out = set(), []
    for c in cells:
        k = _cell_key(c)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _same_item(a: str, b: str) -> bool:
    """Classification names as printed vary by a trailing 支出 ("一般公共服务" / "一般公共服务支出")."""
    if not a or not b:
        return False
    return a == b or a.removesuffix("支出") == b.removesuffix("支出")


def agrees(number: Number, cell: CellRef, scale: Decimal = Decimal(1), tolerance: Decimal = Decimal(0)) -> bool:
    """The one agreement test of a stated number and a table cell: the stated number's rounding
    interval (in the cell's unit, times ``scale`` when a magnitude slip is tried) overlaps the
    cell's rounding interval widened by the configured ``tolerance`` (``Config.tolerance``)."""
    return stated_interval(number, cell, scale).overlaps(widen(cell.value.interval, tolerance))


def agreement(tolerance: Decimal = Decimal(0)):
    """``agrees`` with the configured tolerance bound: ``f(number, cell, scale)`` — what rules
    call (TC201, TC204 through ``textcheck.rulekit.arithmetic``) instead of writing the comparison out again."""
    def agree(number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> bool:
        return agrees(number, cell, scale, tolerance)
    return agree


def widen(iv: Interval, tol: Decimal) -> Interval:
    return Interval(iv.lo - tol, iv.hi + tol) if tol else iv


def cell_bounds(cell: CellRef, tolerance: Decimal = Decimal(0)) -> tuple[Decimal, Decimal]:
    """``widen(cell.value.interval, tolerance)`` as (lo, hi), without the two Interval objects
    (the linker bounds every candidate cell of a document once)."""
    v = cell.value
    h = half_ulp(v.decimals)
    lo, hi = v.value - h, v.value + h
    return (lo - tolerance, hi + tolerance) if tolerance else (lo, hi)


def table_unit(cell: CellRef) -> str:
    return cell.value.unit or cell.table.unit or "万元"


def stated_interval(number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> Interval:
    """The stated number as an interval in the cell's unit (``scale`` tries a magnitude slip)."""
    unit = table_unit(cell)
    iv = number.interval_in(unit) if number.unit in MONEY_UNITS and unit in MONEY_UNITS else number.interval
    return iv.scale(scale) if scale != 1 else iv


# --------------------------------------------------------------------------- helpers for rules


def links_by_claim(links) -> dict[int, Link]:
    return {id(link.claim): link for link in links}


def cell_label(cell: CellRef) -> str:
    """The label a cell's amount belongs to: the nearest label cell left of it in its row
    (side-by-side tables hold two labels per row), without a leading code."""
    best = None
    for c in cell.row.cells:
        t = c.text.text.strip()
        if c.col < cell.col and c.value is None and t and not patterns.LINK_CODE_CELL.fullmatch(t) \
                and not _line_number_column(cell.table, c.col):
            if best is None or c.col > best.col:
                best = c
    if best is None:
        return cell.row.label
    m = patterns.LINK_CODE_PREFIX.match(_norm(best.text.text))
    return m.group("name") if m else best.text.text.strip()




def agreeing_cells(number: Number, cells, bounds: dict, tolerance: Decimal) -> tuple[CellRef, ...]:
    """``tuple(c for c in cells if agrees(number, c, tolerance=tolerance))``, computed in one pass:
    a subject may have hundreds of candidates (a long document repeats its tables), so the stated
    interval is made once per table unit and each cell's interval once per ``bounds`` (the
    linker's, by id(cell): a document's)."""
    stated: dict[str, Interval] = {}
    out = []
    for c in cells:
        b = bounds.get(id(c))
        if b is None:
            b = bounds[id(c)] = (*cell_bounds(c, tolerance), table_unit(c), c)  # c: keeps id(c) valid
        unit = b[2]
        s = stated.get(unit)
        if s is None:
            s = stated[unit] = stated_interval(number, c)
        if s.lo <= b[1] and b[0] <= s.hi:
            out.append(c)
    return tuple(out)
