"""textcheck.patterns.engine: a pattern runs on re only when re reads it exactly as regex does."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex

from textcheck import patterns
from textcheck.patterns import engine

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"

# Characters where the engines could part: re's extra spaces U+001C–U+001F, regex's
# White_Space, full-width forms, CJK punctuation, an astral character.
_EDGES = ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2007", "\u3000", "\u200b", "\ufeff",
          "１２３", "（", "）", "：", "，", "。", "\U00020000", "\n", "\t", "\r\n"]


def _samples() -> list[str]:
    lines = [ln for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    cells = [c for ln in lines if "\t" in ln for c in ln.split("\t")]
    out = lines[::3] + cells[::7]
    out += [f"{a}2024{b}年 合计{a}{b}" for a in _EDGES for b in _EDGES[::3]]
    out += ["\n".join(lines[i:i + 3]) for i in range(0, len(lines), 40)]
    return out


def _result(pattern, text: str):
    m = pattern.search(text)
    found = None if m is None else (m.span(), m.groups(), m.group(0))
    return found, [m.span() for m in pattern.finditer(text)], pattern.sub("§", text)


@pytest.mark.parametrize("spelled, ours", [(engine._SPACE, r"\s")])
def test_spelled_sets_are_regex_sets(spelled, ours):
    spelled, ours = re.compile(f"[{spelled}]"), regex.compile(ours)
    differ = [hex(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF
              and bool(spelled.match(chr(i))) != bool(ours.match(chr(i)))]
    assert differ == []


def test_every_re_pattern_matches_as_its_regex_source():
    samples = _samples()
    converted = [v for v in vars(patterns).values() if isinstance(v, re.Pattern)]
    assert len(converted) > 100  # most patterns run on re
    for compiled in converted:
        source, flags = engine.SOURCES[compiled]
        original = regex.compile(source, flags)
        for text in samples:
            assert _result(compiled, text) == _result(original, text), (source, text)


def test_patterns_only_regex_reads_stay_with_regex():
    for source in (r"\w+", r"\bx", r"\p{Han}", r"(?<=\p{Han})\d", r"[\P{Han}\d]", r"[[:alpha:]]", r"(?i)abc",
                   r"(?<=年|年度)\d", r"[\S\d]", r"(?x) a # [ comment", r"(?mx)a [ ]b"):
        assert isinstance(engine.compile(source), regex.Pattern), source
    assert isinstance(engine.compile(r"[ x]", regex.VERBOSE), regex.Pattern)
    assert isinstance(engine.compile("x # [comment", regex.VERBOSE), regex.Pattern)
    assert isinstance(engine.compile(r"(?<=[年月])\d+ \s", regex.VERBOSE), re.Pattern)
    assert isinstance(engine.compile(r"^\s*合计\s*$"), re.Pattern)
    assert isinstance(engine.compile(r"^\d+$", regex.MULTILINE), re.Pattern)


def test_spaces_keep_regex_meaning():
    p = engine.compile(r"^\s+$")
    assert isinstance(p, re.Pattern)
    assert p.match(" \u3000\t")
    assert not p.match("\x1c")  # a space to re's \s, not to regex's
    assert engine.compile(r"a\Sb").match("a\x1cb")


def test_loose_starts_stay_with_regex():
    """re tries every position of a searched text in full when a match starts with an
    optional or lazy repeat; regex first finds the literal it needs: such patterns stay."""
    for source in (r"(?:预算)?(?:明细)?表$", r"[^（(：]+?[（(]类[）)]", r".*(?:其中|包括)", r"[-−]?\d+",
                   r"(?<![\d.])(?:万元)?合计|x?y"):
        assert isinstance(engine.compile(source), regex.Pattern), source
    for source in (r"^(?:预算)?表$", r"\s+", r"合计|总计", r"(?<=[年月])\d+", r"\d{4}年?"):
        assert isinstance(engine.compile(source), re.Pattern), source
