"""Layout facts of a document for the format and structure rules (TC8xx, TC9xx).

Computed once per document and cached on the Context (``ctx.layout``), so the rules
read facts and never parse text:

* the table of contents, cleaned: the reader's ``Document.toc`` (or the lines after a
  "目录" line when the reader found none), cut where the body starts (an entry repeating
  an earlier one, or a second "第一部分"), notes ("注：…") and bracketed remarks dropped,
  two entries printed on one line split ("四、…说明五、…表"), a wrapped entry joined;
* the body outside the 目录 as one compact, normalised string, to ask "is this text
  anywhere in the body?" (a heading broken over lines, a caption the reader did not
  attach);
* numbered lines of running text (TC807), outside the 目录, with the 部分 and the
  volume they stand in (numbering restarts per 部分 and per volume);
* format facts of the text: misplaced thousands separators, mixed-width digit runs,
  stray Latin words, rates without "%" (TC803, TC805, TC806, TC808);
* empty-table statements (TC903).

Each group of facts has its module, mixed into ``Layout``: ``layout_toc`` (目录 and body text),
``layout_numbering``, ``layout_format`` and ``layout_empty_tables``; their public names are
importable from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from textcheck.document import Document
from textcheck.layout_empty_tables import EmptyTableLayout
from textcheck.layout_format import FormatLayout, TextMatch, is_code_or_count_column  # noqa: F401
from textcheck.layout_numbering import INLINE, NumberedLine, NumberingLayout  # noqa: F401
from textcheck.layout_toc import TocEntry, TocLayout, entry_key, marker_of  # noqa: F401


@dataclass
class Layout(TocLayout, NumberingLayout, FormatLayout, EmptyTableLayout):
    """The layout facts of one document, each computed on first use and cached."""

    document: Document
    _cache: dict = field(default_factory=dict)
    # ``table_cells.document_cells(document)`` when the caller has them (``Context.table_cells``,
    # shared with the performance tables); found on first use otherwise
    cells: tuple | None = None

    @cached_property
    def table_cells(self) -> tuple:
        """The cell facts of each table (``textcheck.table_cells``), in the order of ``document.tables``."""
        if self.cells is not None:
            return self.cells
        from textcheck.table_cells import document_cells

        return document_cells(self.document)
