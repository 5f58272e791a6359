"""Reading runs with the cyclic collector paused (readers/collector.py): that is only free when a
reader makes no reference cycles, and the collector must be left as it was found, whether the
read succeeds or fails."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from textcheck.errors import ReadError
from textcheck.readers import read_bytes, read_path, read_text
from textcheck.readers.collector import collector_paused

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


@pytest.mark.parametrize("read", [lambda: read_text(SEED.read_text("utf-8"), path="seed.txt"),
                                  lambda: read_path(SEED),
                                  lambda: read_text("| a | b |\n|---|---|\n| 1 | 2 |\n<table><tr><td>x</td></tr></table>\n",
                                                    path="t.md", fmt="markdown")])
def test_a_read_leaves_no_cyclic_garbage_and_the_collector_as_found(read):
    read()  # first-use imports and module set-up
    gc.collect()
    assert gc.isenabled()
    document = read()
    assert gc.isenabled()
    assert document.paragraphs or document.tables
    del document
    assert gc.collect() == 0  # nothing the reader dropped was kept alive by a cycle


def test_a_read_keeps_the_collector_off_when_it_was_off():
    gc.disable()
    try:
        read_text("一、部门收入预算1,422.65万元。\n", path="t.txt")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_read_restores_the_collector():
    with pytest.raises(ReadError):
        read_bytes(b"", "empty.txt")
    assert gc.isenabled()


def test_collector_paused_nests_and_restores():
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause found it off and leaves it off
    assert gc.isenabled()
