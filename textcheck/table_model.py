"""What the table analysis states about a table, as data: column sums, row sums, "其中" part sets,
per-block and per-table analyses and cross-table quantities (read by the sum rules)."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck.arithmetic import ColumnNumbers, cell_number
from textcheck.document import Row, Table
from textcheck.numbers import Number
from textcheck.verification import Support


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
    # the table's columns of numbers (``arithmetic.ColumnNumbers`` of ``table.rows``), as the
    # analysis read them: the sum rules read a relation's cells from them, not cell by cell
    numbers: ColumnNumbers | None = field(default=None, repr=False, compare=False)

    def value(self, row: Row, col: int) -> Number | None:
        return cell_number(row, col)

    def column_numbers(self, col: int) -> list[Number | None]:
        """``[cell_number(r, col) for r in table.rows]``, read once per column."""
        if self.numbers is not None:
            return self.numbers.column(col)
        return [cell_number(r, col) for r in self.table.rows]

    def position(self, index: int) -> int:
        """Where the row of index ``index`` stands in ``table.rows`` (``row_by_index``'s row)."""
        rows = self.table.rows
        if rows[index].index == index:
            return index
        return next(i for i, r in enumerate(rows) if r.index == index)

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


_new = object.__new__


def new_quantity(key: tuple, table: Table, row: Row, col: int, row_label: str, column_label: str,
                 number: Number) -> Quantity:
    """``Quantity(key, table, row, col, row_label, column_label, number)``, built without the
    frozen ``__init__`` (a ``__setattr__`` through ``object`` per field): the same fields in the
    instance's ``__dict__``, so equal, hashed and shown as one built by ``__init__`` (one per
    known cell of every table)."""
    q = _new(Quantity)
    q.__dict__.update(key=key, table=table, row=row, col=col, row_label=row_label, column_label=column_label,
                      number=number)
    return q


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
