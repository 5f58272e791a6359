"""The shortcuts of textcheck.numbers give what their plain definitions give: parse_number's
anchored re pattern (patterns.CELL_NUMBER_WHOLE) against CELL_NUMBER's fullmatch, the whole
function against its definition as written before, and new_interval against Interval()."""
import random
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

import regex

from textcheck import patterns
from textcheck.numbers import (MAX_DECIMALS, MAX_INTEGER_DIGITS, PERCENT, Interval, Number, _NUMBER_STARTS,
                               may_be_digit, new_interval, parse_number)
from textcheck.readers import read_text


def parse_number_reference(text, unit=None):
    """parse_number as written before its shortcuts (CELL_NUMBER's fullmatch, Number())."""
    s = text.strip()
    if not s or not (s[0] in _NUMBER_STARTS or may_be_digit(s[0])):
        return None
    m = patterns.CELL_NUMBER.fullmatch(s)
    if not m:
        return None
    paren, neg, digits, frac, pct = m.groups()
    digits = digits.replace(",", "")
    frac = frac or ""
    if len(digits.lstrip("0")) > MAX_INTEGER_DIGITS or len(frac) > MAX_DECIMALS:
        return None
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:
        return None
    if paren or neg:
        value = -value
    if pct:
        unit = PERCENT
    return Number(value, len(frac), unit, s)


# every decimal digit Python's tables know (a sample of each script's), and the characters
# the pattern spells out
_DIGITS = [chr(i) for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == "Nd"]
_ALPHABET = "0123456789" * 6 + "０１２３" + "".join(_DIGITS[::37]) + ",,..%%(（)）-−－ a元"


def _texts():
    text = open("corpus/urumqi-kejiju-2024-budget.txt", encoding="utf-8").read()
    doc = read_text(text, path="seed.txt")
    out = [c.text.text for t in doc.tables for row in t.rows for c in row.cells]
    out += text.split()
    out += ["3,956.08", "-2.46", "（5.00）", "(5.00)", "（5.00)", "1,779.40%", "3,9561.08", "(3.5", "5）",
            "１２３", "٣٤.٥", "0", "00", ".5", "5.", "1,2", "1,234,567", "-(5)", "(-5)", "", " ", "12 ", "%"]
    out += _DIGITS
    rnd = random.Random(14)
    out += ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    return out


def test_whole_pattern_is_fullmatch():
    assert patterns.CELL_NUMBER_WHOLE.groupindex == patterns.CELL_NUMBER.groupindex
    for s in _texts():
        a, b = patterns.CELL_NUMBER.fullmatch(s), patterns.CELL_NUMBER_WHOLE.match(s)
        assert (a and (a.groups(), a.span())) == (b and (b.groups(), b.span())), repr(s)


def test_parse_number_is_its_reference():
    for s in _texts():
        for unit in (None, "万元"):
            got, want = parse_number(s, unit), parse_number_reference(s, unit)
            assert got == want and type(got) is type(want), repr(s)
            if got is not None:
                assert vars(got) == vars(want) and list(vars(got)) == list(vars(want)), repr(s)
                assert got.interval == want.interval and hash(got) == hash(want)


def test_parse_number_asks_regex_of_digits_python_lacks():
    # a digit of a Unicode newer than Python's tables (if the regex module knows one): parsed
    # as CELL_NUMBER reads it, not refused by re's \d
    newer = next((chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cn"
                  and regex.fullmatch(r"\d", chr(i))), None)
    if newer is None:
        return
    for s in (newer * 3, newer + "." + newer, "(" + newer + ")", "1" + newer):
        assert parse_number(s) == parse_number_reference(s), repr(s)


def test_new_interval_is_interval():
    rnd = random.Random(3)
    for _ in range(500):
        lo, hi = Decimal(rnd.randint(-10 ** 6, 10 ** 6)).scaleb(-rnd.randint(0, 4)), Decimal(rnd.randint(0, 99))
        a, b = new_interval(lo, hi), Interval(lo, hi)
        assert a == b and hash(a) == hash(b) and vars(a) == vars(b) and list(vars(a)) == list(vars(b))
        assert type(a) is Interval
    # the arithmetic builds its results so too: what Interval() makes of the same bounds
    for _ in range(200):
        x = Interval(*sorted(Decimal(rnd.randint(-999, 999)).scaleb(-2) for _ in range(2)))
        y = Interval(*sorted(Decimal(rnd.randint(1, 999)).scaleb(-1) for _ in range(2)))
        for r in (x + y, x - y, -x, x * y, x.scale(Decimal(-3)), x / y, Interval.exact(x.lo)):
            assert type(r) is Interval and vars(r) == vars(Interval(r.lo, r.hi)) and hash(r) == hash(Interval(r.lo, r.hi))
        assert x + y == Interval(x.lo + y.lo, x.hi + y.hi) and -x == Interval(-x.hi, -x.lo)
    n = Number(Decimal("3.25"), 2, "万元", "3.25")
    assert n.interval == Interval(Decimal("3.245"), Decimal("3.255"))
    assert n.interval_in("元") == Interval(Decimal("3.245"), Decimal("3.255")).scale(Decimal(10000))


def test_may_be_digit_is_its_definition():
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        assert may_be_digit(ch) == (ch.isdigit() or unicodedata.category(ch) == "Cn"), hex(i)
    assert not may_be_digit("") and not may_be_digit("ab") and may_be_digit("12")
