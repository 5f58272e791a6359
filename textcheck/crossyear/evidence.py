"""Evidence of the cross-year findings: cells of this year's and of last year's document."""
from __future__ import annotations

from textcheck.crossyear.index import CellAt
from textcheck.document import Document


def last_year_related(cell: CellAt):
    """Evidence for a cell of last year's document: its file, page and cell.

    ``line`` stays empty: the pipeline moves every evidence line to this year's pages
    (``readers.combine.relocate``), and a line of another document must not be moved.
    The file and page (or line, for text) are in ``ref``."""
    from pathlib import Path

    from textcheck.readers.combine import page_of_line
    from textcheck.report.diagnostic import Related

    c = cell.row.cell(cell.col)
    loc = c.location if c is not None else cell.table.location
    page, ref = page_of_line(cell.document, loc.line)
    page = page if page is not None else loc.page
    name = Path(cell.document.path).name
    if ref is None or Path(cell.document.path).name not in ref:
        where = f"p.{page}" if page is not None else f"第 {loc.line} 行"
        ref = f"{name} {where}" if ref is None else f"{name} {ref}"
    return Related(kind="table-cell", text=c.text.text if c is not None else str(cell.number),
                   table=cell.table.id, row=cell.row_label, column_label=cell.column_label,
                   page=page, ref=ref, value=str(cell.number.value))


def this_year_related(cell: CellAt):
    from textcheck.report.diagnostic import Related

    r = Related.cell(cell.table, cell.row, cell.col)
    return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=cell.table.id,
                   row=cell.row_label, column_label=cell.column_label, page=r.page, ref=r.ref,
                   value=str(cell.number.value))


def document_name(document: Document) -> str:
    """How a message names a document: its file name(s)."""
    from pathlib import Path

    return " + ".join(Path(p.strip()).name for p in document.path.split(" + "))


def column_disagreements(pairs):
    """The matched column pairs (TC362, TC363) whose two figures disagree beyond rounding:
    ``(pair, cell, other, printed cell, note)`` — the note says when the match may be a 科目 change."""
    for pair in pairs:
        cell, other = pair.cell, pair.match.last
        if cell.interval_in(other.unit).overlaps(other.interval_in(other.unit)):
            continue
        note = f"（{pair.match.note}，请人工确认）" if pair.match.note else ""
        yield pair, cell, other, cell.row.cell(cell.col), note


def pair_key(cell: CellAt, other: CellAt) -> str:
    """A finding's key: the cell and both figures (stable across runs, distinct per cell)."""
    return f"{cell.table.name}|{cell.row_label}|{cell.column_label}|{cell.number}|{other.number}"
