"""Cells of a table grid as the grid analysis reads them: a cell's number (re-joining an amount the
layout wrapped inside a narrow cell), text without whitespace, the first located cell."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from textcheck import patterns
from textcheck.document import LocatedText, Location
from textcheck.numbers import MAX_DECIMALS, MAX_INTEGER_DIGITS, new_number
from textcheck.numbers import parse_number as _parse_number

CellRow = list[LocatedText]

def _parse(text: str, unit: str | None):
    """``numbers.parse_number(text, unit)``, the text parsed once whatever the unit: a table's
    columns are judged on the unit-less numbers of its cells, and then its value cells are
    read in the table's unit — the same text, so the unit-less Number is given the unit (a
    percentage keeps its own, as parse_number does; tests/test_reader_fast_paths.py)."""
    if unit is None:
        n = _plain_amount(text)
        return _parse_number(text) if n is _NOT_PLAIN else n
    n = _parse_cached(text, None)
    if n is None or n.unit is not None:  # with no unit asked, only a percentage has one
        return n
    return new_number(n.value, n.decimals, unit, n.text)  # Number(...) without its frozen __init__


_NOT_PLAIN = object()


def _plain_amount(text: str):
    """``numbers.parse_number(text)`` for the common cell amount — ASCII digits, grouped by
    commas or not, with or without a fraction ("1,234.56", "0.00", "2024") — without its
    regex (~2.2 -> ~1.2 µs a distinct cell text); ``_NOT_PLAIN`` for any other text, which
    goes to parse_number (tests/test_reader_fast_paths.py compares the two)."""
    if not text.isascii():
        return _NOT_PLAIN
    whole, dot, frac = text.partition(".")
    if dot and not frac.isdigit():
        return _NOT_PLAIN
    if not whole.isdigit():
        if "," not in whole:
            return _NOT_PLAIN
        groups = whole.split(",")
        if not (0 < len(groups[0]) <= 3 and all(g.isdigit() for g in groups)
                and all(len(g) == 3 for g in groups[1:])):
            return _NOT_PLAIN
        whole = "".join(groups)
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS or len(frac) > MAX_DECIMALS:
        return None
    return new_number(Decimal(f"{whole}.{frac}" if frac else whole), len(frac), None, text)


# Cells repeat a lot ("", "0.00", codes); Numbers are immutable, so cache.
_parse_cached = lru_cache(maxsize=8192)(_parse)


# What a cell's number can start with besides a decimal digit (\d): patterns.CELL_NUMBER's
# bracket and minus signs, patterns.NUMBER_PIECE's separators.
NUMBER_HEADS = "(（-−－,."


def may_be_number(text: str) -> bool:
    """False where no number can start so (most text cells): the number patterns need a digit,
    one of NUMBER_HEADS or a space first.  An empty text passes (parse_number says why not)."""
    head = text[:1]
    return not head or head.isdecimal() or head in NUMBER_HEADS or head.isspace()


def parse_number(text: str, unit: str | None = None):
    """A cell's number, re-joining one that the layout broke inside a narrow cell.

    PDF cells wrap long amounts: "106,512.0" above "0" is read as "106,512.0 0", and a
    converter may split "1682.76" as "1682.7 6".  The pieces are re-joined only when every
    piece is digits and separators, the joined text is one well-formed number, the first piece
    is a fragment of a long amount (it has a separator or four digits) and is not already that
    number (it fails to parse or has fewer decimals)."""
    if not may_be_number(text):
        return None
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
    """Text without any whitespace (header and label comparison).

    Most texts hold none (~2,500 calls a seed read): every whitespace character but the space
    is unprintable (tests/test_reader_fast_paths.py checks every code point), so a printable
    text without a space is returned as it is, without splitting and joining it."""
    if " " not in s and s.isprintable():
        return s
    return "".join(s.split())


def first_location(rows: list[CellRow]) -> Location:
    for r in rows:
        for c in r:
            if c.positions:
                return c.location
    return Location(0, 0, 0, 0)
