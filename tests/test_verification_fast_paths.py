"""The table verification's shortcuts against the functions they stand for: each must give the
same answer on varied inputs."""
from __future__ import annotations

import random

from textcheck.arithmetic import checked
from textcheck.numbers import parse_number
from textcheck.verification import _HOLDS, Support, applies, places, places_support


def _figures(total, parts):
    """The figures of a place as the verification keyed them before ``applying_figures``."""
    return (total.value if total else None,) + tuple(p.value if p else None for p in parts)


def family_support(members, keep=lambda checks: True):
    """The reference ``places_support`` stands for: a family's support counted from its
    members' checks directly (the verification's code before the places were read once)."""
    h = a = 0
    seen = set()
    for checks in members:
        if not keep(checks):
            continue
        for c in checks:
            if c is None or not applies(c.total, c.parts):
                continue
            key = _figures(c.total, c.parts)
            if key in seen:
                continue
            seen.add(key)
            a += 1
            h += c.status in _HOLDS
    return Support(h, a)

_FIGURES = ["0", "0.00", "1", "1.0", "1.00", "2.5", "10.29", "649.32", "659.61", "659.62", "-3.20", "0.01", "100"]


def test_places_support_counts_as_family_support():
    """Members read once as their places (figures, holds) give the support family_support
    counts from their checks, alone and as a family (places with the same figures once, the
    first one's outcome, whatever the decimals printed)."""
    rng = random.Random(21)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None, None]
    for _ in range(1500):
        members = []
        for _ in range(rng.randint(0, 5)):
            width = rng.randint(0, 4)
            members.append([checked(rng.choice(numbers), [rng.choice(numbers) for _ in range(width)])
                            for _ in range(rng.randint(0, 4))])
        read = [places(m) for m in members]
        assert places_support(read) == family_support(members)
        for m, p in zip(members, read):
            assert places_support([p]) == family_support([m])


def test_applying_figures_is_figures_where_the_place_applies():
    from textcheck.verification import applying_figures

    rng = random.Random(22)
    numbers = [parse_number(f) for f in _FIGURES + ["-0", "-0.00", "0.000"]] + [None, None]
    for _ in range(3000):
        total, parts = rng.choice(numbers), [rng.choice(numbers) for _ in range(rng.randint(0, 5))]
        expected = _figures(total, parts) if applies(total, parts) else None
        assert applying_figures(total, parts) == expected, (total, parts)


def _support_reference(places):
    from textcheck.arithmetic import sum_holds

    h = a = 0
    seen = set()
    for total, parts in places:
        if not applies(total, parts):
            continue
        key = _figures(total, parts)
        if key in seen:
            continue
        seen.add(key)
        a += 1
        h += sum_holds(total, parts)
    return Support(h, a)


def test_support_counts_as_the_reference():
    from textcheck.verification import support

    rng = random.Random(23)
    numbers = [parse_number(f) for f in _FIGURES + ["-0", "0.000"]] + [None, None]
    for _ in range(1500):
        width = rng.randint(0, 4)
        places_ = [(rng.choice(numbers), [rng.choice(numbers) for _ in range(width)]) for _ in range(rng.randint(0, 8))]
        assert support(places_) == _support_reference(places_)
