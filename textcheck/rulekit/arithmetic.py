"""Arithmetic the rules share: sums with rounding intervals, stated amounts against cells,
unit and magnitude slips.

The interval arithmetic itself is ``textcheck.arithmetic`` (re-exported here); how a
stated number becomes an interval in a cell's unit is the linker's
(``textcheck.linking.stated_interval``), so a rule and the linker never disagree on it.
"""
from __future__ import annotations

from decimal import Decimal

from textcheck.arithmetic import (  # noqa: F401 (the rules' one import for them)
    EXACT, MISMATCH, ROUNDING, SumCheck, cell_number, cell_text, check_sum, exceeds, sum_status)
from textcheck.linking import agreement, stated_interval, table_unit  # noqa: F401 (agreement: the one test)
from textcheck.numbers import MONEY_UNITS, Interval


def is_money(quantity) -> bool:
    return quantity is not None and quantity.number.unit in MONEY_UNITS


def magnitude_slip_cell(link, linker_agrees):
    """The candidate a value matches only after ×10⁴ or ÷10⁴ (万元 written as 元 or back)."""
    stated = link.claim.value.number
    # A zero ("0万元") scales to zero, and a figure of one or two digits ("5 元") matches a
    # cell ten thousand times larger only by rounding: neither proves a unit slip.
    if not stated.value or significant_digits(stated) < 3:
        return None
    for scale in (Decimal(10000), Decimal("0.0001")):
        for cell in link.candidates:
            if cell.value.value and linker_agrees(stated, cell, scale):
                return cell, scale
    return None


def significant_digits(number) -> int:
    """Digits as printed, without leading zeros: 1,682.76 → 6, 0.05 → 1, 0.00 → 0."""
    # string arithmetic, not Decimal.quantize: a 29-digit amount would exceed the context precision
    whole, _, frac = format(abs(number.value), "f").partition(".")
    d = max(number.decimals, 0)
    return len((whole + (frac + "0" * d)[:d]).lstrip("0"))


def money_interval(quantity, unit: str) -> Interval:
    return quantity.number.interval_in(unit)


def parts_interval(items, unit: str, tol, slip=None) -> Interval:
    """Σ items in ``unit`` widened by ``tol``; ``slip``: an item read in ``unit`` as printed
    ("1,682.76 元" taken for 1,682.76 万元)."""
    parts = Interval.exact(Decimal(0))
    for i in items:
        parts = parts + (i.value.number.interval if i is slip else money_interval(i.value, unit))
    return Interval(parts.lo - tol, parts.hi + tol)


def unit_slip_item(claim, tol):
    """(item, total) when the list adds up only if one item's 元 is read as the total's 万元
    (or back): a unit slip (TC204), not a wrong breakdown.  None otherwise."""
    if len(claim.items) < 2:
        return None  # no list (most claims): fewer than two money items
    items = [i for i in claim.items if i.value is not None and i.value.number.unit in MONEY_UNITS]
    totals = [t for t in totals_of(claim) if t.number.unit in MONEY_UNITS]
    if len(items) < 2 or not totals:
        return None
    unit = totals[0].number.unit
    # the items that could be the slip, found first: without one, whether the list adds up
    # or not, there is none (the sums below are asked only of a list that has one)
    slips = [item for item in items if _may_slip(item.value.number, unit)]
    if not slips:
        return None
    if any(parts_interval(items, unit, tol).overlaps(money_interval(t, unit)) for t in totals):
        return None
    for item in slips:
        if any(parts_interval(items, unit, tol, slip=item).overlaps(money_interval(t, unit)) for t in totals):
            return item, totals[0]
    return None


def _may_slip(n, unit: str) -> bool:
    """A figure ten thousand times off ``unit`` (元 against 万元 or back), non-zero, of three or
    more digits: what a unit slip of a list item needs."""
    ratio = MONEY_UNITS[n.unit] / MONEY_UNITS[unit]
    return ratio in (Decimal(10000), Decimal("0.0001")) and bool(n.value) and significant_digits(n) >= 3


def totals_of(claim):
    """The stated totals a list belongs to: the claim's own value, then its whole's."""
    out = []
    if claim.value is not None:
        out.append(claim.value)
    if claim.whole is not None and claim.whole.value is not None:
        out.append(claim.whole.value)
    return out
