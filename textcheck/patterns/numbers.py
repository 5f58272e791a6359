"""Numbers in cells and text (textcheck.numbers, textcheck.readers.tablegrid, textcheck.performance)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# A whole table cell or token that is one number: optional sign or accounting
# parentheses, integer part with *well-placed* thousands separators (groups of
# exactly three) or none, optional fraction, optional percent sign.
CELL_NUMBER = regex.compile(
    r"""
    (?P<paren>[(（])?
    (?P<neg>[-−－])?
    (?P<int>\d{1,3}(?:,\d{3})+|\d+)
    (?:\.(?P<frac>\d+))?
    (?P<pct>%)?
    (?(paren)[)）])
    """,
    regex.VERBOSE,
)
# CELL_NUMBER's fullmatch as a match of the anchored pattern (the same groups): anchored, re's
# engine takes it (an optional first group keeps CELL_NUMBER with regex, which searches such a
# pattern faster), at half the cost of a call into regex — parse_number's test of every cell
# text that starts like a number (tests/test_numbers_fast_paths.py)
CELL_NUMBER_WHOLE = regex.compile(r"\A(?:" + CELL_NUMBER.pattern + r")\Z", regex.VERBOSE)

# Any digit (a target unit holding digits, "=1 周 1 次", is not one value).
ANY_DIGIT = regex.compile(r"\d")

# One piece of an amount that a PDF wrapped inside a narrow cell ("106,512.0" / "0").
NUMBER_PIECE = regex.compile(r"[-−]?[0-9][0-9,.]*|[0-9,.]+")

# A run of digits: a column number ("12", "1=2+3"), a count written in Arabic digits.
DIGITS = regex.compile(r"\d+")
