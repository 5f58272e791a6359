"""Severity of a stated percentage that misses its reachable interval (TC301, TC401).

A percentage that misses the interval the rounded figures allow by at most one unit
in its last printed digit is more likely truncated (2.3153% printed as 2.31%) or nudged
so that the shares of a list add up to 100% (0.634% printed as 0.64%) than copied
wrongly: a person should look at it (warning), but it is not proven wrong the way a
figure several units off is (error).
"""
from __future__ import annotations

from decimal import Decimal

from textcheck.numbers import Interval, Number

LAST_DIGIT_NOTE = "可能为截断或为使合计为 100% 而调整的尾差"


def within_last_digit(stated: Number, reach: Interval) -> bool:
    """Whether ``stated`` ± one unit of its last printed digit reaches ``reach``."""
    ulp = Decimal(1).scaleb(-stated.decimals)
    return Interval(stated.value - ulp, stated.value + ulp).overlaps(reach)


def severity_and_note(stated: Number, reach: Interval) -> tuple[str, str]:
    """("warning", "；<note>") within one unit of the last digit, else ("error", "")."""
    if within_last_digit(stated, reach):
        return "warning", f"；{LAST_DIGIT_NOTE}"
    return "error", ""
