"""The text rendering binary readers (PDF, DOCX, XLSX, HTML) produce alongside their blocks.

A binary file has no lines of its own, so each reader writes one: one line per
``TextLine`` and per ``GridRow`` (cells joined by tabs), a blank line between
paragraphs.  ``Document.source_lines`` is that rendering, and every
``LocatedText`` points into it, so a diagnostic's line number can be looked
up in ``textcheck check --format text`` output or in the rendering itself.
The page (PDF) or reference (DOCX paragraph, XLSX cell) travels alongside.
"""
from __future__ import annotations

from textcheck.document import LocatedText
from textcheck.readers.blocks import Block, GridRow, PageBreak, TextLine
from textcheck.readers.normalize import normalize


class Rendering:
    """Collects blocks and the rendered lines they point into."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks: list[Block] = []
        self.line_pages: list[int | None] = []  # page of each rendered line (PDF)
        self.line_refs: list[str | None] = []  # reference of each rendered line (DOCX/XLSX)

    def _new_line(self, text: str, page: int | None, ref: str | None) -> int:
        self.lines.append(text)
        self.line_pages.append(page)
        self.line_refs.append(ref)
        return len(self.lines)

    def blank(self) -> None:
        """A blank line: the paragraph before it has ended."""
        if self.lines and self.lines[-1] != "":
            self._new_line("", self.line_pages[-1], None)

    def text(self, raw: str, page: int | None = None, style: str | None = None, ref: str | None = None) -> None:
        raw = raw.replace("\t", " ").replace("\n", " ")
        line = self._new_line(raw, page, ref)
        located = normalize(raw, [(line, 1 + i) for i in range(len(raw))], page=page, ref=ref)
        self.blocks.append(TextLine(located, page, style))

    def row(self, cells: list[str], page: int | None = None, source_table: str | None = None,
            refs: list[str | None] | None = None, row_ref: str | None = None) -> None:
        cells = [c.replace("\t", " ").replace("\n", "") for c in cells]
        line = self._new_line("\t".join(cells), page, row_ref)
        located: list[LocatedText] = []
        col = 1
        for k, cell in enumerate(cells):
            ref = refs[k] if refs else row_ref
            located.append(normalize(cell, [(line, col + i) for i in range(len(cell))], page=page, ref=ref))
            col += len(cell) + 1
        self.blocks.append(GridRow(tuple(located), page, source_table, line))

    def page_break(self, page: int) -> None:
        self.blocks.append(PageBreak(page))

    def to_document(self, path: str, fmt: str, meta: dict | None = None):
        """The Document of this rendering: the shared structure pass over its blocks."""
        from textcheck.readers.structure import build_document

        return build_document(self.blocks, path, fmt, tuple(self.lines), meta or {})
