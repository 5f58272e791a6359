"""Blocks → Document: headings, table of contents, paragraphs and tables.

Shared by every reader (text, Markdown, HTML, PDF, DOCX, XLSX): readers only
find lines and cells; everything that needs judgement about document structure
happens here, once, the same way for every format.

Walk over the blocks with a small state machine:

- 目录: from a "目录"/"目 录" line to the first heading that repeats a TOC entry
  (or the first table / prose sentence); its lines become ``Document.toc``.
- Captions: a label line ("表 3", "公开05表", "公开表五") then a title line
  ("部门支出总体情况表"); or a numbered title "五、部门支出总体情况表"; or a
  bare title ending in 表 ("项目支出绩效目标表") directly above a table.  Meta
  lines (编制部门 / 部门名称 / 单位：万元 / "(2024年)" / "(续)") between the
  caption and the rows fill department and unit.
- Tables: consecutive GridRows.  After the rows, meta lines or a page break
  followed by more rows continue the same table (its header repeated on the
  next page is dropped by ``tablegrid``).  A row split over two lines by the
  converter (a blank line inside the table, the second part with an empty
  first cell and no numbers) is merged cell by cell into the row above.
- Headings: 第X部分 (1), 一、 (2), （一） (3), 1、 (4) — short lines without a
  sentence end.  Paragraph.section is the heading path.
- Paragraphs: a line that does not end a sentence is joined with the next text
  line when the next one continues it (not a heading, list item or
  "项目名称：…" label line) — sentences broken at a line or page end.

The walk is split by what it reads: ``structure_text`` (text lines), ``structure_grid`` (grid
rows), with ``captions``, ``lines`` and ``document_meta`` as their helpers.
"""
from __future__ import annotations

from textcheck import patterns
from textcheck.document import Document, Heading, LocatedText, Paragraph, new_paragraph
from textcheck.readers.blocks import Block, GridRow, PageBreak, TextLine
from textcheck.readers.captions import Caption, is_meta_line, is_name_wrap
from textcheck.readers.document_meta import document_meta
from textcheck.readers.lines import concat
from textcheck.readers.structure_grid import GridWalk
from textcheck.readers.structure_text import TextWalk
from textcheck.readers.tablegrid import TableDraft, build_table, compact, is_separator_row

# How many meta lines may stand between a caption/title and its rows.
_MAX_META_LOOKAHEAD = 5


def build_document(blocks: list[Block] | tuple[Block, ...], path: str, fmt: str,
                   source_lines: tuple[str, ...] | list[str], meta: dict | None = None) -> Document:
    """Build a located Document from reader blocks (format-agnostic)."""
    return _Builder(list(blocks), path, fmt, tuple(source_lines), dict(meta or {})).build()


class _Builder(TextWalk, GridWalk):
    """One walk over the blocks: text lines (``TextWalk``) and grid rows (``GridWalk``) build the
    headings, paragraphs, 目录 and table drafts of the Document."""

    def __init__(self, blocks: list[Block], path: str, fmt: str, source_lines: tuple[str, ...], meta: dict):
        self.blocks = blocks
        self.path = path
        self.fmt = fmt
        self.source_lines = source_lines
        self.meta = meta
        self.headings: list[Heading] = []
        self.stack: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()  # the stack's heading texts, outermost first (set as it changes)
        self.toc: list[LocatedText] = []
        self.toc_keys: set[str] = set()
        self.toc_state = "before"  # before → in → done
        self.paragraphs: list[Paragraph] = []
        self.para: list[LocatedText] = []
        self.drafts: list[TableDraft] = []
        self.open: TableDraft | None = None
        self.open_interrupted = False  # meta lines / page break since the last row
        self.last_row_line: int | None = None
        self.caption: Caption | None = None
        self.closed: TableDraft | None = None  # most recent table, for an empty-table statement
        self.closed_distance = 0
        self.first_department: str | None = None
        self.text_lines_seen: list[str] = []
        self.consumed: set[int] = set()  # blocks already merged into an earlier one
        self.page_broken = False  # a page break since the last table row (continuation tests)

    # -- helpers -------------------------------------------------------------
    def _flush_para(self) -> None:
        if self.para:
            self.paragraphs.append(new_paragraph(concat(self.para), self.section, len(self.paragraphs)))
            self.para = []

    def _close_table(self) -> None:
        if self.open is not None:
            self.closed = self.open
            self.closed_distance = 0
            self.open = None
            self.open_interrupted = False
            self.last_row_line = None

    def _grid_follows(self, i: int) -> bool:
        """A GridRow comes after block i with only meta lines / page breaks between (and the
        wrapped end of a department name after them)."""
        seen, department = 0, bool(self.caption and self.caption.department)
        for b in self.blocks[i + 1:]:
            if isinstance(b, GridRow):
                return not is_separator_row(list(b.cells))
            if isinstance(b, PageBreak):
                continue
            seen += 1
            if seen > _MAX_META_LOOKAHEAD:
                return False
            if is_meta_line(b.text.text):
                department = department or bool(patterns.DEPARTMENT_LINE.match(b.text.text.strip()))
            elif not (department and is_name_wrap(b.text.text)):
                return False
        return False

    def _caption_row(self, b: GridRow) -> LocatedText | None:
        """A one-cell row holding a caption, title or meta line (DOCX/XLSX put them in the grid)."""
        filled = None
        for c in b.cells:  # exactly one filled cell (most rows have two within their first cells)
            if c.text.strip():
                if filled is not None:
                    return None
                filled = c
        if filled is None:
            return None
        t = filled.text.strip()
        key = compact(t)
        titled = "表" in key  # each label and title pattern needs a 表 (tests/test_reader_fast_paths.py)
        if titled and (patterns.TABLE_LABEL.match(key) or patterns.TABLE_LABEL_TITLE.match(t)) or is_meta_line(t):
            return filled
        if titled and (patterns.TABLE_TITLE.match(key) or patterns.NUMBERED_TABLE_TITLE.match(key)) and \
                (self.open is None or not self.open.segments or len(self.open.segments[-1]) == 0
                 or b.source_table != self.open.source_table):
            return filled
        return None

    def _apply_meta(self, text: str, target) -> None:
        t = text.strip()
        m = patterns.DEPARTMENT_LINE.match(t)
        if m and m.group("dept").strip():
            dept = m.group("dept").strip()
            if target is not None and not target.department:
                target.department = dept
            self.first_department = self.first_department or dept
        u = patterns.UNIT_LINE.search(t)
        if u and target is not None and not target.unit:
            target.unit = u.group("unit")

    # -- main walk -----------------------------------------------------------
    def build(self) -> Document:
        for i, b in enumerate(self.blocks):
            if i in self.consumed:
                continue
            if isinstance(b, PageBreak):
                if self.open is not None:
                    self.open_interrupted = True
                self.page_broken = True
                continue
            if isinstance(b, GridRow):
                caption = self._caption_row(b)
                if caption is not None:
                    self._text(i, TextLine(caption, b.page))
                else:
                    self._grid(b)
            else:
                self._text(i, b)
        self._flush_para()
        self._close_table()
        tables = []
        for k, d in enumerate(self.drafts):
            tables.append(build_table(d, k))
        meta = document_meta(self.meta, self.first_department, self.text_lines_seen)
        return Document(path=self.path, format=self.fmt, source_lines=self.source_lines,
                        headings=tuple(self.headings), paragraphs=tuple(self.paragraphs), tables=tuple(tables),
                        toc=tuple(self.toc), meta=meta)
