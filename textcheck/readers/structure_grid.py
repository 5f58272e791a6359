"""Grid rows of the structure walk: a row starts a table (under its caption) or continues the
open one — after a page break, with the header repeated, or as the second half of a row the
converter split."""
from __future__ import annotations

from textcheck.document import LocatedText
from textcheck.readers.blocks import GridRow
from textcheck.readers.captions import Caption, table_kind
from textcheck.readers.grid_cells import compact, parse_number
from textcheck.readers.lines import concat, row_lines
from textcheck.readers.tablegrid import TableDraft, is_separator_row


class GridWalk:
    """The grid-row steps of ``structure._Builder`` (mixed into it; they read and change its
    state: drafts, the open table, the caption, the last row's line)."""

    def _grid(self, b: GridRow) -> None:
        cells = list(b.cells)
        for c in cells:
            if c.text:
                first_text = c.text
                break
        else:
            return  # no text at all
        if self.toc_state == "in":
            self.toc_state = "done"
        if first_text[0] in "-:" and is_separator_row(cells):  # its own first test, done here
            return
        self._flush_para()
        if b.line is not None:  # a row written as one line: a filled cell (one found above) stands on it
            first_line = last_line = b.line
        else:
            first_line, last_line = row_lines(cells)
        if self.caption is not None:
            self._close_table()
            cap = self.caption
            self.caption = None
            prev = self.drafts[-1] if self.drafts else None
            if prev is not None and self._continues_table(cap, prev):
                self.open = prev  # "表 3（续）", or the title repeated on the next page: the same table
                prev.segments.append([cells])
            else:
                used = {d.id for d in self.drafts}
                if cap.id and cap.id in used:  # a second, separate table with the same label: keep ids unique
                    k = 2
                    while f"{cap.id}({k})" in used:
                        k += 1
                    cap.id = f"{cap.id}({k})"
                self.open = TableDraft(id=cap.id, number=cap.number, title=cap.title, unit=cap.unit,
                                       department=cap.department, kind=cap.kind, section=self.section,
                                       location=cap.location, segments=[[cells]], source_table=b.source_table)
                self.drafts.append(self.open)
        elif self.open is not None and b.source_table == self.open.source_table:
            if self.open_interrupted:
                self.open.segments.append([cells])  # continued after a page break / repeated meta lines
            elif self._broken_row(cells, first_line):
                self._merge_into_last(cells)
            else:
                self.open.segments[-1].append(cells)
        elif self._repeats_header(cells):
            self.open = self.drafts[-1]  # the header repeated at the top of the next page: continued
            self.open.segments.append([cells])
        else:
            self._close_table()
            self.open = TableDraft(section=self.section, segments=[[cells]], source_table=b.source_table,
                                   location=cells[0].location if cells[0].positions else None)
            self.drafts.append(self.open)
        self.open_interrupted = False
        self.closed = None
        self.last_row_line = last_line
        if self.open is not None:
            self.open.paragraphs_before = len(self.paragraphs)
        self.page_broken = False

    def _repeats_header(self, cells: list[LocatedText]) -> bool:
        """An unlabelled grid that starts with the previous table's first header row, with only a
        page break and page furniture between (no paragraph since its last row): its continuation."""
        prev = (self.open or self.closed) if self.drafts else None
        if prev is None or prev is not self.drafts[-1] or prev.paragraphs_before != len(self.paragraphs):
            return False
        if not self.page_broken or prev.kind == "performance" or not prev.segments or not prev.segments[0]:
            return False
        key = tuple(compact(c.text) for c in cells if c.text.strip())
        first = tuple(compact(c.text) for c in prev.segments[0][0] if c.text.strip())
        return len(key) >= 2 and key == first

    def _continues_table(self, cap: Caption, prev: TableDraft) -> bool:
        """Does a caption continue the previous table rather than start a new one?

        "表 3（续）" or the same label again continues it; so does the same title without a label
        repeated at the top of the next page (templates print the title on every page), when
        nothing but a page break and page furniture came between (no paragraph since its last
        row) and the department line, if both have one, is the same (per-unit tables share a
        title).  绩效目标表 are one per project under one title: never joined this way."""
        if cap.id:
            return prev.id == cap.id and (
                not cap.title or compact(cap.title) == compact(prev.title) or "续" in cap.title)
        if prev.id or not cap.title or compact(cap.title) != compact(prev.title or ""):
            return False
        if not self.page_broken or prev.kind == "performance" or table_kind(cap.title) == "performance":
            return False  # same-titled tables on one page, or one 绩效目标表 per project, stay apart
        if cap.department and prev.department and compact(cap.department) != compact(prev.department):
            return False
        return prev is self.drafts[-1] and prev.paragraphs_before == len(self.paragraphs)

    def _broken_row(self, cells: list[LocatedText], first_line: int | None) -> bool:
        """The second half of a row the converter split over two lines (after a blank line)."""
        if first_line is None or self.last_row_line is None or first_line - self.last_row_line < 2:
            return False
        prev = self.open.segments[-1][-1]
        if not cells or cells[0].text.strip():
            return False
        filled = [c for c in cells if c.text.strip()]
        prev_filled = [c for c in prev if c.text.strip()]
        if not filled or len(filled) >= len(prev_filled):
            return False
        return all(parse_number(c.text) is None for c in filled)

    def _merge_into_last(self, cells: list[LocatedText]) -> None:
        prev = self.open.segments[-1][-1]
        for k, c in enumerate(cells):
            if not c.text.strip():
                continue
            if k < len(prev) and prev[k].text:
                prev[k] = concat([prev[k], c])
            elif k < len(prev):
                prev[k] = c
            else:
                while len(prev) < k:
                    prev.append(LocatedText("", (), c.page, c.ref))
                prev.append(c)
