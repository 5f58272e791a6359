"""The shortcuts of the lexicon's text keys give what their patterns give."""
from __future__ import annotations

from pathlib import Path

from textcheck import patterns
from textcheck.lexicon.terms import squash

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def test_squash_without_spaces_is_the_pattern_substitution():
    lines = SEED.read_text("utf-8").splitlines()
    samples = lines + [c for ln in lines for c in ln.split("\t")]
    # every kind of space either engine knows, alone, inside and around words
    spaces = [chr(i) for i in range(0x3001) if chr(i).isspace() or patterns.WHITESPACE.fullmatch(chr(i))]
    spaces += ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u200b", "\ufeff", "\u180e"]
    samples += [w for sp in spaces for w in (sp, f"合{sp}计", f"{sp}一般公共预算{sp}", f"1,234{sp}.56")]
    samples += ["", "合计", "ａｂ", "１２"]
    for s in samples:
        assert squash(s) == patterns.WHITESPACE.sub("", s), repr(s)
    assert squash(None) == ""
