"""Recall of the sum rules on real documents of several templates: table-cell mutations.

For each document, every amount cell that takes part in a relation its table confirms (a part
or a total of a column sum or a row sum) is a candidate; a deterministic sample of them is
changed, one at a time, by an amount far beyond rounding (50 units of the cell's last printed
digit), in the document model.  Each mutation must give an ``error`` of a sum rule (TC101–TC105)
in that table whose evidence names the mutated cell.  The issue's bar is ≥ 95 % of mutations
caught; each document's measured rate is asserted.

Templates covered: a table volume in 万元 with codes joined to names (Beijing), tables in 元
with 类/款/项 codes in three columns continued over pages (Shanghai), tables in 元 without
separators and multi-unit income tables (Xi'an), a multi-unit department with indented unit
rows (Guangzhou), 7-digit codes in their own column (Fuzhou), codes in staggered columns
(Yantai), today's Jiangsu template (Suzhou) and the central final account with 行次 columns.
"""
from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")

from textcheck.api import get_checker  # noqa: E402
from textcheck.config import Config  # noqa: E402
from textcheck.document import LocatedText  # noqa: E402
from textcheck.numbers import Number, format_decimal  # noqa: E402
from textcheck.readers import combine_documents, read_path  # noqa: E402
from textcheck import tables as T  # noqa: E402

PDF = Path(__file__).resolve().parents[1] / "corpus" / "pdf"
SUM_ONLY = Config(select=["sum"])
SAMPLE = 25  # mutations per document (deterministic)
FLOOR = Decimal("0.95")

DOCUMENTS = {
    "beijing-xinfangban (万元, codes joined to names)": ["beijing-xinfangban-2026-budget-tables.pdf"],
    "shanghai-jiaotongzhiyuan (元, split code columns)": ["shanghai-jiaotongzhiyuan-2026-budget.pdf"],
    "xian-xuanchuanbu (元, multi-unit)": ["xian-xuanchuanbu-2021-budget.pdf"],
    "guangzhou-jiaotongju (multi-unit)": ["guangzhou-jiaotongju-2026-budget.pdf"],
    "fuzhou-shangwuju (7-digit codes)": ["fuzhou-shangwuju-2026-budget.pdf"],
    "yantai-xinfangju (staggered code columns)": ["yantai-xinfangju-2026-budget.pdf"],
    "suzhou-shujuju (Jiangsu today)": ["suzhou-shujuju-2026-budget.pdf"],
    "guojia-xinfangju (final account)": ["guojia-xinfangju-2024-final-account.pdf"],
}


def _load(names: list[str]):
    docs = [read_path(str(PDF / n)) for n in names]
    return docs[0] if len(docs) == 1 else combine_documents(docs)


def _candidates(document) -> list[tuple[int, int, int]]:
    """(table position, row index, column) of every non-zero cell in a confirmed relation."""
    analysis = T.analyse(document)
    out: set[tuple[int, int, int]] = set()
    for ta in analysis.tables:
        k = next(i for i, t in enumerate(document.tables) if t.index == ta.table.index)
        by_index = {r.index: r for r in ta.table.rows}
        for block in ta.blocks:
            for cs in block.column_sums:
                if not cs.confirmed:
                    continue
                for row in ta.table.rows:
                    check = T.check_sum(T.cell_number(row, cs.total), [T.cell_number(row, p) for p in cs.parts])
                    if check is None or check.status == T.MISMATCH:
                        continue
                    out.update((k, row.index, c) for c in (cs.total, *cs.parts) if _nonzero(row, c))
            for rs in block.row_sums:
                if not rs.confirmed:
                    continue
                for c in block.columns:
                    total, parts = by_index[rs.total], [by_index[i] for i in rs.parts]
                    check = T.check_sum(T.cell_number(total, c), [T.cell_number(r, c) for r in parts])
                    if check is None or check.status == T.MISMATCH:
                        continue
                    out.update((k, r.index, c) for r in (total, *parts) if _nonzero(r, c))
    return sorted(out)


def _nonzero(row, col) -> bool:
    n = T.cell_number(row, col)
    return n is not None and n.value != 0


def _mutated(document, k: int, row_index: int, col: int):
    """The document with one cell changed by 50 units of its last printed digit."""
    table = document.tables[k]
    row = next(r for r in table.rows if r.index == row_index)
    cell = row.cell(col)
    old = T.cell_number(row, col)
    value = old.value + Decimal(50).scaleb(-old.decimals)
    text = format_decimal(value, old.decimals)
    pos = cell.text.positions[:1] * len(text) if cell.text.positions else ()
    located = LocatedText(text, tuple(pos) or tuple((0, 0) for _ in text), cell.text.page, cell.text.ref)
    new_cell = dataclasses.replace(cell, text=located, value=Number(value, old.decimals, old.unit, text))
    cells = tuple(new_cell if c is cell else c for c in row.cells)
    rows = tuple(dataclasses.replace(r, cells=cells) if r is row else r for r in table.rows)
    tables = tuple(dataclasses.replace(t, rows=rows) if t is table else t for t in document.tables)
    return dataclasses.replace(document, tables=tables), cell


def _caught(result, table, cell) -> bool:
    line, column = cell.text.positions[0] if cell.text.positions else (None, None)
    for d in result.diagnostics:
        if d.category != "sum" or d.severity != "error":
            continue
        for r in d.related:
            if r.kind == "table-cell" and r.table == table.id and r.line == line \
                    and (column is None or r.source_column == column + 1 or r.source_column == column):
                return True
    return False


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_table_cell_mutations_are_caught(key):
    document = _load(DOCUMENTS[key])
    checker = get_checker(SUM_ONLY)
    assert not [d for d in checker.check(document).diagnostics if d.category == "sum" and d.severity == "error"
                and "mutat" in d.message]  # sanity: the checker runs on the unmutated document
    candidates = _candidates(document)
    assert len(candidates) >= 10, f"{key}: only {len(candidates)} cells in confirmed relations"
    sample = random.Random(key).sample(candidates, min(SAMPLE, len(candidates)))
    missed = []
    for k, row_index, col in sample:
        mutated, cell = _mutated(document, k, row_index, col)
        result = checker.check(mutated)
        if not _caught(result, mutated.tables[k], cell):
            missed.append((document.tables[k].id, row_index, col, cell.text.text))
    rate = Decimal(len(sample) - len(missed)) / Decimal(len(sample))
    assert rate >= FLOOR, f"{key}: {len(sample) - len(missed)}/{len(sample)} caught; missed {missed}"
