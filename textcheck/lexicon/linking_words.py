"""lexicons/linking.yml and the column vocabulary the linker reads, as parsed.

The linker (``textcheck.linking``) compiles these into its own vocabulary object;
the parsed data is shared by the whole process, so callers must not change it.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from textcheck.lexicon.columns import COLUMNS_FILE
from textcheck.lexicon.files import load_yaml

LINKING_FILE = "linking.yml"


def linking_words(extra_dirs: tuple[str, ...] = ()) -> dict:
    """lexicons/linking.yml: table and section roles, concept tables and columns, fund families …"""
    return load_yaml(LINKING_FILE, extra_dirs) or {}


def column_words(extra_dirs: tuple[str, ...] = ()) -> dict:
    """lexicons/columns.yml as written (``textcheck.lexicon.columns`` has it compiled)."""
    return load_yaml(COLUMNS_FILE, extra_dirs) or {}


@lru_cache(maxsize=8)
def stage_patterns(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[str, regex.Pattern], ...]:
    """``stage_words`` of lexicons/linking.yml (the year's budget or its final account): stage
    name → pattern, once.  Read by the linker (``linking.stages``) and by claims (a sentence of
    one item's figures at two stages)."""
    words = linking_words(extra_dirs).get("stage_words") or {}
    return tuple((name, regex.compile(pattern)) for name, pattern in words.items())
