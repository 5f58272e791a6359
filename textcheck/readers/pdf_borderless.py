"""Borderless tables: runs of lines whose words stand in separate columns and that
carry numbers become rows of one column grid."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.readers.pdf_items import Line


@dataclass
class BorderlessRow:
    cells: list[str]
    top: float
    chars: list = field(default_factory=list, repr=False)  # the line's characters (char boxes)


def borderless_rows(items: list) -> list:
    """Runs of column-structured lines with numbers become rows of one column grid.

    A line belongs to a run when it splits into two or more segments at gaps
    wider than two characters.  The run is a table when at least two of its
    lines carry an amount.  Column x-ranges are the union of all segments'
    extents (intervals that overlap are one column), so a header word, a
    left-aligned label and a right-aligned number that share x-space land in
    the same column.
    """
    out: list = []
    run: list[Line] = []

    def flush():
        numeric = sum(1 for ln in run if any(patterns.PDF_CELL_AMOUNT.fullmatch(s[0]) for s in ln.segments))
        if len(run) >= 2 and numeric >= 2:
            out.extend(_columnise(run))
        else:
            out.extend(run)
        run.clear()

    for it in items:
        if isinstance(it, Line) and len(it.segments) >= 2:
            run.append(it)
            continue
        flush()
        out.append(it)
    flush()
    return out


def _columnise(run: list[Line]) -> list[BorderlessRow]:
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
        rows.append(BorderlessRow(cells, ln.top, ln.chars))
    return rows
