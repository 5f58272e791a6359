"""Checker.check runs with the cyclic collector paused: that is only free when a check makes
no reference cycles, and the collector must be left as it was found."""
from __future__ import annotations

import gc
from pathlib import Path

from textcheck.pipeline import Checker
from textcheck.readers import read_text

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def test_a_check_leaves_no_cyclic_garbage_and_the_collector_as_found():
    checker = Checker()
    text = SEED.read_text("utf-8")
    checker.check(read_text(text, path="seed.txt"))  # builds the lexicon and the pipeline
    gc.collect()
    assert gc.isenabled()
    result = checker.check(read_text(text, path="seed.txt"))
    assert gc.isenabled()
    assert result.stats["claims"] > 0
    del result
    assert gc.collect() == 0  # nothing the check dropped was kept alive by a cycle


def test_a_check_keeps_the_collector_off_when_it_was_off():
    checker = Checker()
    gc.disable()
    try:
        checker.check(read_text("一、部门收入预算1,422.65万元。\n", path="t.txt"))
        assert not gc.isenabled()
    finally:
        gc.enable()
