"""Table analysis for the arithmetic rules (category ``sum``).

Reads the located tables of a Document and states, as data, which cells must
add up to which:

* ``ColumnSum`` — within a row, a total column and its part columns
  (合计 = 基本支出 + 项目支出).  Found from the column-number row's formulas
  ("1=2+3"), else from the header hierarchy (a header cell spanning several
  columns whose first column is a 合计/小计), else from the concept sums of
  ``lexicons/columns.yml``.
* ``RowSum`` — within a column, a total row and the rows it adds up
  (总计 = Σ 类 rows; 类 = Σ 款; 款 = Σ 项; group row = Σ its rows;
  "一、" = Σ its "1." rows).
* ``PartSet`` — "其中：" rows, which are parts of the row above (≤ whole).
* ``Quantity`` — a cell whose meaning (subject, fund, measure, row concept)
  is known, so the same quantity can be compared across tables.

The checking itself (``check_sum``) is interval arithmetic: a value printed
with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a sum is wrong only when
the interval of Σparts and the interval of the total do not overlap.

Everything here is generic: header words and their concepts come from the
lexicon, row structure from codes, numbering and "其中" markers; nothing
names a document, a table number or a figure.

The work is split by job (the header vocabulary is ``textcheck.lexicon.columns``): ``table_model``
(the relations named above, as data), ``table_headers`` (header grid and tree), ``table_columns`` (code and
amount columns, concepts, column sums), ``table_rows`` (labels, codes, row sums, part sets),
and ``table_quantities`` (cross-table quantities); the wording of the findings is the rules'
(``textcheck.rulekit``).
This module runs them per table and block and verifies what they propose; every public name
of those modules is importable from here, as the sum rules do (``from textcheck import tables
as T``).
"""
from __future__ import annotations

import dataclasses

from textcheck import verification
from textcheck.arithmetic import (  # noqa: F401  (re-exported for the rules)
    EXACT, MISMATCH, ROUNDING, ColumnNumbers, SumCheck, cell_number, cell_text, check_sum, checked, column_cells,
    cells_by_column, exceeds)
from textcheck.lexicon.columns import ColumnLexicon, column_lexicon  # noqa: F401 (re-exported)
from textcheck.lexicon.terms import squash  # noqa: F401 (re-exported)
from textcheck.document import Cell, Document, Table
from textcheck.numbers import format_decimal  # noqa: F401  (re-exported for the rules)
from textcheck.table_columns import code_columns, column_concepts, column_sums, is_amount_column
from textcheck.table_headers import (
    HeaderNode, build_tree, column_formulas, column_paths, header_grid, is_number_row, not_number_row)
from textcheck.table_model import (  # noqa: F401
    BlockAnalysis, ColumnSum, PartSet, Quantity, RowSum, TableAnalysis, TablesAnalysis)
from textcheck.table_quantities import cross_table_quantities
from textcheck.table_rows import block_row_code, block_row_label, row_structure


def analyse(document: Document, lexicon=None) -> TablesAnalysis:
    """Analyse every standard table of the document (called lazily via ctx.tables)."""
    extra = lexicon.extra_dirs if lexicon is not None else ()
    lex = column_lexicon(extra)
    analyses, failures = [], []
    for t in document.tables:
        if getattr(t, "kind", "standard") == "performance" or not t.rows:
            continue
        try:
            analyses.append(analyse_table(t, lex))
        except Exception as exc:  # one table that cannot be read leaves the others checked
            failures.append((t, f"{type(exc).__name__}: {exc}"))
    quantities = [q for ta in analyses for q in cross_table_quantities(ta, lex)]
    return TablesAnalysis(analyses, quantities, failures)


def analyse_table(table: Table, lex: ColumnLexicon) -> TableAnalysis:
    # A column-number row ("栏次 1=2+3 2 3") the reader left among the body rows is header.
    numbered = [r for r in table.rows
                if not not_number_row(r.cells) and is_number_row(squash(c.text.text) for c in r.cells)]
    if numbered:
        table = dataclasses.replace(
            table, rows=tuple(r for r in table.rows if r not in numbered),
            header=table.header + tuple(tuple(Cell(c.text, -1, c.col, None) for c in r.cells) for r in numbered))
    header_rows, number_rows = header_grid(table)
    # each column's cells, and the body's width, read in one pass over the cells
    body_cells, body_width = cells_by_column(table.rows)
    width = max([len(table.columns), body_width] + [c + 1 for r in header_rows for c in r])
    blocks_ranges = list(table.blocks) if len(table.blocks) > 1 else [(0, width)]
    profile = lex.table_profile(table.title or "")
    paths: dict[int, tuple[str, ...]] = {}
    trees: dict[tuple[int, int], list[HeaderNode]] = {}
    for (a, b) in blocks_ranges:
        tree = build_tree(header_rows, 0, a, b)
        trees[(a, b)] = tree
        column_paths(tree, (), paths)
    for c in table.columns:  # reader-provided labels fill gaps
        if c.index not in paths and c.label:
            paths[c.index] = tuple(p for p in (c.path or (c.label,)) if p)
    names = {c: "/".join(p[-2:]) if len(p) > 1 and p[-1] in lex.whole_column_words else (p[-1] if p else "")
             for c, p in paths.items()}
    formulas = column_formulas(number_rows)
    empty = [None] * len(table.rows)
    # column_cells(table.rows, width): a column no cell names is empty in every row
    cells = {c: body_cells[c] if c in body_cells else empty.copy() for c in range(width)}
    numbers = ColumnNumbers(table.rows, cells)
    ta = TableAnalysis(table, [], profile, {}, {}, names, numbers)
    for k, (a, b) in enumerate(blocks_ranges):
        block = _analyse_block(ta, lex, a, b, paths, trees[(a, b)], formulas, k if len(blocks_ranges) > 1 else None,
                               cells, numbers)
        ta.blocks.append(block)
        _verify(ta, block, numbers)
    return ta


def _analyse_block(ta: TableAnalysis, lex: ColumnLexicon, a: int, b: int, paths, tree,
                   formulas, side: int | None, cells, numbers: ColumnNumbers) -> BlockAnalysis:
    """``side`` is the block's index in a side-by-side table, None for an ordinary table;
    ``cells``, ``numbers``: each column's cells and numbers (``column_cells``)."""
    table = ta.table
    code_cols = code_columns(table, lex, a, b, paths)
    labels, codes = {}, {}
    for row in table.rows:
        label = block_row_label(row, a, b, code_cols, side)
        if label:
            labels[row.index] = label
        code = block_row_code(row, code_cols, label, side)
        if code:
            codes[row.index] = code
    columns = tuple(c for c in range(a, b) if c not in code_cols and is_amount_column(table, lex, c, paths, cells.get(c),
                                                                                numbers.column(c)))
    header_text = "".join(n.label for n in tree)
    direction = lex.direction(header_text) if side is not None else None
    block = BlockAnalysis(a, b, columns, labels, codes, direction)
    column_concepts(ta, lex, columns, paths)
    block.column_sums = column_sums(ta, lex, tree, columns, formulas, paths)
    row_structure(ta, lex, block, numbers)
    return block


def _verify(ta: TableAnalysis, block: BlockAnalysis, numbers: ColumnNumbers) -> None:
    """Mark the relations the table confirms (``verification``): the rules judge by those only.
    ``numbers``: the table's columns of numbers, row by row as ``ta.table.rows``."""
    rows = ta.table.rows
    column_sums: list[ColumnSum] = []
    for cs in block.column_sums:
        total, parts = numbers.column(cs.total), [numbers.column(p) for p in cs.parts]
        places = [(total[i], [p[i] for p in parts]) for i in range(len(rows))]
        memo = verification.memo_parts(len(cs.parts), places)
        if memo and len(memo) < len(cs.parts):
            cs = ColumnSum(cs.total, tuple(p for i, p in enumerate(cs.parts) if i not in memo), cs.source,
                           memo=tuple(p for i, p in enumerate(cs.parts) if i in memo))
            places = [(t, [p for i, p in enumerate(ps) if i not in memo]) for t, ps in places]
        # built directly: dataclasses.replace reads the fields anew on every call
        column_sums.append(ColumnSum(cs.total, cs.parts, cs.source, verification.support(places), cs.memo))
    block.column_sums = column_sums

    position = {r.index: i for i, r in enumerate(rows)}
    columns = [numbers.column(c) for c in block.columns]

    # each relation's checks, column by column, and what the supports read of them (its
    # places: figures and whether they hold), found once however many supports count it
    # (keyed by id: every relation asked of is held by the block while this runs, and a
    # relation's dataclass hash reads all its fields)
    checks: dict[int, list] = {}
    figures: dict[int, list] = {}

    def places_of(rs: RowSum) -> list:
        found = figures.get(id(rs))
        if found is None:
            t, ps = position[rs.total], [position[i] for i in rs.parts]
            checks[id(rs)] = row_checks = [checked(col[t], [col[i] for i in ps]) for col in columns]
            found = figures[id(rs)] = verification.places(row_checks)
        return found

    # Another reading replaces a proposal when it holds in every column where it applies (two
    # or more) and the proposal does not: the table shows which grouping it was printed with.
    for primary, reading in block.alternatives:
        if primary not in block.row_sums:
            continue
        own = verification.places_support([places_of(primary)])
        alt = [verification.places_support([places_of(rs)]) for rs in reading]
        if own.breaks and all(a.applies >= 2 and not a.breaks for a in alt):
            k = block.row_sums.index(primary)
            block.row_sums[k:k + 1] = reading
    row_sums: list[RowSum] = []
    for kind in dict.fromkeys(rs.kind for rs in block.row_sums):
        members = [rs for rs in block.row_sums if rs.kind == kind]
        own = {id(rs): verification.places_support([places_of(rs)]) for rs in members}
        sound = [rs for rs in members if not (own[id(rs)].applies >= 2 and own[id(rs)].holds == 0)]
        sup = verification.places_support([figures[id(rs)] for rs in sound])
        breaking = [((("r", rs.total, c), check.total), [(("r", p, c), n) for p, n in zip(rs.parts, check.parts)])
                    for rs in sound for c, check in zip(block.columns, checks[id(rs)])
                    if check is not None and check.status == MISMATCH]
        if sup.breaks and verification.one_cell_explains(breaking):
            sup = dataclasses.replace(sup, explained=sup.breaks)
        row_sums.extend(RowSum(rs.total, rs.parts, rs.kind, sup, own[id(rs)]) for rs in members)
    order = {(rs.total, rs.parts, rs.kind): i for i, rs in enumerate(block.row_sums)}
    block.row_sums = sorted(row_sums, key=lambda rs: order[(rs.total, rs.parts, rs.kind)])
