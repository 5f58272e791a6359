"""Statements that a table is empty or that there is nothing to report (TC903): in the text,
with their heading, or as a note printed right under a table."""
from __future__ import annotations

from functools import cached_property

from textcheck import patterns
from textcheck.document import Document, LocatedText
from textcheck.families import ListedTable, listed_tables, title_key


class EmptyTableLayout:
    """The empty-table facts of ``Layout`` (mixed into it; reads ``self.document``)."""

    document: Document
    table_row_spans: tuple  # NumberingLayout's
    table_cells: tuple  # Layout's: textcheck.table_cells facts of each table

    @cached_property
    def empty_statements(self) -> list[str]:
        """Title keys of paragraphs (with their heading) that state a table is empty."""
        return [title_key(_with_heading(p)) for p in self.document.paragraphs if patterns.states_empty_table(p.text.text)]

    @cached_property
    def listed_tables(self) -> list[ListedTable]:
        """The rows of the document's lists of tables (``families.listed_tables``), read once
        for the family recognition and TC903."""
        return listed_tables(self.document, self.table_cells)

    @cached_property
    def notes_after_table(self) -> dict[str, LocatedText]:
        """Table id → the empty-table statement printed right under it: the first paragraph
        after the table's last row and before anything else, saying 本表无数据 / 为空表."""
        import bisect

        doc = self.document
        # each paragraph's first line (p.text.location.line, without building a Location), and
        # the first paragraph of each line
        lines = [(p.text.positions[0][0] if p.text.positions else 0) for p in doc.paragraphs]
        starts = sorted(lines)
        first_of: dict[int, object] = {}
        for line, p in zip(lines, doc.paragraphs):
            first_of.setdefault(line, p)
        out = {}
        spans = self.table_row_spans  # Layout's (layout_numbering): each table's rows' lines
        for i, t in enumerate(doc.tables):
            last = spans[i][1] if spans[i] is not None else t.location.line
            nxt = doc.tables[i + 1].location.line if i + 1 < len(doc.tables) else len(doc.source_lines) + 1
            k = bisect.bisect_right(starts, last)
            if k < len(starts) and starts[k] < nxt:
                p = first_of[starts[k]]
                if patterns.states_empty_table(p.text.text):
                    out[t.id] = p.text
        return out

    @cached_property
    def nothing_statements(self) -> list[str]:
        """Title keys of paragraphs (with their heading) that say there is nothing
        (无 / 没有 / 未安排 / 不涉及 / 0 万元)."""
        return [title_key(_with_heading(p)) for p in self.document.paragraphs
                if patterns.STRUCTURE_NOTHING.search(p.text.text)]


def _with_heading(p) -> str:
    return (p.section[-1] if p.section else "") + p.text.text
