"""Cells of a table grid as the grid analysis reads them: a cell's number (re-joining an amount the
layout wrapped inside a narrow cell), text without whitespace, the first located cell."""
from __future__ import annotations

from functools import lru_cache

from textcheck import patterns
from textcheck.document import LocatedText, Location
from textcheck.numbers import Number
from textcheck.numbers import parse_number as _parse_number

CellRow = list[LocatedText]

def _parse(text: str, unit: str | None):
    """``numbers.parse_number(text, unit)``, the text parsed once whatever the unit: a table's
    columns are judged on the unit-less numbers of its cells, and then its value cells are
    read in the table's unit — the same text, so the unit-less Number is given the unit (a
    percentage keeps its own, as parse_number does; tests/test_reader_fast_paths.py)."""
    if unit is None:
        return _parse_number(text)
    n = _parse_cached(text, None)
    if n is None or n.unit is not None:  # with no unit asked, only a percentage has one
        return n
    return Number(n.value, n.decimals, unit, n.text)


# Cells repeat a lot ("", "0.00", codes); Numbers are immutable, so cache.
_parse_cached = lru_cache(maxsize=8192)(_parse)


# What a cell's number can start with besides a decimal digit (\d): patterns.CELL_NUMBER's
# bracket and minus signs, patterns.NUMBER_PIECE's separators.
_NUMBER_HEADS = "(（-−－,."


def parse_number(text: str, unit: str | None = None):
    """A cell's number, re-joining one that the layout broke inside a narrow cell.

    PDF cells wrap long amounts: "106,512.0" above "0" is read as "106,512.0 0", and a
    converter may split "1682.76" as "1682.7 6".  The pieces are re-joined only when every
    piece is digits and separators, the joined text is one well-formed number, the first piece
    is a fragment of a long amount (it has a separator or four digits) and is not already that
    number (it fails to parse or has fewer decimals)."""
    head = text[:1]
    if head and not head.isdecimal() and head not in _NUMBER_HEADS and not head.isspace():
        return None  # no number starts so (most text cells): the patterns below need one of these
    n = _parse_cached(text, unit)
    if n is not None or not text:
        return n
    pieces = text.split()
    if len(pieces) < 2 or not all(patterns.NUMBER_PIECE.fullmatch(p) for p in pieces):
        return None
    joined = _parse_cached("".join(pieces), unit)
    if joined is None:
        return None
    head = pieces[0].lstrip("-−")
    if not ("," in head or "." in head or len(head) >= 4):
        return None  # "5 6.00": two short figures, not one amount wrapped
    first = _parse_cached(pieces[0], unit)
    return joined if first is None or first.decimals < joined.decimals else None


def compact(s: str) -> str:
    """Text without any whitespace (header and label comparison)."""
    return "".join(s.split())


def first_location(rows: list[CellRow]) -> Location:
    for r in rows:
        for c in r:
            if c.positions:
                return c.location
    return Location(0, 0, 0, 0)
