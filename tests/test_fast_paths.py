"""Fast paths of the table analysis, performance tables and rules against the slow paths they
replace: each must give the same answer on varied inputs (a cache or shortcut that changes a
result is a bug, whatever it gains)."""
from __future__ import annotations

import itertools
import random

from textcheck import patterns
from textcheck.arithmetic import EXACT, ROUNDING, check_sum, sum_holds
from textcheck.numbers import parse_number
from textcheck.table_headers import is_number_row

_FIGURES = ["0", "0.00", "1", "1.0", "1.00", "2.5", "10.29", "649.32", "659.61", "659.62", "659.64",
            "-3.20", "1,422.65", "0.01", "100", "99.99", "5.005", "12.3"]


def test_sum_holds_is_check_sum_holding():
    rng = random.Random(14)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None]
    cases = [(t, list(ps)) for t in numbers[:6] for ps in itertools.product(numbers[:5], repeat=2)]
    cases += [(rng.choice(numbers), [rng.choice(numbers) for _ in range(rng.randint(0, 5))])
              for _ in range(3000)]
    # totals that are the exact sum, or the sum off by a rounding step
    for _ in range(500):
        parts = [rng.choice(numbers) for _ in range(rng.randint(1, 4))]
        s = sum((p.value for p in parts if p is not None), start=parse_number("0").value)
        for delta in ("0", "0.01", "-0.01", "0.005", "1"):
            cases.append((parse_number(str(s + parse_number(delta).value)), parts))
    for total, parts in cases:
        check = check_sum(total, parts)
        expected = check is not None and check.status in (EXACT, ROUNDING)
        assert sum_holds(total, parts) is expected, (total, parts)


def _is_number_row_reference(cells) -> bool:
    texts = [t for t in cells if t]
    return bool(texts) and all(patterns.COLUMN_NUMBER_CELL.fullmatch(t) for t in texts) \
        and sum(1 for t in texts if any(ch.isdigit() for ch in t)) >= 2


def test_is_number_row_stops_early_with_the_same_answer():
    pieces = ["", "栏次", "行次", "※", "*", "1", "2", "3", "1=2+3", "12", "合计", "科目名称", "100.00", "-"]
    for n in range(0, 5):
        for cells in itertools.product(pieces, repeat=n) if n < 4 else \
                (random.Random(n).choices(pieces, k=n) for _ in range(2000)):
            assert is_number_row(iter(cells)) == _is_number_row_reference(cells), cells


def test_sum_status_is_check_sum_status():
    from decimal import Decimal

    from textcheck.arithmetic import sum_status

    rng = random.Random(101)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None]
    for _ in range(4000):
        total = rng.choice(numbers)
        parts = [rng.choice(numbers) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.3 and any(p is not None for p in parts):  # an exact or near total
            s = sum(p.value for p in parts if p is not None)
            total = parse_number(str(s + Decimal(rng.choice(["0", "0.01", "-0.005", "2"]))))
        tol = Decimal(rng.choice(["0", "0", "0.01", "0.1", "1"]))
        check = check_sum(total, parts, tol)
        assert sum_status(total, parts, tol) == (check.status if check is not None else None), (total, parts, tol)
