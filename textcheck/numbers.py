"""Numbers as published: exact Decimal values, their precision, unit, and interval.

A reported value with d decimals stands for the interval
[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] (XBRL Calculations 1.1).  Sums, differences, ratios
and growth rates are computed on intervals, so a figure is called wrong only
when no choice of the unrounded inputs could produce it.

Chinese numerals are converted only on spans a regex already found next to a
measure word (see ``textcheck.patterns``); never over whole text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from textcheck import patterns

# Exact scale of each money unit in 元.  千元 is rare but published.
MONEY_UNITS: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
}

PERCENT = "%"


@dataclass(frozen=True)
class Interval:
    """Closed interval [lo, hi] of Decimals."""

    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(v: Decimal) -> "Interval":
        return new_interval(v, v)

    def __add__(self, other: "Interval") -> "Interval":
        return new_interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return new_interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> "Interval":
        return new_interval(-self.hi, -self.lo)

    def __mul__(self, other: "Interval") -> "Interval":
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return new_interval(min(products), max(products))

    def scale(self, k: Decimal) -> "Interval":
        a, b = self.lo * k, self.hi * k
        return new_interval(min(a, b), max(a, b))

    def __truediv__(self, other: "Interval") -> "Interval | None":
        """Quotient interval; None when the divisor interval contains zero."""
        if other.lo <= 0 <= other.hi:
            return None
        with localcontext() as ctx:
            ctx.prec = 34
            qs = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return new_interval(min(qs), max(qs))

    def overlaps(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, v: Decimal) -> bool:
        return self.lo <= v <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> Decimal:
        return self.hi - self.lo

    def distance(self, other: "Interval") -> Decimal:
        """Gap between two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return Decimal(0)
        return other.lo - self.hi if other.lo > self.hi else self.lo - other.hi


def new_interval(lo: Decimal, hi: Decimal) -> Interval:
    """``Interval(lo, hi)`` without the frozen ``__init__``'s two ``object.__setattr__`` calls
    (every published number's interval is one: Number.interval); Interval has no
    ``__post_init__`` and only its fields in ``__dict__`` (tests/test_numbers_fast_paths.py
    compares the two)."""
    new = object.__new__(Interval)
    values = new.__dict__
    values["lo"] = lo
    values["hi"] = hi
    return new


def half_ulp(decimals: int) -> Decimal:
    """½·10⁻ᵈ: the rounding half-width of a value printed with d decimals."""
    h = _HALF_ULPS.get(decimals)
    if h is None:
        h = Decimal(5).scaleb(-(decimals + 1))
        if len(_HALF_ULPS) < 64:  # Decimals are immutable: one per precision serves every number
            _HALF_ULPS[decimals] = h
    return h


_HALF_ULPS: dict[int, Decimal] = {}


@dataclass(frozen=True)
class Number:
    """A published number: exact value, decimals as printed, and unit.

    ``value`` is in ``unit`` (1,422.65 万元 → value 1422.65, unit "万元").
    ``decimals`` is the count printed (0 for "1405"), which fixes the interval.
    """

    value: Decimal
    decimals: int
    unit: str | None = None
    text: str = ""

    @property
    def interval(self) -> Interval:
        h = half_ulp(self.decimals)
        return new_interval(self.value - h, self.value + h)

    def in_unit(self, unit: str) -> "Number":
        """The same amount expressed in another money unit (exact)."""
        if self.unit == unit or self.unit not in MONEY_UNITS or unit not in MONEY_UNITS:
            return self
        factor = MONEY_UNITS[self.unit] / MONEY_UNITS[unit]
        # 万元 → 元 multiplies by 10⁴, so 4 fewer decimals (never below 0;
        # use interval_in() where the rounding band matters).
        return Number(self.value * factor, max(0, self.decimals - factor.adjusted()), unit, self.text)

    def interval_in(self, unit: str) -> Interval:
        """Interval of this number expressed in ``unit`` (rounding band scaled too)."""
        if self.unit == unit or self.unit not in MONEY_UNITS or unit not in MONEY_UNITS:
            return self.interval
        factor = MONEY_UNITS[self.unit] / MONEY_UNITS[unit]
        return self.interval.scale(factor)

    def __str__(self) -> str:
        return self.text or format_decimal(self.value, self.decimals)


def new_number(value: Decimal, decimals: int, unit: str | None = None, text: str = "") -> Number:
    """``Number(value, decimals, unit, text)`` without the frozen ``__init__``'s four
    ``object.__setattr__`` calls (the claim extractor makes one per figure of the narrative);
    Number has no ``__post_init__`` and only its fields in ``__dict__``
    (tests/test_claims_fast_paths.py compares the two)."""
    new = object.__new__(Number)
    values = new.__dict__
    values["value"] = value
    values["decimals"] = decimals
    values["unit"] = unit
    values["text"] = text
    return new


# A published amount has far fewer digits; beyond these, Decimal's default
# precision (28 significant digits) would round sums and the interval
# arithmetic would no longer be exact, so such a string is not read as a number.
MAX_INTEGER_DIGITS = 18
MAX_DECIMALS = 10


def format_decimal(v: Decimal, decimals: int = 2, thousands: bool = True) -> str:
    if not v.is_finite():
        return str(v)
    decimals = max(0, decimals)
    q = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    with localcontext() as ctx:
        # quantize raises when the result needs more digits than the precision:
        # give it every digit the value and the requested decimals need.
        ctx.prec = max(40, v.adjusted() + decimals + 3)
        ctx.Emax = max(ctx.Emax, ctx.prec + 1)
        v = v.quantize(q)
    return f"{v:,.{decimals}f}" if thousands else f"{v:.{decimals}f}"


_NUMBER_STARTS = frozenset("(（-−－")


def may_be_digit(ch: str) -> bool:
    """Can the character ``ch`` be a ``\\d`` of a pattern: a digit Python knows (str.isdigit
    holds for every decimal digit of its Unicode tables, and more), or a character those
    tables do not know yet (``regex`` carries a newer Unicode, with digits of newer scripts).
    A shortcut that skips a pattern when the text cannot start or end with a digit asks this.
    (A Cn character is not printable: the Han text most callers ask about is told by
    str.isprintable, cheaper than a category look-up; tests/test_numbers_fast_paths.py.)"""
    return ch.isdigit() or (not ch.isprintable() and len(ch) == 1 and unicodedata.category(ch) == "Cn")


def parse_number(text: str, unit: str | None = None) -> Number | None:
    """Parse one published number ("3,956.08", "-2.46", "（5.00）", "1,779.40%").

    Returns None for text that is not a single well-formed number.  Thousands
    separators must be well placed; "3,9561.08" is not a number here (the
    formatting rule reports it).  A trailing "%" sets the unit to "%".
    """
    s = text.strip()
    if not s or not (s[0] in _NUMBER_STARTS or may_be_digit(s[0])):
        return None  # a label: CELL_NUMBER starts with a digit or one of these
    m = patterns.CELL_NUMBER_WHOLE.match(s)
    if m is None:
        # re's \d knows the digits of Python's Unicode tables, regex's of a newer Unicode: a text
        # holding a character Python's tables lack is asked of regex too (such a character is
        # neither ASCII nor printable: str.isprintable holds for no character of category Cn)
        if s.isascii() or s.isprintable() or not any(unicodedata.category(ch) == "Cn" for ch in s):
            return None
        m = patterns.CELL_NUMBER.fullmatch(s)
        if m is None:
            return None
    # the groups in their order (patterns.CELL_NUMBER: paren, neg, int, frac, pct): the regex
    # engine's groups() is a twentieth of group() by five names
    paren, neg, digits, frac, pct = m.groups()
    digits = digits.replace(",", "")
    frac = frac or ""
    if len(digits.lstrip("0")) > MAX_INTEGER_DIGITS or len(frac) > MAX_DECIMALS:
        return None
    negative = bool(neg) or bool(paren)
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:
        return None
    if negative:
        value = -value
    if pct:
        unit = PERCENT
    return new_number(value, len(frac), unit, s)


# Chinese numerals ---------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}


def chinese_numeral_value(s: str) -> int | None:
    """Value of a Chinese numeral ("四", "十五", "一百二十", "两"), or None.

    Call only on a span that a pattern found together with a measure word
    ("四个城市"); "一般" must never reach this function.
    """
    if not s or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in s):
        return None
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit >= 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def parse_count(text: str) -> int | None:
    """An Arabic or Chinese integer count ("193", "四", "十二")."""
    t = text.strip().replace(",", "")
    if patterns.DIGITS.fullmatch(t):
        return int(t)
    return chinese_numeral_value(t)
