"""lexicons/required_tables.yml and lexicons/document_kinds.yml as typed data, read once.

The template families (the standard tables a disclosure of one region, level and
period publishes) and the title cue words of each document kind; recognising
them in a document is ``textcheck.families``' job.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textcheck.lexicon.files import load_yaml

FAMILIES_FILE = "required_tables.yml"
KINDS_FILE = "document_kinds.yml"

# The share of a family's tables a document must show when the file names none.
DEFAULT_MIN_FIT = 0.75


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: str
    alternatives: tuple[str, ...]  # other titles the same table is printed under
    required: bool


@dataclass(frozen=True)
class FamilySpec:
    id: str
    name: str
    kind: str | None  # None: the file names none (the caller's default applies)
    regions: tuple[str, ...]
    tables: tuple[TableSpec, ...]
    years: tuple[int, ...]


@lru_cache(maxsize=8)
def template_families(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[FamilySpec, ...], float]:
    """Every family in file order, and the minimum share of tables to recognise one."""
    data = load_yaml(FAMILIES_FILE, extra_dirs) or {}
    out = []
    for f in data.get("families") or []:
        tables = tuple(TableSpec(t["key"], t["title"], tuple(t.get("alternatives") or ()),
                                 bool(t.get("required", True)))
                       for t in f.get("tables") or [])
        out.append(FamilySpec(f["id"], f["name"], f.get("kind"), tuple(f.get("regions") or ()), tables,
                              tuple(f.get("years") or ())))
    return tuple(out), float(data.get("min_fit", DEFAULT_MIN_FIT))


@lru_cache(maxsize=8)
def kind_cues(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, title cue words) in file order: the first kind whose cue a title holds wins."""
    data = load_yaml(KINDS_FILE, extra_dirs) or {}
    return tuple((e["kind"], tuple(e.get("cues") or ())) for e in data.get("kinds") or [])
