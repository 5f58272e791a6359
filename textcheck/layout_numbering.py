"""Numbered lines of running text (TC807): outside the 目录 and tables, with the 部分 and volume
they stand in (numbering restarts in each) and lists continued or started mid-line."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from textcheck import patterns
from textcheck.document import Document
from textcheck.numbers import chinese_numeral_value


# The level of a list started in the middle of a line ("…主要原因是：1.…；2.…").
INLINE = "ar-inline"


@dataclass(frozen=True)
class NumberedLine:
    line: int
    level: str  # part / cn / pcn / ar, or INLINE
    value: int
    raw: str
    start: int  # 1-based columns of the number
    end: int
    part: int  # index of the 第X部分 (or volume) it stands in
    last: int = 0  # the last number of the same form on the line ("1.…；2.…；" → 2), else value


def new_numbered_line(line: int, level: str, value: int, raw: str, start: int, end: int, part: int,
                      last: int = 0) -> NumberedLine:
    """``NumberedLine(...)`` without the frozen ``__init__``'s ``object.__setattr__`` per field
    (one per numbered line of the text): the same fields in the instance's ``__dict__``, so equal
    and hashed as one built by ``__init__`` (tests/test_layout_fast_paths.py)."""
    n = object.__new__(NumberedLine)
    n.__dict__.update(line=line, level=level, value=value, raw=raw, start=start, end=end, part=part, last=last)
    return n


class NumberingLayout:
    """The numbering facts of ``Layout`` (mixed into it; reads ``self.document`` and the
    目录 facts ``toc_lines`` and ``volumes``, and ``table_cells``)."""

    document: Document
    table_cells: tuple  # Layout's: textcheck.table_cells facts of each table

    @cached_property
    def numbered_lines(self) -> tuple[NumberedLine, ...]:
        """Numbered lines of running text outside the 目录 and tables; ``part`` counts the
        第X部分 headings and volumes passed (numbering restarts in each)."""
        doc = self.document
        toc = self.toc_lines
        volume_starts = {first for first, _ in self.volumes[1:]}
        in_tables = self.table_lines
        out = []
        part = 0
        for no, line in enumerate(doc.source_lines, 1):
            if no in volume_starts:
                part += 1
            if no in toc or no in in_tables or "\t" in line or "|" in line:
                continue
            m = patterns.LIST_NUMBERING.match(line)
            if not m:
                # the pattern's number is the digit 1: a line without one is not searched
                start = patterns.LIST_INLINE_FIRST.search(line) if "1" in line else None
                if start:  # "…原因是：1.…；2.…" / "…工作1.聘请…": a list starting mid-line
                    last = 1
                    for inline in patterns.LIST_INLINE_NUMBER.finditer(line, start.end()):
                        if int(inline.group("n")) == last + 1:
                            last += 1
                    out.append(new_numbered_line(no, INLINE, 1, "1", start.start("n") + 1, start.end("n"), part, last))
                elif out and out[-1].level in ("ar", INLINE):  # "…水平。2.推动…": the list goes on mid-line
                    last = out[-1].last
                    for inline in patterns.LIST_CONTINUED_NUMBER.finditer(line):
                        if int(inline.group("n")) == last + 1:
                            last += 1
                    if last != out[-1].last:
                        out[-1] = dataclasses.replace(out[-1], last=last)
                continue
            # the one named group that took part (each is an alternative, none matches empty)
            level = m.lastgroup
            raw = m.group(level)
            value = int(raw) if level == "ar" else chinese_numeral_value(raw)
            if value is None:
                continue
            if level == "part":
                part += 1
            last = value
            if level == "ar":  # "1.…；2.…；3.…" on one line: the list goes on to 3
                for inline in patterns.LIST_INLINE_NUMBER.finditer(line, m.end()):
                    if int(inline.group("n")) == last + 1:
                        last += 1
            out.append(new_numbered_line(no, level, value, raw, m.start(level) + 1, m.end(level), part, last))
        return tuple(out)

    @cached_property
    def table_row_spans(self) -> tuple[tuple[int, int] | None, ...]:
        """(first line, last line) of each table's rows (None: no row holds located text),
        in the order of ``document.tables``: the lines TC807 skips and where TC903 looks for a
        note under a table (``table_cells``: found in the one pass over the cells)."""
        return tuple([facts.span for facts in self.table_cells])

    @cached_property
    def table_lines(self) -> frozenset[int]:
        """Source lines from each table's first to its last row (text the reader left between
        a table's rows, such as a wrapped cell, belongs to the table)."""
        lines: set[int] = set()
        for span in self.table_row_spans:
            if span is not None:
                lines.update(range(span[0], span[1] + 1))
        return frozenset(lines)
