"""The layout facts computed in one pass give what the plain computation of each gives."""
from __future__ import annotations

import bisect
from pathlib import Path

import pytest

from textcheck import patterns
from textcheck.layout_facts import Layout
from textcheck.readers import read_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = [CORPUS / "urumqi-kejiju-2024-budget.txt", *sorted((CORPUS / "derived").glob("*.md"))]


def _table_lines_reference(doc) -> frozenset[int]:
    lines: set[int] = set()
    for t in doc.tables:
        rows = [c.text.positions for r in t.rows for c in r.cells if c.text.positions]
        if not rows:
            continue
        lines.update(range(min(p[0][0] for p in rows), max(p[-1][0] for p in rows) + 1))
    return frozenset(lines)


def _notes_after_table_reference(doc) -> dict:
    starts = sorted(p.text.location.line for p in doc.paragraphs)
    out = {}
    for i, t in enumerate(doc.tables):
        last = max((c.text.positions[-1][0] for r in t.rows for c in r.cells if c.text.positions),
                   default=t.location.line)
        nxt = doc.tables[i + 1].location.line if i + 1 < len(doc.tables) else len(doc.source_lines) + 1
        k = bisect.bisect_right(starts, last)
        if k < len(starts) and starts[k] < nxt:
            p = next(p for p in doc.paragraphs if p.text.location.line == starts[k])
            if patterns.EMPTY_TABLE_STATEMENT.search(p.text.text):
                out[t.id] = p.text
    return out


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_table_spans_give_the_table_lines_and_notes_of_the_plain_scans(path):
    doc = read_path(str(path))
    layout = Layout(doc)
    assert layout.table_lines == _table_lines_reference(doc)
    assert layout.notes_after_table == _notes_after_table_reference(doc)


def test_numbered_lines_are_built_as_by_their_init():
    import dataclasses

    from textcheck.layout_numbering import NumberedLine, new_numbered_line

    fields = (3, "ar", 2, "2", 1, 2, 0, 4)
    fast, plain = new_numbered_line(*fields), NumberedLine(*fields)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert vars(fast) == vars(plain)
    assert dataclasses.replace(fast, last=5) == dataclasses.replace(plain, last=5)
    with __import__("pytest").raises(dataclasses.FrozenInstanceError):
        fast.last = 1


def test_the_numbering_level_is_the_group_that_matched():
    """layout_numbering reads a numbered line's level as the match's lastgroup: the one named
    group of patterns.LIST_NUMBERING that took part."""
    lines = [line for path in DOCS for line in read_path(path).source_lines]
    lines += ["第三部分 x", "十二、x", "（四）x", "(十)x", "12.x", "3、x", " - 1. x", "•（二） x", "１．x", "一 、x"]
    found = 0
    for line in lines:
        m = patterns.LIST_NUMBERING.match(line)
        if m:
            found += 1
            assert m.lastgroup == next(k for k in ("part", "cn", "pcn", "ar") if m.group(k)), line
    assert found > 50


def test_full_digits_are_the_characters_of_the_full_digit_pattern():
    """mixed_width_digits looks for FULL_DIGITS in the whole text before searching lines."""
    import sys

    from textcheck.layout_format import FULL_DIGITS

    found = {chr(i) for i in range(sys.maxunicode + 1)
             if not 0xD800 <= i <= 0xDFFF and patterns.FORMAT_FULL_DIGIT.match(chr(i))}
    assert found == set(FULL_DIGITS)


def test_mixed_width_digits_found_with_full_digits_present():
    from textcheck.readers import read_text

    doc = read_text("一、收入\n合计 １２3 万元\n二、支出 ４５６\n", path="w.txt")
    assert Layout(doc).mixed_width_digits == [(2, 4, 6, "１２3")]
    assert Layout(read_text("一、收入 123\n", path="w.txt")).mixed_width_digits == []


def test_end_punctuation_of_a_key_is_the_patterns():
    """layout_toc strips a key's end punctuation with str.rstrip of TOC_END_PUNCT's characters:
    the same characters, and the same result on keys (no white space, so no line break)."""
    import sys

    from textcheck.layout_toc import _END_PUNCT_CHARS, _first_char

    found = {chr(i) for i in range(sys.maxunicode + 1)
             if not 0xD800 <= i <= 0xDFFF and patterns.TOC_END_PUNCT.fullmatch(chr(i))}
    assert found == set(_END_PUNCT_CHARS)
    for key in ["", "。", "一、概况。", "收支总表：", "a;;.", "表.。：", "说明．", "1.2", "x:y", "（一）"]:
        assert key.rstrip(_END_PUNCT_CHARS) == patterns.TOC_END_PUNCT.sub("", key), key
    for s in ["", " ", "  - x", "\u3000•", "\x1c-", "a b ", "表 ", "\t", "x"]:
        assert _first_char(s) == s.lstrip()[:1]
