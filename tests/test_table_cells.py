"""The cell facts read in one pass (textcheck.table_cells) give what each analysis found by
scanning the cells itself: the performance grid's row order, the tables' line spans and the
thousands-separator findings in cells."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from textcheck import patterns
from textcheck.document import Cell, LocatedText
from textcheck.layout_facts import Layout
from textcheck.performance import _grid, is_performance_table, parse_performance_tables
from textcheck.readers import read_path
from textcheck.table_cells import document_cells, table_cells

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = [CORPUS / "urumqi-kejiju-2024-budget.txt", *sorted((CORPUS / "derived").glob("*.md"))]


def _grid_reference(table) -> list[dict]:
    """performance._grid as it was: every row as col → cell, sorted by its first line."""
    def first_line(row):
        lines = [c.text.positions[0][0] for c in row.values() if c.text.positions]
        return min(lines) if lines else 0

    rows = [{c.col: c for c in h} for h in table.header] + [{c.col: c for c in r.cells} for r in table.rows]
    rows = [r for r in rows if r]
    rows.sort(key=first_line)
    return rows


def _spans_reference(doc) -> tuple:
    out = []
    for t in doc.tables:
        located = [c.text.positions for r in t.rows for c in r.cells if c.text.positions]
        out.append((min(p[0][0] for p in located), max(p[-1][0] for p in located)) if located else None)
    return tuple(out)


def _bad_thousands_reference(doc) -> list:
    out = []
    for table in doc.tables:
        for row in list(table.header) + [r.cells for r in table.rows]:
            for cell in row:
                for m in patterns.FORMAT_BAD_THOUSANDS.finditer(cell.text.text):
                    out.append((table.id, id(cell), m.span()))
    return out


def _shuffled(table):
    """The table with its rows in reverse order, a row naming one column twice, and an empty
    and an unlocated row: orders and shapes a reader may give."""
    rows = list(reversed(table.rows))
    if rows and rows[0].cells:
        c = rows[0].cells[0]
        line = c.text.positions[0][0] + 50 if c.text.positions else 1
        twice = Cell(LocatedText("3,9561.08", tuple((line, i) for i in range(9))), c.row, c.col)
        rows[0] = dataclasses.replace(rows[0], cells=rows[0].cells + (twice,))
    if len(rows) > 2:
        rows[1] = dataclasses.replace(rows[1], cells=())
        rows[2] = dataclasses.replace(rows[2], cells=tuple(Cell(LocatedText("", ()), x.row, x.col) for x in rows[2].cells))
    return dataclasses.replace(table, rows=tuple(rows))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_cell_facts_give_what_the_scans_of_each_analysis_gave(path):
    doc = read_path(str(path))
    tables = list(doc.tables) + [_shuffled(t) for t in doc.tables]
    doc = dataclasses.replace(doc, tables=tuple(tables))
    for t in doc.tables:
        assert _grid(t) == _grid_reference(t)
        assert _grid(t, table_cells(t)) == _grid_reference(t)
    layout = Layout(doc)
    assert layout.table_row_spans == _spans_reference(doc)
    assert Layout(doc, cells=document_cells(doc)).table_row_spans == _spans_reference(doc)
    cells = [(t.id, id(c), m.start, m.end) for kind, t, c, m in layout.bad_thousands if kind == "cell"]
    assert cells == [(tid, cid, a, b) for tid, cid, (a, b) in _bad_thousands_reference(doc)]
    with_facts = parse_performance_tables(doc, None, document_cells(doc))
    assert with_facts == parse_performance_tables(doc, None)
    assert len(with_facts) == sum(1 for t in doc.tables if is_performance_table(t))


def _found_alike(fact, docs) -> int:
    """How many items ``fact`` finds in ``docs`` (each with its tables also shuffled), asserting
    it finds the same from the cell facts as from every cell."""
    found = 0
    for doc in docs:
        doc = dataclasses.replace(doc, tables=doc.tables + tuple(_shuffled(t) for t in doc.tables))
        plain = fact(doc)
        assert fact(doc, document_cells(doc)) == plain
        found += len(plain)
    return found


def test_carry_overs_from_the_cell_facts_are_those_of_every_cell():
    import yaml

    from textcheck.final_accounts import carry_overs
    from textcheck.readers import read_text

    fixtures = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules" / "TC906.yml").read_text("utf-8"))
    texts = [case["text"] for case in fixtures["cases"]]
    docs = [read_text(t) for t in texts] + [read_path(str(p)) for p in DOCS]
    docs.append(read_path(str(CORPUS / "pdf" / "guojia-xinfangju-2024-final-account.pdf")))
    assert _found_alike(carry_overs, docs)  # the fixtures hold carry-over identities


def test_listed_tables_from_the_cell_facts_are_those_of_every_leading_row():
    from textcheck.families import listed_tables
    from textcheck.readers import read_text

    listing = ("目录\n\n报表\t报表名称\t是否空表\t表格为空的理由\n表1\t收支总表\t否\t\n表2\t政府性基金预算支出表\t是\t无此项支出\n"
               "\n（一）单位职能\n\n单位名称\t表格名称\t是否为空表\n表三\t项目支出表\t是\n")
    docs = [read_text(listing)] + [read_path(str(p)) for p in DOCS]
    docs.append(read_path(str(CORPUS / "pdf" / "guojia-xinfangju-2024-final-account.pdf")))
    assert _found_alike(listed_tables, docs)
