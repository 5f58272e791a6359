"""A table's header as the sum rules read it: header rows and column-number rows ("※ 1 2 3",
"1=2+3"), the tree of spanning header cells, each column's path of labels and the column
formulas the document states."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from textcheck import patterns
from textcheck.lexicon.terms import squash
from textcheck.document import Table
from textcheck.numbers import may_be_digit


@dataclass
class HeaderNode:
    label: str
    start: int
    end: int
    children: list["HeaderNode"]


_NUMBER_CELL_STARTS = frozenset("※*＊栏行")


def is_number_row(cells: Iterable[str]) -> bool:
    """Every non-empty cell a column number or mark, two or more with digits ("栏次 1=2+3 2 3").
    Stops at the first cell that is not: ``cells`` may be a lazy iterable (a body row's first
    cell is usually its label, so the rest are never squashed)."""
    any_text = False
    digits = 0
    for t in cells:
        if not t:
            continue
        if not _may_be_number_cell(t) or not patterns.COLUMN_NUMBER_CELL.fullmatch(t):
            return False
        any_text = True
        if any(ch.isdigit() for ch in t):
            digits += 1
    return any_text and digits >= 2


def not_number_row(cells) -> bool:
    """True where ``is_number_row(squash(c.text.text) for c in cells)`` is False by the first
    cell alone (its test of a cell, below), without a generator and a call per row: asked of
    every body row, whose first cell is nearly always a label or code that the test rejects."""
    t = squash(cells[0].text.text) if cells else ""
    return bool(t) and not _may_be_number_cell(t)


def _may_be_number_cell(t: str) -> bool:
    """is_number_row's first test of a non-empty cell, asked before the pattern.  The pattern's
    words are ※ * ＊ 栏次 行次 or one or two digits (two characters at most), or a formula with
    "=": a cell neither short nor holding one, or starting with another character, is none
    (most first cells are labels or codes)."""
    return not (len(t) > 2 and "=" not in t and "＝" not in t) and (t[0] in _NUMBER_CELL_STARTS or may_be_digit(t[0]))


def header_grid(table: Table) -> tuple[list[dict[int, str]], list[dict[int, str]]]:
    """(header rows as {col: text}, column-number rows)."""
    rows, numbers = [], []
    for hrow in table.header:
        texts = {c.col: t for c in hrow if (t := squash(c.text.text))}
        if is_number_row(texts.values()):
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


def build_tree(rows: list[dict[int, str]], level: int, start: int, end: int) -> list[HeaderNode]:
    """Spanning header cells: a label spans right until the next label of its row."""
    if level >= len(rows) or start >= end:
        return []
    row = rows[level]
    positions = [c for c in range(start, end) if c in row]
    if not positions:
        return build_tree(rows, level + 1, start, end)
    nodes = []
    if positions[0] != start:
        nodes.append(HeaderNode("", start, positions[0], build_tree(rows, level + 1, start, positions[0])))
    for i, pos in enumerate(positions):
        stop = positions[i + 1] if i + 1 < len(positions) else end
        nodes.append(HeaderNode(row[pos], pos, stop, build_tree(rows, level + 1, pos, stop)))
    return nodes


def column_paths(nodes: list[HeaderNode], prefix: tuple[str, ...], out: dict[int, tuple[str, ...]]) -> None:
    for n in nodes:
        path = prefix + ((n.label,) if n.label else ())
        if n.children:
            column_paths(n.children, path, out)
            for c in range(n.start, n.end):  # columns not covered by a child
                if not any(ch.start <= c < ch.end for ch in n.children):
                    out.setdefault(c, path)
        else:
            for c in range(n.start, n.end):
                out.setdefault(c, path)


def column_formulas(number_rows: list[dict[int, str]]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for row in number_rows:
        for text in row.values():
            m = patterns.COLUMN_FORMULA.fullmatch(text)
            if m:
                out.append((m.group("lhs"), tuple(patterns.DIGITS.findall(m.group("rhs")))))
    return out


def column_number_map(number_rows_cols: dict[int, str]) -> dict[str, int]:
    out = {}
    for col, text in number_rows_cols.items():
        m = patterns.DIGITS.match(text)
        if m:
            out.setdefault(m.group(), col)
    return out
