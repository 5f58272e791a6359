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

from textcheck.linking.cells import (agreement, agrees, cell_label, links_by_claim,
                                     stated_interval, table_unit, widen)
from textcheck.linking.index import TableIndex
from textcheck.linking.linker import Linker, link_claims
from textcheck.linking.model import AMBIGUOUS, CONFIDENT, PROJECT_ROLES, UNLINKED, SubjectLink
from textcheck.linking.stats import restatement_stats, restating_cells
from textcheck.linking.vocab import SpecificConcept, name_key, project_in_heading, specific_vocabulary, vocabulary

__all__ = ["AMBIGUOUS", "CONFIDENT", "PROJECT_ROLES", "UNLINKED", "Linker", "SpecificConcept", "SubjectLink",
           "TableIndex", "agreement", "agrees", "cell_label", "link_claims", "links_by_claim",
           "name_key", "project_in_heading", "restatement_stats", "restating_cells",
           "specific_vocabulary", "stated_interval", "table_unit", "vocabulary", "widen"]
