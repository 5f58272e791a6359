"""Ruled tables: a table pdfplumber's finder found → a Grid of cell strings.

Each cell's characters are joined, so text wrapped inside a cell is one cell
again and a number vertically centred in a tall cell stays in its row; rows
that only continue a wrapped cell are merged into the row above; columns that
are empty in every row (the slivers Word's cell borders produce) are dropped;
caption rows drawn inside the grid become text lines.
"""
from __future__ import annotations

import statistics

from textcheck import patterns
from textcheck.readers.pdf_items import Grid, Page
from textcheck.readers.pdf_lines import cell_join, text_lines


def take_grid(table, chars: list[dict], out: Page, rules) -> list[dict]:
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
    while lead < len(filled) and is_caption_row(
            [cell_join(cc) for cc in assigned[filled[lead]]], boxes[filled[lead]], x1 - x0):
        lead += 1
    for i in filled[:lead]:
        out.items.extend(text_lines([c for cc in assigned[i] for c in cc]))
    body = _join_wrapped_rows([assigned[i] for i in filled[lead:]], [boxes[i] for i in filled[lead:]], rules)
    if body:
        texts = [[cell_join(cc) for cc in cells] for cells, _ in body]
        cell_boxes = [bx for _, bx in body]
        rows, spans = _tidy_columns(texts, cell_boxes, _sub_columns(boxes, x1), _font_size(chars))
        row_chars = [[c for cc in cells for ln in text_lines(cc) for c in ln.chars] for cells, _ in body]
        out.items.append(Grid(rows, min(c["top"] for cc in body[0][0] for c in cc), bottom, spans, row_chars))
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
        text = cell_join(cc)
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


def is_caption_row(row: list[str], boxes=None, table_width: float = 0.0) -> bool:
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
