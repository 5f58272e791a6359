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
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Sequence

import regex

from textcheck import patterns, verification
from textcheck.document import ROW_TOTAL, Cell, Document, Row, Table
from textcheck.lexicon.columns import ColumnLexicon, column_lexicon  # noqa: F401 (re-exported)
from textcheck.lexicon.terms import squash  # noqa: F401 (re-exported)
from textcheck.numbers import Interval, Number, format_decimal, parse_number
from textcheck.report.diagnostic import Related
from textcheck.verification import Support

# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# The analysis model
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnSum:
    """Within every row: column ``total`` = Σ columns ``parts``."""

    total: int
    parts: tuple[int, ...]
    source: str  # "formula", "header" or "lexicon"
    support: Support | None = None  # how many rows it holds on (verification)
    memo: tuple[int, ...] = ()  # columns proposed as parts that the table shows to be memo items

    @property
    def confirmed(self) -> bool:
        """The table confirms this relation (or the document states it in its column-number row
        and the table does not refute it): only then do the rules judge rows by it."""
        if self.support is None:
            return False
        if self.source == "formula":
            return not self.support.refuted
        return self.support.confirmed


@dataclass(frozen=True)
class RowSum:
    """Within every column of the block: row ``total`` = Σ rows ``parts``."""

    total: int
    parts: tuple[int, ...]
    kind: str  # "grand-total", "code", "numbered", "group"
    support: Support | None = None  # how many places of this kind hold in the block (verification)
    own: Support | None = None  # how many of this relation's own columns hold

    @property
    def misgrouped(self) -> bool:
        """A misread grouping, not a typo: it breaks in every column it applies to (two or more)."""
        return self.own is not None and self.own.applies >= 2 and self.own.holds == 0

    @property
    def confirmed(self) -> bool:
        """Judged only when not misgrouped, and confirmed by its kind in the block or, in a block
        too small for that, by its own columns (the same rows add up in another column).  A code
        relation (类 = Σ款 by classification codes) is stated by the codes themselves: it counts
        unless its kind is refuted in the block (it breaks on most of three or more places)."""
        if self.own is None or self.misgrouped:
            return False
        if self.kind == "code" and self.support is not None and not self.support.refuted:
            return True
        return (self.support is not None and self.support.confirmed) or self.own.holds >= 1


@dataclass(frozen=True)
class PartSet:
    """Rows ``parts`` are "其中" parts of row ``whole``: together at most the whole."""

    whole: int
    parts: tuple[int, ...]


@dataclass
class BlockAnalysis:
    """One side of a table (the whole table when it has no side-by-side blocks)."""

    start: int
    end: int
    columns: tuple[int, ...]  # amount columns that take part in sums
    labels: dict[int, str]  # row index → label in this block
    codes: dict[int, str]  # row index → classification code
    direction: str | None = None
    total_row: int | None = None
    groups: tuple[int, ...] = ()
    column_sums: list[ColumnSum] = field(default_factory=list)  # proposed; ``.confirmed`` ones are judged
    row_sums: list[RowSum] = field(default_factory=list)  # proposed; ``.confirmed`` ones are judged
    part_sets: list[PartSet] = field(default_factory=list)
    # (proposed relation, another reading of the same rows): _verify keeps the reading the table confirms
    alternatives: list[tuple[RowSum, list[RowSum]]] = field(default_factory=list)


@dataclass
class TableAnalysis:
    table: Table
    blocks: list[BlockAnalysis]
    profile: dict  # subject / fund / measure / direction from the title
    column_fund: dict[int, str | None]
    column_measure: dict[int, str | None]
    column_names: dict[int, str]

    def value(self, row: Row, col: int) -> Number | None:
        return cell_number(row, col)

    def column_name(self, col: int) -> str:
        return self.column_names.get(col) or str(col + 1)


@dataclass(frozen=True)
class Quantity:
    """A cell whose meaning is known well enough to compare across tables."""

    key: tuple
    table: Table
    row: Row
    col: int
    row_label: str
    column_label: str
    number: Number


@dataclass
class TablesAnalysis:
    tables: list[TableAnalysis]
    quantities: list[Quantity]
    failures: list[tuple[Table, str]] = field(default_factory=list)  # tables skipped: (table, reason)

    def by_key(self) -> dict[tuple, list[Quantity]]:
        out: dict[tuple, list[Quantity]] = {}
        for q in self.quantities:
            out.setdefault(q.key, []).append(q)
        return out


# Arithmetic and cell reading live in ``arithmetic`` (re-exported here for the rules).
from textcheck.arithmetic import (  # noqa: E402,F401
    EXACT, MISMATCH, ROUNDING, SumCheck, cell_number, cell_text, check_sum, exceeds)

def cell_related(ta: TableAnalysis, row: Row, col: int, row_label: str | None = None) -> Related:
    """Related.cell with the block's row label and the analysed column name."""
    r = Related.cell(ta.table, row, col)
    return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=r.table,
                   row=row_label or r.row, column_label=ta.column_name(col), page=r.page, ref=r.ref)


def cell_location(table: Table, row: Row, col: int):
    c = row.cell(col)
    if c is not None and c.text.positions:
        return c.location
    for c in row.cells:
        if c.text.positions:
            loc = c.location
            return loc
    return table.location


# ---------------------------------------------------------------------------
# Header analysis
# ---------------------------------------------------------------------------


@dataclass
class _Node:
    label: str
    start: int
    end: int
    children: list["_Node"]


def _is_number_row(cells: Iterable[str]) -> bool:
    texts = [t for t in cells if t]
    return bool(texts) and all(patterns.COLUMN_NUMBER_CELL.fullmatch(t) for t in texts) \
        and sum(1 for t in texts if any(ch.isdigit() for ch in t)) >= 2


def _header_grid(table: Table) -> tuple[list[dict[int, str]], list[dict[int, str]]]:
    """(header rows as {col: text}, column-number rows)."""
    rows, numbers = [], []
    for hrow in table.header:
        texts = {c.col: squash(c.text.text) for c in hrow if squash(c.text.text)}
        if _is_number_row(texts.values()):
            numbers.append(texts)
        else:
            rows.append(texts)
    if not rows and not table.header:  # reader gave only Column labels/paths
        depth = max((len(c.path) for c in table.columns), default=0)
        for level in range(depth):
            texts = {}
            for c in table.columns:
                if len(c.path) > level and squash(c.path[level]):
                    # a path repeats the spanning label for each column: keep its first column only
                    prev = table.column(c.index - 1)
                    if prev is not None and len(prev.path) > level and prev.path[:level + 1] == c.path[:level + 1]:
                        continue
                    texts[c.index] = squash(c.path[level])
            rows.append(texts)
        if depth == 0:
            rows.append({c.index: squash(c.label) for c in table.columns if squash(c.label)})
    if not numbers:
        nums = {c.index: squash(c.number) for c in table.columns if c.number}
        if nums:
            numbers.append(nums)
    return rows, numbers


def _build_tree(rows: list[dict[int, str]], level: int, start: int, end: int) -> list[_Node]:
    """Spanning header cells: a label spans right until the next label of its row."""
    if level >= len(rows) or start >= end:
        return []
    row = rows[level]
    positions = [c for c in range(start, end) if c in row]
    if not positions:
        return _build_tree(rows, level + 1, start, end)
    nodes = []
    if positions[0] != start:
        nodes.append(_Node("", start, positions[0], _build_tree(rows, level + 1, start, positions[0])))
    for i, pos in enumerate(positions):
        stop = positions[i + 1] if i + 1 < len(positions) else end
        nodes.append(_Node(row[pos], pos, stop, _build_tree(rows, level + 1, pos, stop)))
    return nodes


def _column_paths(nodes: list[_Node], prefix: tuple[str, ...], out: dict[int, tuple[str, ...]]) -> None:
    for n in nodes:
        path = prefix + ((n.label,) if n.label else ())
        if n.children:
            _column_paths(n.children, path, out)
            for c in range(n.start, n.end):  # columns not covered by a child
                if not any(ch.start <= c < ch.end for ch in n.children):
                    out.setdefault(c, path)
        else:
            for c in range(n.start, n.end):
                out.setdefault(c, path)


# ---------------------------------------------------------------------------
# Table analysis
# ---------------------------------------------------------------------------


def analyse(document: Document, lexicon=None) -> TablesAnalysis:
    """Analyse every standard table of the document (called lazily via ctx.tables)."""
    extra = tuple(getattr(lexicon, "extra_dirs", ()) or ())
    lex = column_lexicon(extra)
    analyses, failures = [], []
    for t in document.tables:
        if getattr(t, "kind", "standard") == "performance" or not t.rows:
            continue
        try:
            analyses.append(analyse_table(t, lex))
        except Exception as exc:  # one table that cannot be read leaves the others checked
            failures.append((t, f"{type(exc).__name__}: {exc}"))
    quantities = [q for ta in analyses for q in _quantities(ta, lex)]
    return TablesAnalysis(analyses, quantities, failures)


def analyse_table(table: Table, lex: ColumnLexicon) -> TableAnalysis:
    # A column-number row ("栏次 1=2+3 2 3") the reader left among the body rows is header.
    numbered = [r for r in table.rows if _is_number_row(squash(c.text.text) for c in r.cells)]
    if numbered:
        table = dataclasses.replace(
            table, rows=tuple(r for r in table.rows if r not in numbered),
            header=table.header + tuple(tuple(Cell(c.text, -1, c.col, None) for c in r.cells) for r in numbered))
    header_rows, number_rows = _header_grid(table)
    width = max([len(table.columns)] + [c.col + 1 for r in table.rows for c in r.cells]
                + [c + 1 for r in header_rows for c in r])
    blocks_ranges = list(table.blocks) if len(table.blocks) > 1 else [(0, width)]
    profile = lex.table_profile(table.title or "")
    paths: dict[int, tuple[str, ...]] = {}
    trees: dict[tuple[int, int], list[_Node]] = {}
    for (a, b) in blocks_ranges:
        tree = _build_tree(header_rows, 0, a, b)
        trees[(a, b)] = tree
        _column_paths(tree, (), paths)
    for c in table.columns:  # reader-provided labels fill gaps
        if c.index not in paths and c.label:
            paths[c.index] = tuple(p for p in (c.path or (c.label,)) if p)
    names = {c: "/".join(p[-2:]) if len(p) > 1 and p[-1] in ("合计", "小计", "总计") else (p[-1] if p else "")
             for c, p in paths.items()}
    ta = TableAnalysis(table, [], profile, {}, {}, names)
    formulas = _formulas(number_rows)
    for k, (a, b) in enumerate(blocks_ranges):
        block = _analyse_block(ta, lex, a, b, paths, trees[(a, b)], formulas, k if len(blocks_ranges) > 1 else None)
        ta.blocks.append(block)
        _verify(ta, block)
    return ta


def _formulas(number_rows: list[dict[int, str]]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for row in number_rows:
        for text in row.values():
            m = patterns.COLUMN_FORMULA.fullmatch(text)
            if m:
                out.append((m.group("lhs"), tuple(regex.findall(r"\d+", m.group("rhs")))))
    return out


def _number_map(number_rows_cols: dict[int, str]) -> dict[str, int]:
    out = {}
    for col, text in number_rows_cols.items():
        m = regex.match(r"\d+", text)
        if m:
            out.setdefault(m.group(), col)
    return out


def _analyse_block(ta: TableAnalysis, lex: ColumnLexicon, a: int, b: int, paths, tree,
                   formulas, side: int | None) -> BlockAnalysis:
    """``side`` is the block's index in a side-by-side table, None for an ordinary table."""
    table = ta.table
    code_cols = _code_columns(table, lex, a, b, paths)
    labels, codes = {}, {}
    for row in table.rows:
        label = _row_label(row, a, b, code_cols, side)
        if label:
            labels[row.index] = label
        code = _row_code(row, code_cols, label, side)
        if code:
            codes[row.index] = code
    columns = tuple(c for c in range(a, b) if c not in code_cols and _is_amount_column(table, lex, c, paths))
    header_text = "".join(n.label for n in tree)
    direction = lex.direction(header_text) if side is not None else None
    block = BlockAnalysis(a, b, columns, labels, codes, direction)
    _column_concepts(ta, lex, columns, paths)
    block.column_sums = _column_sums(ta, lex, tree, columns, formulas, paths)
    _row_structure(ta, lex, block)
    return block


def _verify(ta: TableAnalysis, block: BlockAnalysis) -> None:
    """Mark the relations the table confirms (``verification``): the rules judge by those only."""
    rows = ta.table.rows
    column_sums: list[ColumnSum] = []
    for cs in block.column_sums:
        places = [(cell_number(r, cs.total), [cell_number(r, p) for p in cs.parts]) for r in rows]
        memo = verification.memo_parts(len(cs.parts), places)
        if memo and len(memo) < len(cs.parts):
            cs = ColumnSum(cs.total, tuple(p for i, p in enumerate(cs.parts) if i not in memo), cs.source,
                           memo=tuple(p for i, p in enumerate(cs.parts) if i in memo))
            places = [(t, [p for i, p in enumerate(ps) if i not in memo]) for t, ps in places]
        column_sums.append(dataclasses.replace(cs, support=verification.support(places)))
    block.column_sums = column_sums

    by_index = {r.index: r for r in rows}

    def checks_of(rs: RowSum) -> list:
        total_row, part_rows = by_index[rs.total], [by_index[i] for i in rs.parts]
        return [check_sum(cell_number(total_row, c), [cell_number(r, c) for r in part_rows])
                for c in block.columns]

    # Another reading replaces a proposal when it holds in every column where it applies (two
    # or more) and the proposal does not: the table shows which grouping it was printed with.
    for primary, reading in block.alternatives:
        if primary not in block.row_sums:
            continue
        own = verification.family_support([checks_of(primary)])
        alt = [verification.family_support([checks_of(rs)]) for rs in reading]
        if own.breaks and all(a.applies >= 2 and not a.breaks for a in alt):
            k = block.row_sums.index(primary)
            block.row_sums[k:k + 1] = reading
    checks = {rs: checks_of(rs) for rs in block.row_sums}
    row_sums: list[RowSum] = []
    for kind in dict.fromkeys(rs.kind for rs in block.row_sums):
        members = [rs for rs in block.row_sums if rs.kind == kind]
        own = {rs: verification.family_support([checks[rs]]) for rs in members}
        sound = [rs for rs in members if not (own[rs].applies >= 2 and own[rs].holds == 0)]
        sup = verification.family_support([checks[rs] for rs in sound])
        breaking = [((("r", rs.total, c), check.total), [(("r", p, c), n) for p, n in zip(rs.parts, check.parts)])
                    for rs in sound for c, check in zip(block.columns, checks[rs])
                    if check is not None and check.status == MISMATCH]
        if sup.breaks and verification.one_cell_explains(breaking):
            sup = dataclasses.replace(sup, explained=sup.breaks)
        row_sums.extend(dataclasses.replace(rs, support=sup, own=own[rs]) for rs in members)
    order = {(rs.total, rs.parts, rs.kind): i for i, rs in enumerate(block.row_sums)}
    block.row_sums = sorted(row_sums, key=lambda rs: order[(rs.total, rs.parts, rs.kind)])


def _code_columns(table: Table, lex: ColumnLexicon, a: int, b: int, paths) -> set[int]:
    cols = {c for c in range(a, b) if paths.get(c) and lex.code_headers.search(paths[c][-1])}
    if cols:
        return cols
    # No code header: leading columns whose every non-empty body cell is a bare code.
    for c in range(a, b):
        texts = [cell_text(r, c) for r in table.rows]
        texts = [t for t in texts if t]
        if texts and all(patterns.CODE_CELL.fullmatch(t) for t in texts) and any(len(t) >= 3 for t in texts):
            cols.add(c)
        else:
            break
    return cols


def _row_label(row: Row, a: int, b: int, code_cols: set[int], side: int | None) -> str:
    if side is not None:
        labels = getattr(row, "labels", ())
        if side < len(labels) and labels[side] and labels[side].strip():
            return labels[side].strip()
    elif row.label and row.label.strip():
        return row.label.strip()
    for c in range(a, b):
        if c in code_cols:
            continue
        t = cell_text(row, c)
        if t and cell_number(row, c) is None:
            return t
    return ""


def _row_code(row: Row, code_cols: set[int], label: str, side: int | None) -> str | None:
    if side is None and row.code:
        return row.code
    codes = getattr(row, "codes", ())
    if side is not None and side < len(codes) and codes[side]:
        return codes[side]
    if code_cols:
        parts = [cell_text(row, c) for c in sorted(code_cols)]
        parts = [p for p in parts if p]
        code = "".join(parts)
        if code and patterns.CODE_CELL.fullmatch(code) and len(code) in (3, 5, 7) and len(parts[0]) >= 3:
            return code
    m = patterns.CODE_AND_NAME.match(squash(label)) if label else None
    if m:
        return m.group("code")
    return None


def _is_amount_column(table: Table, lex: ColumnLexicon, c: int, paths) -> bool:
    path = paths.get(c, ())
    if path and lex.non_additive.search(path[-1]):
        return False
    numbers = [cell_number(r, c) for r in table.rows]
    has_number = any(n is not None for n in numbers)
    # each cell read once (cell_text/cell_number scan the row for the column)
    texts = [t for t, n in zip((cell_text(r, c) for r in table.rows), numbers)
             if t and n is None and not patterns.EMPTY_CELL.fullmatch(t)]
    if _is_line_numbers([n for n in numbers if n is not None]):
        return False  # 1, 2, 3 … numbering the rows (a 行次 column whose header the reader lost)
    return has_number and len(texts) <= len([n for n in numbers if n is not None]) // 4


def _is_line_numbers(numbers: list[Number]) -> bool:
    """Three or more whole numbers without separators, rising by one from row to row (mostly)."""
    if len(numbers) < 3 or any(n.decimals or "," in n.text or n.value < 0 for n in numbers):
        return False
    steps = [b.value - a.value for a, b in zip(numbers, numbers[1:])]
    return all(s > 0 for s in steps) and sum(1 for s in steps if s == 1) >= 0.8 * len(steps)


def _column_concepts(ta: TableAnalysis, lex: ColumnLexicon, columns, paths) -> None:
    """Fund and measure of each amount column: the title's, narrowed by header cells outermost first."""
    for c in columns:
        path = paths.get(c, ())
        fund = ta.profile.get("fund")
        measure = ta.profile.get("measure")
        for i, label in enumerate(path):
            leaf = i == len(path) - 1
            f, m = lex.fund(label), lex.measure(label)
            if not f and not m and lex.narrowing.search(squash(label)):
                fund = measure = None  # "本年收入", "上年结转": a narrower quantity we do not name
                break
            if f:
                fund = f
            if m and m != "total":
                measure = m
            elif m == "total" and measure is None:
                measure = "total"
            if leaf and not f and not m:
                fund = measure = None  # a header we do not know: no concept
            elif leaf and f and not m and measure is None:
                measure = "total"
        ta.column_fund[c] = fund
        ta.column_measure[c] = measure
    # A fund word means less when a sibling column names its narrower part.
    present = {ta.column_fund.get(c) for c in columns}
    for concept, sibling, becomes in lex.narrowed:
        if sibling in present:
            for c in columns:
                if ta.column_fund.get(c) == concept:
                    ta.column_fund[c] = becomes


def _column_sums(ta: TableAnalysis, lex: ColumnLexicon, tree, columns, formulas, paths) -> list[ColumnSum]:
    amount = set(columns)
    sums: dict[int, ColumnSum] = {}
    # 1. Formulas stated in the column-number row ("1=2+3").
    if formulas:
        number_of = {}
        for c in ta.table.columns:
            if c.number and c.number.strip():
                m = regex.match(r"\d+", c.number.strip())
                if m:
                    number_of.setdefault(m.group(), c.index)
        _, number_rows = _header_grid(ta.table)
        for row in number_rows:
            for k, v in _number_map(row).items():
                number_of.setdefault(k, v)
        for lhs, rhs in formulas:
            if lhs in number_of and all(r in number_of for r in rhs):
                total = number_of[lhs]
                parts = tuple(number_of[r] for r in rhs)
                if total in amount and all(p in amount for p in parts):
                    sums[total] = ColumnSum(total, parts, "formula")
    # 2. Header hierarchy.
    root = _Node("", min(columns, default=0), max(columns, default=-1) + 1, tree)
    for s in _header_sums(ta, lex, root, amount):
        sums.setdefault(s.total, s)
    # 3. Concept sums from the lexicon, where the header said nothing.
    for s in _lexicon_sums(ta, lex, columns):
        if s.total not in sums:
            sums[s.total] = s
    # A relation whose parts include a subtotal and that subtotal's own parts counts twice: drop it.
    nested = {s.total: set(s.parts) for s in sums.values()}
    kept = [s for s in sums.values()
            if not any(p in nested and nested[p] & set(s.parts) for p in s.parts)
            and not _mixed_subtotal(ta, s, paths)]
    return sorted(kept, key=lambda s: s.total)


def _mixed_subtotal(ta: TableAnalysis, s: ColumnSum, paths) -> bool:
    """A 小计/合计 part sharing its header group with another part: the group would count twice."""
    for p in s.parts:
        if regex.search(r"小计|合计", ta.column_names.get(p, "")) and len(paths.get(p, ())) > 1:
            group = paths[p][:-1]
            if any(q != p and paths.get(q, ())[:len(group)] == group for q in s.parts):
                return True
    return False


def _node_columns(node: _Node, amount: set[int]) -> list[int]:
    return [c for c in range(node.start, node.end) if c in amount]


def _is_total_column(ta: TableAnalysis, lex: ColumnLexicon, col: int) -> bool:
    name = ta.column_names.get(col, "")
    return lex.measure(name) == "total" or bool(regex.search(r"合计|总计|小计", name))


def _header_sums(ta: TableAnalysis, lex: ColumnLexicon, node: _Node, amount: set[int]) -> list[ColumnSum]:
    """A group whose first (or last) amount column is a total: total = Σ the group's other items."""
    out: list[ColumnSum] = []
    for child in node.children:
        out.extend(_header_sums(ta, lex, child, amount))
    cols = _node_columns(node, amount)
    if len(cols) < 3 and not (len(cols) == 2 and node.children):
        return out
    total = None
    if _is_total_column(ta, lex, cols[0]):
        total = cols[0]
    elif _is_total_column(ta, lex, cols[-1]) and not any(_is_total_column(ta, lex, c) for c in cols[:-1]):
        total = cols[-1]
    if total is None:
        return out
    parts: list[tuple[int, bool]] = []  # (column, direct leaf child of this group)
    for child in node.children or [_Node("", c, c + 1, []) for c in cols]:
        ccols = _node_columns(child, amount)
        if not ccols or total in ccols:
            if total in ccols and len(ccols) > 1:
                parts.extend((c, True) for c in ccols if c != total)
            continue
        if not child.children or len(ccols) == 1:
            parts.extend((c, not child.children) for c in ccols)
        else:
            parts.extend((c, False) for c in _resolve(ta, lex, child, amount))
    if len(parts) < 2 and not (len(parts) == 1 and node.children):
        return out
    if not parts or _double_counts(ta, lex, [c for c, direct in parts if direct]):
        return out
    out.append(ColumnSum(total, tuple(c for c, _ in parts), "header"))
    return out


def _resolve(ta: TableAnalysis, lex: ColumnLexicon, node: _Node, amount: set[int]) -> list[int]:
    """The columns that stand for a header group in its parent's sum: its total, else its items."""
    cols = _node_columns(node, amount)
    if not cols:
        return []
    if _is_total_column(ta, lex, cols[0]) and len(cols) > 1:
        return [cols[0]]
    if not node.children:
        return cols
    out = []
    for child in node.children:
        out.extend(_resolve(ta, lex, child, amount))
    return out


def _double_counts(ta: TableAnalysis, lex: ColumnLexicon, cols: list[int]) -> bool:
    """True when columns include a whole and one of its parts (a flattened header)."""
    for dim, whole, parts in lex.sums:
        concept = ta.column_measure if dim == "measure" else ta.column_fund
        present = {concept.get(c) for c in cols}
        if whole in present and present & set(parts):
            return True
    return False


def _lexicon_sums(ta: TableAnalysis, lex: ColumnLexicon, columns) -> list[ColumnSum]:
    out = []
    for dim, whole, parts in lex.sums:
        concept = ta.column_measure if dim == "measure" else ta.column_fund
        other = ta.column_fund if dim == "measure" else ta.column_measure
        for w in columns:
            if concept.get(w) != whole:
                continue
            found: dict[str, int] = {}
            ambiguous = False
            for c in columns:
                if c != w and concept.get(c) in parts and other.get(c) == other.get(w):
                    if concept[c] in found:
                        ambiguous = True
                    found[concept[c]] = c
            if not ambiguous and len(found) >= 2:
                out.append(ColumnSum(w, tuple(sorted(found.values())), "lexicon"))
    return out


# ---------------------------------------------------------------------------
# Row structure
# ---------------------------------------------------------------------------


def _has_values(row: Row, block: BlockAnalysis) -> bool:
    return any(cell_number(row, c) is not None for c in block.columns)


def _row_structure(ta: TableAnalysis, lex: ColumnLexicon, block: BlockAnalysis) -> None:
    table = ta.table
    rows = [r for r in table.rows if r.index in block.labels or _has_values(r, block)]
    if not rows or not block.columns:
        return
    label = {r.index: squash(block.labels.get(r.index, "")) for r in rows}

    def is_total(r: Row) -> bool:
        lab = label[r.index]
        if lex.subtotal_row.search(lab):
            return False
        return bool(lex.total_row.search(lab)) or (r.kind == ROW_TOTAL and "计" in lab)

    totals = [r for r in rows if is_total(r)]
    body = [r for r in rows if not is_total(r)]
    if len(totals) == 1 and (totals[0] is rows[0] or totals[0] is rows[-1]):
        block.total_row = totals[0].index

    numbering = {r.index: lex.numbering_level(label[r.index]) for r in body if r.index not in block.codes}
    numbering = {k: v for k, v in numbering.items() if v}

    # "其中" parts: the marked row and the unmarked rows that follow it.
    part_of: dict[int, int] = {}
    implicit: set[int] = set()
    whole = None
    in_parts = False
    for r in body:
        lab = label[r.index]
        marked = bool(lex.part_row.match(lab))
        plain = r.index not in block.codes and r.index not in numbering
        if marked and whole is not None:
            part_of[r.index] = whole
            in_parts = True
            continue
        if in_parts and plain and not lex.group_row.search(lab) and not lex.subtotal_row.search(lab):
            part_of[r.index] = whole
            continue
        in_parts = False
        if numbering and plain and whole is not None and whole in numbering and not marked:
            # unmarked rows under a numbered row: neither addends nor checked parts (their role is unknown)
            implicit.add(r.index)
            part_of[r.index] = whole
            continue
        whole = r.index
    wholes: dict[int, list[int]] = {}
    for p, w in part_of.items():
        if p not in implicit:
            wholes.setdefault(w, []).append(p)
    block.part_sets = [PartSet(w, tuple(ps)) for w, ps in wholes.items()]

    # category rows (政府采购 货物/工程/服务) cut across the unit groups: neither items nor groups
    main = [r for r in body if r.index not in part_of and not lex.category_row.search(label[r.index])]
    coded = [r for r in main if r.index in block.codes]

    # Group rows: uncoded rows heading coded rows, or reader-named groups, or unit names.
    group_names = {r.group for r in main if r.group}
    groups = [r for r in main if r.index not in block.codes and r.index not in numbering
              and (label[r.index] in {squash(g) for g in group_names})]
    if not groups and coded:
        groups = [r for i, r in enumerate(main) if r.index not in block.codes and r.index not in numbering
                  and i + 1 < len(main) and main[i + 1].index in block.codes]
    if not groups and not coded and not numbering:
        cand = [r for r in main if lex.group_row.search(label[r.index])]
        if cand and main and cand[0] is main[0]:
            groups = cand
    block.groups = tuple(r.index for r in groups)

    # Segments: the rows under each group (or the whole body).
    segments: list[tuple[Row | None, list[Row]]] = []
    if groups:
        gset = {g.index for g in groups}
        current: tuple[Row | None, list[Row]] | None = None
        for r in main:
            if r.index in gset:
                current = (r, [])
                segments.append(current)
            elif current is not None:
                current[1].append(r)
    else:
        segments.append((None, main))

    def top_rows(members: list[Row]) -> list[Row]:
        cm = [r for r in members if r.index in block.codes]
        if cm:
            # rows whose code has no ancestor in the table (a 7-digit 项 printed without its 款
            # is a top row of its own)
            present = {block.codes[r.index] for r in cm}
            return [r for r in cm if not any(block.codes[r.index][:n] in present
                                             for n in range(3, len(block.codes[r.index]), 2))]
        nm = [r for r in members if r.index in numbering]
        if nm:
            top = min(numbering[r.index] for r in nm)
            return [r for r in nm if numbering[r.index] == top]
        return members

    sums: list[RowSum] = []
    if block.total_row is not None:
        if groups:
            tops = groups
        else:
            tops = top_rows(main)
            # an unnumbered, uncoded row mixed with coded/numbered ones is unexplained: do not guess
            if (coded or numbering) and any(r.index not in block.codes and r.index not in numbering
                                             for r in main if r not in tops and _has_values(r, block)):
                tops = []
            # a 小计 row among the addends usually sums rows listed next to it: ambiguous, stay silent
            if len(tops) > 1 and any(lex.subtotal_row.search(label[r.index]) and r.index not in wholes
                                     for r in tops):
                tops = []
        if tops:
            primary = RowSum(block.total_row, tuple(r.index for r in tops), "grand-total")
            sums.append(primary)
            # Other readings of a grouped layout, for the table to choose from (_verify): every
            # unit row on its own level (a unit shown under another is its sibling), or the first
            # unit row restating the total (a department row above its 本级 and sibling units).
            flat = tuple(r.index for r in main if _has_values(r, block))
            if groups and flat != primary.parts:
                block.alternatives.append((primary, [RowSum(block.total_row, flat, "grand-total")]))
            if groups and len(tops) >= 3:
                block.alternatives.append((primary, [RowSum(block.total_row, (tops[0].index,), "grand-total"),
                                                     RowSum(tops[0].index, tuple(r.index for r in tops[1:]), "group")]))
    for group, members in segments:
        if group is not None:
            tops = top_rows(members)
            if tops:
                sums.append(RowSum(group.index, tuple(r.index for r in tops), "group"))
        sums.extend(_code_sums(ta, block, members))
        sums.extend(_numbered_sums(members, numbering))
    block.row_sums = sums


def _code_sums(ta: TableAnalysis, block: BlockAnalysis, members: list[Row]) -> list[RowSum]:
    out = []
    coded = [r for r in members if r.index in block.codes]
    for i, r in enumerate(coded):
        code = block.codes[r.index]
        children = []
        for c in coded[i + 1:]:
            cc = block.codes[c.index]
            if len(cc) <= len(code) or not cc.startswith(code):
                break
            if len(cc) == len(code) + 2:
                children.append(c)
        children = _drop_run_heads(ta, block, children)
        if children:
            out.append(RowSum(r.index, tuple(c.index for c in children), "code"))
    return out


def _drop_run_heads(ta: TableAnalysis, block: BlockAnalysis, children: list[Row]) -> list[Row]:
    """Rows repeating one code: a first row lacking the others' name text heads them (not an addend)."""
    out: list[Row] = []
    i = 0
    while i < len(children):
        j = i
        code = block.codes[children[i].index]
        while j + 1 < len(children) and block.codes[children[j + 1].index] == code:
            j += 1
        run = children[i:j + 1]
        if len(run) > 1 and _text_count(ta, block, run[0]) < min(_text_count(ta, block, r) for r in run[1:]):
            out.append(run[0])  # the head stands for the run
        elif len(run) > 1 and len({_row_figures(ta, block, r) for r in run}) == 1:
            out.append(run[0])  # the same row printed twice (a 项 printed with its 款's code): one addend
        else:
            out.extend(run)
        i = j + 1
    return out


def _row_figures(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> tuple:
    """A row's label and amounts, to recognise a row printed twice."""
    return (squash(block.labels.get(row.index, "")),) + tuple(
        (n.value if n is not None else None) for n in (cell_number(row, c) for c in block.columns))


def _text_count(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> int:
    return sum(1 for c in range(block.start, block.end)
               if c not in block.columns and cell_text(row, c) and cell_number(row, c) is None)


def _numbered_sums(members: list[Row], numbering: dict[int, int]) -> list[RowSum]:
    out = []
    for i, r in enumerate(members):
        level = numbering.get(r.index)
        if level is None:
            continue
        children, child_level = [], None
        for c in members[i + 1:]:
            cl = numbering.get(c.index)
            if cl is not None and cl <= level:
                break
            if cl is None:
                continue
            if child_level is None:
                child_level = cl
            if cl == child_level:
                children.append(c)
        if children:
            out.append(RowSum(r.index, tuple(c.index for c in children), "numbered"))
    return out


# ---------------------------------------------------------------------------
# Cross-table quantities
# ---------------------------------------------------------------------------


def _quantities(ta: TableAnalysis, lex: ColumnLexicon) -> list[Quantity]:
    subject = ta.profile.get("subject")
    if not subject:
        return []
    out = []
    for block in ta.blocks:
        direction = block.direction or ta.profile.get("direction")
        if direction == "both":
            direction = None
        for row in ta.table.rows:
            if row.index == block.total_row:
                row_key: tuple = ("total",)
            elif row.index in block.codes and not block.groups and not _in_parts(block, row.index):
                row_key = ("code", block.codes[row.index])
            else:
                continue
            for col in block.columns:
                fund, measure = ta.column_fund.get(col), ta.column_measure.get(col)
                n = cell_number(row, col)
                if not fund or not measure or n is None:
                    continue
                if row_key == ("total",) and fund in lex.balanced_funds:
                    key_dir = None  # the budget balances: total income = total expenditure
                elif direction is None:
                    continue
                else:
                    key_dir = direction
                key = (subject, fund, measure, row_key, key_dir)
                out.append(Quantity(key, ta.table, row, col, block.labels.get(row.index, row.label),
                                    ta.column_name(col), n))
    return out


def _in_parts(block: BlockAnalysis, index: int) -> bool:
    return any(index in p.parts for p in block.part_sets)


# ---------------------------------------------------------------------------
# Evidence helpers shared by the sum rules
# ---------------------------------------------------------------------------


def row_label(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> str:
    """How messages name a row: its label, or its code, or its position."""
    return block.labels.get(row.index) or row.label or block.codes.get(row.index) or f"第 {row.index + 1} 行"


def row_by_index(ta: TableAnalysis, index: int) -> Row:
    return ta.table.rows[index] if ta.table.rows[index].index == index else \
        next(r for r in ta.table.rows if r.index == index)


def figure(text: str, value: str | None = None, table: str | None = None) -> Related:
    """A computed figure (the sum) as evidence."""
    return Related(kind="figure", text=text, value=value, table=table)


def names(items: Sequence[str], limit: int = 4) -> str:
    """"基本支出 + 项目支出" or "行政运行 + … 等 7 项"."""
    items = [i for i in items if i]
    if len(items) <= limit:
        return " + ".join(items)
    return " + ".join(items[:limit - 1]) + f" + … 等 {len(items)} 项"


_KIND_RELATION = {"grand-total": "总计 = Σ下一级各行", "code": "上级科目 = Σ下级科目",
                  "numbered": "一级项目 = Σ其下各项", "group": "分组行 = Σ该组各行"}


def support_text(relation: ColumnSum | RowSum) -> str:
    """Why the relation is the table's: "本表适用此关系的 23 处中 22 处相符（上级科目 = Σ下级科目）"."""
    if isinstance(relation, ColumnSum):
        if relation.source == "formula" and not (relation.support and relation.support.confirmed):
            return "栏次行写明了此栏间关系"
        return relation.support.describe("同一行中合计栏 = Σ组成栏")
    what = _KIND_RELATION.get(relation.kind, "合计 = Σ各项")
    if relation.support and relation.support.confirmed:
        return relation.support.describe(what)
    if relation.kind == "code" and relation.support:
        return (f"科目编码表明{what}；本表此关系适用的 {relation.support.applies} 处中 "
                f"{relation.support.holds} 处相符")
    return f"同一组行在本行其他 {relation.own.holds} 栏中相符（{what}）"


def empty_note(check: SumCheck) -> str:
    return "（空单元格按 0 计）" if check.empty_counted else ""


def mismatch_text(check: SumCheck) -> str:
    """"773.32 + 175.21 = 948.53 ≠ 949.53（相差 1.00，超出四舍五入误差范围）"."""
    diff = abs(check.difference)
    return (f"{check.expression()} ≠ {check.total_text()}"
            f"（相差 {format_decimal(diff, check.sum_decimals)}，超出四舍五入误差范围）{empty_note(check)}")
