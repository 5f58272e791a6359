"""Pages of lines and grids → the text rendering (one line per text line or table row).

A new paragraph starts at an indented line or after a line that ends short of
the right margin; a blank line in the rendering separates paragraphs, so a
sentence wrapped across lines or across a page break stays one paragraph.
Page numbers and lines repeated at the same place on many pages (running
headers/footers) are dropped.  Each rendered character's box is kept for the
report's page images.
"""
from __future__ import annotations

import math
from collections import Counter

from textcheck import patterns
from textcheck.readers.pdf_borderless import BorderlessRow, borderless_rows
from textcheck.readers.pdf_items import Grid, Line, Page
from textcheck.readers.rendering import Rendering


def _keep_boxes(out: Rendering, chars: list[dict], page: int, boxes: dict | None) -> None:
    """Remember where the characters of the line just rendered stand on the page.

    The rendered text drops and adds spaces but keeps the characters' order, so each
    rendered character is matched to the next source character with the same text."""
    if boxes is None or not chars:
        return
    text, found, p = out.lines[-1], [], 0
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        for q in range(p, min(len(chars), p + 40)):
            if chars[q]["text"] == ch:
                c = chars[q]
                found.append((k + 1, round(c["x0"], 1), round(c["top"], 1), round(c["x1"], 1), round(c["bottom"], 1)))
                p = q + 1
                break
    if found:
        boxes[len(out.lines)] = (page, tuple(found))


def render(pages: list[Page], out: Rendering, boxes: dict | None = None) -> None:
    furniture = _running_furniture(pages)
    left, right = _body_margins(pages)
    last_line: Line | None = None  # last text line rendered (paragraph continues?)
    for page in pages:
        if page.number > 1:
            out.page_break(page.number)
        items = [it for it in page.items if not (isinstance(it, Line) and _is_furniture(it, page, furniture))]
        items = borderless_rows(_tidy_captions(items))
        for item in items:
            if isinstance(item, Grid):
                _render_grid(item, page.number, out, boxes)
                last_line = None
                continue
            if isinstance(item, BorderlessRow):
                if last_line is not None:
                    out.blank()
                out.row(item.cells, page.number)
                _keep_boxes(out, item.chars, page.number, boxes)
                last_line = None
                continue
            if last_line is not None and _starts_paragraph(item, last_line, left, right, page):
                out.blank()
            elif last_line is None and out.lines:
                out.blank()
            out.text(item.text, page.number)
            _keep_boxes(out, item.chars, page.number, boxes)
            last_line = item


def _tidy_captions(items: list) -> list:
    """Caption lines as the structure stage reads them.

    - A title wrapped over two lines ("…培训费支出预" / "算表", or "…明细表（按支出功" /
      "能分类科目）" broken inside its bracket) is one line.
    - A title printed above its label ("财政拨款支出预算表（功能科目）" then "公开表五")
      is rendered label first, the order captions are read in.
    - "部门：江苏省人民检察院        单位：万元" (two fields on one line) is two lines.
    """
    out: list = []
    k = 0
    while k < len(items):
        it = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (isinstance(it, Line) and isinstance(nxt, Line)
                and (len(nxt.text) <= 10 and not patterns.PDF_CAPTION_TEXT.search(it.text)
                     or _opens_bracket(it.text) and len(nxt.text) <= 20 and not _opens_bracket(nxt.text))
                and patterns.PDF_CAPTION_TEXT.search(it.text + nxt.text)
                and nxt.top - it.bottom < 1.5 * it.size and len(it.segments) == 1 and len(nxt.segments) == 1):
            merged = Line(it.text + nxt.text, it.x0, max(it.x1, nxt.x1), it.top, nxt.bottom, it.size,
                           [(it.text + nxt.text, it.x0, max(it.x1, nxt.x1))])
            out.append(merged)
            k += 2
            continue
        out.append(it)
        k += 1
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (isinstance(a, Line) and isinstance(b, Line) and patterns.PDF_CAPTION_LABEL.fullmatch(b.text)
                and patterns.PDF_CAPTION_TEXT.search(a.text) and not patterns.PDF_CAPTION_LABEL.fullmatch(a.text)):
            out[k], out[k + 1] = b, a
    split: list = []
    for it in out:
        if (isinstance(it, Line) and len(it.segments) >= 2
                and patterns.PDF_UNIT_OR_DEPARTMENT.search(it.segments[-1][0])
                and patterns.PDF_UNIT_OR_DEPARTMENT.search(it.segments[0][0])):
            unit_at = next(i for i, sg in enumerate(it.segments) if i and patterns.UNIT_LINE.search(sg[0])) \
                if any(i and patterns.UNIT_LINE.search(sg[0]) for i, sg in enumerate(it.segments)) else None
            if unit_at:
                first, rest = it.segments[:unit_at], it.segments[unit_at:]
                split.append(Line("".join(sg[0] for sg in first), first[0][1], first[-1][2], it.top, it.bottom,
                                   it.size, first))
                split.append(Line(" ".join(sg[0] for sg in rest), rest[0][1], rest[-1][2], it.top + 0.01,
                                   it.bottom, it.size, rest))
                continue
        split.append(it)
    return split


def _opens_bracket(text: str) -> bool:
    """"…明细表（按支出功": a title broken inside its bracket (the next line closes it)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _render_grid(grid: Grid, page: int, out: Rendering, boxes: dict | None = None) -> None:
    out.blank()
    rows = grid.rows
    start = 0
    end = len(rows)
    while end > start and _is_note_row(rows[end - 1]):
        end -= 1
    row_chars = grid.row_chars if len(grid.row_chars) == len(rows) else [[] for _ in rows]
    for row, chars in zip(rows[start:end], row_chars[start:end]):
        out.row(row, page)
        _keep_boxes(out, chars, page, boxes)
    for row in rows[end:]:
        out.text(" ".join(c for c in row if c), page)
    out.blank()


def _is_note_row(row: list[str]) -> bool:
    filled = [c for c in row if c]
    return len(filled) == 1 and bool(patterns.PDF_NOTE.match(filled[0]))


def _starts_paragraph(line: Line, prev: Line, left: float, right: float, page: Page) -> bool:
    size = line.size or 10
    if line.x0 > left + 1.2 * size:  # indented first line, or centred title
        return True
    if prev.x1 < right - 2.0 * size:  # previous line ended short
        return True
    if prev.text.endswith(("。", "：", ":")) and prev.x1 < right - 0.5 * size:
        return True
    return False


def _body_margins(pages: list[Page]) -> tuple[float, float]:
    """Left and right edges of the running text (most common line starts/ends)."""
    x0s = Counter()
    x1s = Counter()
    for page in pages:
        for it in page.items:
            if isinstance(it, Line) and len(it.text) >= 8:
                x0s[point(it.x0)] += 1
                x1s[point(it.x1)] += 1
    left = min(x0s, key=lambda x: (-x0s[x], x)) if x0s else 0.0
    # the right margin: the largest frequently reached line end
    right = 0.0
    if x1s:
        common = [x for x, n in x1s.items() if n >= max(2, max(x1s.values()) // 4)]
        right = max(common) if common else max(x1s)
    return float(left), float(right)


def point(x: float) -> int:
    """The whole point a coordinate falls on, halves rounded down.

    Body lines often end exactly on k + 0.5, where round() decides by the last bit:
    pdfminer's double-precision sums give 514.5000000000002, PDFium's single precision
    514.4999.  Snapped to a thousandth of a point first (more than the two sources ever
    disagree, ~1e-4 pt; less than any spacing a PDF is written with), both are 514.5,
    and both land on 514."""
    return math.ceil(round(x, 3) - 0.5)


def _running_furniture(pages: list[Page]) -> set[str]:
    """Texts repeated in the top or bottom margin of many pages (running headers/footers)."""
    seen = Counter()
    for page in pages:
        for it in page.items:
            if isinstance(it, Line) and _in_margin(it, page):
                seen[_digitless(it.text)] += 1
    need = max(3, len(pages) // 2)
    return {text for text, n in seen.items() if n >= need}


def _in_margin(line: Line, page: Page) -> bool:
    return line.bottom < page.height * 0.09 or line.top > page.height * 0.90


def _digitless(text: str) -> str:
    return "".join("#" if ch.isdigit() else ch for ch in text)


def _is_furniture(line: Line, page: Page, furniture: set[str]) -> bool:
    # a caption, table label or "部门：… 单位：万元" line repeats on every page of a table
    # volume, sometimes high on the page: it is content, never a running header
    if patterns.PDF_CAPTION_TEXT.search(line.text) or patterns.PDF_UNIT_OR_DEPARTMENT.search(line.text):
        return False
    if patterns.PDF_PAGE_NUMBER.fullmatch(line.text) and (line.top > page.height * 0.75 or line.bottom < page.height * 0.15):
        return True
    return _in_margin(line, page) and _digitless(line.text) in furniture
