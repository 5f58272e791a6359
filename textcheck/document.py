"""The located document model every reader produces and every later stage reads.

Readers (``textcheck.readers``) turn a file into a :class:`Document`.  Nothing
here parses or judges; these are frozen value types so stages cannot reach back
and change what an earlier stage produced.

Locations: every span keeps where it came from.  For text input ``line`` and
``column`` are the physical 1-based line and column in the file; for PDF the
line in the reader's text rendering plus ``page``; for DOCX/XLSX ``ref`` names
the paragraph or cell ("Sheet1!B7", "段落 12", "表格 3 行 4 列 2").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from typing import Iterator

from textcheck import patterns
from textcheck.numbers import Number

_new = object.__new__


@dataclass(frozen=True)
class Location:
    """Where a span stands in the source (1-based, end inclusive of last char)."""

    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    ref: str | None = None

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "page": self.page,
            "ref": self.ref,
        }


def new_location(line: int, column: int, end_line: int, end_column: int, page: int | None = None,
                 ref: str | None = None) -> Location:
    """``Location(...)`` without the frozen ``__init__``'s six ``object.__setattr__`` calls (every
    located span asked for its location builds one): Location has no ``__post_init__`` and only
    its fields in ``__dict__``, filled in their order (tests/test_model_fast_paths.py)."""
    loc = _new(Location)
    values = loc.__dict__
    values["line"] = line
    values["column"] = column
    values["end_line"] = end_line
    values["end_column"] = end_column
    values["page"] = page
    values["ref"] = ref
    return loc


# One source position per character of normalised text: (line, column).
Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LocatedText:
    """Normalised text that remembers the source position of every character.

    Normalisation (full-width forms, CJK–digit spaces, LaTeX remnants, broken
    lines) changes the text; ``positions[i]`` is the source (line, column) of
    ``text[i]`` so any span found in normalised text maps back exactly.
    """

    text: str
    positions: tuple[Position, ...]
    page: int | None = None
    ref: str | None = None

    # Readers build one per table cell and line (thousands per document): the generated frozen
    # __init__ (object.__setattr__ by name, then __post_init__) costs twice these slot setters.
    def __init__(self, text: str, positions: tuple[Position, ...], page: int | None = None,
                 ref: str | None = None) -> None:
        if len(text) != len(positions):
            raise ValueError("LocatedText needs one position per character")
        _set_lt_text(self, text)
        _set_lt_positions(self, positions)
        _set_lt_page(self, page)
        _set_lt_ref(self, ref)

    def __reduce__(self):  # pickled by its fields (a Document read in a forked reader process)
        return LocatedText, (self.text, self.positions, self.page, self.ref)

    def locate(self, start: int = 0, end: int | None = None) -> Location:
        """Location of ``text[start:end]`` in the source."""
        positions = self.positions
        if not positions:
            return new_location(0, 0, 0, 0, self.page, self.ref)
        end = len(self.text) if end is None else end
        start = max(0, min(start, len(positions) - 1))
        last = max(start, min(end - 1, len(positions) - 1))
        line, col = positions[start]
        end_line, end_col = positions[last]
        return new_location(line, col, end_line, end_col, self.page, self.ref)

    @property
    def location(self) -> Location:
        return self.locate()

    def slice(self, start: int, end: int) -> "LocatedText":
        return located(self.text[start:end], self.positions[start:end], self.page, self.ref)

    def __str__(self) -> str:  # convenient in messages
        return self.text


_set_lt_text = LocatedText.text.__set__
_set_lt_positions = LocatedText.positions.__set__
_set_lt_page = LocatedText.page.__set__
_set_lt_ref = LocatedText.ref.__set__


# Fast construction of the per-cell model types (readers build thousands per document).
# Calling a class runs type.__call__ → __init__, and a frozen type can only fill its slots
# through the slot descriptors (a method call each): together most of a cell's reading cost.
# These twins have the same slots (so the same memory layout) and no frozen __setattr__:
# an instance is filled with plain slot stores and then assigned the frozen class, which
# Python allows between types of identical layout.  The result *is* a LocatedText / Cell
# (equal, hashable and frozen as one built by its __init__; tests/test_model_fast_paths.py).
# A twin is made by calling it: it has object's own __new__ and __init__, and type.__call__
# reaches them faster (~40 ns an object) than ``object.__new__(twin)`` called as a function,
# which goes through the generic wrapper that re-packs its arguments.
def slot_twin(cls: type) -> type:
    """A plain class with ``cls``'s slots: its instances are filled by plain slot stores and then
    assigned ``__class__ = cls`` (see above)."""
    return type(f"_{cls.__name__}Slots", (), {"__slots__": cls.__slots__})


_LocatedTextSlots = slot_twin(LocatedText)


def located(text: str, positions: tuple[Position, ...], page: int | None = None,
            ref: str | None = None) -> LocatedText:
    """``LocatedText(text, positions, page, ref)``, built faster (see above)."""
    if len(text) != len(positions):
        raise ValueError("LocatedText needs one position per character")
    lt = _LocatedTextSlots()
    lt.text = text
    lt.positions = positions
    lt.page = page
    lt.ref = ref
    lt.__class__ = LocatedText
    return lt


@dataclass(frozen=True)
class Heading:
    """A section heading ("第三部分 …", "二、关于…收入预算情况说明", "（一）…")."""

    text: LocatedText
    level: int  # 1 = 第X部分, 2 = 一、, 3 = （一）, 4 = 1、


@dataclass(frozen=True)
class Paragraph:
    """A narrative paragraph, already re-joined across line and page breaks."""

    text: LocatedText
    section: tuple[str, ...]  # heading texts from outermost to innermost
    index: int  # order among the document's paragraphs
    # the sentences, split on the first ``sentences()`` (claim extraction asks for them several times)
    _sentences: tuple[LocatedText, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def sentences(self) -> Iterator[LocatedText]:
        """Split on Chinese sentence ends (。！？；) keeping positions."""
        found = self._sentences
        if found is None:
            found = tuple(self._split())
            object.__setattr__(self, "_sentences", found)
        return iter(found)

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence in the text: what ``sentences()`` slices (claim
        extraction slices only the sentences that carry a figure)."""
        out = []
        start = 0
        s = self.text.text
        for m in patterns.PARAGRAPH_SENTENCE_END.finditer(s):
            end = m.end()
            out.append((start, end))  # never blank: it holds its sentence end
            start = end
        if s[start:].strip():
            out.append((start, len(s)))
        return out

    def _split(self) -> Iterator[LocatedText]:
        for start, end in self.sentence_bounds():
            yield self.text.slice(start, end)


def new_heading(text: LocatedText, level: int) -> Heading:
    """``Heading(text, level)`` without the frozen ``__init__`` (see ``new_location``)."""
    h = _new(Heading)
    values = h.__dict__
    values["text"] = text
    values["level"] = level
    return h


def new_paragraph(text: LocatedText, section: tuple[str, ...], index: int) -> Paragraph:
    """``Paragraph(text, section, index)`` without the frozen ``__init__`` (see ``new_location``;
    ``_sentences`` left to the class default, as ``__init__`` leaves it)."""
    p = _new(Paragraph)
    values = p.__dict__
    values["text"] = text
    values["section"] = section
    values["index"] = index
    return p


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell. ``value`` is set when the cell holds a number."""

    text: LocatedText
    row: int  # index into Table.rows (body) or -1 for header cells
    col: int  # column index
    value: Number | None = None

    # One per table cell: slot setters instead of the generated frozen __init__ (see LocatedText).
    def __init__(self, text: LocatedText, row: int, col: int, value: Number | None = None) -> None:
        _set_cell_text(self, text)
        _set_cell_row(self, row)
        _set_cell_col(self, col)
        _set_cell_value(self, value)

    def __reduce__(self):
        return Cell, (self.text, self.row, self.col, self.value)

    @property
    def location(self) -> Location:
        return self.text.location


_set_cell_text = Cell.text.__set__
_set_cell_row = Cell.row.__set__
_set_cell_col = Cell.col.__set__
_set_cell_value = Cell.value.__set__


_CellSlots = slot_twin(Cell)
_NO_VALUES = repeat(None)  # endless, holds no state: shared by every row without values


def new_cell(text: LocatedText, row: int, col: int, value: Number | None = None) -> Cell:
    """``Cell(text, row, col, value)``, built faster (see ``located``)."""
    c = _CellSlots()
    c.text = text
    c.row = row
    c.col = col
    c.value = value
    c.__class__ = Cell
    return c


def new_cells(texts, row: int, values: list | None = None) -> tuple[Cell, ...]:
    """``tuple(Cell(t, row, k, values[k] if values else None) for k, t in enumerate(texts))``, one
    row's cells built in one loop (no call per cell; ``values`` is None for a row without numbers,
    most rows and every header row: ``repeat`` then hands each cell None without a look-up)."""
    out = []
    k = 0
    for t, v in zip(texts, _NO_VALUES if values is None else values):
        c = _CellSlots()
        c.text = t
        c.row = row
        c.col = k
        c.value = v
        c.__class__ = Cell
        out.append(c)
        k += 1
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    label: str  # header labels joined top to bottom ("一般公共预算支出/合计" → "合计")
    path: tuple[str, ...] = ()  # every header level, outermost first
    number: str | None = None  # from the "※ ※ 1 2 3" column-number row
    concept: str | None = None  # lexicon concept: total, basic, project, personnel …

    # One per table column: slot setters instead of the generated frozen __init__ (see LocatedText).
    def __init__(self, index: int, label: str, path: tuple[str, ...] = (), number: str | None = None,
                 concept: str | None = None) -> None:
        _set_col_index(self, index)
        _set_col_label(self, label)
        _set_col_path(self, path)
        _set_col_number(self, number)
        _set_col_concept(self, concept)

    def __reduce__(self):
        return Column, (self.index, self.label, self.path, self.number, self.concept)


_set_col_index, _set_col_label, _set_col_path, _set_col_number, _set_col_concept = (
    getattr(Column, name).__set__ for name in ("index", "label", "path", "number", "concept"))
_ColumnSlots = slot_twin(Column)


def new_column(index: int, label: str, path: tuple[str, ...] = (), number: str | None = None,
               concept: str | None = None) -> Column:
    """``Column(...)``, built faster (see ``located``)."""
    c = _ColumnSlots()
    c.index = index
    c.label = label
    c.path = path
    c.number = number
    c.concept = concept
    c.__class__ = Column
    return c


ROW_DATA = "data"
ROW_TOTAL = "total"  # 总计 / 合计 rows
ROW_SUBTOTAL = "subtotal"  # 小计
ROW_PART = "part"  # "其中：…" rows: a part of the row above, not an addend


@dataclass(frozen=True, slots=True)
class Row:
    index: int
    cells: tuple[Cell, ...]
    label: str  # the row's name ("科学技术管理事务", "一、本年收入")
    code: str | None = None  # combined classification code: "2060101"
    level: int | None = None  # 1 类 / 2 款 / 3 项 (from codes) or indentation depth
    kind: str = ROW_DATA
    parent: int | None = None  # index of the parent row (hierarchy)
    group: str | None = None  # unit / project group heading the row belongs to
    # Side-by-side tables (收入 | 支出): one label and one code per Table.blocks
    # entry; ``label``/``code`` are those of the first (left) block.
    labels: tuple[str, ...] = ()
    codes: tuple[str | None, ...] = ()
    # column → cell, built on the first ``cell()`` (later stages look cells up thousands of times)
    _by_col: dict[int, Cell] | None = field(default=None, init=False, repr=False, compare=False)

    # One per table row: slot setters instead of the generated frozen __init__ (see LocatedText).
    def __init__(self, index: int, cells: tuple[Cell, ...], label: str, code: str | None = None,
                 level: int | None = None, kind: str = ROW_DATA, parent: int | None = None,
                 group: str | None = None, labels: tuple[str, ...] = (), codes: tuple[str | None, ...] = ()) -> None:
        _set_row_index(self, index)
        _set_row_cells(self, cells)
        _set_row_label(self, label)
        _set_row_code(self, code)
        _set_row_level(self, level)
        _set_row_kind(self, kind)
        _set_row_parent(self, parent)
        _set_row_group(self, group)
        _set_row_labels(self, labels)
        _set_row_codes(self, codes)
        _set_row_by_col(self, None)

    def __reduce__(self):
        return Row, (self.index, self.cells, self.label, self.code, self.level, self.kind, self.parent,
                     self.group, self.labels, self.codes)

    def cell(self, col: int) -> Cell | None:
        """The row's (first) cell in column ``col``."""
        by_col = self._by_col
        if by_col is None:
            by_col = {}
            for c in self.cells:
                by_col.setdefault(c.col, c)
            _set_row_by_col(self, by_col)
        return by_col.get(col)

    def value(self, col: int) -> Number | None:
        c = self.cell(col)
        return c.value if c else None


(_set_row_index, _set_row_cells, _set_row_label, _set_row_code, _set_row_level, _set_row_kind, _set_row_parent,
 _set_row_group, _set_row_labels, _set_row_codes, _set_row_by_col) = (
    getattr(Row, name).__set__ for name in ("index", "cells", "label", "code", "level", "kind", "parent", "group",
                                            "labels", "codes", "_by_col"))
_RowSlots = slot_twin(Row)


def new_row(index: int, cells: tuple[Cell, ...], label: str, code: str | None = None, level: int | None = None,
            kind: str = ROW_DATA, parent: int | None = None, group: str | None = None, labels: tuple[str, ...] = (),
            codes: tuple[str | None, ...] = ()) -> Row:
    """``Row(...)``, built faster (see ``located``)."""
    r = _RowSlots()
    r.index = index
    r.cells = cells
    r.label = label
    r.code = code
    r.level = level
    r.kind = kind
    r.parent = parent
    r.group = group
    r.labels = labels
    r.codes = codes
    r._by_col = None
    r.__class__ = Row
    return r


@dataclass(frozen=True)
class Table:
    """A table with its caption, unit, header and rows.

    ``id`` is the caption label as printed ("表 3", "公开05表") or a generated
    "T<n>" when the table has none.  A table continued after a page break is
    one Table.  Side-by-side layouts (收入 | 支出) stay one table; ``blocks``
    names the column ranges of each side when the reader detected them.
    """

    id: str
    title: str
    unit: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    location: Location
    index: int  # order among the document's tables
    section: tuple[str, ...] = ()
    number: int | None = None  # 3 for "表 3" / "公开03表" / "五、…表"
    header: tuple[tuple[Cell, ...], ...] = ()
    empty_statement: LocatedText | None = None  # "…为空表"
    department: str | None = None  # 编制部门 / 部门名称 line
    blocks: tuple[tuple[int, int], ...] = ()  # column ranges [start, end) of side-by-side blocks
    kind: str = "standard"  # "standard" or "performance" (绩效目标表)

    def column(self, index: int) -> Column | None:
        for c in self.columns:
            if c.index == index:
                return c
        return None

    @property
    def name(self) -> str:
        """How messages name the table: "表 3 部门支出总体情况表"."""
        return f"{self.id} {self.title}".strip() if self.title else self.id


@dataclass(frozen=True)
class Document:
    path: str
    format: str  # text, markdown, pdf, docx, xlsx, html
    source_lines: tuple[str, ...]  # the text rendering, physical lines as read
    headings: tuple[Heading, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()
    toc: tuple[LocatedText, ...] = ()  # entries of the table of contents (目录)
    sha256: str = ""
    meta: dict = field(default_factory=dict)  # department, year, encoding, pages …

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.source_lines):
            return self.source_lines[line - 1]
        return ""
