"""How a term is compared: the normalisation every lexicon lookup goes through.

Full-width/half-width parentheses, spaces and quote marks never decide whether a
term is found.
"""
from __future__ import annotations

import unicodedata

from textcheck import patterns

# Quote marks are dropped: "三公"经费, “三公”经费 and 三公经费 are one term; 〔〕【】 read as ().
_MARKS = (*((q, "") for q in "\"'“”‘’「」『』"), ("〔", "("), ("〕", ")"), ("【", "("), ("】", ")"))
# What normalize_term drops, and the brackets it writes as parentheses (a text's first
# character or its characters after normalisation, told without normalising it: linking).
DROPPED_MARKS = frozenset(q for q, r in _MARKS if not r)
BRACKET_MARKS = tuple((q, r) for q, r in _MARKS if r)

# The full-width sentence punctuation of Chinese text, each with its NFKD form (one ASCII
# character, like the character itself a starter that composes with nothing before it).
_FULLWIDTH_PUNCT = (("（", "("), ("）", ")"), ("，", ","), ("：", ":"), ("；", ";"), ("！", "!"), ("？", "?"))


def nfkc(s: str) -> str:
    """``unicodedata.normalize("NFKC", s)``, fast on Chinese text.

    Nearly every line holds a "，" or "（", which fails NFKC's quick check and sends the whole
    string through decomposition and composition (~0.1 µs per character: milliseconds for
    a document).  Replacing those characters by their decompositions first changes nothing
    NFKC produces (it decomposes them to exactly that), and what is left usually passes the
    quick check."""
    if unicodedata.is_normalized("NFKC", s):
        return s
    for wide, narrow in _FULLWIDTH_PUNCT:
        if wide in s:
            s = s.replace(wide, narrow)
    return unicodedata.normalize("NFKC", s)


def is_own_key(s: str) -> bool:
    """True for a text that is its own ``normalize_term`` key, told without normalising it:
    letters and digits alone (no mark to drop, no white space: no letter or digit is either;
    tests/test_linking_fast_paths.py checks every code point) that NFKC leaves alone.  Most
    terms are Han text, so most are."""
    return s.isalnum() and unicodedata.is_normalized("NFKC", s)


def normalize_term(s: str) -> str:
    """Comparison key of a term: NFKC (full-width → half-width parentheses, digits,
    letters, ideographic space), no whitespace, no quote marks, 〔〕/【】 as ().

    ``normalize_term("因公出国（境）费") == normalize_term("因公出国(境)费")``.
    """
    if not s:
        return ""
    if is_own_key(s):
        return s
    s = nfkc(s)
    # only when there is a mark to rewrite (patterns.TERM_MARKS holds the same characters);
    # one str.replace per mark scans in C, where str.translate with a dict looks every
    # character up (µs per term, milliseconds for a whole document's text)
    if patterns.TERM_MARKS.search(s):
        for mark, replacement in _MARKS:
            s = s.replace(mark, replacement)
    return "".join(s.split())


def squash(text: str) -> str:
    """Header/label text without whitespace (PDF conversion breaks words inside cells)."""
    if not text:
        return ""
    # Most labels and cells hold no space: str.split finds that in C, several times faster than
    # the pattern (it splits at every \s of the pattern, and at a few more characters, so a
    # text it leaves whole holds no match of the pattern).
    if text.split() == [text]:
        return text
    return patterns.WHITESPACE.sub("", text)


def code_level(code: str) -> int | None:
    """Level of a classification code from its length: 3 → 1 (类), 5 → 2 (款), 7 → 3 (项)."""
    return {3: 1, 5: 2, 7: 3}.get(len(code))


def longest_first(words) -> list[str]:
    return sorted(dict.fromkeys(words), key=lambda w: (-len(w), w))
