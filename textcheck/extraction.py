"""Extraction: every textual fact a rule needs, read once from the document.

Rules never parse text (no ``re``/``regex``/``jieba``/YAML in ``textcheck/rules/``;
``tests/test_rules_no_text_parsing.py`` enforces it). What a rule used to find with
its own regular expression is found here, once per document, and the rule reads
the result from ``ctx.extraction``.

The pattern (follow it for every new fact):

1. one frozen dataclass per fact, holding what was read (text, value) and where
   (a ``Location`` or ``LocatedText``) so a rule can cite it as evidence;
2. one module-level function ``find_<facts>(document[, lexicon]) -> tuple[Fact, ...]``
   that reads ``Document`` (paragraphs, source lines, tables) with the named
   patterns of ``textcheck.patterns`` — nothing else — in document order;
3. one ``cached_property`` on ``Extraction`` calling that function, so the fact
   is computed on first use and shared by every rule that reads it.

``Context.extraction`` builds one ``Extraction`` per document (lazily, like
``ctx.claims`` and ``ctx.links``); a run that selects no rule reading a fact never
pays for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from textcheck import patterns
from textcheck.document import Document, LocatedText


# ---------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class EmptyTableStatement:
    """A narrative sentence saying a table is empty ("本表为空", "…为空表")."""

    paragraph: int  # Document.paragraphs index
    text: LocatedText  # the whole paragraph
    section: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Finders: Document → facts (the only place text is read for rules)
# ---------------------------------------------------------------------------

def find_empty_table_statements(document: Document) -> tuple[EmptyTableStatement, ...]:
    return tuple(EmptyTableStatement(p.index, p.text, p.section) for p in document.paragraphs
                 if patterns.EMPTY_TABLE_STATEMENT.search(p.text.text))


# ---------------------------------------------------------------------------
# The per-document bundle rules read as ctx.extraction
# ---------------------------------------------------------------------------

class Extraction:
    """Textual facts of one document, each computed on first use."""

    def __init__(self, document: Document, lexicon=None):
        self.document = document
        self.lexicon = lexicon

    @cached_property
    def empty_table_statements(self) -> tuple[EmptyTableStatement, ...]:
        return find_empty_table_statements(self.document)
