"""How a term is compared: the normalisation every lexicon lookup goes through.

Full-width/half-width parentheses, spaces and quote marks never decide whether a
term is found.
"""
from __future__ import annotations

import unicodedata

from textcheck import patterns

# Quote marks are dropped: "三公"经费, “三公”经费 and 三公经费 are one term.
_DROP = dict.fromkeys(map(ord, "\"'“”‘’「」『』"), None)
_BRACKETS = ("〔", "〕", "【", "】")


def normalize_term(s: str) -> str:
    """Comparison key of a term: NFKC (full-width → half-width parentheses, digits,
    letters, ideographic space), no whitespace, no quote marks, 〔〕/【】 as ().

    ``normalize_term("因公出国（境）费") == normalize_term("因公出国(境)费")``.
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    # str.translate looks each character of a CJK string up in _DROP (µs per term): only
    # when there is a quote mark to drop (patterns.TERM_QUOTE holds the same marks)
    if patterns.TERM_QUOTE.search(s):
        s = s.translate(_DROP)
    if any(b in s for b in _BRACKETS):
        s = s.replace("〔", "(").replace("〕", ")").replace("【", "(").replace("】", ")")
    return "".join(s.split())


def squash(text: str) -> str:
    """Header/label text without whitespace (PDF conversion breaks words inside cells)."""
    return patterns.WHITESPACE.sub("", text or "")


def code_level(code: str) -> int | None:
    """Level of a classification code from its length: 3 → 1 (类), 5 → 2 (款), 7 → 3 (项)."""
    return {3: 1, 5: 2, 7: 3}.get(len(code))


def longest_first(words) -> list[str]:
    return sorted(dict.fromkeys(words), key=lambda w: (-len(w), w))
