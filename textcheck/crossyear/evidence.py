"""Evidence of the cross-year findings: cells of this year's and of last year's document."""
from __future__ import annotations

from textcheck.crossyear.index import CellAt
from textcheck.document import Document


def cell_name(cell: CellAt) -> str:
    """表“行”行“栏”栏 (the row left out for the one row of a one-row table)."""
    row = f"“{cell.row_label}”行" if cell.row_label else ""
    return f"{cell.table.name}{row}“{cell.column_label}”栏"


def _file_ref(document: Document, page: int | None, line: int | None, ref: str | None) -> str:
    """A reference that names the cell's file: "x.pdf p.3", "x.md 第 12 行" (a combined
    document's reference already names the volume)."""
    from pathlib import Path

    name = Path(document.path).name
    if ref is not None and any(Path(p.strip()).name in ref for p in document.path.split(" + ")):
        return ref
    where = f"p.{page}" if page is not None else f"第 {line} 行"
    return f"{name} {where}" if ref is None else f"{name} {ref}"


def last_year_related(cell: CellAt):
    """Evidence for a cell of last year's document: its file, page and cell.

    ``line`` stays empty: the pipeline moves every evidence line to this year's pages
    (``readers.combine.relocate``), and a line of another document must not be moved.
    The file and page (or line, for text) are in ``ref``."""
    from textcheck.readers.combine import page_of_line
    from textcheck.report.diagnostic import Related

    c = cell.row.cell(cell.col)
    loc = c.location if c is not None else cell.table.location
    page, ref = page_of_line(cell.document, loc.line)
    page = page if page is not None else loc.page
    ref = _file_ref(cell.document, page, loc.line, ref)
    return Related(kind="table-cell", text=c.text.text if c is not None else str(cell.number),
                   table=cell.table.id, row=cell.row_label, column_label=cell.column_label,
                   page=page, ref=ref, value=str(cell.number.value))


def this_year_related(cell: CellAt):
    """Evidence for a cell of this year's document: its line (moved to its page and volume by
    the pipeline), and a reference that names its file."""
    from textcheck.readers.combine import page_of_line
    from textcheck.report.diagnostic import Related

    r = Related.cell(cell.table, cell.row, cell.col)
    page, ref = page_of_line(cell.document, r.line)
    page = page if page is not None else r.page
    return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=cell.table.id,
                   row=cell.row_label, column_label=cell.column_label, page=page,
                   ref=_file_ref(cell.document, page, r.line, ref or r.ref), value=str(cell.number.value))


def last_year_table_related(cell: CellAt):
    """Evidence for last year's table of a role (where a 科目 is missing): its file, page and title."""
    from textcheck.readers.combine import page_of_line
    from textcheck.report.diagnostic import Related

    loc = cell.table.location
    page, ref = page_of_line(cell.document, loc.line)
    page = page if page is not None else loc.page
    return Related(kind="table", text=cell.table.name, table=cell.table.id, page=page,
                   ref=_file_ref(cell.document, page, loc.line, ref or loc.ref))


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
