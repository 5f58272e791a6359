"""Format facts of the text (TC803, TC804, TC805, TC806, TC808): misplaced thousands separators,
mixed-width digit runs, stray Latin words, rates without "%", code or count columns."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from textcheck import patterns
from textcheck.document import Document, LocatedText, Location


# The characters of patterns.FORMAT_FULL_DIGIT ([０-９]).
FULL_DIGITS = "０１２３４５６７８９"


def is_code_or_count_column(label: str | None) -> bool:
    """A column of codes, line numbers or counts, not amounts (编码, 序号, 行次, 人数 …)."""
    return bool(patterns.FORMAT_CODE_COLUMN.search(label or ""))


@dataclass(frozen=True)
class TextMatch:
    """A span of a text found by a format pattern."""

    text: LocatedText  # the whole text (sentence / paragraph / cell)
    start: int
    end: int
    value: str

    @property
    def location(self) -> Location:
        return self.text.locate(self.start, self.end)


class FormatLayout:
    """The format facts of ``Layout`` (mixed into it; reads ``self.document`` and ``table_cells``)."""

    document: Document
    table_cells: tuple  # Layout's: textcheck.table_cells facts of each table

    @cached_property
    def bad_thousands(self) -> list[tuple[str, object, object, TextMatch]]:
        """("cell", table, cell, match) / ("text", None, paragraph, match) for every
        number whose thousands separators are misplaced."""
        out = []
        doc = self.document
        # the cells holding a "," (header rows first, in reading order), from the one pass over
        # every cell (``table_cells``)
        for table, facts in zip(doc.tables, self.table_cells):
            for cell in facts.commas:
                for m in patterns.FORMAT_BAD_THOUSANDS.finditer(cell.text.text):
                    out.append(("cell", table, cell, TextMatch(cell.text, m.start(), m.end(), m.group(0))))
        for p in doc.paragraphs:
            if "," in p.text.text:
                for m in patterns.FORMAT_BAD_THOUSANDS.finditer(p.text.text):
                    out.append(("text", None, p, TextMatch(p.text, m.start(), m.end(), m.group(0))))
        return out

    @cached_property
    def mixed_width_digits(self) -> list[tuple[int, int, int, str]]:
        """(line, start col, end col, digits) of every digit run mixing ０-９ and 0-9."""
        out = []
        lines = self.document.source_lines
        # most documents hold no full-width digit at all: ten scans of the whole text in C say
        # so, where the pattern would be searched line by line
        text = "\n".join(lines)
        if not any(digit in text for digit in FULL_DIGITS):
            return out
        for no, line in enumerate(lines, 1):
            if not patterns.FORMAT_FULL_DIGIT.search(line):
                continue
            for m in patterns.FORMAT_DIGIT_RUN.finditer(line):
                s = m.group(0)
                if patterns.FORMAT_HALF_DIGIT.search(s) and patterns.FORMAT_FULL_DIGIT.search(s):
                    out.append((no, m.start() + 1, m.end(), s))
        return out

    @cached_property
    def stray_latin(self) -> list[TextMatch]:
        """Lower-case Latin words between Chinese characters in headings and paragraphs,
        outside parentheses."""
        doc = self.document
        out = []
        for t in [h.text for h in doc.headings] + [p.text for p in doc.paragraphs]:
            for m in patterns.FORMAT_STRAY_LATIN.finditer(t.text):
                if not _inside_parentheses(t.text, m.start()):
                    out.append(TextMatch(t, m.start("word"), m.end("word"), m.group("word")))
        return out

    @cached_property
    def rate_without_sign(self) -> list[tuple[TextMatch, str]]:
        """(the number, the cue phrase) of a rate in running text written without "%"."""
        out = []
        for p in self.document.paragraphs:
            for m in patterns.FORMAT_RATE_CUE_NUMBER.finditer(p.text.text):
                if m.group("num").strip("0.") == "":
                    continue
                out.append((TextMatch(p.text, m.start("num"), m.end("num"), m.group("num")), m.group(0)))
        return out


def _inside_parentheses(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0
