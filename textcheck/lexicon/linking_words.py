"""lexicons/linking.yml and the column vocabulary the linker reads, as parsed.

The linker (``textcheck.linking``) compiles these into its own vocabulary object;
the parsed data is shared by the whole process, so callers must not change it.
"""
from __future__ import annotations

from textcheck.lexicon.columns import COLUMNS_FILE
from textcheck.lexicon.files import load_yaml

LINKING_FILE = "linking.yml"


def linking_words(extra_dirs: tuple[str, ...] = ()) -> dict:
    """lexicons/linking.yml: table and section roles, concept tables and columns, fund families …"""
    return load_yaml(LINKING_FILE, extra_dirs) or {}


def column_words(extra_dirs: tuple[str, ...] = ()) -> dict:
    """lexicons/columns.yml as written (``textcheck.lexicon.columns`` has it compiled)."""
    return load_yaml(COLUMNS_FILE, extra_dirs) or {}
