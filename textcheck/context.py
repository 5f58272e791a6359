"""The linked model rules read: the Document plus what extraction and linking made of it.

Each analysis is computed on first use and cached, so a run that selects only
table-arithmetic rules never pays for segmentation.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from textcheck.config import Config
from textcheck.document import Document

if TYPE_CHECKING:
    from textcheck.lexicon import Lexicon


class Context:
    """What the rules of one check read: the document, the lexicon, the NLP pipeline and the
    config.  It holds no Checker: rules see inputs and analyses, never the machinery.

    ``nlp`` is a function returning the NLP pipeline, called on first use of ``claims``:
    building spaCy and jieba is expensive, and a table-only run never needs them.
    """

    def __init__(self, document: Document, lexicon: Lexicon, config: Config | None = None,
                 nlp: Callable[[], Any] | None = None, previous: Document | None = None):
        self.document = document
        self.lexicon = lexicon
        self.config = config or Config()
        self._nlp = nlp
        # last year's disclosure of the same department (check --previous, scan's pairing):
        # read by the cross-year rules only, through ``crossyear``
        self.previous = previous

    @cached_property
    def nlp(self):
        """The NLP pipeline (textcheck.nlp), built by the function given, once."""
        if self._nlp is None:
            raise RuntimeError("this Context was made without an NLP pipeline: it cannot extract claims")
        return self._nlp()

    @cached_property
    def tables(self):
        """Table analysis (concepts, totals, cross-table quantities) — textcheck.tables."""
        from textcheck import tables

        return tables.analyse(self.document, self.lexicon)

    @cached_property
    def claims(self):
        """Every numeric claim of the narrative — textcheck.claims."""
        from textcheck import claims

        return claims.extract_claims(self.document, self.nlp, self.lexicon)

    @cached_property
    def links(self):
        """Claim → candidate cells — textcheck.linking."""
        from textcheck import linking

        return linking.link_claims(self.document, self.claims, self.lexicon, self.tables,
                                   tolerance=self.config.tolerance)

    @cached_property
    def performance(self):
        """Parsed 绩效目标表 — textcheck.performance."""
        from textcheck import performance

        return performance.parse_performance_tables(self.document, self.lexicon, self.table_cells)

    @cached_property
    def table_cells(self):
        """Facts of every table's cells read in one pass, shared by the performance tables and
        the layout — textcheck.table_cells."""
        from textcheck.table_cells import document_cells

        return document_cells(self.document)

    @cached_property
    def layout(self):
        """目录, numbering and format facts of the text — textcheck.layout_facts."""
        from textcheck.layout_facts import Layout

        return Layout(self.document, cells=self.table_cells)

    @cached_property
    def kind(self) -> str:
        """department-budget / final-account / government-report / other — textcheck.families."""
        from textcheck.families import document_kind

        return document_kind(self.document, self.lexicon)

    @cached_property
    def family(self):
        """The template family the document's tables follow (None: unrecognised) — textcheck.families."""
        from textcheck.families import recognise

        return recognise(self.document, self.lexicon, kind=self.kind if self.kind != "other" else None,
                         layout=self.layout)

    @cached_property
    def final_accounts(self):
        """Execution rates and carry-over identities of a final account — textcheck.final_accounts."""
        from textcheck.final_accounts import final_account_facts

        return final_account_facts(self.document, self.table_cells)

    @cached_property
    def change_facts(self) -> dict:
        """id(claim) → the figures of each claim stating a change, in one unit, read by the change
        rules (TC301–TC304) — textcheck.rulekit.changes (the claims stay alive with the Context)."""
        from textcheck.rulekit.changes import document_change_facts

        return document_change_facts(self.claims)

    @cached_property
    def crossyear(self):
        """This year's figures matched to last year's tables, or a final account's budget figures to
        the same year's budget (None: no previous document) — textcheck.crossyear."""
        if self.previous is None:
            return None
        from textcheck import crossyear, tables
        from textcheck.families import document_kind
        from textcheck.lexicon.columns import column_lexicon

        links = self.links if self.document.paragraphs and self.kind != "final-account" else []
        return crossyear.build(self.document, self.tables, links, self.previous,
                               tables.analyse(self.previous, self.lexicon),
                               kinds=(self.kind, document_kind(self.previous, self.lexicon)),
                               whole_words=column_lexicon(self.lexicon.extra_dirs).whole_column_words)
