"""The columns of one block: which hold codes and which amounts, the fund and measure of each
amount column, and the column sums proposed for verification — from the column-number
row's formulas, the header hierarchy, or the lexicon's concept sums."""
from __future__ import annotations

from textcheck import patterns
from textcheck.arithmetic import cell_text, number_in, text_in
from textcheck.lexicon.columns import ColumnLexicon
from textcheck.lexicon.terms import squash
from textcheck.document import Table
from textcheck.numbers import Number
from textcheck.table_headers import HeaderNode, column_number_map, header_grid
from textcheck.table_model import ColumnSum, TableAnalysis


def code_columns(table: Table, lex: ColumnLexicon, a: int, b: int, paths) -> set[int]:
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


def is_amount_column(table: Table, lex: ColumnLexicon, c: int, paths, cells=None, numbers=None) -> bool:
    """``cells``, ``numbers``: the column's cell and number in each row (``column_cells``,
    ``ColumnNumbers``), else read here."""
    path = paths.get(c, ())
    if path and lex.non_additive.search(path[-1]):
        return False
    if cells is None:
        cells = [r.cell(c) for r in table.rows]
    if numbers is None:
        numbers = [number_in(x) for x in cells]
    figures = [n for n in numbers if n is not None]
    if not figures:
        return False  # no number at all (a label column: its texts are not even looked at)
    if _is_line_numbers(figures):
        return False  # 1, 2, 3 … numbering the rows (a 行次 column whose header the reader lost)
    # at most one text cell (not a number, not an empty mark) for every four numbers: counted
    # until there are too many
    allowed = len(figures) // 4
    texts = 0
    for x, n in zip(cells, numbers):
        if n is None:
            t = text_in(x)
            if t and not patterns.EMPTY_CELL.fullmatch(t):
                texts += 1
                if texts > allowed:
                    return False
    return True


def _is_line_numbers(numbers: list[Number]) -> bool:
    """Three or more whole numbers without separators, rising by one from row to row (mostly)."""
    if len(numbers) < 3 or any(n.decimals or "," in n.text or n.value < 0 for n in numbers):
        return False
    steps = [b.value - a.value for a, b in zip(numbers, numbers[1:])]
    return all(s > 0 for s in steps) and sum(1 for s in steps if s == 1) >= 0.8 * len(steps)


def column_concepts(ta: TableAnalysis, lex: ColumnLexicon, columns, paths) -> None:
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


def column_sums(ta: TableAnalysis, lex: ColumnLexicon, tree, columns, formulas, paths) -> list[ColumnSum]:
    amount = set(columns)
    sums: dict[int, ColumnSum] = {}
    # 1. Formulas stated in the column-number row ("1=2+3").
    if formulas:
        number_of = {}
        for c in ta.table.columns:
            if c.number and c.number.strip():
                m = patterns.DIGITS.match(c.number.strip())
                if m:
                    number_of.setdefault(m.group(), c.index)
        _, number_rows = header_grid(ta.table)
        for row in number_rows:
            for k, v in column_number_map(row).items():
                number_of.setdefault(k, v)
        for lhs, rhs in formulas:
            if lhs in number_of and all(r in number_of for r in rhs):
                total = number_of[lhs]
                parts = tuple(number_of[r] for r in rhs)
                if total in amount and all(p in amount for p in parts):
                    sums[total] = ColumnSum(total, parts, "formula")
    # 2. Header hierarchy.
    root = HeaderNode("", min(columns, default=0), max(columns, default=-1) + 1, tree)
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
        if patterns.SUBTOTAL_COLUMN_WORD.search(ta.column_names.get(p, "")) and len(paths.get(p, ())) > 1:
            group = paths[p][:-1]
            if any(q != p and paths.get(q, ())[:len(group)] == group for q in s.parts):
                return True
    return False


def _node_columns(node: HeaderNode, amount: set[int]) -> list[int]:
    return [c for c in range(node.start, node.end) if c in amount]


def _is_total_column(ta: TableAnalysis, lex: ColumnLexicon, col: int) -> bool:
    name = ta.column_names.get(col, "")
    return lex.measure(name) == "total" or bool(patterns.TOTAL_COLUMN_WORD.search(name))


def _header_sums(ta: TableAnalysis, lex: ColumnLexicon, node: HeaderNode, amount: set[int]) -> list[ColumnSum]:
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
    for child in node.children or [HeaderNode("", c, c + 1, []) for c in cols]:
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


def _resolve(ta: TableAnalysis, lex: ColumnLexicon, node: HeaderNode, amount: set[int]) -> list[int]:
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
