"""Claim → table cells: which cells a narrative figure may restate, and whether one agrees.

A claim's subject is resolved four ways, strongest first:

* classification — codes the extractor found, or the "类/款/项" name path
  ("科学技术支出/科学技术管理事务/行政运行") resolved against the document's own
  coded rows and the lexicon (→ row 2060101);
* project — a project name read from the document's own tables (project,
  carry-over and 绩效目标 tables), compared after fuzzy normalisation; a
  generic subject ("预算安排规模") takes the project named by its block heading;
* row label — a row whose label is the subject (or the same lexicon concept);
* concept — the subject's measure and fund ("基本支出" → measure basic;
  "一般公共预算" → fund general), matched against column concepts on the
  total row, and the grand total of the table the concept is the total of.

The section the claim stands in narrows the tables ("收入预算情况说明" →
income tables).  Linking is value-aware: every plausible cell is a candidate,
and a claim agreeing with any of them is consistent.  A link is *confident*
only when the subject resolved one way to one thing and the section named the
tables; only confident links can become errors (rules TC201/TC204).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

import regex

from textcheck import patterns
from textcheck.claim import CellRef, Claim, Link
from textcheck.document import ROW_SUBTOTAL, ROW_TOTAL, Document, Row, Table
from textcheck.lexicon import normalize_term
from textcheck.lexicon.linking_words import column_words, linking_words
from textcheck.numbers import MONEY_UNITS, Interval, Number

CONFIDENT, AMBIGUOUS, UNLINKED = "confident", "ambiguous", "none"
# Tables that hold projects by name (their rows are what a project name in any section means).
PROJECT_ROLES = ("project", "carryover", "performance")

# An empty cell in an amount column of a budget table means zero; as exact as it gets.
_EMPTY_DECIMALS = 8


@dataclass(frozen=True)
class SubjectLink(Link):
    """A Link that also says what the subject resolved to and where it was looked for.

    key:   "code:2060101", "project:<name key>", "label:<label>", "concept:basic/general"
    scope: table roles the section named (empty when it named none)
    route: code / project / label / concept
    primary: the candidates that are the subject's own figure (the first amount
             column of its row or the concept's cell); evidence prefers them.
    """

    key: str | None = None
    scope: tuple[str, ...] = ()
    route: str = ""
    primary: tuple[CellRef, ...] = ()


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    table_roles: tuple[tuple[regex.Pattern, str], ...]
    section_roles: tuple[tuple[regex.Pattern, tuple[str, ...], bool], ...]
    scope_skip: regex.Pattern
    concept_tables: dict
    concept_columns: dict
    fund_families: dict
    subject_suffixes: regex.Pattern
    generic_subjects: regex.Pattern
    performance_budget: regex.Pattern
    measures: tuple[tuple[regex.Pattern, str], ...]
    funds: tuple[tuple[regex.Pattern, str], ...]
    table_defaults: tuple[tuple[regex.Pattern, dict], ...]
    total_row: regex.Pattern
    code_headers: regex.Pattern
    non_amount: regex.Pattern
    carryover: regex.Pattern
    generic_whole: regex.Pattern
    flows: tuple = ()
    fund_tables: dict = field(default_factory=dict)
    item_prefix: regex.Pattern = regex.compile("^$")
    column_total: regex.Pattern = regex.compile("^$")
    # text → measure / fund concept: the same labels and subjects recur in every claim and
    # document, so each pattern list is scanned once per distinct text.
    _measure_of: dict = field(default_factory=dict, compare=False, repr=False)
    _fund_of: dict = field(default_factory=dict, compare=False, repr=False)

    def measure(self, text: str) -> str | None:
        """``_first(self.measures, text)``, cached."""
        return _cached_first(self._measure_of, self.measures, text)

    def fund(self, text: str) -> str | None:
        """``_first(self.funds, text)``, cached."""
        return _cached_first(self._fund_of, self.funds, text)


# Per-text caches stop growing here (a long-running service sees many documents).
_CACHE_LIMIT = 50_000


def _cached_first(cache: dict, pairs, text: str):
    try:
        return cache[text]
    except KeyError:
        pass
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    value = cache[text] = _first(pairs, text)
    return value


@lru_cache(maxsize=8)
def vocabulary(extra_dirs: tuple[str, ...] = ()) -> _Vocabulary:
    """The linking and column vocabularies (lexicons/linking.yml, lexicons/columns.yml), once."""
    link = linking_words(extra_dirs)
    cols = column_words(extra_dirs)
    return _Vocabulary(
        table_roles=tuple((regex.compile(e["pattern"]), e["role"]) for e in link["table_roles"]),
        section_roles=tuple((regex.compile(e["pattern"]), tuple(e["roles"]), bool(e.get("generic")))
                            for e in link["section_roles"]),
        scope_skip=regex.compile(link["scope_skip"]),
        concept_tables=dict(link["concept_tables"]),
        concept_columns=dict(link["concept_columns"]),
        fund_families={k: tuple(v) for k, v in link["fund_families"].items()},
        subject_suffixes=regex.compile(link["subject_suffixes"]),
        generic_subjects=regex.compile(link["generic_subjects"]),
        performance_budget=regex.compile(link["performance_budget_label"]),
        measures=tuple((regex.compile(e["pattern"]), e["concept"]) for e in cols["measures"]),
        funds=tuple((regex.compile(e["pattern"]), e["concept"]) for e in cols["funds"]),
        table_defaults=tuple((regex.compile(e["pattern"]), e) for e in cols["tables"]),
        total_row=regex.compile(cols["rows"]["total"]),
        code_headers=regex.compile(cols["code_headers"]),
        non_amount=regex.compile(link.get("non_amount_columns") or "^$"),
        carryover=regex.compile(link.get("carryover_words") or "^$"),
        generic_whole=regex.compile(link.get("generic_whole_words") or "^$"),
        flows=tuple((k, regex.compile(v)) for k, v in (link.get("flow_words") or {}).items()),
        fund_tables=dict(link.get("fund_tables") or {}),
        item_prefix=regex.compile(link.get("item_prefixes") or "^$"),
        column_total=regex.compile(link.get("column_total_words") or "^$"),
    )


@dataclass(frozen=True)
class SpecificConcept:
    """A concept narrower than any fund or measure (机关运行经费, 政府采购, "三公"经费 …)."""

    name: str
    pattern: regex.Pattern
    role: str | None  # the table role whose grand total is the concept


@lru_cache(maxsize=8)
def specific_vocabulary(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[SpecificConcept, ...], regex.Pattern]:
    """``specific_concepts`` and ``specific_whole_words`` of lexicons/linking.yml, once."""
    link = linking_words(extra_dirs)
    concepts = tuple(SpecificConcept(e["name"], regex.compile(e["pattern"]), e.get("role"))
                     for e in link.get("specific_concepts") or ())
    return concepts, regex.compile(link.get("specific_whole_words") or "^$")


def _first(pairs, text):
    for pat, value in pairs:
        if pat.search(text):
            return value
    return None


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    """``normalize_term``, cached: row labels, headings and subjects recur across rows and claims."""
    return normalize_term(text)


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """Comparison key of a row label / project name: normalised, no punctuation or numbering.

    "2024 年人才专项经费---红山科创专家服务团工作经费" and
    "2024年人才专项经费——红山科创专家服务团工作经费" have the same key.
    """
    s = _norm(text or "")
    s = patterns.LINK_LEADING_NUMBERING.sub("", s)
    s = patterns.LINK_PART_PREFIX.sub("", s)
    s = patterns.LINK_LEADING_NUMBERING.sub("", s)  # "其中：（1）公务用车购置费"
    return patterns.LINK_NAME_PUNCT.sub("", s)


@lru_cache(maxsize=16384)
def _year_free(key: str) -> str:
    """The key without a leading year ("2024年…"): matches a name written with or without it."""
    return patterns.LINK_YEAR_PREFIX.sub("", key)


def project_in_heading(heading: str) -> str | None:
    m = patterns.CLAIM_PROJECT_NAME.search(heading) if hasattr(patterns, "CLAIM_PROJECT_NAME") else None
    if m is None:
        m = patterns.LINK_PROJECT_HEADING.search(heading)
    return m.group("name") if m else None


# --------------------------------------------------------------------------- table index


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


class TableIndex:
    """Every table of a document, cut into labelled segments with column concepts."""

    def __init__(self, document: Document, voc: _Vocabulary):
        self.voc = voc
        self.tables = [t for t in document.tables if t.rows]
        self.roles: dict[int, str | None] = {}
        self.concepts: dict[tuple[int, int], _ColumnConcept] = {}
        self.segments: list[_Segment] = []
        self.by_code: dict[str, list[_Segment]] = {}
        self.by_key: dict[str, list[_Segment]] = {}
        self.code_cols: dict[int, set[int]] = {}
        for t in self.tables:
            self._index_table(t)

    # -- building

    def _index_table(self, t: Table) -> None:
        title = _norm(t.title or "")
        role = "performance" if t.kind == "performance" else _first(self.voc.table_roles, title)
        self.roles[t.index] = role
        defaults = _first(self.voc.table_defaults, title) or {}
        code_cols = {c.index for c in t.columns if self.voc.code_headers.search(_norm(c.label or ""))}
        self.code_cols[t.index] = code_cols
        # An empty table (every amount cell blank: "本表无数据") states no figure to restate.
        if t.kind != "performance" and not any(c.value is not None for r in t.rows for c in r.cells):
            return
        amount_cols = self._amount_columns(t, code_cols)
        for c in t.columns:
            self.concepts[(t.index, c.index)] = self._column_concept(c, defaults)
        width = max([len(t.columns)] + [c.col + 1 for r in t.rows for c in r.cells])
        # An empty amount cell reads as this zero (one immutable Number per table).
        zero = Number(Decimal(0), _EMPTY_DECIMALS, t.unit, "")
        for row in t.rows:
            self._index_row(t, row, amount_cols, width, zero)
        self._index_unlabelled_row(t, amount_cols, zero)

    def _index_unlabelled_row(self, t: Table, amount_cols: set[int], zero: Number) -> None:
        """A table of one row of figures and no label ("支出预算总表": 合计 | 基本支出 | 项目支出,
        "三公"经费表: one column per item) is a horizontal table: that row is the table's
        figure, so it is indexed as the table's total row, under no label."""
        valued = [r for r in t.rows if any(c.value is not None for c in r.cells)]
        if len(valued) != 1:
            return
        row = valued[0]
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

    def _amount_columns(self, t: Table, code_cols: set[int]) -> set[int]:
        # A column is an amount column when it holds a number somewhere, or when its header
        # names a measure or fund (a column that is empty in every row still means 0) —
        # never a line-number, quantity or head-count column (行次, 数量, 人数: no money).
        skip = {c.index for c in t.columns if self._non_amount(c)}
        code_cols = code_cols | skip
        cols = set()
        for c in t.columns:
            text = _norm(c.label or "")
            if c.index not in code_cols and (self.voc.measure(text) or self.voc.fund(text)):
                cols.add(c.index)
        for row in t.rows:
            seen_text = False
            for c in sorted(row.cells, key=lambda c: c.col):
                if c.col in code_cols:
                    continue
                if c.value is None:
                    seen_text = seen_text or bool(c.text.text.strip())
                elif seen_text and c.col not in code_cols:
                    cols.add(c.col)
        return cols

    def _non_amount(self, col) -> bool:
        """A 行次 / 数量 / 人数 … column: its numbers are no money amount."""
        return col is not None and any(self.voc.non_amount.search(_norm(p or "")) for p in (col.path or (col.label,)))

    def _column_concept(self, col, defaults: dict) -> _ColumnConcept:
        levels = [_norm(p) for p in (col.path or (col.label,)) if p]
        measure = fund = None
        for text in reversed(levels):  # the innermost header that says it wins
            measure = measure or self.voc.measure(text)
            fund = fund or self.voc.fund(text)
        return _ColumnConcept(measure or defaults.get("measure"), fund or defaults.get("fund"))

    def _index_row(self, t: Table, row: Row, amount_cols: set[int], width: int, zero: Number) -> None:
        cells = sorted(row.cells, key=lambda c: c.col)
        by_col = {c.col: c for c in cells}
        t_index = t.index
        # Label cells: text that is not a classification code ("206", "01" in 类/款/项 columns).
        text_cols = [c for c in cells if c.value is None and c.text.text.strip()
                     and c.col not in self.code_cols[t.index]
                     and not patterns.LINK_CODE_CELL.fullmatch(c.text.text.strip())
                     and not _line_number_column(t, c.col)]
        for i, label_cell in enumerate(text_cols):
            end = text_cols[i + 1].col if i + 1 < len(text_cols) else width
            refs = []
            for col in range(label_cell.col + 1, end):
                if col not in amount_cols:
                    continue
                cell = by_col.get(col)
                v = cell.value if cell is not None else None
                if v is None:
                    v = zero
                refs.append(CellRef(t, row, col, v))
            label = label_cell.text.text.strip()
            code = None
            m = patterns.LINK_CODE_PREFIX.match(_norm(label))
            if m:
                code, label = m.group("code"), m.group("name")
            elif i == 0 and row.code:
                code = row.code
            elif i == 0:  # a whole code printed in the code column ("2080101"), not set on the row
                code = next((t for c in cells if c.col in self.code_cols[t_index]
                             for t in (c.text.text.strip(),) if len(t) in (3, 5, 7) and t.isdigit()), None)
            key = name_key(label)
            total = (row.kind == ROW_TOTAL and i == 0) or bool(self.voc.total_row.search(key))
            before = name_key(text_cols[i - 1].text.text) if i else ""
            seg = _Segment(t, row, label, key, code, tuple(refs), total, before)
            self.segments.append(seg)
            if code:
                self.by_code.setdefault(code, []).append(seg)
            if key:
                self.by_key.setdefault(key, []).append(seg)
                yf = _year_free(key)
                if yf != key:
                    self.by_key.setdefault(yf, []).append(seg)

    # -- queries

    def role(self, t: Table) -> str | None:
        return self.roles.get(t.index)

    def concept(self, t: Table, col: int) -> _ColumnConcept:
        return self.concepts.get((t.index, col), _ColumnConcept(None, None))


# --------------------------------------------------------------------------- the linker


class Linker:
    """Links the claims of one document (built per document; vocabularies are cached)."""

    def __init__(self, document: Document, lexicon=None, tables=None, tolerance: Decimal = Decimal(0)):
        extra = tuple(getattr(lexicon, "extra_dirs", ()) or ())
        self.voc = vocabulary(extra)
        self.lexicon = lexicon
        self.document = document
        self.index = TableIndex(document, self.voc)
        self.tolerance = tolerance
        self.departments = self._departments(document)
        self._canon_index: dict[str, list[_Segment]] | None = None
        # Concept lookups scan the segments; many claims name the same concept in the same scope.
        self._total_segments = [seg for seg in self.index.segments if seg.total]
        self._named_segments = [seg for seg in self.index.segments if seg.cells and not seg.total]
        # The same lists per table (segments are made table by table, in self.index.tables order).
        self._segments_of: dict[int, list[_Segment]] = {}
        self._totals_of: dict[int, list[_Segment]] = {}
        self._named_of: dict[int, list[_Segment]] = {}
        for seg in self.index.segments:
            self._segments_of.setdefault(seg.table.index, []).append(seg)
        for seg in self._total_segments:
            self._totals_of.setdefault(seg.table.index, []).append(seg)
        for seg in self._named_segments:
            self._named_of.setdefault(seg.table.index, []).append(seg)
        self._unique_indexes = len({t.index for t in self.index.tables}) == len(self.index.tables)
        self._position = {} if self._unique_indexes else {id(seg): i for i, seg in enumerate(self.index.segments)}
        self._concept_cache: dict[tuple, list[CellRef]] = {}
        self._scopes: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self._memos: dict[str, dict] = {}
        self._budget_rows: dict[int, list[_Segment]] = {}
        self._specific_roles = {c.role for c in specific_vocabulary(extra)[0] if c.role}
        # per candidate cell, by id (the cell is kept in the value so the id stays its own)
        self._bounds: dict[int, tuple] = {}
        self._flows: dict[int, tuple] = {}
        self._links: dict[int, SubjectLink] = {}  # by id(claim): a whole is linked once
        self._claims_alive: list[Claim] = []  # keeps ids valid while the Linker lives

    @staticmethod
    def _departments(document: Document) -> list[str]:
        names = {document.meta.get("department") or ""}
        names.update(t.department or "" for t in document.tables)
        return sorted((_norm(n) for n in names if n), key=len, reverse=True)

    # -- scope

    def scope(self, section: tuple[str, ...]) -> tuple[str, ...] | None:
        """Table roles the innermost telling heading names; None when no heading tells."""
        # Claims of one section share it: each section is looked at once per document.
        if section not in self._scopes:
            self._scopes[section] = self._find_scope(section)
        return self._scopes[section]

    def _find_scope(self, section: tuple[str, ...]) -> tuple[str, ...] | None:
        generic = None  # "（一）教育支出（类）" inside "五、财政拨款支出预算情况说明": the outer one tells
        for heading in reversed(section):
            text = _norm(heading)
            if self.voc.scope_skip.search(text):
                continue
            for pat, roles, is_generic in self.voc.section_roles:
                if pat.search(text):
                    if not is_generic:
                        return roles
                    generic = generic or roles
                    break
        return generic

    def _memo(self, name: str, key, compute):
        """``compute()`` once per document and key: claims repeat subjects, scopes and names."""
        cache = self._memos.setdefault(name, {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def tables_in(self, roles) -> list[Table]:
        return list(self._memo("tables_in", roles, lambda: [t for t in self.index.tables
                                                             if self.index.role(t) in roles]))

    # -- subject

    def clean_subject(self, subject: str) -> str:
        s = _norm(subject or "")
        for d in self.departments:
            s = s.replace(d, "")
        s = patterns.LINK_SUBJECT_NOISE.sub("", s)
        return patterns.LINK_LEADING_NUMBERING.sub("", s)

    def short_subject(self, subject: str) -> str:
        """The subject without trailing words that name no item ("三公经费预算数" → "三公经费")."""
        prev = None
        while prev != subject:
            prev, subject = subject, self.voc.subject_suffixes.sub("", subject)
        return subject or prev

    def subject_concept(self, subject: str) -> tuple[str | None, str | None, str | None]:
        """(measure, fund, lexicon column key) a subject names; Nones when it names no concept."""
        return self._memo("subject_concept", subject, lambda: self._find_subject_concept(subject))

    def _find_subject_concept(self, subject: str) -> tuple[str | None, str | None, str | None]:
        measure = self.voc.measure(subject)
        fund = self.voc.fund(subject)
        column = None
        if self.lexicon is not None and hasattr(self.lexicon, "concept_column"):
            # The head noun comes last in Chinese: try the longest suffix the lexicon knows.
            for form in dict.fromkeys((subject, self.short_subject(subject))):
                for i in range(len(form)):
                    column = self.lexicon.concept_column(form[i:])
                    if column:
                        break
                if column:
                    break
        if column in self.voc.concept_columns:
            spec = self.voc.concept_columns[column]
            measure = measure or spec.get("measure")
            fund = fund or spec.get("fund")
        if measure is None and fund is None and column not in self.voc.concept_tables:
            # No measure or fund, and no table whose total the concept is: an item
            # ("公务用车购置费"), found by its row label — never a table's grand total.
            return None, None, None
        return measure or "total", fund, column

    # -- routes

    def _code_segments(self, claim: Claim, subject_raw: str) -> tuple[list[_Segment], set[str]]:
        codes = set(claim.codes)
        if not codes:  # "行政运行（2080101）": the code printed after the name
            codes = {m.group("code") for m in patterns.LINK_SUBJECT_CODE.finditer(_norm(subject_raw))}
        if not codes and "/" in subject_raw:
            codes = self._codes_from_path([p for p in subject_raw.split("/") if p])
        elif not codes and patterns.LINK_LEVEL_MARK.search(subject_raw):
            # "人大事务（款）行政运行（项）支出": the names before each level mark, outermost first.
            parts = [p for p in patterns.LINK_LEVEL_MARK.split(_norm(subject_raw))[:-1] if p]
            if parts:
                codes = self._codes_from_path(parts)
        segs = [s for c in codes for s in self.index.by_code.get(c, [])]
        return segs, codes

    def _codes_from_path(self, parts: list[str]) -> set[str]:
        parts = [name_key(patterns.LINK_LEVEL_MARK.sub("", p)) for p in parts]
        leaf = parts[-1]
        found = set()
        for code, segs in self.index.by_code.items():
            if not any(_same_item(s.key, leaf) for s in segs):
                continue
            ancestors = [code[:n] for n in (3, 5) if n < len(code)]
            names = [s.key for a in ancestors for s in self.index.by_code.get(a, [])]
            if self.lexicon is not None:
                names += [name_key(self.lexicon.function_items.get(a, "")) for a in ancestors
                          if hasattr(self.lexicon, "function_items")]
            if all(any(_same_item(n, p) for n in names) for p in parts[:-1]):
                found.add(code)
        if not found and self.lexicon is not None and hasattr(self.lexicon, "function_codes"):
            for code in self.lexicon.function_codes(parts[-1]):
                path = [name_key(n) for n in self.lexicon.function_path(code)]
                if len(path) >= len(parts) and all(_same_item(a, b) for a, b in zip(path[-len(parts):], parts)):
                    found.add(code)
        return found

    def _project_segments(self, key: str) -> list[_Segment]:
        return list(self._memo("project_segments", key, lambda: self._find_project_segments(key)))

    def _find_project_segments(self, key: str) -> list[_Segment]:
        if not key:
            return []
        hits = self.index.by_key.get(key, []) + self.index.by_key.get(_year_free(key), [])
        out = []
        for seg in _uniq(hits):
            if self.index.role(seg.table) == "performance":
                if seg.before == "项目名称":  # the name cell of a 绩效目标表, not any cell
                    out.extend(self._performance_budget(seg.table))
            elif self.index.role(seg.table) in ("project", "carryover") and not seg.code \
                    and seg.row.kind not in (ROW_TOTAL, ROW_SUBTOTAL):  # a unit's subtotal row is no project
                out.append(seg)
        return _uniq(out)

    def _in_tables(self, by_table: dict[int, list[_Segment]], wanted: set[int]) -> list[_Segment]:
        """The segments of the wanted tables, in document order."""
        if not self._unique_indexes:  # cannot happen with readers' documents; stay exact anyway
            every = [seg for segs in by_table.values() for seg in segs]
            every.sort(key=lambda seg: self._position[id(seg)])
            return [seg for seg in every if seg.table.index in wanted]
        return [seg for t in self.index.tables if t.index in wanted for seg in by_table.get(t.index, ())]

    def _performance_budget(self, t: Table) -> list[_Segment]:
        if id(t) not in self._budget_rows:  # the document's tables live as long as the Linker
            self._budget_rows[id(t)] = [s for s in self._segments_of.get(t.index, ())
                                        if s.table is t and self.voc.performance_budget.search(s.key) and s.cells]
        return list(self._budget_rows[id(t)])

    def _label_segments(self, subject: str) -> list[_Segment]:
        return list(self._memo("label_segments", subject, lambda: self._find_label_segments(subject)))

    def _find_label_segments(self, subject: str) -> list[_Segment]:
        key = name_key(subject)
        segs = list(self.index.by_key.get(key, []))
        canon = self._canonical(subject)
        if canon:
            segs += self._by_canonical().get(canon, [])
        # 绩效目标表 rows ("其中：财政拨款") belong to one project: reached by the project route only.
        return [s for s in _uniq(segs) if s.cells and self.index.role(s.table) != "performance"]

    def _by_canonical(self) -> dict[str, list[_Segment]]:
        """Segments by the lexicon concept their label names (built once per document)."""
        if self._canon_index is None:
            index: dict[str, list[_Segment]] = {}
            names: dict[str, str | None] = {}
            for seg in self.index.segments:
                if seg.cells:
                    if seg.label not in names:
                        names[seg.label] = self._canonical(seg.label)
                    if names[seg.label]:
                        index.setdefault(names[seg.label], []).append(seg)
            self._canon_index = index
        return self._canon_index

    def _canonical(self, term: str) -> str | None:
        if self.lexicon is None or not hasattr(self.lexicon, "canonical"):
            return None
        return self.lexicon.canonical(name_key(term))

    def _concept_cells(self, measure, fund, column, tables: list[Table]) -> list[CellRef]:
        key = (measure, fund, column, tuple(t.index for t in tables))
        if key not in self._concept_cache:
            self._concept_cache[key] = self._find_concept_cells(measure, fund, column, tables)
        return list(self._concept_cache[key])

    def _find_concept_cells(self, measure, fund, column, tables: list[Table]) -> list[CellRef]:
        out: list[CellRef] = []
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        concept_role = self.voc.concept_tables.get(column) if column else None
        # 绩效目标表 hold one project each: never the table an aggregate concept is the total of.
        wanted = {t.index for t in tables if self.index.role(t) != "performance"}
        # A table with a grand-total row (Row.kind total): its "人员经费合计" / "公用经费合计"
        # rows are subtotals, not the total a concept stands for.
        grand = {seg.table.index for seg in self._in_tables(self._totals_of, wanted) if seg.row.kind == ROW_TOTAL}
        for seg in self._in_tables(self._totals_of, wanted):
            role = self.index.role(seg.table)
            if not seg.key and role in self._specific_roles:
                continue  # a "三公"经费表's one row: its columns are items, reached by name only
            for i, ref in enumerate(seg.cells):
                cc = self.index.concept(seg.table, ref.col)
                if not seg.key and cc.measure is None and cc.fund is None:
                    continue  # a horizontal table's item column ("单位预留机动经费") is no measure
                if concept_role and role == concept_role and i == 0:
                    # "基本支出" is the grand total of the basic-expenditure table — not a total row
                    # naming a narrower measure ("人员经费合计" in that table).
                    if (seg.table.index not in grand or seg.row.kind == ROW_TOTAL) and \
                            self.voc.measure(seg.key) in (None, "total", measure):
                        out.append(ref)
                    continue
                if (cc.measure or "total") != measure:
                    continue
                if family is not None and cc.fund not in family:
                    continue
                out.append(ref)
        # Rows that name the concept themselves ("一般公共预算 3,956.08" in the fiscal table).
        for seg in self._in_tables(self._named_of, wanted) if fund else ():
            if self.voc.fund(seg.key) == fund and self.voc.measure(seg.key) in (None, measure):
                out.append(seg.cells[0])
        return _uniq_cells(out)

    # -- specific concepts

    def specific_concept(self, subject: str) -> SpecificConcept | None:
        """The narrow concept a (cleaned) subject names, if any."""
        concepts, _ = specific_vocabulary(tuple(getattr(self.lexicon, "extra_dirs", ()) or ()))
        return next((c for c in concepts if c.pattern.search(subject)), None)

    def names_whole(self, concept: SpecificConcept, subject: str) -> bool:
        """Whether the subject is the concept itself ("机关运行经费预算支出"), not a part of it."""
        _, whole_words = specific_vocabulary(tuple(getattr(self.lexicon, "extra_dirs", ()) or ()))
        return bool(whole_words.fullmatch(concept.pattern.sub("", subject, count=1)))

    def of_concept(self, concept: SpecificConcept, cell: CellRef) -> bool:
        """A cell of the concept: in its own table, or on a row / in a column naming it."""
        if concept.role and self.index.role(cell.table) == concept.role:
            return True
        col = cell.table.column(cell.col)
        labels = [cell_label(cell), *((col.path or (col.label,)) if col is not None else ())]
        return any(concept.pattern.search(_norm(t or "")) for t in labels)

    def _specific_cells(self, concept, subject, found, primary):
        """Candidates of a subject naming a narrow concept: only that concept's cells, plus the
        grand total of its own table when the subject is the whole concept."""
        found = [c for c in found if self.of_concept(concept, c)]
        totals: list[CellRef] = []
        if concept.role and self.names_whole(concept, subject):
            totals = [seg.cells[0] for seg in self._total_segments
                      if seg.cells and self.index.role(seg.table) == concept.role]
        found = _uniq_cells(totals + found)
        kept = {_cell_key(c) for c in found}
        primary = _uniq_cells(totals + [c for c in primary if _cell_key(c) in kept])
        return found, primary, bool(totals)

    # -- one claim

    def link(self, claim: Claim) -> SubjectLink:
        """The claim's link; a part of a list is confident only inside a confident whole."""
        key = id(claim)
        if key not in self._links:
            link = self._link(claim)
            whole = claim.whole
            if link.confidence == CONFIDENT and whole is not None and whole.value is not None:
                # "污水处理费预算总额 X，其中：一般公共预算 Y" / "综合管理 X，其中：行政运行 Y":
                # the part is a share of its whole, not the document's figure of that name,
                # unless the whole itself is a confidently linked figure of the tables.
                outer = self.link(whole)
                named = self.voc.generic_whole.fullmatch(self.clean_subject(whole.subject or "")) is None
                # "对个人和家庭的补助（303）X，其中：人员经费 Y": a measure of the whole's own row,
                # not the document's 人员经费 total
                of_item = link.route == "concept" and outer.route in ("code", "label") and \
                    bool(outer.primary) and not any(c.row.kind == ROW_TOTAL for c in outer.primary)
                if outer.route == "project" or of_item or (outer.confidence != CONFIDENT and named):
                    link = replace(link, confidence=AMBIGUOUS,
                                   notes=link.notes + ("所属总额未能确定关联",))
            self._links[key] = link
            self._claims_alive.append(claim)
        return self._links[key]

    def _link(self, claim: Claim) -> SubjectLink:
        roles = self.scope(claim.section)
        scoped = self.tables_in(roles) if roles else []
        subject_raw = claim.subject or ""
        subject = self.clean_subject(subject_raw.split("/")[-1] if "/" in subject_raw else subject_raw)
        notes: list[str] = []

        route, key, ambiguous = "", None, False
        primary: list[CellRef] = []
        found: list[CellRef] = []

        code_segs, codes = self._code_segments(claim, subject_raw)
        if codes and not code_segs and "/" not in subject_raw and len(codes) == 1 and len(next(iter(codes))) == 3:
            codes = set()  # a 类 name in tables printed without codes: found by its row label below
        if codes:
            route, key = "code", "code:" + "|".join(sorted(codes))
            ambiguous = len(codes) > 1
            segs = self._in(code_segs, scoped) or code_segs
            primary = [s.cells[0] for s in segs if s.cells]
            found = [c for s in segs for c in s.cells]
        if not route:
            segs = []
            # Project names carry years and dashes of their own: try the subject as written first.
            for form in dict.fromkeys((subject_raw, subject, self.short_subject(subject))):
                pkey = name_key(form)
                segs = self._project_segments(pkey)
                if segs:
                    break
            if not segs and self.voc.generic_subjects.search(subject) and claim.whole is None:
                heading_project = next((p for p in map(project_in_heading, reversed(claim.section)) if p), None)
                if heading_project:
                    pkey = name_key(heading_project)
                    segs = self._project_segments(pkey)
                    notes.append("项目名称取自标题")
            if segs:
                route, key = "project", "project:" + _year_free(pkey)
                # one name on several rows of a table (the same project under several units):
                # which one the sentence means is not known
                rows = {(s.table.index, s.row.index) for s in segs}
                ambiguous = len(rows) > len({t for t, _ in rows})
                segs = self._in(segs, scoped) or segs
                primary = [s.cells[0] for s in segs if s.cells]
                found = [c for s in segs for c in s.cells]
        short = self.short_subject(subject)
        label_segs: list[_Segment] = []
        measure = fund = column = None
        if subject and not route:
            label_segs = self._label_segments(subject) or (self._label_segments(short) if short != subject else [])
            measure, fund, column = self.subject_concept(subject)
            if measure is None and short != subject:
                measure, fund, column = self.subject_concept(short)
        if label_segs:
            route, key = "label", "label:" + (self._canonical(subject) or name_key(subject))
            segs = self._in(label_segs, scoped) or label_segs
            primary = [s.cells[0] for s in segs]
            found = [c for s in segs for c in s.cells]
        # A narrow concept (机关运行经费, 政府采购 …) never falls back to a generic total because
        # the subject also holds a fund word: only its own cells are candidates.
        specific = self.specific_concept(subject) if subject and route != "code" else None
        if measure is not None and (specific is None or self.names_whole(specific, subject)):
            tables = scoped or self.index.tables
            cells = self._concept_cells(measure, fund, column, tables)
            if cells:
                if not route:
                    route, key = "concept", f"concept:{measure}/{fund or '*'}"
                    primary = cells
                found = _uniq_cells(found + cells)
        if specific is not None:
            found, primary, whole = self._specific_cells(specific, subject, found, primary)
            if whole and route in ("", "concept"):
                route, key = "concept", f"concept:{specific.name}"
            if not found:
                notes.append(f"主语为“{specific.name}”，文中没有该项的单元格")

        fund_extra: list[CellRef] = []
        if measure in (None, "total") and fund in self.voc.fund_tables and route in ("concept", "label") \
                and specific is None:
            # the fund's own table total (appropriation + the fund's carry-over) is a candidate too
            role = self.voc.fund_tables[fund]
            fund_extra = [seg.cells[0] for seg in self._total_segments
                          if seg.cells and seg.row.kind == ROW_TOTAL and self.index.role(seg.table) == role]
            found = _uniq_cells(found + fund_extra)
        unit = self.unit_of(claim.section)
        if unit is not None:
            # "六、深圳市西部水源管理中心 … 项目支出 7,530.24 万元": a section per unit restates
            # that unit's rows, never the department's totals or another unit's rows
            if self._names_only_unit(subject, unit):
                measure = "total"  # "深圳市西部水源管理中心预算 15,015.14 万元": the unit's total
            elif not self._names_only_measure(subject, unit):
                # "…补助支出", "水务发展资金项目支出": an item, not the unit's figure of a measure
                measure = None
            found, primary, route, key = self._in_unit(unit, found, primary, route, key, measure, fund,
                                                       scoped or self.index.tables)
        flow = self._flow(subject)
        if found and flow:
            # "一般公共预算支出" never restates the income side ("一般公共预算拨款收入")
            found = [c for c in found if self._cell_flow(c) in (None, flow)]
            primary = [c for c in primary if self._cell_flow(c) in (None, flow)]
        if found and self.voc.carryover.search(subject):
            # "上年结转结余的一般公共预算收入": only cells that are carry-over themselves
            found = [c for c in found if self._names_carryover(c)]
            primary = [c for c in primary if self._names_carryover(c)]
        if route in ("", "code") and not found or \
                scoped and found and not self._in_cells(found, scoped) and route != "project":
            # nothing the subject names is in the section's tables as written: an item under a
            # shorter name ("安排公务接待费预算" → row or column "公务接待费"), a 类/项 name of
            # tables printed without codes, or an item that is a column ("三公"经费表)
            # a 类/款/项 path whose codes the tables do not hold: its leaf name is that row only
            # when no table prints codes (else the path names another branch, "人大事务" not
            # "发展与改革事务", and the same leaf name elsewhere is a different row)
            pathed = "/" in subject_raw or bool(patterns.LINK_LEVEL_MARK.search(subject_raw))
            fallback = None if pathed and self.index.by_code else \
                self._item_route(subject, [] if unit else scoped, specific, unit)
            if fallback is not None:
                route, key, found, primary, ambiguous = fallback
                notes = [n for n in notes if not n.startswith("主语为")]
        if not found:
            return SubjectLink(claim, confidence=UNLINKED, scope=roles or (), notes=tuple(notes))
        if scoped:
            # The section names its tables: cells elsewhere are not what this sentence restates.
            scoped_ids = {t.index for t in scoped}
            if route == "project":  # a project named in any section is that project's row
                scoped_ids |= {t.index for t in self.tables_in(PROJECT_ROLES)}
            scoped_ids |= {c.table.index for c in fund_extra}
            if unit is not None:  # a unit's own rows restate its figures, whatever table holds them
                unit_rows = self._memo("unit_row_ids", unit, lambda: {id(r) for rs in self._unit_rows()[unit].values()
                                                                      for r in rs})
                scoped_ids |= {c.table.index for c in found if id(c.row) in unit_rows}
            inside = [c for c in found if c.table.index in scoped_ids]
            if not inside:
                notes.append("候选单元格不在本节对应的表中")
                return SubjectLink(claim, candidates=tuple(found), confidence=UNLINKED, notes=tuple(notes),
                                   key=key, scope=roles, route=route, primary=tuple(primary))
            found = inside
            primary = [c for c in primary if c.table.index in scoped_ids]
        # "2026年预算数 77.20 万元": a subject of year and budget words only names nothing
        # (the item is in the sentence before); any cell of the section's tables could be meant
        bare = self.short_subject(_year_free(name_key(subject)))
        if route in ("concept", "label") and self.voc.generic_subjects.fullmatch(bare or ""):
            ambiguous = True
        confidence = CONFIDENT if scoped and not ambiguous else AMBIGUOUS
        agreeing = self._agreeing(claim.value.number, found) if claim.value else ()
        return SubjectLink(claim, candidates=tuple(found), agreeing=agreeing, confidence=confidence,
                           notes=tuple(notes), key=key, scope=roles or (), route=route,
                           primary=tuple(primary))

    # -- sections per unit

    def _unit_rows(self) -> dict[str, dict[int, list[Row]]]:
        """unit key → table index → the unit's rows: its own row and the rows under it up to the
        next unit's row or a total row (tables listing several units one after another).  A unit
        is a name on subtotal rows of three tables or more (a project group heading stands in one)."""
        def build():
            seen: dict[str, set[int]] = {}
            for t in self.index.tables:
                for row in t.rows:
                    if row.kind == ROW_SUBTOTAL and row.label:
                        seen.setdefault(name_key(row.label), set()).add(t.index)
            units = {k for k, tables in seen.items() if len(tables) >= 3}
            out: dict[str, dict[int, list[Row]]] = {}
            for t in self.index.tables:
                rows: list[Row] | None = None
                for row in t.rows:
                    k = name_key(row.label) if row.kind == ROW_SUBTOTAL and row.label else None
                    if row.kind == ROW_TOTAL:
                        rows = None
                    elif k in units:
                        rows = out.setdefault(k, {}).setdefault(t.index, [])
                        rows.append(row)
                    elif rows is not None:
                        rows.append(row)
            return out
        return self._memo("unit_rows", None, build)

    def unit_of(self, section: tuple[str, ...]) -> str | None:
        """The unit the innermost heading names, when it is a unit of the tables ("六、深圳市西部
        水源管理中心" → its subtotal rows); None otherwise."""
        return self._memo("unit_of", section, lambda: self._find_unit(section))

    def _find_unit(self, section: tuple[str, ...]) -> str | None:
        if not section:
            return None
        units = self._unit_rows()
        if not units:
            return None
        key = name_key(section[-1])
        if key in units:
            return key
        # "市建筑工务署本级" for "深圳市建筑工务署（本级）": one unit whose name ends with the heading
        ends = [u for u in units if len(key) >= 4 and u.endswith(key)]
        return ends[0] if len(ends) == 1 else None

    def _of_unit(self, unit: str, row: Row, table: Table) -> bool:
        """A row of the unit, or of a table that lists no units (a project list)."""
        rows = self._memo("unit_row_ids", unit, lambda: {id(r) for rs in self._unit_rows()[unit].values()
                                                         for r in rs})
        with_units = self._memo("unit_tables", None, lambda: {t for b in self._unit_rows().values() for t in b})
        return id(row) in rows or table.index not in with_units

    def _names_only_measure(self, subject: str, unit: str) -> bool:
        """The subject is a measure word and nothing else ("项目支出", "（本级）基本支出")."""
        text = subject
        for pat, _ in self.voc.measures:
            text = pat.sub("", text)
        return text != subject and self._names_only_unit(text, unit)

    def _names_only_unit(self, subject: str, unit: str) -> bool:
        rest = name_key(subject)
        for part in sorted({unit, *map(name_key, self.departments)}, key=len, reverse=True):
            rest = rest.replace(part, "") if part else rest
        rest = patterns.LINK_NAME_PUNCT.sub("", regex.sub("本级", "", rest))
        return bool(self.voc.generic_whole.fullmatch(rest))

    def _in_unit(self, unit, found, primary, route, key, measure, fund, tables):
        blocks = self._unit_rows()[unit]
        inside = [c for c in found if self._of_unit(unit, c.row, c.table) and route != "concept"]
        if inside:
            kept = {_cell_key(c) for c in inside}
            return inside, [c for c in primary if _cell_key(c) in kept], route, key
        if measure is None:
            return [], [], route, key
        # the unit's own figure of the measure: its subtotal row, in the measure's columns
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        cells = []
        for t in tables:
            head = blocks.get(t.index, [None])[0]
            if head is None or self.index.role(t) == "performance":
                continue
            for seg in self._segments_of.get(t.index, ()):
                if seg.row is not head:
                    continue
                for ref in seg.cells:
                    cc = self.index.concept(t, ref.col)
                    if (cc.measure or "total") == measure and (family is None or cc.fund in family):
                        cells.append(ref)
        return cells, list(cells), "unit", f"unit:{unit}/{measure}/{fund or '*'}"

    @staticmethod
    def _in_cells(cells, tables) -> bool:
        ids = {t.index for t in tables}
        return any(c.table.index in ids for c in cells)

    def item_forms(self, subject: str) -> list[str]:
        """Name keys a subject may print an item under, most literal first: without a leading
        "安排"/"拟采购" and a trailing "预算"/"支出" ("安排公务接待费预算" → "公务接待费"), and a
        类 name with and without its "支出" ("社会保障和就业" / "社会保障和就业支出")."""
        def forms():
            for s in (subject, self.short_subject(subject)):
                s = self.voc.item_prefix.sub("", s)
                yield s
                bare = self.short_subject(s.removesuffix("支出"))
                yield bare
                yield bare + "支出"
                if bare.endswith("费用"):  # "因公出国（境）费用" / "因公出国（境）费"
                    yield bare[:-1]
        return [k for k in dict.fromkeys(name_key(f) for f in forms()) if len(k) >= 2]

    def _item_route(self, subject: str, scoped: list[Table], specific, unit: str | None = None):
        """(route, key, cells, primary cells, ambiguous) of an item found by a looser form of its name: a row
        label in the section's tables (ambiguous when it labels several rows of one table), else a
        column header of a table's total row; None when neither names it."""
        if not subject or self.voc.generic_subjects.fullmatch(self.short_subject(subject)):
            return None
        # 绩效目标表 rows ("其中：财政拨款") belong to one project: reached by the project route only
        tables, ids = self._memo("item_tables", tuple(t.index for t in scoped), lambda: self._non_performance(scoped))
        forms = self.item_forms(subject)
        if specific is not None and self.names_whole(specific, subject):
            forms.append(name_key(specific.name))  # "一般公共预算拨款安排的会议费预算支出" → 会议费
        for form in forms:
            canon = self._canonical(form)
            segs = _uniq(list(self.index.by_key.get(form, ())) + (self._by_canonical().get(canon, []) if canon else []))
            segs = [s for s in segs if s.cells and s.table.index in ids]
            if unit is not None:
                segs = [s for s in segs if self._of_unit(unit, s.row, s.table)]
            if specific is not None:
                segs = [s for s in segs if self.of_concept(specific, s.cells[0])]
            if segs:
                rows = {(s.table.index, s.row.index) for s in segs}
                return ("label", "label:" + form, [c for s in segs for c in s.cells], [s.cells[0] for s in segs],
                        len(rows) > len({t for t, _ in rows}))
        for form in forms:
            cells = self._column_cells(form, tuple(t.index for t in tables))
            if unit is not None:
                cells = [c for c in cells if self._of_unit(unit, c.row, c.table)]
            if specific is not None:
                cells = [c for c in cells if self.of_concept(specific, c)]
            if cells:
                per_table = {c.table.index for c in cells}
                # Ambiguous for now: the share rule finds no whole for a part that is a column of
                # a table's total row ("占“三公”经费的 25.96%"), so a confident column link would
                # let an amount be judged whose share cannot be — value-aware only until it can.
                return "column", "column:" + form, cells, cells, True
        return None

    def _non_performance(self, scoped: list[Table]) -> tuple[list[Table], set[int]]:
        tables = [t for t in (scoped or self.index.tables) if self.index.role(t) != "performance"]
        return tables, {t.index for t in tables}

    def _column_cells(self, form: str, table_ids: tuple[int, ...]) -> list[CellRef]:
        return list(self._memo("column_cells", (form, table_ids), lambda: self._find_column_cells(form, table_ids)))

    def _find_column_cells(self, form: str, table_ids: tuple[int, ...]) -> list[CellRef]:
        """The total-row cells of the columns headed by the item ("公务接待费"; the 小计 column
        under "公务用车购置及运行维护费")."""
        bare = form.removesuffix("支出")
        canon = self._canonical(form)
        out = []
        for t in self.index.tables:
            if t.index not in table_ids:
                continue
            totals = [seg for seg in self._totals_of.get(t.index, ()) if seg.row.kind == ROW_TOTAL or not seg.key]
            grand = [seg for seg in totals if seg.row.kind == ROW_TOTAL] or totals
            if len(grand) != 1 and not all(not seg.key for seg in grand):
                continue  # which total row would be meant is not known (one row's year groups are all kept)
            if any(seg.code for seg in self._segments_of.get(t.index, ())):
                # rows of classification items: a column is a measure of each item ("专项业务经费
                # 支出" of 对个人和家庭的补助), the narrative may mean any row's
                continue
            for col in t.columns:
                keys = [name_key(p) for p in (col.path or (col.label,)) if p]
                hit = [i for i, k in enumerate(keys)
                       if k.removesuffix("支出") in (bare, bare + "用") or canon and self._canonical(k) == canon]
                if not hit:
                    continue
                if hit[-1] != len(keys) - 1 and not self.voc.column_total.fullmatch(keys[-1]):
                    continue  # a part column under the item's header, not the item's own figure
                out += [c for seg in grand for c in seg.cells if c.col == col.index]
        return out

    def _flow(self, text: str) -> str | None:
        """income / expenditure when the text names exactly one of them."""
        named = {k for k, pat in self.voc.flows if pat.search(text)}
        return named.pop() if len(named) == 1 else None

    def _names_carryover(self, cell: CellRef) -> bool:
        col = cell.table.column(cell.col)
        texts = [cell_label(cell), cell.table.title or "", *((col.path or (col.label,)) if col is not None else ())]
        return self.index.role(cell.table) == "carryover" or \
            any(self.voc.carryover.search(_norm(t or "")) for t in texts)

    @staticmethod
    def _in(segs, tables):
        ids = {t.index for t in tables}
        return [s for s in segs if s.table.index in ids] if tables else []

    def agrees(self, number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> bool:
        """True when the stated number and the cell can be the same amount after rounding."""
        return agrees(number, cell, scale, self.tolerance)

    def _agreeing(self, number: Number, cells) -> tuple[CellRef, ...]:
        """``tuple(c for c in cells if self.agrees(number, c))``, computed in one pass: a
        subject may have hundreds of candidates (a long document repeats its tables), so the
        stated interval is made once per table unit and each cell's interval once per document."""
        stated: dict[str, Interval] = {}
        bounds = self._bounds
        out = []
        for c in cells:
            b = bounds.get(id(c))
            if b is None:
                iv = widen(c.value.interval, self.tolerance)
                b = bounds[id(c)] = (iv.lo, iv.hi, table_unit(c), c)  # c: keeps id(c) valid
            unit = b[2]
            s = stated.get(unit)
            if s is None:
                s = stated[unit] = stated_interval(number, c)
            if s.lo <= b[1] and b[0] <= s.hi:
                out.append(c)
        return tuple(out)

    def _cell_flow(self, cell: CellRef) -> str | None:
        """``_flow`` of the cell's row label, once per cell."""
        key = id(cell)
        hit = self._flows.get(key)
        if hit is None:
            hit = self._flows[key] = (self._flow(_norm(cell_label(cell))), cell)
        return hit[0]


def _uniq(items) -> list:
    """Items without repeats, by identity: frozen tables hash deeply, identity is enough here."""
    seen, out = set(), []
    for x in items:
        if id(x) not in seen:
            seen.add(id(x))
            out.append(x)
    return out


def _cell_key(c: CellRef) -> tuple[int, int, int]:
    return (c.table.index, c.row.index, c.col)


def _uniq_cells(cells) -> list[CellRef]:
    seen, out = set(), []
    for c in cells:
        k = _cell_key(c)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _same_item(a: str, b: str) -> bool:
    """Classification names as printed vary by a trailing 支出 ("一般公共服务" / "一般公共服务支出")."""
    if not a or not b:
        return False
    return a == b or a.removesuffix("支出") == b.removesuffix("支出")


def agrees(number: Number, cell: CellRef, scale: Decimal = Decimal(1), tolerance: Decimal = Decimal(0)) -> bool:
    """The one agreement test of a stated number and a table cell: the stated number's rounding
    interval (in the cell's unit, times ``scale`` when a magnitude slip is tried) overlaps the
    cell's rounding interval widened by the configured ``tolerance`` (``Config.tolerance``)."""
    return stated_interval(number, cell, scale).overlaps(widen(cell.value.interval, tolerance))


def agreement(tolerance: Decimal = Decimal(0)):
    """``agrees`` with the configured tolerance bound: ``f(number, cell, scale)`` — what rules
    call instead of writing the comparison out again (TC201/TC204 ``agrees_with``)."""
    def agree(number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> bool:
        return agrees(number, cell, scale, tolerance)
    return agree


def widen(iv: Interval, tol: Decimal) -> Interval:
    return Interval(iv.lo - tol, iv.hi + tol) if tol else iv


def table_unit(cell: CellRef) -> str:
    return cell.value.unit or cell.table.unit or "万元"


def stated_interval(number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> Interval:
    """The stated number as an interval in the cell's unit (``scale`` tries a magnitude slip)."""
    unit = table_unit(cell)
    iv = number.interval_in(unit) if number.unit in MONEY_UNITS and unit in MONEY_UNITS else number.interval
    return iv.scale(scale) if scale != 1 else iv


def shown(number: Number) -> str:
    """A stated number as printed, without its unit ("1,405.00")."""
    from textcheck.numbers import format_decimal

    return format_decimal(number.value, number.decimals)


def link_claims(document, claims, lexicon, tables=None, tolerance: Decimal = Decimal(0)) -> list[Link]:
    """One Link per claim that states a value (an amount, a count, a share's part)."""
    if not claims:
        return []
    linker = Linker(document, lexicon, tables, tolerance)
    return [linker.link(c) for c in claims if c.value is not None]


# --------------------------------------------------------------------------- helpers for rules


def links_by_claim(links) -> dict[int, Link]:
    return {id(link.claim): link for link in links}


def _line_number_column(table: Table, col: int) -> bool:
    """A 行次/栏次 column: its cells number the rows, they are neither labels nor amounts."""
    column = table.column(col)
    return column is not None and bool(column.label) and bool(patterns.LINE_NUMBER_HEADER.fullmatch(column.label))


def cell_label(cell: CellRef) -> str:
    """The label a cell's amount belongs to: the nearest label cell left of it in its row
    (side-by-side tables hold two labels per row), without a leading code."""
    best = None
    for c in cell.row.cells:
        t = c.text.text.strip()
        if c.col < cell.col and c.value is None and t and not patterns.LINK_CODE_CELL.fullmatch(t) \
                and not _line_number_column(cell.table, c.col):
            if best is None or c.col > best.col:
                best = c
    if best is None:
        return cell.row.label
    m = patterns.LINK_CODE_PREFIX.match(_norm(best.text.text))
    return m.group("name") if m else best.text.text.strip()


def related_cell(cell: CellRef):
    """Evidence for one candidate cell, naming the row by the cell's own label."""
    from dataclasses import replace

    from textcheck.report.diagnostic import Related

    r = Related.cell(cell.table, cell.row, cell.col)
    return replace(r, row=cell_label(cell), value=str(cell.value.value) if cell.value.text else "0")


def cell_phrase(cell: CellRef) -> str:
    """How a message names a cell: 表 3 部门支出总体情况表“总计”行“基本支出”列 1,422.65 万元."""
    col = cell.table.column(cell.col)
    col_label = (col.label if col else "") or f"第 {cell.col + 1} 列"
    row_label = cell_label(cell)
    unit = table_unit(cell)
    shown = cell.value.text or "空"
    if not cell.value.text:
        shown = "空（0）"
    return f"{cell.table.name}“{row_label}”行“{col_label}”列 {shown}{'' if shown.startswith('空') else ' ' + unit}"


# --------------------------------------------------------------------------- stats


def restatement_stats(document, claims, links) -> dict:
    """How much of the narrative that restates a table is linked (``stats`` of a document).

    A claim *restates a table figure* when its stated money amount equals, within rounding,
    some amount cell of the document's tables — whatever its subject says — and the amount
    is distinctive enough that the match is no coincidence: four significant digits or more
    once trailing zeros are dropped (116.36, 3,977.09, 1405; not 0, 12.00, 600.00, 5.21).
    Of those: how many are linked (any confidence but none) and how many confidently.
    Breakdown records repeat their total's claim: not counted.
    """
    by_claim = links_by_claim(links)
    restating = linked = confident = 0
    for claim, _ in restating_cells(document, claims, want_cells=False):
        restating += 1
        link = by_claim.get(id(claim))
        if link is not None and link.linked:
            linked += 1
            confident += link.confidence == CONFIDENT
    return {"restating_claims": restating, "restating_linked": linked, "restating_confident": confident}


def restating_cells(document, claims, want_cells: bool = True):
    """(claim, the money cells it equals) for each claim that restates a table figure
    (``restatement_stats``); the cells are listed only when ``want_cells``."""
    from bisect import bisect_left, bisect_right

    money = sorted(((_in_yuan(c.value, t), id(c)), CellRef(t, r, c.col, c.value))
                   for t in document.tables for r in t.rows for c in r.cells
                   if c.value is not None and c.value.value
                   and (c.value.unit or t.unit or "万元") in MONEY_UNITS)
    keys = [k for (k, _), _ in money]
    for claim in claims:
        v = claim.value
        if claim.kind == "breakdown" or v is None or v.number.unit not in MONEY_UNITS or _digits(v.number) < 4:
            continue
        iv = v.number.interval_in("元")
        i = bisect_left(keys, iv.lo)
        if i >= len(keys) or keys[i] > iv.hi:
            continue
        yield claim, ([ref for _, ref in money[i:bisect_right(keys, iv.hi)]] if want_cells else [])


def _in_yuan(number: Number, table: Table) -> Decimal:
    unit = number.unit or table.unit or "万元"
    return number.value * MONEY_UNITS[unit] / MONEY_UNITS["元"]


def _digits(number: Number) -> int:
    """Significant digits of a stated amount without trailing zeros: 116.36 → 5, 600.00 → 1."""
    return len(format(abs(number.value), "f").replace(".", "").strip("0"))
