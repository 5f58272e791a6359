"""lexicons/columns.yml compiled once: the column, fund, measure and row vocabulary of tables.

Read by the table analysis (``textcheck.tables``): which header names which measure
(预算数, 决算数 …) or fund (一般公共预算 …), which row is a total, a subtotal or a
group, which concept sums exist between columns.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textcheck import patterns
from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same
from textcheck.lexicon.files import load_yaml
from textcheck.lexicon.terms import squash

COLUMNS_FILE = "columns.yml"


@dataclass(frozen=True)
class ColumnLexicon:
    """lexicons/columns.yml compiled once."""

    measures: tuple[tuple[str, regex.Pattern], ...]
    funds: tuple[tuple[str, regex.Pattern], ...]
    narrowed: tuple[tuple[str, str, str], ...]
    sums: tuple[tuple[str, str, tuple[str, ...]], ...]
    non_additive: regex.Pattern
    narrowing: regex.Pattern
    code_headers: regex.Pattern
    tables: tuple[tuple[regex.Pattern, dict], ...]
    balanced_funds: frozenset[str]
    directions: tuple[tuple[str, regex.Pattern], ...]
    whole_column_words: tuple[str, ...]
    total_row: regex.Pattern
    subtotal_row: regex.Pattern
    part_row: regex.Pattern
    group_row: regex.Pattern
    category_row: regex.Pattern
    numbering: tuple[regex.Pattern, ...]

    def measure(self, text: str) -> str | None:
        return _first(self.measures, text)

    def fund(self, text: str) -> str | None:
        return _first(self.funds, text)

    def direction(self, text: str) -> str | None:
        return _first(self.directions, text)

    def table_profile(self, title: str) -> dict:
        t = squash(title)
        for pat, profile in self.tables:
            if pat.search(t):
                return profile
        return {}

    def numbering_level(self, label: str) -> int | None:
        for i, pat in enumerate(self.numbering):
            if pat.match(label):
                return i + 1
        return None


def _first(entries, text: str) -> str | None:
    t = squash(text)
    if not t:
        return None
    for concept, pat in entries:
        if pat.search(t):
            return concept
    return None


def _optional(data: dict, key: str) -> "regex.Pattern":
    """An optional pattern of columns.yml, compiled; left out, it matches nothing."""
    return regex.compile(data[key]) if key in data else patterns.LEXICON_NO_MATCH


@lru_cache(maxsize=8)
def column_lexicon(extra_dirs: tuple[str, ...] = ()) -> ColumnLexicon:
    data = load_yaml(COLUMNS_FILE, extra_dirs)
    rows = data["rows"]
    return ColumnLexicon(
        measures=tuple((e["concept"], regex.compile(e["pattern"])) for e in data["measures"]),
        funds=tuple((e["concept"], regex.compile(e["pattern"])) for e in data["funds"]),
        narrowed=tuple((e["concept"], e["sibling"], e["becomes"]) for e in data.get("narrowed", [])),
        sums=tuple((e["dimension"], e["whole"], tuple(e["parts"])) for e in data.get("sums", [])),
        non_additive=regex.compile(data["non_additive"]),
        narrowing=_optional(data, "narrowing"),
        code_headers=regex.compile(data["code_headers"]),
        tables=tuple((regex.compile(e["pattern"]), {k: v for k, v in e.items() if k != "pattern"})
                     for e in data.get("tables", [])),
        balanced_funds=frozenset(data.get("balanced_funds", [])),
        directions=tuple((e["concept"], regex.compile(e["pattern"])) for e in data.get("directions", [])),
        whole_column_words=tuple(data["whole_column_words"]),
        total_row=regex.compile(rows["total"]),
        subtotal_row=regex.compile(rows["subtotal"]),
        part_row=regex.compile(rows["part"]),
        group_row=regex.compile(rows["group"]),
        category_row=_optional(rows, "category"),
        numbering=tuple(regex.compile(p) for p in rows["numbering"]),
    )
