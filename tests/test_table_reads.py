"""The table analysis' shortcuts give what the plain reads give: the cells of each column found
with the table's width in one pass, the column-number-row test without its pattern for cells
that cannot match it, and the columns of numbers the sum rules read instead of each cell."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from textcheck import patterns
from textcheck.arithmetic import cell_number, cells_by_column, column_cells
from textcheck.document import Cell, LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.readers import read_path
from textcheck.rulekit.evidence import row_by_index
from textcheck.table_headers import is_number_row
from textcheck.lexicon.columns import column_lexicon
from textcheck.table_quantities import cross_table_quantities
from textcheck.tables import analyse

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = [CORPUS / "urumqi-kejiju-2024-budget.txt", *sorted((CORPUS / "derived").glob("*.md"))]


def _is_number_row_reference(cells) -> bool:
    texts = [t for t in cells if t]
    return bool(texts) and all(patterns.COLUMN_NUMBER_CELL.fullmatch(t) for t in texts) and \
        sum(1 for t in texts if any(ch.isdigit() for ch in t)) >= 2


def test_number_row_test_without_the_pattern_gives_the_pattern_answer():
    singles = [chr(i) for i in range(0x20, 0x3100)] + ["１", "٣", "߂", "𝟙", "栏次", "行次", "栏目", "12", "123", "1=2+3",
                                                      "1＝2＋3", "1 = 2 + 3", "=", "2=1", "10=1+2+3+4", "※※", "**"]
    for t in singles:
        assert is_number_row([t, "1", "2"]) == _is_number_row_reference([t, "1", "2"]), repr(t)
        assert is_number_row(["", t, "3"]) == _is_number_row_reference(["", t, "3"]), repr(t)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_cells_by_column_and_column_numbers_give_the_cell_by_cell_reads(path):
    doc = read_path(str(path))
    for t in doc.tables:
        rows = list(t.rows)
        if rows and rows[0].cells:  # a cell naming its column twice, one with no column
            c = rows[0].cells[0]
            rows[0] = dataclasses.replace(rows[0], cells=rows[0].cells + (Cell(LocatedText("9", ((1, 1),)), 0, c.col),
                                                                          Cell(LocatedText("", ()), 0, -1)))
        found, width = cells_by_column(rows)
        assert width == max([0] + [c.col + 1 for r in rows for c in r.cells])
        reference = column_cells(rows, width)
        assert {c: found.get(c, [None] * len(rows)) for c in range(width)} == reference
    analysis = analyse(doc, load_lexicon())
    for ta in analysis.tables:
        for col in range(max([0] + [c.col + 1 for r in ta.table.rows for c in r.cells]) + 1):
            assert ta.column_numbers(col) == [cell_number(r, col) for r in ta.table.rows]
        for r in ta.table.rows:
            assert ta.table.rows[ta.position(r.index)] is row_by_index(ta, r.index)
        plain = dataclasses.replace(ta, numbers=None)  # every cell read on its own
        assert plain.column_numbers(0) == ta.column_numbers(0)
        lex = column_lexicon(())
        assert cross_table_quantities(plain, lex) == cross_table_quantities(ta, lex)
    if path.name.startswith("urumqi"):
        assert analysis.quantities  # the seed has quantities to compare
