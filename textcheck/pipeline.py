"""The Checker: built once per process (lexicons, spaCy pipeline, rules), then run per document."""
from __future__ import annotations

import gc
import os
import sys
import time
from functools import cached_property

from textcheck.config import Config, plugin_lexicon_dirs
from textcheck.context import Context
from textcheck.document import Document, Location
from textcheck.lexicon import load_lexicon
from textcheck.readers import relocate
from textcheck.report.diagnostic import SEVERITY_RANK, Diagnostic, DocumentResult, RuleInfo
from textcheck.rules import all_rules
from textcheck.rules.docs import rule_info


class Checker:
    """Holds everything that is expensive to build; ``check(document)`` is cheap to call."""

    def __init__(self, config: Config | None = None, strict: bool | None = None):
        self.config = config or Config()
        # strict: a rule that raises is a bug and propagates (tests set TEXTCHECK_STRICT=1);
        # otherwise the rule is skipped for that document with a one-line warning.
        self.strict = strict if strict is not None else os.environ.get("TEXTCHECK_STRICT") == "1"
        self.rules = [cls() for cls in all_rules() if self.config.enabled(cls)]

    @cached_property
    def lexicon(self):
        start = time.perf_counter()
        try:
            # The config's folders first (the user's choice wins), then installed plugins' folders.
            return load_lexicon([*self.config.lexicons, *plugin_lexicon_dirs()])
        finally:
            self.build_seconds += time.perf_counter() - start

    # seconds spent building the lexicon and NLP pipeline (once per process, on first use):
    # subtracted from the elapsed time of the document whose check triggered it
    build_seconds = 0.0

    @cached_property
    def nlp(self):
        from textcheck.nlp import build_pipeline

        lexicon = self.lexicon  # timed by itself
        start = time.perf_counter()
        try:
            return build_pipeline(lexicon)
        finally:
            self.build_seconds += time.perf_counter() - start
            # spaCy's and jieba's objects (and the lexicon's) live as long as the process: out
            # of the collector's generations, every collection while a document is checked
            # stops re-scanning them (a long document triggers many: 16x → 12x time for 10x text)
            gc.freeze()

    @cached_property
    def rule_infos(self) -> tuple[RuleInfo, ...]:
        """Every registered rule's metadata, for the report's writers (SARIF lists them all)."""
        return tuple(rule_info(cls) for cls in all_rules())

    def context(self, document: Document, previous: Document | None = None) -> Context:
        """The Context rules read for ``document`` (the NLP pipeline is built on its first use)."""
        return Context(document, self.lexicon, self.config, nlp=lambda: self.nlp, previous=previous)

    def check(self, document: Document, previous: Document | None = None) -> DocumentResult:
        # No collector passes while a document is checked.  A check makes no reference cycles
        # (what it allocates is freed by reference counting: tests/test_pipeline_gc.py), yet
        # its allocations trigger collections that walk every object the document holds, the
        # more the longer it is (the seed x10: 532 collections against 22 for x1, ~7 % of the
        # time).  The collector's state is restored after, as it was found (another thread
        # may have turned it off itself).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._check(document, previous)
        finally:
            if enabled:
                gc.enable()

    def _check(self, document: Document, previous: Document | None) -> DocumentResult:
        # The pipeline is built when a rule first reads the claims, not before: a table-only
        # --select never imports spaCy or jieba nor segments a sentence.
        built_before = self.build_seconds
        start = time.perf_counter()
        ctx = self.context(document, previous)
        diagnostics = []
        rule_errors = []
        for rule in self.rules:
            kinds = rule.kinds
            if kinds is not None and ctx.kind not in kinds:
                continue  # a rule for another kind of document (Rule.kinds)
            try:
                diagnostics.extend(rule.check(ctx))
            except Exception as exc:
                if self.strict:
                    raise
                rule_errors.append(f"{rule.code}: {type(exc).__name__}: {exc}")
                first_line = (str(exc).splitlines() or [""])[0]
                print(f"textcheck: {document.path}: rule {rule.code} failed: {type(exc).__name__}: {first_line}",
                      file=sys.stderr)
                diagnostics.append(_rule_failed(rule, exc))
        diagnostics = _dedupe(diagnostics)
        diagnostics = relocate(diagnostics, document)  # page / cell of each finding in its volume
        diagnostics.sort(key=lambda d: (d.location.page or 0, d.location.line, d.location.column,
                                        -SEVERITY_RANK[d.severity], d.code))
        claims, links = self._claim_stats(ctx, rule_errors)
        elapsed = time.perf_counter() - start - (self.build_seconds - built_before)
        stats = {
            "lines": len(document.source_lines),
            "tables": len(document.tables),
            # None: no selected rule needed the claims, so they were not extracted
            "claims": len(claims) if claims is not None else None,
            "linked_claims": sum(1 for link in links if link.linked) if links is not None else None,
            "elapsed_ms": round(elapsed * 1000, 1),
        }
        if document.meta.get("pages"):
            stats["pages"] = document.meta["pages"]
        if rule_errors:
            stats["rule_errors"] = rule_errors
        stats.update(_kind_stats(ctx, self.strict))
        if claims is not None and links is not None:
            stats.update(_restatement_stats(document, claims, links, self.lexicon.extra_dirs))
        return DocumentResult(path=document.path, format=document.format, sha256=document.sha256,
                              diagnostics=diagnostics, stats=stats, document=document, rules=self.rule_infos)


    def _claim_stats(self, ctx: Context, rule_errors: list[str]):
        """Claims and links for the stats (already computed when a narrative rule ran;
        (None, None) when no selected rule read them: they are not extracted for the stats)."""
        if _has_narrative(ctx.document) and "claims" not in vars(ctx):
            return None, None
        try:
            claims = ctx.claims if _has_narrative(ctx.document) else []
            return claims, (ctx.links if claims else [])
        except Exception as exc:  # same policy as a failing rule: report, do not crash the document
            if self.strict:
                raise
            rule_errors.append(f"claims: {type(exc).__name__}: {exc}")
            print(f"textcheck: {ctx.document.path}: claim extraction failed: {exc}", file=sys.stderr)
            return [], []


def _rule_failed(rule, exc: Exception):
    """An info finding in the result itself (every format shows it): this rule did not
    finish on this document, so an absence of its findings proves nothing."""
    reason = (str(exc).splitlines() or [""])[0][:200]
    return Diagnostic(
        code=rule.code, name=rule.name, category=rule.category, severity="info",
        message=f"规则 {rule.code} 未能完成对本文件的检查（{type(exc).__name__}: {reason}），该项检查结果不完整",
        location=Location(1, 1, 1, 1), text="", key=f"rule-failed:{type(exc).__name__}",
        suggestion="请人工核对该项，并将此文件报告给 textcheck 维护者",
        severity_reason="rule failed on this document")


def _kind_stats(ctx: Context, strict: bool) -> dict:
    """The document kind and the template family the checks assumed (stats keys
    ``document_kind``, ``template_family``, ``template_family_name``; ``previous_kind``: the
    kind of the disclosure it was compared with)."""
    try:
        out = {"document_kind": ctx.kind}
        if ctx.previous is not None:  # what a paired disclosure was compared with (scan summary)
            from textcheck.families import document_kind

            out["previous_kind"] = document_kind(ctx.previous, ctx.lexicon)
        if ctx.family is not None:
            out["template_family"] = ctx.family.family.id
            out["template_family_name"] = ctx.family.family.name
        return out
    except Exception as exc:  # a fact the stats cannot get never fails the document
        if strict:
            raise
        print(f"textcheck: {ctx.document.path}: document kind failed: {exc}", file=sys.stderr)
        return {}


def _restatement_stats(document: Document, claims, links, extra_dirs: tuple[str, ...]) -> dict:
    """restating_claims / restating_linked / restating_confident / restating_unprinted
    (textcheck.linking)."""
    from textcheck.linking import restatement_stats

    return restatement_stats(document, claims, links, extra_dirs)


def _has_narrative(document: Document) -> bool:
    return bool(document.paragraphs)


def _dedupe(diagnostics):
    seen, out = set(), []
    for d in diagnostics:
        k = (d.code, d.location.line, d.location.column, d.message)
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out
