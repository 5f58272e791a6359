"""Characters → lines of text, and a cell's characters → its text.

Lines are grouped by vertical overlap and read left to right; a space is kept
only between two Latin letters/digits (justified Chinese text has wide gaps
that mean nothing), and gaps wider than two characters split a line into
segments (fields, or cells of a borderless table).
"""
from __future__ import annotations

import statistics

from textcheck.readers.pdf_items import Line


def cell_join(chars: list[dict]) -> str:
    """A cell's text: its lines are wraps of one text, joined without a break."""
    if not chars:
        return ""
    return squeeze(" ".join(ln.text for ln in text_lines(chars)))


def _is_latin(ch: str) -> bool:
    # a gap before "%" or after "." is a justification artefact ("8.8 %"), never a word break
    return ch.isascii() and ch.isalnum()


def squeeze(text: str) -> str:
    """Drop spaces unless both neighbours are Latin letters/digits."""
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch == " ":
            prev = out[-1] if out else ""
            nxt = next((text[k] for k in range(i + 1, n) if text[k] != " "), "")
            if prev and nxt and _is_latin(prev) and _is_latin(nxt) and prev != " ":
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out).strip()


def text_lines(chars: list[dict]) -> list[Line]:
    """Characters grouped into lines (by vertical overlap), left to right."""
    # by top, then (equal tops) by x0: what sorting by (round(top, 1), x0) and then,
    # stably, by top gives, in one sort
    groups: list[list[dict]] = []
    for c in sorted(chars, key=_top_x0):
        if groups:
            g = groups[-1]
            top = min(x["top"] for x in g[:3])
            bottom = max(x["bottom"] for x in g[:3])
            mid = (c["top"] + c["bottom"]) / 2
            if top - 1 <= mid <= bottom + 1:
                g.append(c)
                continue
        groups.append([c])
    lines: list[Line] = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        lines.extend(_split_line(g))
    return lines


def _top_x0(c: dict) -> tuple[float, float]:
    return c["top"], c["x0"]


def _split_line(g: list[dict]) -> list[Line]:
    """One line of characters; text with spaces only where the source means them."""
    sizes = [c["x1"] - c["x0"] for c in g if c["text"].strip() and not c["text"].isascii()]
    size = statistics.median(sizes) if sizes else statistics.median([c["bottom"] - c["top"] for c in g])
    # Wide gaps (two characters or more) separate fields ("部门：… 单位：万元", table cells):
    # they stay as one space; narrower gaps are justification and vanish.
    gapped = _gap_marked(g, size)
    text = " ".join(s[0] for s in gapped)
    if not text:
        return []
    return [Line(text, g[0]["x0"], g[-1]["x1"], min(c["top"] for c in g), max(c["bottom"] for c in g), size, gapped,
                  g)]


def _gap_marked(g: list[dict], size: float) -> list[tuple[str, float, float]]:
    """Segments of a line separated by gaps wider than two characters: (text, x0, x1)."""
    segments: list[tuple[str, float, float]] = []
    current: list[dict] = []
    for c in g:
        if current and c["x0"] - current[-1]["x1"] > 2.0 * size:
            segments.append(_segment(current))
            current = []
        current.append(c)
    if current:
        segments.append(_segment(current))
    return [s for s in segments if s[0]]


def _segment(chars: list[dict]) -> tuple[str, float, float]:
    parts: list[str] = []
    prev = None
    for c in chars:
        # a real gap between two Latin words is a space; squeeze drops it next to CJK
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * max(1.0, c["size"] if "size" in c else 10):
            parts.append(" ")
        parts.append(c["text"])
        prev = c
    return squeeze("".join(parts)), chars[0]["x0"], chars[-1]["x1"]
