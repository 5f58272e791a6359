"""The linked model rules read: the Document plus what extraction and linking made of it.

Each analysis is computed on first use and cached, so a run that selects only
table-arithmetic rules never pays for segmentation.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from textcheck.config import Config
from textcheck.document import Document

if TYPE_CHECKING:
    from textcheck.pipeline import Checker


class Context:
    def __init__(self, document: Document, checker: "Checker", config: Config | None = None):
        self.document = document
        self.checker = checker
        self.config = config or checker.config

    @property
    def lexicon(self):
        return self.checker.lexicon

    @cached_property
    def tables(self):
        """Table analysis (concepts, totals, cross-table quantities) — textcheck.tables."""
        from textcheck import tables

        return tables.analyse(self.document, self.lexicon)

    @cached_property
    def claims(self):
        """Every numeric claim of the narrative — textcheck.claims."""
        from textcheck import claims

        return claims.extract_claims(self.document, self.checker.nlp, self.lexicon)

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

        return performance.parse_performance_tables(self.document, self.lexicon)

    @cached_property
    def layout(self):
        """目录, numbering and format facts of the text — textcheck.layout_facts."""
        from textcheck.layout_facts import Layout

        return Layout(self.document)

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

        return final_account_facts(self.document)
