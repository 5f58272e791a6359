"""Every table of a document cut into labelled segments with column concepts (what the linker
searches): a text cell and the amount cells right of it, by code and by name key."""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from textcheck import patterns
from textcheck.claim import CellRef
from textcheck.document import ROW_TOTAL, Document, Row, Table
from textcheck.families import listed_tables
from textcheck.lexicon.terms import DROPPED_MARKS, nfkc
from textcheck.linking.literals import chars_search, required_chars
from textcheck.linking.vocab import _first, _norm, _Vocabulary, _year_free, name_key
from textcheck.numbers import Number

# An empty cell in an amount column of a budget table means zero; as exact as it gets.
_EMPTY_DECIMALS = 8

# The label before a 绩效目标表's project name: that name cell is how the project route finds
# the table (routes._find_project_segments).
PROJECT_NAME_LABEL = "项目名称"
_NAME_LAST = PROJECT_NAME_LABEL[-1]  # a key that is the label holds it (_PerfReads._may_read)

_COL = attrgetter("col")  # a cell's column: the sort key of a row's cells
_FIRST_COL = lambda pair: pair[0].col  # noqa: E731  (a (cell, text) pair's column)
_NEW = object.__new__


def _cell_ref(table: Table, row: Row, col: int, value: Number) -> CellRef:
    """``CellRef(table, row, col, value)``, made without the frozen dataclass's ``__init__``
    (one ``object.__setattr__`` call per field, twice the cost): the index makes one per amount
    cell of every table.  The same fields, so equal, hashed and shown the same
    (tests/test_linking_fast_paths.py)."""
    ref = _NEW(CellRef)
    fields = ref.__dict__
    fields["table"] = table
    fields["row"] = row
    fields["col"] = col
    fields["value"] = value
    return ref



# Not frozen (but hashed and compared like a frozen one, and never changed): several
# thousand are made per document, and a frozen __init__ costs about five times as much.
@dataclass(unsafe_hash=True, slots=True)
class _Segment:
    """A labelled run of a row: a text cell and the amount cells right of it."""

    table: Table
    row: Row
    label: str  # label as printed
    key: str  # name_key(label)
    code: str | None
    cells: tuple[CellRef, ...]
    total: bool  # a grand-total row
    before: str = ""  # key of the label cell before this one in the row ("项目名称")


@dataclass(frozen=True)
class _ColumnConcept:
    measure: str | None
    fund: str | None


# A column no concept was decided for (frozen: one shared instance, not one made per lookup).
_NO_CONCEPT = _ColumnConcept(None, None)


class TableIndex:
    """Every table of a document, cut into labelled segments with column concepts.

    ``lean``: the rows of a 绩效目标表 that no route reads are left out (see ``_PerfReads``);
    the Linker asks for it when no lexicon role makes a 绩效目标表's totals a fund's or a narrow
    concept's (then every route but the project name, code and department-whole routes drops
    those tables' rows)."""

    def __init__(self, document: Document, voc: _Vocabulary, lean: bool = False):
        self.voc = voc
        self.tables = [t for t in document.tables if t.rows]
        self.document = document
        self._listed: dict[int, str] | None = None  # _listed_titles, read when a table has no title
        self.roles: dict[int, str | None] = {}
        self.concepts: dict[tuple[int, int], _ColumnConcept] = {}
        self.segments: list[_Segment] = []
        self.by_code: dict[str, list[_Segment]] = {}
        self.by_key: dict[str, list[_Segment]] = {}
        self.code_cols: dict[int, set[int]] = {}
        self.line_cols: dict[int, frozenset[int]] = {}
        self._not_labels: dict[int, set[int]] = {}  # code and line-number columns
        # per distinct cell text of the document: is it a code / what its label is (_label)
        self._code_cells = _CodeCells()
        self._labels = _Labels(voc)
        self._code_prefixed = _CodePrefixed()
        self._non_amounts: dict[tuple, bool] = {}  # _non_amount, by header
        self._headers: dict[tuple, tuple] = {}  # _header, by header
        self._column_concepts: dict[tuple, _ColumnConcept] = {}  # _column_concept, by header and defaults
        # Bare labels of 绩效目标表 (text cells with no amount right of them, no code, not the
        # project's name: "产出指标", "数量指标", each target's text …) are segments no route
        # reads — every lookup of those tables wants cells, a code or the name cell — and they are
        # most of a document's segments.  Left out only when table indexes are unique (the
        # linker's per-table lists are keyed by index; readers' documents always are).
        self._skip_bare = len({t.index for t in self.tables}) == len(self.tables)
        self._lean = lean and self._skip_bare
        self._perf_reads = _PerfReads(voc, self._code_prefixed)
        for t in self.tables:
            self._index_table(t)

    # -- building

    def _index_table(self, t: Table) -> None:
        # a table printed without its title ("表1" over the grid) is the one the document's own
        # list of tables names under its number ("表1 | 部门综合预算收支总表")
        title = _norm(t.title or (self.listed.get(t.number, "") if t.number is not None else ""))
        role = "performance" if t.kind == "performance" else _first(self.voc.table_roles, title)
        self.roles[t.index] = role
        headers = [(c, self._header(c)) for c in t.columns]
        code_cols = {c.index for c, h in headers if h[0]}
        self.code_cols[t.index] = code_cols
        # 行次/栏次 columns, decided once per table rather than for every cell of every row
        # (each index's first column: the one Table.column gives)
        first: dict[int, tuple] = {}
        for c, h in headers:
            first.setdefault(c.index, h)
        self.line_cols[t.index] = line_cols = frozenset(i for i, h in first.items() if h[1])
        self._not_labels[t.index] = code_cols | line_cols  # columns whose text is never a label
        # each row's cells in column order, once for every pass below
        rows = [(row, _in_column_order(row.cells)) for row in t.rows]
        # An empty table (every amount cell blank: "本表无数据") states no figure to restate.
        if t.kind != "performance" and not any(c.value is not None for _, cells in rows for c in cells):
            return
        amount_cols = self._amount_columns(t, code_cols, rows, headers)
        if role != "performance":
            # a 绩效目标表's column concepts are read by no route: every concept lookup leaves
            # those tables out, and _of_section_measure keeps the totals tables' cells only
            defaults = _first(self.voc.table_defaults, title) or {}
            for c in t.columns:
                self.concepts[(t.index, c.index)] = self._column_concept(c, defaults)
        width = max([len(t.columns)] + [cells[-1].col + 1 for _, cells in rows if cells])
        # An empty amount cell reads as this zero (one immutable Number per table).
        zero = Number(Decimal(0), _EMPTY_DECIMALS, t.unit, "")
        amounts = sorted(amount_cols)
        bare_ok = not (self._skip_bare and t.kind == "performance")  # index labels without cells
        # a 绩效目标表's target rows ("产出指标 | 数量指标 | … | 10"): segments no route reads
        lean = self._lean and t.kind == "performance" and not code_cols and \
            not patterns.PERF_DEPARTMENT_TITLE.search(title)
        reads = self._perf_reads
        for row, cells in rows:
            if lean and not row.code:
                # ``any(c.value is None and reads[c.text.text] for c in cells)``, without a
                # generator step per cell (most cells of a 绩效目标表 pass through here)
                for c in cells:
                    if c.value is None and reads[c.text.text]:
                        break
                else:
                    continue
            self._index_row(t, row, cells, amounts, width, zero, bare_ok)
        self._index_unlabelled_row(t, amount_cols, zero)

    def _index_unlabelled_row(self, t: Table, amount_cols: set[int], zero: Number) -> None:
        """A table of one row of figures and no label ("支出预算总表": 合计 | 基本支出 | 项目支出,
        "三公"经费表: one column per item) is a horizontal table: that row is the table's
        figure, so it is indexed as the table's total row, under no label."""
        row = None  # the one row with a figure (none when a second one turns up)
        for r in t.rows:
            for c in r.cells:  # (a loop, not a generator per row: every row of every table)
                if c.value is not None:
                    if row is not None:
                        return
                    row = r
                    break
        if row is None:
            return
        if any(c.value is None and c.text.text.strip() for c in row.cells):
            return  # a labelled row: indexed by _index_row
        by_col = {c.col: c for c in row.cells}
        # no label cell marks where the amounts start: every column holding a number is one
        cols = amount_cols | {c.col for c in row.cells if c.value is not None and c.col not in self.code_cols[t.index]
                              and not _line_number_column(t, c.col) and not self._non_amount(t.column(c.col))}
        # "2025年预算数 | 2026年预算数" over the same columns: each group is a figure of its own
        # (which one the narrative means is for the values to tell), never "the first column"
        paths = {col: (t.column(col).path if t.column(col) is not None else ()) or () for col in cols}
        groups: dict[str, list[int]] = {}
        for col in sorted(cols):
            path = paths[col]
            groups.setdefault(path[0] if len(path) > 1 else "", []).append(col)
        if len(groups) < 2 or "" in groups:
            groups = {"": sorted(cols)}
        for group in groups.values():
            refs = tuple(CellRef(t, row, col, (by_col[col].value if col in by_col and by_col[col].value is not None
                                               else zero)) for col in group)
            if refs:
                self.segments.append(_Segment(t, row, "", "", None, refs, True))

    def _header(self, col) -> tuple[bool, bool, bool, bool]:
        """What the index reads of a column header, once per header (a document repeats its
        tables' headers: one 绩效目标表 per project): (a code column, a 行次/栏次 column, no money
        amount (``_non_amount``), its label names a measure or fund)."""
        key = (col.path, col.label)
        hit = self._headers.get(key)
        if hit is None:
            text = _norm(col.label or "")
            hit = self._headers[key] = (bool(self.voc.code_headers.search(text)), _line_number_header(col),
                                        self._non_amount(col), bool(self.voc.measure(text) or self.voc.fund(text)))
        return hit

    def _amount_columns(self, t: Table, code_cols: set[int], rows: list, headers: list) -> set[int]:
        # A column is an amount column when it holds a number somewhere, or when its header
        # names a measure or fund (a column that is empty in every row still means 0) —
        # never a line-number, quantity or head-count column (行次, 数量, 人数: no money).
        skip = {c.index for c, h in headers if h[2]}
        code_cols = code_cols | skip
        cols = {c.index for c, h in headers if h[3] and c.index not in code_cols}
        for _, cells in rows:
            # the number cells right of the row's first text cell (code columns neither)
            rest = iter(cells)
            for c in rest:
                if c.value is None and c.col not in code_cols and c.text.text.strip():
                    cols.update([c.col for c in rest if c.value is not None and c.col not in code_cols])
                    break
        return cols

    def _non_amount(self, col) -> bool:
        """A 行次 / 数量 / 人数 … column: its numbers are no money amount (once per header)."""
        if col is None:
            return False
        key = (col.path, col.label)
        hit = self._non_amounts.get(key)
        if hit is None:
            hit = self._non_amounts[key] = any(self.voc.non_amount.search(_norm(p or ""))
                                               for p in (col.path or (col.label,)))
        return hit

    def _column_concept(self, col, defaults: dict) -> _ColumnConcept:
        # once per header and table defaults: a document repeats its tables' headers (one
        # 绩效目标表 per project)
        key = (col.path, col.label, defaults.get("measure"), defaults.get("fund"))
        concept = self._column_concepts.get(key)
        if concept is None:
            levels = [_norm(p) for p in (col.path or (col.label,)) if p]
            measure = fund = None
            for text in reversed(levels):  # the innermost header that says it wins
                measure = measure or self.voc.measure(text)
                fund = fund or self.voc.fund(text)
            concept = self._column_concepts[key] = _ColumnConcept(measure or defaults.get("measure"),
                                                                  fund or defaults.get("fund"))
        return concept

    def _index_row(self, t: Table, row: Row, cells: list, amounts: list[int], width: int, zero: Number,
                   bare_ok: bool = True) -> None:
        """The row's segments; ``cells`` in column order, ``amounts`` the amount columns sorted;
        a label with no cells, no code and not after 项目名称 only when ``bare_ok``."""
        by_col = None  # column → cell, made when a label has amount columns (or the row codes)
        t_index = t.index
        code_cols, not_labels = self.code_cols[t_index], self._not_labels[t_index]
        code_cells, labels, code_prefixed = self._code_cells, self._labels, self._code_prefixed
        # Label cells: text that is not a classification code ("206", "01" in 类/款/项 columns),
        # each with its stripped text.
        text_cols = [(c, text) for c in cells if c.value is None and c.col not in not_labels
                     and (text := c.text.text.strip()) and not code_cells[text]]
        if code_cols:
            by_col = {c.col: c for c in cells}
            merged = self._labels_in_code_columns(t, by_col)
            if merged:
                text_cols = sorted(text_cols + [(c, c.text.text.strip()) for c in merged], key=_FIRST_COL)
        last = len(text_cols) - 1
        for i, (label_cell, text) in enumerate(text_cols):
            end = text_cols[i + 1][0].col if i < last else width
            refs = []
            if end > label_cell.col + 1:  # the amount columns right of the label, up to the next label
                for col in amounts[bisect_right(amounts, label_cell.col):bisect_left(amounts, end)]:
                    if by_col is None:
                        by_col = {c.col: c for c in cells}
                    cell = by_col.get(col)
                    v = cell.value if cell is not None else None
                    refs.append(_cell_ref(t, row, col, zero if v is None else v))
            if not (bare_ok or refs) and (i or not (row.code or code_cols)) and not code_prefixed[text] and \
                    (not i or name_key(text_cols[i - 1][0].text.text) != PROJECT_NAME_LABEL):
                # a bare label that is left out below (no cells, no code: not the row's first label
                # or a row without a code, no code before its name; not after 项目名称), told
                # without making its _Labels entry (most labels of 绩效目标表 are such)
                continue
            code, label, key, year_free, total_row, block_total = labels[text]
            if code is None and i == 0:
                if row.code:
                    code = row.code
                elif code_cols:  # a whole code printed in the code column ("2080101"), not set on the row
                    code = next((t for c in cells if c.col in code_cols
                                 for t in (c.text.text.strip(),) if len(t) in (3, 5, 7) and t.isdigit()), None)
            # the first label of a total row, a grand-total label, or a block total beside it
            # ("人员经费合计 | … | 公用经费合计": the second is the total of its own columns)
            total = (row.kind == ROW_TOTAL and (i == 0 or block_total)) or total_row
            before = name_key(text_cols[i - 1][0].text.text) if i else ""
            if not (bare_ok or refs or code or before == PROJECT_NAME_LABEL):
                continue
            seg = _Segment(t, row, label, key, code, tuple(refs), total, before)
            self.segments.append(seg)
            if code:
                self.by_code.setdefault(code, []).append(seg)
            if key:
                self.by_key.setdefault(key, []).append(seg)
                if year_free != key:
                    self.by_key.setdefault(year_free, []).append(seg)

    def _labels_in_code_columns(self, t: Table, by_col: dict) -> list:
        """Labels printed in a code column: a merged cell over 科目代码 | 科目名称 ("合计",
        "人员经费合计" of a 决算 table).  Text with no digit is no code, and the name column
        right of it is blank (the label spans it)."""
        out = []
        for col in self.code_cols[t.index]:
            c = by_col.get(col)
            if c is None or c.value is not None or not c.text.text.strip() or \
                    patterns.LINK_ANY_DIGIT.search(c.text.text):
                continue
            right = by_col.get(col + 1)
            if right is None or (right.value is None and not right.text.text.strip()):
                out.append(c)
        return out

    # -- queries

    @property
    def listed(self) -> dict[int, str]:
        """Table number → title from the document's own list of tables (only a table printed
        without its title needs it: most documents never read their list here)."""
        if self._listed is None:
            self._listed = _listed_titles(self.document)
        return self._listed

    def role(self, t: Table) -> str | None:
        return self.roles.get(t.index)

    def concept(self, t: Table, col: int) -> _ColumnConcept:
        return self.concepts.get((t.index, col), _NO_CONCEPT)



class _CodeCells(dict):
    """Cell text → a classification code printed alone ("206", "01"), decided once per distinct
    text of the document (a dict lookup in the index's inner loop; computed when missing)."""

    def __missing__(self, text: str) -> bool:
        # LINK_CODE_CELL.fullmatch(text): two to seven decimal digits (\d is str.isdecimal's
        # class, Nd), told without the pattern (tests/test_linking_fast_paths.py)
        hit = self[text] = 2 <= len(text) <= 7 and text.isdecimal()
        return hit


class _CodePrefixed(dict):
    """Cell text → it starts with a classification code ("2010101行政运行"): the one thing of a
    label (_Labels) that decides whether a bare label is indexed, once per distinct text."""

    def __missing__(self, text: str) -> bool:
        norm = _norm(text)  # (a code starts with a decimal digit, \d)
        hit = self[text] = norm[:1].isdecimal() and patterns.LINK_CODE_PREFIX.match(norm) is not None
        return hit


class _PerfReads(dict):
    """A 绩效目标表 cell's text → a label that makes its row one a route reads: the project name's
    label (项目名称: the next label is the name, routes._find_project_segments), a budget label
    (年度预算总额 …, routes._performance_budget) or one printed after a code (the code route
    finds its segment by the code).  Once per distinct text of the document.

    Every other segment of a 绩效目标表 (the targets' rows: their 分值/完成值 numbers read as
    cells) is read by no route: the label, item, concept, unit and government-class routes leave
    out 绩效目标表 rows (their rows belong to one project), and the department-whole route's table
    is indexed whole.  tests/test_linking_lean_index.py holds the links to the full index's."""

    def __init__(self, voc: _Vocabulary, code_prefixed: "_CodePrefixed"):
        super().__init__()
        self.budget = voc.performance_budget
        self.holds_budget_char = chars_search(required_chars(self.budget))  # None: none known
        self.code_prefixed = code_prefixed

    def __missing__(self, text: str) -> bool:
        hit = self[text] = self._may_read(text) and self._reads(text)
        return hit

    def _may_read(self, text: str) -> bool:
        """False only when no key of the text can be a label a route reads, told from its
        characters without making the key (most texts of a 绩效目标表 — its targets, values and
        notes — are no such label).  A text's key holds only characters of its NFKC form and
        parentheses (normalize_term writes marks as them or drops them, name_key only drops;
        literals.py): it is 项目名称 only if that form holds the name's last character, and it
        names a budget only if it holds a character the budget pattern needs.  Neither, and
        its row is read only for a code before its name: that is asked here at once (the one
        term of ``_reads`` left), when the normalised form can start with a digit — its first
        character is one, or one normalisation drops or changes (a quote mark, a full-width
        digit, white space)."""
        form = text if unicodedata.is_normalized("NFKC", text) else nfkc(text)
        if _NAME_LAST in form:
            return True
        holds = self.holds_budget_char
        if holds is None or holds(form):
            return True
        stripped = text.strip()  # (what _CodePrefixed normalises)
        first = stripped[:1]
        if first.isdecimal() or first in DROPPED_MARKS or not unicodedata.is_normalized("NFKC", stripped):
            return self.code_prefixed[stripped]  # (not empty: an empty text is normalised)
        return False

    def _reads(self, text: str) -> bool:
        # name_key ignores the whitespace strip() removes: the key of the label and of the text
        key = name_key(text)
        stripped = text.strip()
        return key == PROJECT_NAME_LABEL or bool(stripped) and (
            self.budget.search(key) is not None or self.code_prefixed[stripped])


class _Labels(dict):
    """A label cell's stripped text → (code printed before the name or None, the name, its name
    key, the key without a leading year, names a grand total, ends in 合计/总计) — decided once
    per distinct label of the document (labels recur across its tables)."""

    def __init__(self, voc: _Vocabulary):
        super().__init__()
        self.total_row = voc.total_row

    def __missing__(self, text: str) -> tuple:
        code, label = None, text
        # (a text of letters and digits NFKC leaves alone is its own normal form: normalize_term)
        norm = text if text.isalnum() and unicodedata.is_normalized("NFKC", text) else _norm(text)
        m = patterns.LINK_CODE_PREFIX.match(norm) if norm[:1].isdecimal() else None  # a code's first: \d
        if m:
            code, label = m.group("code"), m.group("name")
        key = name_key(label)
        # LINK_TOTAL_SUFFIX is "(?:合计|总计)$": a key holds no white space, so no "\n" before its end
        # (_year_free leaves a key alone unless it starts with a digit)
        hit = self[text] = (code, label, key, _year_free(key) if key[:1].isdecimal() else key,
                            bool(self.total_row.search(key)), key.endswith(_TOTAL_SUFFIXES))
        return hit


# What LINK_TOTAL_SUFFIX matches at the end of a key (tests/test_term_key_fast_paths.py).
_TOTAL_SUFFIXES = ("合计", "总计")


def _in_column_order(cells: tuple) -> tuple | list:
    """``sorted(cells, key=attrgetter("col"))``: the cells themselves when they are already in
    column order (readers make a row's cells so: told by one pass, no sort and no list)."""
    prev = -1
    for c in cells:
        if c.col < prev:
            return sorted(cells, key=_COL)  # (stable: cells of one column keep their order)
        prev = c.col
    return cells


def _line_number_column(table: Table, col: int) -> bool:
    """A 行次/栏次 column: its cells number the rows, they are neither labels nor amounts."""
    return _line_number_header(table.column(col))


def _line_number_header(column) -> bool:
    return column is not None and bool(column.label) and bool(patterns.LINE_NUMBER_HEADER.fullmatch(column.label))


def _listed_titles(document: Document) -> dict[int, str]:
    """Table number → title, from the document's own list of tables; a number listed twice
    with different titles names no table."""
    out: dict[int, str] = {}
    clash: set[int] = set()
    for entry in listed_tables(document):
        if entry.number is None:
            continue
        if out.setdefault(entry.number, entry.title) != entry.title:
            clash.add(entry.number)
    return {n: title for n, title in out.items() if n not in clash}
