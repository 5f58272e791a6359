"""Build 绩效目标表 Tables by hand from tab-separated source lines (no reader needed).

Used by tests/test_performance.py and tests/test_targets_sample.py to run the
performance parser and the TC6xx–TC8xx rules on the sample's own rows, and on
modified copies of them, independent of the text reader.
"""
from __future__ import annotations

from textcheck.document import Cell, Column, Document, LocatedText, Location, Row, Table
from textcheck.numbers import parse_number


def grid_cells(line_no: int, line: str, row: int) -> tuple[Cell, ...]:
    cells, col = [], 1
    for i, part in enumerate(line.split("\t")):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        lt = LocatedText(text, tuple((line_no, col + lead + k) for k in range(len(text))))
        cells.append(Cell(lt, row, i, parse_number(text)))
        col += len(part) + 1
    return tuple(cells)


def grid_table(lines: list[str], first_line: int, title: str = "项目支出绩效目标表", index: int = 0,
               kind: str = "performance", table_id: str | None = None, unit: str | None = None,
               header_rows: int = 0) -> Table:
    """A Table whose rows are ``lines`` (tab-separated), the first at source line ``first_line``.

    Blank lines keep their line number but make no row (as in the sample).
    """
    rows, header = [], []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if len(header) < header_rows:
            header.append(grid_cells(first_line + k, line, -1))
            continue
        cells = grid_cells(first_line + k, line, len(rows))
        rows.append(Row(len(rows), cells, cells[0].text.text if cells else ""))
    width = max((len(r.cells) for r in rows), default=0)
    columns = tuple(Column(i, header[-1][i].text.text if header and i < len(header[-1]) else str(i))
                    for i in range(width))
    return Table(id=table_id or f"T{index + 1}", title=title, unit=unit, columns=columns, rows=tuple(rows),
                 location=Location(first_line, 1, first_line + len(lines) - 1, 1), index=index,
                 header=tuple(header), kind=kind)


def document_of(tables, source_lines=(), paragraphs=(), headings=(), toc=()) -> Document:
    return Document(path="handmade.txt", format="text", source_lines=tuple(source_lines),
                    tables=tuple(tables), paragraphs=tuple(paragraphs), headings=tuple(headings), toc=tuple(toc))


def sample_block(sample_lines: list[str], start: int, end: int, **kw) -> Table:
    """The sample's lines start..end (1-based, inclusive) as one table."""
    return grid_table(sample_lines[start - 1:end], start, **kw)
