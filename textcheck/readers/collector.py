"""Reading with the cyclic collector paused.

A reader builds tens of thousands of small tracked objects (cells, located texts, rows, position
tuples) that all stay alive in the Document, and makes no reference cycles (what it drops is
freed by reference counting: tests/test_reader_gc.py).  Yet every 700 allocations trigger a
collection that walks the young objects, and every tenth of those the older ones again: on the
seed ~13 passes, ~15 % of its read, none of which can free anything.  ``Checker.check`` pauses the
collector for the same reason; this pause covers the reading before it.  The collector's state is
restored as it was found (a caller may have turned it off itself).
"""
from __future__ import annotations

import gc


class collector_paused:
    """``with collector_paused():`` no collector passes inside the block; the collector is left
    as it was found.  A class, not a ``contextlib.contextmanager``: the generator's closing
    StopIteration would be allocated right after re-enabling and start a pass over everything
    just read.  Left to the caller, a document handed straight to ``Checker.check`` (paused too)
    and dropped after it is never walked by the collector at all."""

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self._enabled:
            gc.enable()
