"""TC902 toc-heading-mismatch: a table-of-contents entry has no matching heading (or table) in the body."""
from __future__ import annotations

import difflib

import regex

from textcheck import patterns
from textcheck.document import LocatedText
from textcheck.lexicon import normalize_term
from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule
from textcheck.rules.tc901 import title_key

# An entry this similar to a heading with the same number ("一、主要职能" / "一、主要职责") is
# "worded differently", not missing; tables are compared by title alone, so more strictly.
SIMILAR = 0.6
SIMILAR_TABLE = 0.7
_BULLET = regex.compile(r"^\s*[-•·*]\s*")
_PAGE = regex.compile(r"(?:\s*[.·…．]{2,}\s*|\s{2,})\d{1,4}\s*$")


_END_PUNCT = regex.compile(r"[。：:；;.]+$")
_MARKER = regex.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[、.])")


def _key(s: str) -> str:
    return _finish(normalize_term(_unmarked(s)))


def _unmarked(s: str) -> str:
    """The line without bullet and page number (the part of ``_key`` before normalize_term).

    Each regex runs only when the character it needs is there (this runs on every body
    line): a bullet or space first, a digit last."""
    if s[:1].isspace() or s[:1] in _BULLET_CHARS:
        s = _BULLET.sub("", s)
    if s.rstrip()[-1:].isdigit():
        s = _PAGE.sub("", s)
    return s


def _finish(s: str) -> str:
    return _END_PUNCT.sub("", s) if s[-1:] in _END_CHARS else s


_BULLET_CHARS = "-•·*"
_END_CHARS = "。：:；;."


class _BodyLines:
    """``key in body_lines``: is ``key`` the key of a body line, or of two adjacent lines
    (a heading a PDF broke over two lines)?

    Most entries match a heading and never ask.  For the few that do, a line's key is
    computed only when the line can have that key.  In a line without
    patterns.NFKC_UNSTABLE characters NFKC only maps full-width forms onto ASCII, the
    rest of _key only drops characters or writes ASCII parentheses: every non-ASCII
    character of the key must be in the line.  Other lines are always keyed in full.
    Stability is a property of each character, so a document whose lines are all stable
    needs one test, and a pair of stable lines is stable.  After a few such questions
    every key is computed once and kept in a set.
    """

    _MAX_SCANS = 4

    def __init__(self, body: list[tuple[int, str]]):
        self.lines = [line for _, line in body]
        self.texts = [*self.lines, *(a + b for a, b in zip(self.lines, self.lines[1:]))]
        self._stable: list[bool] | None = None
        self._keys: set[str] | None = None
        self._scans = 0

    def __contains__(self, key: str) -> bool:
        if self._keys is not None:
            return key in self._keys
        self._scans += 1
        if self._scans > self._MAX_SCANS:
            self._keys = {_key(t) for t in self.texts}
            return key in self._keys
        stable = self._stability()
        needed = [ch for ch in dict.fromkeys(key) if not ch.isascii()]
        for text, text_stable in zip(self.texts, stable):
            if text_stable and not all(ch in text for ch in needed):
                continue  # cannot have this key (see above)
            if _key(text) == key:
                return True
        return False

    def _stability(self) -> list[bool]:
        if self._stable is None:
            if not any(patterns.NFKC_UNSTABLE.search(line) for line in self.lines):
                self._stable = [True] * len(self.texts)
            else:
                lines = [not patterns.NFKC_UNSTABLE.search(line) for line in self.lines]
                self._stable = [*lines, *(a and b for a, b in zip(lines, lines[1:]))]
        return self._stable


_ENTRY_NUMBER = regex.compile(r"^\s*(?:[-•·*]\s*)?(?P<n>[一二三四五六七八九十]+)\s*、")


def _numbered_table(doc, entry: str, tk: str) -> tuple[float, str] | None:
    """(similarity, title key) of the table carrying the entry's own number ("十、…表" → 公开表十),
    when its title is near enough: the entry is worded differently from *that* table."""
    m = _ENTRY_NUMBER.match(entry)
    if m is None:
        return None
    from textcheck.numbers import chinese_numeral_value

    n = chinese_numeral_value(m.group("n"))
    for t in doc.tables:
        if t.title and t.number == n:
            key = title_key(t.title)
            ratio = difflib.SequenceMatcher(None, tk, key[-len(tk) - 2:]).ratio()
            if ratio >= SIMILAR:
                return ratio, key
    return None


def _marker(key: str) -> str:
    m = _MARKER.match(key)
    return m.group(0) if m else ""


def toc_entries(document) -> list[LocatedText]:
    """Document.toc, or (when the reader found none) the lines after a "目录" line up to the
    first line that repeats the first entry (where the body starts)."""
    if document.toc:
        return list(document.toc)
    lines = document.source_lines
    start = next((i for i, l in enumerate(lines) if patterns.STRUCTURE_TOC_TITLE.match(l)), None)
    if start is None:
        return []
    entries: list[LocatedText] = []
    for i in range(start + 1, len(lines)):
        raw = lines[i]
        if not raw.strip():
            continue
        if "\t" in raw:
            break
        if entries and _key(raw) == _key(entries[0].text):
            break
        text = raw.strip()
        col = raw.index(text[0]) + 1
        entries.append(LocatedText(text, tuple((i + 1, col + k) for k in range(len(text)))))
    return entries if len(entries) >= 2 else []


class TocHeadingMismatch(Rule):
    """目录条目与正文标题（或表名）不一致，或在正文中找不到。

    检查什么
        目录（“目 录”下的条目）中的每一条，与正文标题和表格标题比较（忽略空格、引号、项目
        符号和页码）：完全相同为一致；与某个标题相似度不低于 85% 时提示文字不一致；都找
        不到时警告缺少该部分。目录中的公开表条目（“一、部门收支总体情况表”）与表名比较时
        忽略编号。
    为什么
        目录与正文不一致，读者按目录找不到内容；常见于修改了标题却没有更新目录，或删除了
        某一部分。
    反例
        目录：一、关于…2024 年收支预算情况的总体说明 —— 正文：一、关于…2024 年收支预算情况总体说明
    正例
        目录与正文标题逐字相同。
    选项
        无
    """

    code = "TC902"
    name = "toc-heading-mismatch"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.document
        entries = toc_entries(doc)
        if not entries:
            return
        toc_lines = {e.location.line for e in entries}
        headings = [h.text for h in doc.headings if h.text.location.line not in toc_lines]
        if not headings:
            return
        heading_keys = {_key(h.text): h for h in headings}
        table_keys = [title_key(t.title) for t in doc.tables if t.title]
        # lines of the body as printed: a heading the reader did not recognise still counts
        body = [(no, line) for no, line in enumerate(doc.source_lines, 1)
                if no not in toc_lines and line.strip()]
        body_lines = _BodyLines(body)
        for e in entries:
            k = _key(e.text)
            tk = _END_PUNCT.sub("", title_key(e.text))
            if not k or k in heading_keys:
                continue
            if tk.endswith("表") and (not doc.tables or any(t.endswith(tk) for t in table_keys)):
                continue  # a table entry: tables live in another volume, or the table is there
            if k in body_lines:
                continue
            entry = _BULLET.sub("", e.text)
            if tk.endswith("表"):
                numbered = _numbered_table(doc, e.text, tk)
                near = numbered or max(
                    ((difflib.SequenceMatcher(None, tk, t[-len(tk) - 2:]).ratio(), t) for t in table_keys),
                    default=(0.0, ""))
                if numbered is not None or near[0] >= SIMILAR_TABLE:
                    title = next(t.title for t in doc.tables if t.title and title_key(t.title) == near[1])
                    yield self.diagnostic(
                        ctx, f"目录条目“{entry}”与表名“{title}”文字不一致", e.location, entry,
                        suggestion="统一目录与表名", severity="info", key=f"{k}|table|{near[1]}")
                    continue
            best, ratio = None, 0.0
            for hk, h in heading_keys.items():
                if _marker(hk) != _marker(k):
                    continue
                r = difflib.SequenceMatcher(None, k, hk).ratio()
                if r > ratio:
                    best, ratio = h, r
            if best is not None and ratio >= SIMILAR:
                yield self.diagnostic(
                    ctx, f"目录条目“{entry}”与正文标题“{best.text.strip()}”（第 {best.location.line} 行）文字不一致",
                    e.location, entry, related=[Related.sentence(best.text, best.location)],
                    suggestion="统一目录与正文标题的文字", severity="info", key=f"{k}|{_key(best.text)}")
            else:
                yield self.diagnostic(
                    ctx, f"目录条目“{entry}”在正文中找不到对应的标题或表格",
                    e.location, entry, suggestion="补上该部分，或从目录中删除该条目", key=k)
