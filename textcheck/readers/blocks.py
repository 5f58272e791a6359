"""The blocks every reader emits; ``readers.structure`` turns them into a Document.

Readers differ in how they find lines and cells (tabs, PDF word positions,
DOCX tables, XLSX sheets); everything after that — captions, units, headings,
paragraph joining, header rows, code hierarchy, continuation across pages — is
done once, in ``readers.structure.build_document``, for every format.
"""
from __future__ import annotations

from dataclasses import dataclass

from textcheck.document import LocatedText, slot_twin


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line (text/PDF) or paragraph (DOCX/HTML) of running text."""

    text: LocatedText
    page: int | None = None
    style: str | None = None  # DOCX/HTML: "Heading 1", "h2" … when the source says so

    # One per text line: slot setters instead of the generated frozen __init__ (see LocatedText).
    def __init__(self, text: LocatedText, page: int | None = None, style: str | None = None) -> None:
        _set_line_text(self, text)
        _set_line_page(self, page)
        _set_line_style(self, style)


_set_line_text, _set_line_page, _set_line_style = (getattr(TextLine, name).__set__ for name in ("text", "page", "style"))


@dataclass(frozen=True, slots=True)
class GridRow:
    """One table row as cells (tab-separated line, PDF row, DOCX/XLSX/HTML row).

    ``source_table`` identifies the source table for formats that know table
    boundaries (DOCX table index, XLSX sheet, HTML <table>); None for text/PDF,
    where consecutive GridRows form a table.
    """

    cells: tuple[LocatedText, ...]
    page: int | None = None
    source_table: str | None = None
    # The one source line every cell stands on, when the reader wrote the row as one line (a
    # tab-separated or pipe line, a rendered row); the walk then need not look at every cell.
    line: int | None = None

    # One per grid line: slot setters instead of the generated frozen __init__ (see LocatedText).
    def __init__(self, cells: tuple[LocatedText, ...], page: int | None = None, source_table: str | None = None,
                 line: int | None = None) -> None:
        _set_grid_cells(self, cells)
        _set_grid_page(self, page)
        _set_grid_source(self, source_table)
        _set_grid_line(self, line)


_set_grid_cells, _set_grid_page, _set_grid_source, _set_grid_line = (
    getattr(GridRow, name).__set__ for name in ("cells", "page", "source_table", "line"))

# The text reader's per-line constructors (see document.located: plain slot stores on a twin).
_TextLineSlots, _GridRowSlots = slot_twin(TextLine), slot_twin(GridRow)


def text_line(text: LocatedText, page: int | None = None) -> TextLine:
    """``TextLine(text, page)``, built faster."""
    b = _TextLineSlots()
    b.text = text
    b.page = page
    b.style = None
    b.__class__ = TextLine
    return b


def grid_row(cells: tuple[LocatedText, ...], page: int | None, line: int | None) -> GridRow:
    """``GridRow(cells, page, None, line)``, built faster."""
    b = _GridRowSlots()
    b.cells = cells
    b.page = page
    b.source_table = None
    b.line = line
    b.__class__ = GridRow
    return b


@dataclass(frozen=True)
class PageBreak:
    """A page boundary (PDF, or a form feed in text): tables and sentences may continue past it."""

    page: int


Block = TextLine | GridRow | PageBreak
