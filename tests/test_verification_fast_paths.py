"""The table verification's shortcuts against the functions they stand for: each must give the
same answer on varied inputs."""
from __future__ import annotations

import random

from textcheck.arithmetic import checked
from textcheck.numbers import parse_number
from textcheck.verification import family_support, places, places_support

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
