"""How much of the narrative that restates a table is linked (``stats`` of a document)."""
from __future__ import annotations

from decimal import Decimal

from textcheck.claim import CellRef
from textcheck.document import Table
from textcheck.linking.cells import links_by_claim
from textcheck.linking.model import CONFIDENT
from textcheck.numbers import MONEY_UNITS, Number


def restatement_stats(document, claims, links) -> dict:
    """How much of the narrative that restates a table is linked (``stats`` of a document).

    A claim *restates a table figure* when its stated money amount equals, within rounding,
    some amount cell of the document's tables — whatever its subject says — and the amount
    is distinctive enough that the match is no coincidence: four significant digits or more
    once trailing zeros are dropped (116.36, 3,977.09, 1405; not 0, 12.00, 600.00, 5.21).
    Of those: how many are linked (any confidence but none) and how many confidently.
    Breakdown records repeat their total's claim: not counted.
    """
    by_claim = links_by_claim(links)
    restating = linked = confident = 0
    for claim, _ in restating_cells(document, claims, want_cells=False):
        restating += 1
        link = by_claim.get(id(claim))
        if link is not None and link.linked:
            linked += 1
            confident += link.confidence == CONFIDENT
    return {"restating_claims": restating, "restating_linked": linked, "restating_confident": confident}


def restating_cells(document, claims, want_cells: bool = True):
    """(claim, the money cells it equals) for each claim that restates a table figure
    (``restatement_stats``); the cells are listed only when ``want_cells``."""
    from bisect import bisect_left, bisect_right

    money = sorted(((_in_yuan(c.value, t), id(c)), CellRef(t, r, c.col, c.value))
                   for t in document.tables for r in t.rows for c in r.cells
                   if c.value is not None and c.value.value
                   and (c.value.unit or t.unit or "万元") in MONEY_UNITS)
    keys = [k for (k, _), _ in money]
    for claim in claims:
        v = claim.value
        if claim.kind == "breakdown" or v is None or v.number.unit not in MONEY_UNITS or _digits(v.number) < 4:
            continue
        iv = v.number.interval_in("元")
        i = bisect_left(keys, iv.lo)
        if i >= len(keys) or keys[i] > iv.hi:
            continue
        yield claim, ([ref for _, ref in money[i:bisect_right(keys, iv.hi)]] if want_cells else [])


def _in_yuan(number: Number, table: Table) -> Decimal:
    unit = number.unit or table.unit or "万元"
    return number.value * MONEY_UNITS[unit] / MONEY_UNITS["元"]


def _digits(number: Number) -> int:
    """Significant digits of a stated amount without trailing zeros: 116.36 → 5, 600.00 → 1."""
    return len(format(abs(number.value), "f").replace(".", "").strip("0"))
