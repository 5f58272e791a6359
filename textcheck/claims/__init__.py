"""Claim extraction: every numeric statement of the narrative, with exact spans.

Two levels:

1. ``sentence_claims(text, patterns, doc)`` — one sentence (run as the spaCy
   component ``tc_claims``).  Regex first: find number + unit quantities, give
   each a role from the cue right before it (占 → share; 比上年预算增加 → change;
   增长 with % → rate; otherwise a stated value), then group them: a stated
   value opens a claim, the share/change/rate clauses after it attach to it,
   a change clause with its own subject opens a change claim.  spaCy tokens only
   decide where a counted noun ends ("下设 6 个处室在内" → 处室).
2. ``extract_claims(document, nlp, lexicon)`` — the document: pre-filters the
   narrative sentences that carry a number, segments them and runs the
   ``tc_claims`` component on each,
   turns raw claims into ``Claim`` objects with ``LocatedText`` spans (so every
   figure maps back to its source line and column), cleans subjects (department
   names, years, list numbering; 类/款/项 paths and codes from the lexicon), and
   connects sentences: "…，其中：" lists (``Claim.whole`` / ``items``, one
   ``breakdown`` claim per listed whole), project blocks ("项目名称：…",
   "预算安排规模：…", "资金分配情况：…") and enumerations after counts.

Figures in explanatory clauses ("主要原因是…新增 1405 万元…", "主要用于…") are
kept as claims with ``clause="reason"``; they are never list parts.
"""
from __future__ import annotations

from textcheck.claims.extract import extract_claims, extract_text_claims
from textcheck.claims.sentence import sentence_claims
from textcheck.claims.vocab import ClaimPatterns, RawClaim, RawQuantity, claim_patterns, halfwidth

__all__ = ["ClaimPatterns", "RawClaim", "RawQuantity", "claim_patterns", "extract_claims", "extract_text_claims",
           "halfwidth", "sentence_claims"]
