"""PDF → blocks → Document (pdfplumber, MIT licensed).

What a published PDF gives us is characters with positions and, usually,
the ruling lines of its tables.  This reader turns them into the same blocks
the text reader emits, so every later stage is format-blind:

- Ruled tables (Word and Excel exports draw every cell border) are found from
  their ruling lines (pdfplumber's table finder); each cell's characters are
  joined, so text wrapped inside a cell ("机关事业单位基本养老保险缴费支\\n出")
  is one cell again, and a number vertically centred in a tall cell stays in
  its row.  Columns that are empty in every row (the slivers Word's cell
  borders produce) are dropped.  Rows at the top of a grid holding only a
  caption, "部门：… 单位：万元" or a "公开表五" label become text lines, which is
  what they are.
- Borderless tables: runs of lines whose words stand in separate columns
  (wide gaps) and that carry numbers become grid rows; column x-ranges come
  from the union of all rows' word extents, numbers aligned by their right
  edge (``readers/pdf_borderless.py``).
- Everything else is running text.  Lines are rebuilt from characters; a
  space is kept only between two Latin letters/digits (justified Chinese text
  has wide gaps that mean nothing).  A new paragraph starts at an indented
  line or after a line that ends short of the right margin; a blank line in
  the rendering separates paragraphs, so a sentence wrapped across lines or
  across a page break ("减少\\n175 万元") stays one paragraph.
- Page numbers ("─ 3 ─", "- 9 -", "10", "第 3 页") and lines repeated at the
  same place on many pages (running headers/footers) are dropped.

This module opens the PDF and reads each page into lines and grids; the jobs
have their own modules: ``pdf_items`` (Line, Grid, Page), ``pdf_lines``
(characters → lines), ``pdf_grids`` (ruled tables), ``pdf_borderless``, and
``pdf_render`` (pages → the text rendering: paragraphs, margins, running
headers, character boxes).  Page objects come from ``pdf_pages``.

Locations: each rendered line remembers its page; ``LocatedText.page`` is set
and ``Document.meta["line_pages"]`` maps every rendered line to its page.
"""
from __future__ import annotations

import logging

from textcheck import patterns
from textcheck.document import Document
from textcheck.errors import ReadError
from textcheck.readers.pdf_grids import is_caption_row, take_grid
from textcheck.readers.pdf_items import Grid, Line, Page
from textcheck.readers.pdf_lines import text_lines
from textcheck.readers.pdf_render import render
from textcheck.readers.rendering import Rendering

# pdfminer logs every odd font at WARNING; the user needs none of it.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def read_pdf(data: bytes, path: str, source: str | None = None) -> Document:
    """Read a PDF's bytes into a located Document (ReadError when it cannot be read).

    ``source``: where page objects come from, "pdfium" (default) or "pdfplumber"
    (see ``readers/pdf_pages.py``)."""
    rendering, meta = pdf_rendering(data, path, source)
    return rendering.to_document(path, "pdf", meta)


def pdf_rendering(data: bytes, path: str, source: str | None = None) -> tuple[Rendering, dict]:
    """The blocks and text rendering of a PDF (without building the Document)."""
    pages = _extract_pages(data, path, source)
    rendering = Rendering()
    boxes: dict = {}
    render(pages, rendering, boxes)
    # char_boxes: rendered line → (page, ((column, x0, top, x1, bottom), …)) in PDF points from the
    # page's top-left, so a report can box a flagged figure on the page image (report/pdf_pages.py).
    meta = {"pages": len(pages), "line_pages": tuple(rendering.line_pages), "char_boxes": boxes,
            "page_sizes": tuple((p.width, p.height) for p in pages)}
    return rendering, meta


def _extract_pages(data: bytes, path: str, source: str | None = None) -> list[Page]:
    """Each page's lines and grids, from the page objects of the chosen source (readers/pdf_pages.py)."""
    from textcheck.readers.pdf_pages import page_objects

    pages: list[Page] = []
    try:
        for page in page_objects(data, path, source):
            pages.append(_read_page(page, page.page_number))
            page.close()  # drop the page's parsed objects: memory stays flat on long files
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, _pdf_failure(exc)) from None
    if not pages:
        raise ReadError(path, "not a readable PDF (truncated or damaged: no pages found)")
    if not any(page.items for page in pages):
        raise ReadError(path, "PDF has no text layer (scanned images?); run OCR first")
    return pages


def _pdf_failure(exc: Exception) -> str:
    # pdfplumber wraps pdfminer's errors: look at the wrapped one too
    inner = [exc, *[a for a in exc.args if isinstance(a, Exception)]]
    names = " ".join(type(e).__name__ for e in inner)
    if "Password" in names or "Encrypt" in names:
        return "encrypted PDF (password protected); save an unprotected copy"
    return f"not a readable PDF (truncated or damaged: {type(inner[-1]).__name__})"


def _read_page(page, number: int) -> Page:
    out = Page(number, float(page.width), float(page.height))
    chars = [c for c in page.chars if c.get("text", "").strip()]
    if not chars:
        return out
    if page.lines or page.rects or page.curves:
        # White cell backgrounds are not rules: Word paints one behind every line of a
        # cell, and their edges would split wrapped cells into rows and slivers.
        ruled = page.filter(lambda obj: not _is_white_fill(obj))
        rules = [(e["x0"], e["x1"], e["top"]) for e in ruled.horizontal_edges]
        for table in ruled.find_tables():
            chars = take_grid(table, chars, out, rules)
    lines = text_lines(chars)
    charts = _chart_areas(page) if page.curves else []
    if charts:
        lines = [ln for ln in lines if not _chart_label(ln, charts)]
    out.items.extend(lines)
    out.items.sort(key=lambda item: item.top)
    out.items = _attach_orphan_rows(out.items)
    _slim_chars(out.items)
    return out


# What rendering reads of a character a page item keeps (its box: pdf_render._keep_boxes).
BOX_KEYS = ("text", "x0", "top", "x1", "bottom")


def _slim_chars(items: list) -> None:
    """Keep of each item's characters only their text and box.

    Every page is read before any is rendered (running headers and footers are found across
    pages), and a source character carries fifteen fields (font, matrix, page coordinates …)
    that nothing reads once the page's lines and grids are made: on a long PDF those full
    characters were most of the reader's peak memory."""
    def slim(chars: list) -> list:
        return [{k: c[k] for k in BOX_KEYS} for c in chars]

    for item in items:
        if isinstance(item, Line):
            item.chars = slim(item.chars)
        elif isinstance(item, Grid):
            item.row_chars = [slim(row) for row in item.row_chars]


def _chart_areas(page) -> list[tuple[float, float, float, float]]:
    """Where a chart is drawn (curves: pie slices, plotted lines), widened to take in its labels."""
    curves = page.curves
    x0 = min(c["x0"] for c in curves)
    x1 = max(c["x1"] for c in curves)
    top = min(c["top"] for c in curves)
    bottom = max(c["bottom"] for c in curves)
    # the legend and frame drawn as rectangles touching the curves' area
    for r in page.rects:
        if r["x0"] < x1 and r["x1"] > x0 and r["top"] < bottom + 40 and r["bottom"] > top - 40:
            x0, x1 = min(x0, r["x0"]), max(x1, r["x1"])
            top, bottom = min(top, r["top"]), max(bottom, r["bottom"])
    pad_x = 0.15 * float(page.width)
    return [(x0 - pad_x, top - 40, x1 + pad_x, bottom + 20)]


def _chart_label(line: "Line", charts) -> bool:
    """A short line inside a chart's area is a slice label or legend ("基本支出, 59.35%"), not prose."""
    if len(line.text) > 16 or any(ch in line.text for ch in "。；："):
        return False
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(a <= cx <= c and b <= cy <= d for a, b, c, d in charts)


def _is_white_fill(obj: dict) -> bool:
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return False
    color = obj.get("non_stroking_color")
    if isinstance(color, (int, float)):
        color = (color,)
    if not color:
        return False
    if len(color) == 4:  # CMYK: white is no ink
        return all(v == 0 for v in color)
    return all(v == 1 for v in color)


def _attach_orphan_rows(items: list) -> list:
    """A table row printed just above or below its grid without a border of its own.

    The first row on a continuation page often has no top border (it was drawn
    on the previous page), so the table finder misses it.  A line next to a
    grid whose wide-gap segments each fall into a different column of the
    grid is that grid's row.
    """
    out: list = []
    for k, it in enumerate(items):
        # two or more fields; or one text fragment right above a grid (a cell's wrap past the page end)
        below = items[k + 1] if k + 1 < len(items) else None
        fragment = (isinstance(it, Line) and len(it.segments) == 1 and len(it.text) <= 8 and k == 0
                    and isinstance(below, Grid) and not any(ch.isdigit() for ch in it.text)
                    and not patterns.PDF_CAPTION_TEXT.search(it.text))
        if isinstance(it, Line) and (len(it.segments) >= 2 or fragment):
            above = out[-1] if out else None
            if isinstance(below, Grid) and below.top - it.bottom < 3 * it.size:
                row = _fit_columns(it, below.columns)
                if row is not None:
                    below.rows.insert(0, row)
                    below.top = it.top
                    continue
            if isinstance(above, Grid) and it.top - above.bottom < 3 * it.size:
                row = _fit_columns(it, above.columns)
                if row is not None:
                    above.rows.append(row)
                    above.bottom = it.bottom
                    continue
        out.append(it)
    return out


def _fit_columns(line: "Line", columns: list[tuple[float, float]]) -> list[str] | None:
    if is_caption_row([s[0] for s in line.segments]):
        return None
    cells = [""] * len(columns)
    for text, x0, x1 in line.segments:
        centre = (x0 + x1) / 2
        k = next((i for i, (a, b) in enumerate(columns) if a - 1 <= centre <= b + 1), None)
        if k is None or cells[k]:
            return None
        cells[k] = text
    return cells
