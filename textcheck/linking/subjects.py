"""What a claim's subject names, decided once per subject and document: its cleaned and short
forms, the measure/fund concept, and the stage, flow and carry-over words the candidates are
filtered by (and the same of a candidate cell) — the Linker's subject side."""
from __future__ import annotations

from textcheck import patterns
from textcheck.claim import CellRef
from textcheck.linking.cells import cell_label
from textcheck.linking.literals import chars_search, required_chars
from textcheck.linking.routes import _UNSEEN
from textcheck.linking.stages import cell_stage, stage_of
from textcheck.linking.vocab import _NUMBERING_STARTS, _norm, concept_columns_by_key, suffix_column


# A subject holding none of the characters a match of the noise words needs keeps its text.
_NOISE_HOLDS = chars_search(required_chars(patterns.LINK_SUBJECT_NOISE))


class SubjectsMixin:
    """A Linker's subject words (its vocabulary, lexicon, departments and memos)."""

    def clean_subject(self, subject: str) -> str:
        """The subject without the department's names, noise words and leading numbering; once
        per subject and document (a claim's whole and the government-class route ask again)."""
        clean = self._cleaned.get(subject)
        if clean is None:
            clean = self._cleaned[subject] = self._clean_subject(subject)
        return clean

    def _clean_subject(self, subject: str) -> str:
        s = _norm(subject or "")
        for d in self.departments:
            s = s.replace(d, "")
        if _NOISE_HOLDS is None or _NOISE_HOLDS(s):  # (年, 门, 位: most subjects hold none)
            s = patterns.LINK_SUBJECT_NOISE.sub("", s)
        # each pattern only where it can match (as name_key): the numbering after a decimal digit,
        # a bracket or a Chinese numeral first; the classification lead ("按功能分类…") after 按
        if s[:1] in _NUMBERING_STARTS or s[:1].isdecimal():
            s = patterns.LINK_LEADING_NUMBERING.sub("", s)
        return (patterns.LINK_CLASSIFICATION_LEAD.sub("", s) or s) if s.startswith("按") else s

    def short_subject(self, subject: str) -> str:
        """The subject without trailing words that name no item ("三公经费预算数" → "三公经费");
        once per subject and document (each route of a claim asks)."""
        short = self._shorts.get(subject)
        if short is None:
            suffixes = self.voc.subject_suffixes
            # a text not ending with a character the pattern's match ends with is left as it is
            # (most subjects and forms: "…经费", "…支出"), told without the substitution
            ends = self._suffix_ends
            prev, short = None, subject
            while prev != short:
                prev = short
                if ends is None or short[-1:] in ends or short.endswith("\n"):
                    short = suffixes.sub("", short)
            short = self._shorts[subject] = short or prev
        return short

    def subject_concept(self, subject: str) -> tuple[str | None, str | None, str | None]:
        """(measure, fund, lexicon column key) a subject names; Nones when it names no concept."""
        return self._memo("subject_concept", subject, lambda: self._find_subject_concept(subject))

    def _concept_column(self, term: str) -> str | None:
        """``Lexicon.concept_column``, once per term and document (subjects share their suffixes)."""
        column = self._column_of.get(term, _UNSEEN)
        if column is _UNSEEN:
            column = self._column_of[term] = self.lexicon.concept_column(term)
        return column

    def _find_subject_concept(self, subject: str) -> tuple[str | None, str | None, str | None]:
        measure = self.voc.measure(subject)
        fund = self.voc.fund(subject)
        column = None
        if self.lexicon is not None:
            # The head noun comes last in Chinese: try the longest suffix the lexicon knows.
            table = concept_columns_by_key(self.lexicon)
            for form in dict.fromkeys((subject, self.short_subject(subject))):
                column = suffix_column(form, table, self._concept_column, column)
                if column:
                    break
        if column in self.voc.concept_columns:
            spec = self.voc.concept_columns[column]
            measure = measure or spec.get("measure")
            fund = fund or spec.get("fund")
        if measure is None and fund is None and column not in self.voc.concept_tables:
            # No measure or fund, and no table whose total the concept is: an item
            # ("公务用车购置费"), found by its row label — never a table's grand total.
            return None, None, None
        return measure or "total", fund, column

    def _words(self, subject: str) -> tuple[str | None, str | None, bool]:
        """(``stage_of``, ``_flow``, names a carry-over) of a cleaned subject, once per subject and
        document (what _narrow and _finish filter the candidates by)."""
        words = self._subject_words.get(subject)
        if words is None:
            words = self._subject_words[subject] = (stage_of(subject, self.extra_dirs), self._flow(subject),
                                                    bool(self.voc.carryover.search(subject)))
        return words

    def _flow(self, text: str) -> str | None:
        """income / expenditure when the text names exactly one of them."""
        named = {k for k, pat in self.voc.flows if pat.search(text)}
        return named.pop() if len(named) == 1 else None

    def _cell_stage(self, cell: CellRef) -> str | None:
        return self._memo("cell_stage", (cell.table.index, cell.col), lambda: cell_stage(cell, self.extra_dirs))

    def _cell_flow(self, cell: CellRef) -> str | None:
        """``_flow`` of the cell's row label, once per cell."""
        key = id(cell)
        hit = self._flows.get(key)
        if hit is None:
            hit = self._flows[key] = (self._flow(_norm(cell_label(cell))), cell)
        return hit[0]
