"""Located lines as the structure builder reads them: spans joined, the source lines of a row,
a line's heading level, and whether a line continues the sentence the line before broke off."""
from __future__ import annotations

from itertools import chain

from textcheck import patterns
from textcheck.document import LocatedText, located


def concat(parts: list[LocatedText]) -> LocatedText:
    """LocatedTexts joined without separator (positions kept)."""
    if len(parts) == 1:
        return parts[0]
    text = "".join(p.text for p in parts)
    positions = tuple(chain.from_iterable([p.positions for p in parts]))  # in C, not a generator step per character
    return located(text, positions, parts[0].page, parts[0].ref)


def row_lines(row: tuple[LocatedText, ...] | list[LocatedText]) -> tuple[int | None, int | None]:
    """First and last source line of a row's cells (None when no cell has a position)."""
    first = last = None
    for c in row:
        p = c.positions
        if p:
            a, b = p[0][0], p[-1][0]
            if first is None or a < first:
                first = a
            if last is None or b > last:
                last = b
    return first, last


def heading_level(text: str) -> int | None:
    """Heading level of a normalised line, or None (sentences are not headings)."""
    t = text.strip()
    if not t or len(t) > 60:
        return None
    body = t
    if t[-1] == "。" and len(t) <= 30 and "：" not in t and ":" not in t and t.count("、") <= 1:
        body = t[:-1]  # "一、主要职能。": some documents end headings with a full stop
    if not body:
        return None  # a lone "。" (a sentence end wrapped onto its own line) is no heading
    if body[-1] in patterns.SENTENCE_END or "。" in body or "，" in body or "；" in body or "," in body \
            or ";" in body:
        return None  # prose (a numbered list item or a sentence broken at the line end)
    for level, pat in patterns.HEADING_LEVELS:
        if pat.match(body):
            if body is not t and level > 2:
                return None  # "（十四）指导…工作。" is a list item, not a heading
            return level
    return None


def adjacent(prev: LocatedText, nxt: LocatedText) -> bool:
    """No blank line between the two (a wrapped line of one paragraph in a PDF rendering)."""
    if not prev.positions or not nxt.positions:
        return False
    return nxt.positions[0][0] == prev.positions[-1][0] + 1


def continues(prev: str, nxt: str, adjacent: bool = False, nxt_heading: bool | None = None) -> bool:
    """Does ``nxt`` continue the sentence ``prev`` broke off?  (``nxt_heading``: whether
    ``heading_level(nxt)`` finds a level, when the caller has asked it already.)"""
    prev = prev.rstrip()
    if not prev or prev[-1] in patterns.SENTENCE_END:
        return False
    if patterns.LIST_ITEM.match(nxt) or patterns.LABEL_LINE.match(nxt) or (
            heading_level(nxt) is not None if nxt_heading is None else nxt_heading):
        return False
    if adjacent:
        return True
    if len(prev) < 20 and "，" not in prev:
        return False  # short title-like lines (cover, signature, date) stand alone
    if patterns.BULLET_ITEM.match(prev) or prev[-1] in "）)":
        return False  # a bullet item, or a phrase closed by a bracket, is complete
    return True
