"""The stage of a figure — the year's budget (年初预算, 预算数) or its final account (决算) — as a
subject, a column header or a table title names it.  A 决算 disclosure prints both: "财政拨款支出
年初预算为 15068.55 万元，支出决算为 13733.8 万元" restates two different figures, and the "三公"
经费 table has a 预算数 and a 决算数 group of the same columns."""
from __future__ import annotations

from textcheck.claim import CellRef
from functools import lru_cache

from textcheck.lexicon.linking_words import stage_patterns
from textcheck.linking.literals import chars_search, required_any_plain
from textcheck.linking.vocab import _norm


def stage_of(text: str, extra_dirs: tuple[str, ...] = ()) -> str | None:
    """The one stage the text names; None when it names none or several."""
    text = _norm(text or "")
    holds = _stage_chars(extra_dirs)
    if holds is not None and not holds(text):
        return None  # (most subjects: no character every stage word holds, "算" or "数")
    named = {name for name, pat in stage_patterns(extra_dirs) if pat.search(text)}
    return named.pop() if len(named) == 1 else None


@lru_cache(maxsize=8)
def _stage_chars(extra_dirs: tuple[str, ...]):
    """A search for the characters one of which every match of every stage pattern holds
    (literals.plain_required_chars); None when one pattern's are not known."""
    return chars_search(required_any_plain([pat for _, pat in stage_patterns(extra_dirs)]))


def cell_stage(cell: CellRef, extra_dirs: tuple[str, ...] = ()) -> str | None:
    """The stage of a cell: its innermost column header that names one, else its table's title."""
    col = cell.table.column(cell.col)
    for text in reversed((col.path or (col.label,)) if col is not None else ()):
        found = stage_of(text or "", extra_dirs)
        if found:
            return found
    return stage_of(cell.table.title or "", extra_dirs)
