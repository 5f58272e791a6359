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
  edge (see ``_borderless_rows``).
- Everything else is running text.  Lines are rebuilt from characters; a
  space is kept only between two Latin letters/digits (justified Chinese text
  has wide gaps that mean nothing).  A new paragraph starts at an indented
  line or after a line that ends short of the right margin; a blank line in
  the rendering separates paragraphs, so a sentence wrapped across lines or
  across a page break ("减少\\n175 万元") stays one paragraph.
- Page numbers ("─ 3 ─", "- 9 -", "10", "第 3 页") and lines repeated at the
  same place on many pages (running headers/footers) are dropped.

Locations: each rendered line remembers its page; ``LocatedText.page`` is set
and ``Document.meta["line_pages"]`` maps every rendered line to its page.
"""
from __future__ import annotations

import logging
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.document import Document
from textcheck.errors import ReadError
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
    _render(pages, rendering, boxes)
    # char_boxes: rendered line → (page, ((column, x0, top, x1, bottom), …)) in PDF points from the
    # page's top-left, so a report can box a flagged figure on the page image (report/pdf_pages.py).
    meta = {"pages": len(pages), "line_pages": tuple(rendering.line_pages), "char_boxes": boxes,
            "page_sizes": tuple((p.width, p.height) for p in pages)}
    return rendering, meta


# ---------------------------------------------------------------------------
# Opening and extraction
# ---------------------------------------------------------------------------


@dataclass
class _Line:
    """A line of running text on a page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    segments: list = field(default_factory=list)  # (text, x0, x1) pieces split at wide gaps
    chars: list = field(default_factory=list, repr=False)  # the characters, left to right (for char boxes)


@dataclass
class _Grid:
    """A table found on a page: its rows of cell strings."""

    rows: list[list[str]]
    top: float
    bottom: float
    columns: list[tuple[float, float]] = field(default_factory=list)  # x-range of each column
    row_chars: list = field(default_factory=list, repr=False)  # each row's characters, cell by cell (char boxes)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line and _Grid, top to bottom


def _extract_pages(data: bytes, path: str, source: str | None = None) -> list[_Page]:
    """Each page's lines and grids, from the page objects of the chosen source (readers/pdf_pages.py)."""
    from textcheck.readers.pdf_pages import page_objects

    pages: list[_Page] = []
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


def _read_page(page, number: int) -> _Page:
    out = _Page(number, float(page.width), float(page.height))
    chars = [c for c in page.chars if c.get("text", "").strip()]
    if not chars:
        return out
    if page.lines or page.rects or page.curves:
        # White cell backgrounds are not rules: Word paints one behind every line of a
        # cell, and their edges would split wrapped cells into rows and slivers.
        ruled = page.filter(lambda obj: not _is_white_fill(obj))
        rules = [(e["x0"], e["x1"], e["top"]) for e in ruled.horizontal_edges]
        for table in ruled.find_tables():
            chars = _take_grid(table, chars, out, rules)
    lines = _text_lines(chars)
    charts = _chart_areas(page) if page.curves else []
    if charts:
        lines = [ln for ln in lines if not _chart_label(ln, charts)]
    out.items.extend(lines)
    out.items.sort(key=lambda item: item.top)
    out.items = _attach_orphan_rows(out.items)
    return out


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


def _chart_label(line: "_Line", charts) -> bool:
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
        fragment = (isinstance(it, _Line) and len(it.segments) == 1 and len(it.text) <= 8 and k == 0
                    and isinstance(below, _Grid) and not any(ch.isdigit() for ch in it.text)
                    and not patterns.PDF_CAPTION_TEXT.search(it.text))
        if isinstance(it, _Line) and (len(it.segments) >= 2 or fragment):
            above = out[-1] if out else None
            if isinstance(below, _Grid) and below.top - it.bottom < 3 * it.size:
                row = _fit_columns(it, below.columns)
                if row is not None:
                    below.rows.insert(0, row)
                    below.top = it.top
                    continue
            if isinstance(above, _Grid) and it.top - above.bottom < 3 * it.size:
                row = _fit_columns(it, above.columns)
                if row is not None:
                    above.rows.append(row)
                    above.bottom = it.bottom
                    continue
        out.append(it)
    return out


def _fit_columns(line: "_Line", columns: list[tuple[float, float]]) -> list[str] | None:
    if _is_caption_row([s[0] for s in line.segments]):
        return None
    cells = [""] * len(columns)
    for text, x0, x1 in line.segments:
        centre = (x0 + x1) / 2
        k = next((i for i, (a, b) in enumerate(columns) if a - 1 <= centre <= b + 1), None)
        if k is None or cells[k]:
            return None
        cells[k] = text
    return cells


def _take_grid(table, chars: list[dict], out: _Page, rules) -> list[dict]:
    """Add the table's rows (and caption lines drawn inside its grid) to the page; return the other chars."""
    x0, top, x1, bottom = table.bbox
    boxes = [list(row.cells) for row in table.rows]
    if not boxes:
        return chars
    row_boxes = [row.bbox for row in table.rows]
    assigned: list[list[list[dict]]] = [[[] for _ in row] for row in boxes]
    taken: set[int] = set()
    # each character goes to the first row, and the first cell of it, holding its centre
    # (the test of _centre_in, written out: this loop sees every character of every table)
    rows = [(rb, [(j, cb) for j, cb in enumerate(boxes[i]) if cb is not None], assigned[i])
            for i, rb in enumerate(row_boxes)]
    for c in chars:
        cx = (c["x0"] + c["x1"]) / 2
        cy = (c["top"] + c["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for rb, cells, row_chars in rows:
            if not (rb[0] <= cx <= rb[2] and rb[1] <= cy <= rb[3]):
                continue
            j = next((j for j, cb in cells if cb[0] <= cx <= cb[2] and cb[1] <= cy <= cb[3]), None)
            if j is not None:
                row_chars[j].append(c)
                taken.add(id(c))
                break
    filled = [i for i, cells in enumerate(assigned) if any(cells)]
    if not filled:
        return chars
    # Caption rows drawn inside the grid ("公开表五", the title, "部门：… 单位：万元") are text.
    lead = 0
    while lead < len(filled) and _is_caption_row(
            [_cell_join(cc) for cc in assigned[filled[lead]]], boxes[filled[lead]], x1 - x0):
        lead += 1
    for i in filled[:lead]:
        out.items.extend(_text_lines([c for cc in assigned[i] for c in cc]))
    body = _join_wrapped_rows([assigned[i] for i in filled[lead:]], [boxes[i] for i in filled[lead:]], rules)
    if body:
        texts = [[_cell_join(cc) for cc in cells] for cells, _ in body]
        cell_boxes = [bx for _, bx in body]
        rows, spans = _tidy_columns(texts, cell_boxes, _sub_columns(boxes, x1), _font_size(chars))
        row_chars = [[c for cc in cells for ln in _text_lines(cc) for c in ln.chars] for cells, _ in body]
        out.items.append(_Grid(rows, min(c["top"] for cc in body[0][0] for c in cc), bottom, spans, row_chars))
    return [c for c in chars if id(c) not in taken]


def _join_wrapped_rows(rows, boxes, rules):
    """Merge a grid row that only continues the wrapped text of the row above.

    In side-by-side tables the two halves have their own row borders, so the
    grid splits a wrapped cell ("九、医疗卫生与计划生育支" / "出") into two rows.
    A row is a continuation when every filled cell is text, the cell above it
    is filled too, and no ruling line separates the two within that column.
    """
    out: list[tuple[list[list[dict]], list]] = []
    for cells, bx in zip(rows, boxes):
        if out and _continues(out[-1][0], cells, rules):
            prev = out[-1][0]
            for j, cc in enumerate(cells):
                prev[j] = prev[j] + cc
            continue
        out.append(([list(cc) for cc in cells], bx))
    return out


def _continues(above: list[list[dict]], cells: list[list[dict]], rules) -> bool:
    any_filled = False
    for j, cc in enumerate(cells):
        if not cc:
            continue
        any_filled = True
        text = _cell_join(cc)
        if j >= len(above) or not above[j] or patterns.PDF_CELL_AMOUNT.fullmatch(text):
            return False
        low = max(c["bottom"] for c in above[j])
        high = min(c["top"] for c in cc)
        if high - low > 0.8 * (cc[0].get("size") or 10):
            return False
        x0 = min(c["x0"] for c in cc + above[j])
        x1 = max(c["x1"] for c in cc + above[j])
        for rx0, rx1, y in rules:
            if low - 0.5 < y < high + 0.5 and rx0 < x1 and rx1 > x0:
                return False
    return any_filled


def _sub_columns(boxes, right: float) -> list[tuple[float, float]]:
    """x-range of each sub-column of pdfplumber's grid (cells are aligned to these)."""
    width = max(len(r) for r in boxes)
    xs: list[float | None] = [None] * width
    for row in boxes:
        for j, cb in enumerate(row):
            if cb is not None and xs[j] is None:
                xs[j] = cb[0]
    out = []
    for j in range(width):
        start = xs[j] if xs[j] is not None else (out[-1][1] if out else 0.0)
        end = next((xs[k] for k in range(j + 1, width) if xs[k] is not None), right)
        out.append((start, end))
    return out


def _font_size(chars: list[dict]) -> float:
    sizes = [c.get("size", 10.0) for c in chars[:200]]
    return statistics.median(sizes) if sizes else 10.0


def _tidy_columns(texts: list[list[str]], boxes, subcols, size: float) -> list[list[str]]:
    """Real columns from pdfplumber's sub-grid.

    Word draws each cell's border a few points off its neighbours', so the
    grid has sliver columns and a header may sit one sub-column off its data.
    Empty slivers (narrower than 1.5 characters) are dropped; an empty column
    that is wide is a real column with no figures on this page and stays (a
    table continued from the previous page keeps its width).  Two adjacent
    columns are one when no row fills both and their text cells overlap
    horizontally (a header centred over right-aligned numbers).
    """
    width = len(subcols)
    texts = [r + [""] * (width - len(r)) for r in texts]
    spans: list[tuple[float, float] | None] = []
    for j in range(width):
        xs = [(row[j][0], row[j][2]) for row, t in zip(boxes, texts) if j < len(row) and row[j] is not None and t[j]]
        spans.append((min(a for a, _ in xs), max(b for _, b in xs)) if xs else None)
    keep = [j for j in range(width) if spans[j] is not None or subcols[j][1] - subcols[j][0] >= 1.5 * size]
    columns: list[dict] = []
    for j in keep:
        filled = {i for i, t in enumerate(texts) if t[j]}
        span = spans[j]
        if columns:
            prev = columns[-1]
            if (span is not None and prev["span"] is not None and not (filled & prev["filled"])
                    and min(span[1], prev["span"][1]) - max(span[0], prev["span"][0]) > 3.0):
                prev["members"].append(j)
                prev["filled"] |= filled
                prev["span"] = (min(span[0], prev["span"][0]), max(span[1], prev["span"][1]))
                continue
        columns.append({"members": [j], "filled": filled, "span": span})
    ranges = [(subcols[col["members"][0]][0], subcols[col["members"][-1]][1]) for col in columns]
    rows = [["".join(t[j] for j in col["members"]) for col in columns] for t in texts]
    owner = {j: k for k, col in enumerate(columns) for j in col["members"]}
    _spread_merged(rows, texts, boxes, ranges, owner)
    return rows, ranges


def _spread_merged(rows: list[list[str]], texts, boxes, ranges, owner) -> None:
    """Place the text of a cell merged across several columns where the columns' readers expect it.

    - A label merged over a code column and its name column ("合计" spanning
      功能科目编码 and 功能科目名称) belongs in the name column: the code column
      holds only codes.
    - A label merged over an amount column ("当年支出小计" spanning the
      functional block's 金额 in a side-by-side 收支总表) is repeated there, as an
      HTML colspan is expanded: that cell is covered, not an empty amount 0.
    """
    ncols = len(ranges)
    # judge columns by the body (rows with an amount), not by the header words above them
    body = [r for r in rows if any(patterns.PDF_CELL_AMOUNT.fullmatch(c) and not patterns.PDF_CELL_CODE.fullmatch(c)
                                   for c in r if c)]
    code_col = [bool(vals) and all(patterns.PDF_CELL_CODE.fullmatch(v) for v in vals)
                for vals in ([r[k] for r in body if r[k] and not _is_total_label(r[k])] for k in range(ncols))]
    amount_col = [any(patterns.PDF_CELL_AMOUNT.fullmatch(r[k]) and not code_col[k] for r in rows if r[k])
                  for k in range(ncols)]
    for i, (row, t, bx) in enumerate(zip(rows, texts, boxes)):
        if not any(row is r for r in body):
            continue  # header rows keep a spanning label once, as the text reader sees them
        for j, text in enumerate(t):
            if not text or j >= len(bx) or bx[j] is None or patterns.PDF_CELL_AMOUNT.fullmatch(text):
                continue
            x0, x1 = bx[j][0], bx[j][2]
            covered = [k for k, (a, b) in enumerate(ranges) if a >= x0 - 2 and b <= x1 + 2]
            k0 = owner.get(j)
            if len(covered) < 2 or k0 not in covered:
                continue
            if code_col[k0] and row[k0] == text:
                target = next((k for k in covered if k != k0 and not code_col[k] and not amount_col[k]), None)
                if target is not None and not row[target]:
                    row[target], row[k0] = text, ""
                    k0 = target
            for k in covered:
                if k != k0 and amount_col[k] and not row[k]:
                    row[k] = text


def _is_total_label(text: str) -> bool:
    return bool(patterns.PDF_TOTAL_LABEL.fullmatch(text))


def _centre_in(char: dict, box) -> bool:
    cx = (char["x0"] + char["x1"]) / 2
    cy = (char["top"] + char["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _cell_join(chars: list[dict]) -> str:
    """A cell's text: its lines are wraps of one text, joined without a break."""
    if not chars:
        return ""
    return _squeeze(" ".join(ln.text for ln in _text_lines(chars)))


def _is_latin(ch: str) -> bool:
    # a gap before "%" or after "." is a justification artefact ("8.8 %"), never a word break
    return ch.isascii() and ch.isalnum()


def _squeeze(text: str) -> str:
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


def _text_lines(chars: list[dict]) -> list[_Line]:
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
    lines: list[_Line] = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        lines.extend(_split_line(g))
    return lines


def _top_x0(c: dict) -> tuple[float, float]:
    return c["top"], c["x0"]


def _split_line(g: list[dict]) -> list[_Line]:
    """One line of characters; text with spaces only where the source means them."""
    sizes = [c["x1"] - c["x0"] for c in g if c["text"].strip() and not c["text"].isascii()]
    size = statistics.median(sizes) if sizes else statistics.median([c["bottom"] - c["top"] for c in g])
    # Wide gaps (two characters or more) separate fields ("部门：… 单位：万元", table cells):
    # they stay as one space; narrower gaps are justification and vanish.
    gapped = _gap_marked(g, size)
    text = " ".join(s[0] for s in gapped)
    if not text:
        return []
    return [_Line(text, g[0]["x0"], g[-1]["x1"], min(c["top"] for c in g), max(c["bottom"] for c in g), size, gapped,
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
        # a real gap between two Latin words is a space; _squeeze drops it next to CJK
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * max(1.0, c["size"] if "size" in c else 10):
            parts.append(" ")
        parts.append(c["text"])
        prev = c
    return _squeeze("".join(parts)), chars[0]["x0"], chars[-1]["x1"]


# ---------------------------------------------------------------------------
# Rendering: pages → blocks
# ---------------------------------------------------------------------------


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


def _render(pages: list[_Page], out: Rendering, boxes: dict | None = None) -> None:
    furniture = _running_furniture(pages)
    left, right = _body_margins(pages)
    last_line: _Line | None = None  # last text line rendered (paragraph continues?)
    for page in pages:
        if page.number > 1:
            out.page_break(page.number)
        items = [it for it in page.items if not (isinstance(it, _Line) and _is_furniture(it, page, furniture))]
        items = _borderless_rows(_tidy_captions(items))
        for item in items:
            if isinstance(item, _Grid):
                _render_grid(item, page.number, out, boxes)
                last_line = None
                continue
            if isinstance(item, _BorderlessRow):
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
        if (isinstance(it, _Line) and isinstance(nxt, _Line)
                and (len(nxt.text) <= 10 and not patterns.PDF_CAPTION_TEXT.search(it.text)
                     or _opens_bracket(it.text) and len(nxt.text) <= 20 and not _opens_bracket(nxt.text))
                and patterns.PDF_CAPTION_TEXT.search(it.text + nxt.text)
                and nxt.top - it.bottom < 1.5 * it.size and len(it.segments) == 1 and len(nxt.segments) == 1):
            merged = _Line(it.text + nxt.text, it.x0, max(it.x1, nxt.x1), it.top, nxt.bottom, it.size,
                           [(it.text + nxt.text, it.x0, max(it.x1, nxt.x1))])
            out.append(merged)
            k += 2
            continue
        out.append(it)
        k += 1
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (isinstance(a, _Line) and isinstance(b, _Line) and patterns.PDF_CAPTION_LABEL.fullmatch(b.text)
                and patterns.PDF_CAPTION_TEXT.search(a.text) and not patterns.PDF_CAPTION_LABEL.fullmatch(a.text)):
            out[k], out[k + 1] = b, a
    split: list = []
    for it in out:
        if (isinstance(it, _Line) and len(it.segments) >= 2
                and patterns.PDF_UNIT_OR_DEPARTMENT.search(it.segments[-1][0])
                and patterns.PDF_UNIT_OR_DEPARTMENT.search(it.segments[0][0])):
            unit_at = next(i for i, sg in enumerate(it.segments) if i and patterns.UNIT_LINE.search(sg[0])) \
                if any(i and patterns.UNIT_LINE.search(sg[0]) for i, sg in enumerate(it.segments)) else None
            if unit_at:
                first, rest = it.segments[:unit_at], it.segments[unit_at:]
                split.append(_Line("".join(sg[0] for sg in first), first[0][1], first[-1][2], it.top, it.bottom,
                                   it.size, first))
                split.append(_Line(" ".join(sg[0] for sg in rest), rest[0][1], rest[-1][2], it.top + 0.01,
                                   it.bottom, it.size, rest))
                continue
        split.append(it)
    return split


def _opens_bracket(text: str) -> bool:
    """"…明细表（按支出功": a title broken inside its bracket (the next line closes it)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _render_grid(grid: _Grid, page: int, out: Rendering, boxes: dict | None = None) -> None:
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


def _is_caption_row(row: list[str], boxes=None, table_width: float = 0.0) -> bool:
    """A row holding a caption, a "公开表五" label or "部门：… 单位：万元", not data."""
    filled = [c for c in row if c]
    if any(patterns.PDF_CELL_AMOUNT.fullmatch(c) for c in filled):
        return False
    joined = "".join(filled)
    if patterns.PDF_UNIT_OR_DEPARTMENT.search(joined):
        return True
    if len(filled) != 1:
        return False
    if patterns.PDF_CAPTION_TEXT.search(joined):
        return True
    # a lone cell spanning most of the grid's width is a title, not a column's entry
    if boxes and table_width:
        j = row.index(filled[0])
        cb = boxes[j] if j < len(boxes) else None
        return cb is not None and (cb[2] - cb[0]) > 0.6 * table_width
    return False


def _is_note_row(row: list[str]) -> bool:
    filled = [c for c in row if c]
    return len(filled) == 1 and bool(patterns.PDF_NOTE.match(filled[0]))


def _starts_paragraph(line: _Line, prev: _Line, left: float, right: float, page: _Page) -> bool:
    size = line.size or 10
    if line.x0 > left + 1.2 * size:  # indented first line, or centred title
        return True
    if prev.x1 < right - 2.0 * size:  # previous line ended short
        return True
    if prev.text.endswith(("。", "：", ":")) and prev.x1 < right - 0.5 * size:
        return True
    return False


def _body_margins(pages: list[_Page]) -> tuple[float, float]:
    """Left and right edges of the running text (most common line starts/ends)."""
    x0s = Counter()
    x1s = Counter()
    for page in pages:
        for it in page.items:
            if isinstance(it, _Line) and len(it.text) >= 8:
                x0s[_point(it.x0)] += 1
                x1s[_point(it.x1)] += 1
    left = min(x0s, key=lambda x: (-x0s[x], x)) if x0s else 0.0
    # the right margin: the largest frequently reached line end
    right = 0.0
    if x1s:
        common = [x for x, n in x1s.items() if n >= max(2, max(x1s.values()) // 4)]
        right = max(common) if common else max(x1s)
    return float(left), float(right)


def _point(x: float) -> int:
    """The whole point a coordinate falls on, halves rounded down.

    Body lines often end exactly on k + 0.5, where round() decides by the last bit:
    pdfminer's double-precision sums give 514.5000000000002, PDFium's single precision
    514.4999.  Snapped to a thousandth of a point first (more than the two sources ever
    disagree, ~1e-4 pt; less than any spacing a PDF is written with), both are 514.5,
    and both land on 514."""
    return math.ceil(round(x, 3) - 0.5)


def _running_furniture(pages: list[_Page]) -> set[str]:
    """Texts repeated in the top or bottom margin of many pages (running headers/footers)."""
    seen = Counter()
    for page in pages:
        for it in page.items:
            if isinstance(it, _Line) and _in_margin(it, page):
                seen[_digitless(it.text)] += 1
    need = max(3, len(pages) // 2)
    return {text for text, n in seen.items() if n >= need}


def _in_margin(line: _Line, page: _Page) -> bool:
    return line.bottom < page.height * 0.09 or line.top > page.height * 0.90


def _digitless(text: str) -> str:
    return "".join("#" if ch.isdigit() else ch for ch in text)


def _is_furniture(line: _Line, page: _Page, furniture: set[str]) -> bool:
    # a caption, table label or "部门：… 单位：万元" line repeats on every page of a table
    # volume, sometimes high on the page: it is content, never a running header
    if patterns.PDF_CAPTION_TEXT.search(line.text) or patterns.PDF_UNIT_OR_DEPARTMENT.search(line.text):
        return False
    if patterns.PDF_PAGE_NUMBER.fullmatch(line.text) and (line.top > page.height * 0.75 or line.bottom < page.height * 0.15):
        return True
    return _in_margin(line, page) and _digitless(line.text) in furniture


# ---------------------------------------------------------------------------
# Borderless tables
# ---------------------------------------------------------------------------


@dataclass
class _BorderlessRow:
    cells: list[str]
    top: float
    chars: list = field(default_factory=list, repr=False)  # the line's characters (char boxes)


def _borderless_rows(items: list) -> list:
    """Runs of column-structured lines with numbers become rows of one column grid.

    A line belongs to a run when it splits into two or more segments at gaps
    wider than two characters.  The run is a table when at least two of its
    lines carry an amount.  Column x-ranges are the union of all segments'
    extents (intervals that overlap are one column), so a header word, a
    left-aligned label and a right-aligned number that share x-space land in
    the same column.
    """
    out: list = []
    run: list[_Line] = []

    def flush():
        numeric = sum(1 for ln in run if any(patterns.PDF_CELL_AMOUNT.fullmatch(s[0]) for s in ln.segments))
        if len(run) >= 2 and numeric >= 2:
            out.extend(_columnise(run))
        else:
            out.extend(run)
        run.clear()

    for it in items:
        if isinstance(it, _Line) and len(it.segments) >= 2:
            run.append(it)
            continue
        flush()
        out.append(it)
    flush()
    return out


def _columnise(run: list[_Line]) -> list[_BorderlessRow]:
    spans = sorted((x0, x1) for ln in run for _, x0, x1 in ln.segments)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    rows = []
    for ln in run:
        cells = [""] * len(columns)
        for text, x0, x1 in ln.segments:
            centre = (x0 + x1) / 2
            k = next((i for i, (a, b) in enumerate(columns) if a <= centre <= b), len(columns) - 1)
            cells[k] = (cells[k] + text) if cells[k] else text
        rows.append(_BorderlessRow(cells, ln.top, ln.chars))
    return rows

