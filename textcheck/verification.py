"""The table confirms a relation before anything is judged by it.

``tables.analyse`` proposes candidate relations from a table's structure — this column is the
sum of those (``ColumnSum``), this row is the sum of those rows (``RowSum``).  A proposal is a
reading of the layout, and layouts mislead: a memo column ("其中：预留给中小企业") sits among the
parts, a 行次 column looks like amounts, a unit row repeats its department's total.  So a
relation counts as the table's structure only when the table itself confirms it: it holds
within rounding on most of the places where it applies, and on enough of them to mean
something.  Only then are the places that break it reported, and the evidence says how many
places confirm it ("本表 23 处中 22 处满足").

Thresholds (see docs/architecture.md, "Relations are verified by the table"):

* ``MIN_CONFIRMING`` — at least this many places must hold.  One agreeing row proves nothing
  about a layout (a zero row agrees with anything); two independent rows that add up are
  already unlikely by chance for amounts printed to the cent.
* ``MIN_SHARE`` — the share of applicable places that hold must reach this.  A typo breaks one
  place; a misread layout breaks most of them.  2/3 keeps a relation that one place in three
  breaks (a small table with a real mistake) and drops one that half the places break.
* A place applies only when some cell of it is non-zero: an all-zero or empty row agrees with
  every relation and confirms none.  Places with identical figures count once (a 类 row with a
  single 款 repeats its figures: one fact, whether it holds or breaks).
* A column relation stated by the document itself (the column-number row's "1=2+3") is
  confirmed by that statement unless the table refutes it (it breaks on most of three or more
  places).  So is a row relation stated by classification codes (类 = Σ款 = Σ项): the codes
  say which rows add up, the family check only guards against a misread.
* A row relation that breaks in every column where it applies, in two or more columns, is a
  misread grouping (a wrong addend shifts every column), not a typo (which breaks one cell):
  it is dropped even when its family is confirmed.
* Breaks that one mistyped cell explains — two or more breaking places share a cell, and one
  value of it makes all of them hold — count with the places that hold when judging the
  family (a 款 is the total of its 项 and a part of its 类: one typo there breaks both); at
  least one place must hold outright.
* A grouped layout (unit rows) can be read more than one way: units on one level, or a
  department row restating the total above its 本级 and sibling units.  A reading that holds in
  every column where it applies replaces one that does not (tables.analyse proposes them).  Conversely a row relation that holds in
  one of its columns confirms its own grouping (the same rows add up there), so a typo in
  another column of a table too small to confirm a family is still found.
* A part column that the relation needs only where it is zero is a memo column when, on the
  rows where it is non-zero, the relation holds without it and not with it: it is removed and
  the smaller relation is verified instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Hashable, Sequence

from textcheck.arithmetic import EXACT, ROUNDING, Checked, SumCheck, sum_holds
from textcheck.numbers import Number

MIN_CONFIRMING = 2
MIN_SHARE = Decimal(2) / Decimal(3)

_HOLDS = (EXACT, ROUNDING)


@dataclass(frozen=True)
class Support:
    """How many places a relation applies to, and how many of them it holds on."""

    holds: int
    applies: int
    explained: int = 0  # breaks that one mistyped cell explains (see one_cell_explains)

    @property
    def confirmed(self) -> bool:
        agree = self.holds + self.explained
        return (self.holds >= 1 and agree >= MIN_CONFIRMING and self.applies > 0
                and Decimal(agree) >= MIN_SHARE * Decimal(self.applies))

    @property
    def refuted(self) -> bool:
        """Breaks on most of three or more places: not the table's structure, whatever says so."""
        return self.applies >= 3 and Decimal(self.holds) < MIN_SHARE * Decimal(self.applies)

    @property
    def breaks(self) -> int:
        return self.applies - self.holds

    def describe(self, what: str) -> str:
        """"本表 23 处中 22 处满足 类 = Σ款" — the evidence that the relation is the table's."""
        text = f"本表适用此关系的 {self.applies} 处中 {self.holds} 处相符（{what}）"
        if self.explained:
            text += f"，其余 {self.explained} 处不符都出自同一个单元格"
        return text


def nonzero(n: Number | None) -> bool:
    return n is not None and n.value != 0


def applies(total: Number | None, parts: Sequence[Number | None]) -> bool:
    return nonzero(total) or any(nonzero(p) for p in parts)


def holds(check: SumCheck | None) -> bool:
    return check is not None and check.status in _HOLDS


def applying_figures(total: Number | None, parts: Sequence[Number | None]) -> tuple | None:
    """The place's figures (total first, then the parts; None for a missing one) where the place
    ``applies``, else None: each value read once (a Decimal is true when non-zero, as ``nonzero``
    asks, and None is false)."""
    figures = (total.value if total is not None else None, *[p.value if p is not None else None for p in parts])
    return figures if any(figures) else None


def support(places: Sequence[tuple[Number | None, Sequence[Number | None]]]) -> Support:
    """Support of one relation over its places, each (total, parts).  Places with the same
    figures count once: a 类 row with a single 款 repeats that 款's figures, one fact, not two."""
    h = a = 0
    seen: set[tuple] = set()
    for total, parts in places:
        key = applying_figures(total, parts)
        if key is None or key in seen:
            continue
        seen.add(key)
        a += 1
        h += sum_holds(total, parts)
    return Support(h, a)


def memo_parts(n_parts: int, places: Sequence[tuple[Number | None, Sequence[Number | None]]]) -> set[int]:
    """Indexes of parts that behave as memo items: where they are non-zero, the relation
    holds without them on most such places and with them on fewer."""
    memo: set[int] = set()
    # place → does it hold with every part not (yet) found a memo item: the same for every k
    # until one is found, so each place is summed once, not once per part
    holding: dict[int, bool] = {}
    for k in range(n_parts):
        with_k = without_k = 0
        counted = []  # the places where part k is non-zero and the relation applies
        for j, (total, parts) in enumerate(places):
            if not nonzero(parts[k]) or not applies(total, parts):
                continue
            counted.append(j)
            held = holding.get(j)
            if held is None:
                held = holding[j] = sum_holds(total, [p for i, p in enumerate(parts) if i not in memo])
            with_k += held
        n = len(counted)
        # without_k counts some of these n places, so it exceeds with_k only when with_k < n:
        # where the relation holds on every one of them (most parts), it is not summed again
        if with_k < n:
            for j in counted:
                total, parts = places[j]
                without_k += sum_holds(total, [p for i, p in enumerate(parts) if i not in memo and i != k])
        if n and without_k > with_k and Decimal(without_k) >= MIN_SHARE * Decimal(n):
            memo.add(k)
            holding.clear()
    return memo


Place = tuple[tuple[Hashable, Number | None], Sequence[tuple[Hashable, Number | None]]]


def one_cell_explains(breaking: Sequence[Place]) -> bool:
    """Two or more breaking places share one cell, and one value of that cell would make every
    one of them hold: a single mistyped figure (a 款 row that is both a part of its 类 and the
    total of its 项 breaks both), not a misread structure.  Each place is ((key, total),
    [(key, part), …]) with a key naming the cell."""
    if len(breaking) < 2:
        return False
    shared = set.intersection(*({k for k, _ in [t, *ps]} for t, ps in breaking))
    for cell in shared:
        needed: set[Decimal] = set()
        for (tk, total), parts in breaking:
            others = sum((p.value for k, p in parts if k != cell and p is not None), Decimal(0))
            if tk == cell:
                needed.add(others)
            else:
                needed.add((total.value if total else Decimal(0)) - others)
        if len(needed) == 1:
            return True
    return False


def places(checks: Sequence[SumCheck | Checked | None]) -> list[tuple[tuple, bool]]:
    """(figures, holds) of each check of one relation that applies, in order: what a support
    reads of a member, found once when several supports count it (the table verification
    counts each relation alone and in its family)."""
    out = []
    for c in checks:
        if c is not None:
            key = applying_figures(c.total, c.parts)
            if key is not None:
                out.append((key, c.status in _HOLDS))
    return out


def places_support(members: Sequence[Sequence[tuple[tuple, bool]]]) -> Support:
    """Support of a family of row relations (e.g. every 类 = Σ款 of a table), each member given
    as its ``places``: places with the same figures count once, with the first one's outcome
    (a 类 row with a single 款 repeats that 款's figures, one fact, not two)."""
    h = a = 0
    seen: set[tuple] = set()
    for member in members:
        for key, held in member:
            if key in seen:
                continue
            seen.add(key)
            a += 1
            h += held
    return Support(h, a)
