"""Recall of the narrative rules on real documents of different templates: claims the checker
links and finds consistent are broken one at a time (amount, growth rate, direction word,
share, 万元→元) in the Document model and re-checked; a mutation counts as caught only when a
new amount/change/share/count/unit error or warning lands on the mutated line.
See tests/narrative_mutations.py (``python tests/narrative_mutations.py`` prints the misses)."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("narrative_mutations", Path(__file__).with_name("narrative_mutations.py"))
M = importlib.util.module_from_spec(_spec)
sys.modules["narrative_mutations"] = M  # dataclasses look their module up while being built
_spec.loader.exec_module(M)

pytest.importorskip("pdfplumber")


@pytest.fixture(scope="module")
def results():
    return {name: M.run(M.load(paths)) for name, paths in M.DOCUMENTS.items()}


def test_every_document_is_mutated(results):
    # each template gives checkable claims: at least amounts and unit slips
    for name, rs in results.items():
        kinds = Counter(m.kind for m, _ in rs)
        assert kinds["amount"] >= 3 and kinds["unit"] >= 3, (name, kinds)
    every = Counter(m.kind for rs in results.values() for m, _ in rs)
    assert all(every[k] >= 15 for k in M.KINDS), every


def test_mutations_are_caught_on_their_line(results):
    total, hit = Counter(), Counter()
    for rs in results.values():
        for m, ok in rs:
            total[m.kind] += 1
            hit[m.kind] += ok
    missed = [(name, m.kind, m.line, m.new) for name, rs in results.items() for m, ok in rs if not ok]
    assert sum(hit.values()) >= 0.95 * sum(total.values()), missed
    for kind in M.KINDS:
        assert hit[kind] >= 0.90 * total[kind], (kind, hit[kind], total[kind], missed)
