"""The 目录 of each volume, cleaned (``Layout.toc``): the reader's ``Document.toc`` or the lines after
a "目录" line, cut where the body starts, notes dropped, two entries on one line split, a
wrapped entry joined; and the body outside the 目录 (one normalised string, short lines,
headings, table titles) that entries are looked up in."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from textcheck import patterns
from textcheck.document import Document, LocatedText, Location
from textcheck.families import bare_title, title_key
from textcheck.lexicon import normalize_term
from textcheck.numbers import chinese_numeral_value, may_be_digit


# A fallback 目录 line longer than this (without a page number) is prose: the 目录 ended.
_MAX_TOC_LINE = 50

# The rest of a wrapped 目录 entry on its next line is at most this long.
_MAX_WRAP = 20

# Fewer characters than this are too few to recognise an entry's words in a body line.
_MIN_WORDS = 4

# A body line longer than this is prose, not a heading.
_MAX_TITLE_LINE = 60


def entry_key(s: str) -> str:
    """An entry or heading for comparison: no bullet, page number, spaces, quotes or end
    punctuation; brackets as ASCII."""
    # Each pattern only where it can match (it is asked of every short body line): a bullet
    # after leading spaces; a page number or dot leader before trailing spaces (str.strip
    # drops every space the patterns allow, and more); end punctuation (the key has no spaces).
    if _first_char(s) in _BULLETS:
        s = patterns.TOC_BULLET.sub("", s)
    if _may_have_page_tail(s):
        s = patterns.TOC_PAGE_TAIL.sub("", s)
    return normalize_term(s).rstrip(_END_PUNCT_CHARS)


# Joins the lines ``entry_keys`` normalises at once: not whitespace (str.split keeps it), not a
# quote mark (patterns.TERM_MARKS), and NFKC leaves it alone and composes nothing across it (a
# starter that combines with nothing), so the normalised whole splits into the lines' keys.
_KEY_SEPARATOR = "\x00"


def entry_keys(lines: list[str]) -> list[str]:
    """``[entry_key(s) for s in lines]``, with one ``normalize_term`` of the lines joined by
    ``_KEY_SEPARATOR`` instead of one per line (asked of every short body line of a document)."""
    pre = []
    for s in lines:
        if _first_char(s) in _BULLETS:
            s = patterns.TOC_BULLET.sub("", s)
        if _may_have_page_tail(s):
            s = patterns.TOC_PAGE_TAIL.sub("", s)
        pre.append(s)
    joined = _KEY_SEPARATOR.join(pre)
    if joined.count(_KEY_SEPARATOR) != len(pre) - 1:  # a line holds the separator: one by one
        return [entry_key(s) for s in lines]
    keys = normalize_term(joined).split(_KEY_SEPARATOR) if pre else []
    return [k.rstrip(_END_PUNCT_CHARS) for k in keys]


def _may_have_page_tail(s: str) -> bool:
    """Can patterns.TOC_PAGE_TAIL match ``s``: does it end, before its spaces, with a digit or a
    leader dot (str.rstrip drops every space the pattern allows, and more)?"""
    tail = s[-1:]
    if tail.isspace():  # s.rstrip()[-1:], without a copy of every line that ends otherwise
        tail = s.rstrip()[-1:]
    return tail in _LEADER_DOTS or may_be_digit(tail)


_BULLETS = ("-", "•", "·", "*")  # patterns.TOC_BULLET
_LEADER_DOTS = (".", "·", "…", "．")  # patterns.TOC_PAGE_TAIL
_END_PUNCT = ("。", "：", ":", "；", ";", ".")  # patterns.TOC_END_PUNCT
# patterns.TOC_END_PUNCT ("[。：:；;.]+$") of a key, which holds no white space (so no line
# break before its end): str.rstrip of its characters, without the regex engine
_END_PUNCT_CHARS = "".join(_END_PUNCT)


def _first_char(s: str) -> str:
    """``s.lstrip()[:1]``, without a copy of every line that starts otherwise than with a space."""
    head = s[:1]
    return s.lstrip()[:1] if head.isspace() else head


def marker_of(key: str) -> str:
    m = patterns.TOC_ENTRY_MARKER.match(key)
    return m.group(0) if m else ""


@dataclass(frozen=True)
class TocEntry:
    text: LocatedText  # as printed, bullet and page number removed
    key: str  # entry_key
    marker: str  # "第一部分", "一、", "（一）", "1、" or ""
    body: str  # the key without its marker (normalised)
    number: int | None  # the marker's number

    @property
    def location(self) -> Location:
        return self.text.location

    @property
    def is_table(self) -> bool:
        """A table's entry ("一、收支总表"), not a part's ("第二部分 部门预算表")."""
        return not self.marker.startswith("第") and bool(patterns.STRUCTURE_TITLE_LINE.search(self.body))


class TocLayout:
    """The 目录 facts of ``Layout`` (mixed into it; reads ``self.document``)."""

    document: Document

    @cached_property
    def volumes(self) -> tuple[tuple[int, int], ...]:
        """(first line, last line) of each volume of a combined document (one range otherwise)."""
        parts = self.document.meta.get("parts") or ()
        if parts:
            return tuple((p["first_line"], p["last_line"]) for p in parts)
        return ((1, len(self.document.source_lines)),)

    @cached_property
    def toc(self) -> tuple[TocEntry, ...]:
        """The cleaned 目录 of each volume, in order."""
        out: list[TocEntry] = []
        for first, last in self.volumes:
            raw = [e for e in self.document.toc if e.positions and first <= e.positions[0][0] <= last]
            out.extend(clean_toc(raw or fallback_toc(self.document, first, last)))
        return tuple(out)

    @cached_property
    def toc_lines(self) -> frozenset[int]:
        """Source lines of each volume's 目录: its title line and the lines the reader (or the
        fallback) took for entries up to the last entry kept after cleaning; lines after
        that are body lines the reader took for entries."""
        lines: set[int] = set()
        doc = self.document
        kept = {p[0] for e in self.toc for p in e.text.positions}
        for first, last in self.volumes:
            raw = [e for e in doc.toc if e.positions and first <= e.positions[0][0] <= last]
            raw = raw or fallback_toc(doc, first, last)
            own = [k for k in kept if first <= k <= last]
            if not own:
                continue
            end = max(own)
            lines.update(p[0] for e in raw for p in e.positions if p[0] <= end)
            start = min(min(own), *(e.positions[0][0] for e in raw if e.positions))
            for no in range(start - 1, max(first, start - 40) - 1, -1):
                if patterns.STRUCTURE_TOC_TITLE.match(doc.source_lines[no - 1]):
                    lines.add(no)
                    break
        return frozenset(lines)

    def _volume_of(self, line: int) -> int:
        return next((i for i, (a, b) in enumerate(self.volumes) if a <= line <= b), 0)

    @cached_property
    def body_text(self) -> str:
        """Every line outside the 目录, joined without separators and normalised."""
        toc = self.toc_lines
        return normalize_term("".join(
            line for no, line in enumerate(self.document.source_lines, 1) if no not in toc))

    def in_body(self, text: str) -> bool:
        key = normalize_term(text).rstrip(_END_PUNCT_CHARS)
        return bool(key) and key in self.body_text

    def in_body_spread(self, key: str, span: float = 2.5, slack: int = 20) -> bool:
        """Are the characters of ``key`` in the body in order, its first two together, within
        a window of ``span`` × its length + ``slack`` characters (a heading printed over
        several lines with the department's name inserted: "第二部分 / 2026年度 / <name> /
        单位预算表")?"""
        if len(key) < _MIN_WORDS:
            return False
        body = self.body_text
        window = int(len(key) * span) + slack
        start = body.find(key[:2])
        while start != -1:
            if _is_subsequence(key, body[start:start + window]):
                return True
            start = body.find(key[:2], start + 1)
        return False

    @cached_property
    def short_body_lines(self) -> tuple[tuple[int, str, str], ...]:
        """(line, text, entry_key) of the short lines of running text outside the 目录."""
        toc = self.toc_lines
        body = [(no, line) for no, line in enumerate(self.document.source_lines, 1)
                if no not in toc and "\t" not in line and line.strip()]
        keys = entry_keys([line for _, line in body])
        return tuple((no, line, key) for (no, line), key in zip(body, keys) if len(key) <= _MAX_TITLE_LINE)

    def body_line_with_words(self, words: str, span: float) -> LocatedText | None:
        """A short body line (outside the 目录 and tables) holding every character of
        ``words`` in order (a leading year and the placeholders 单位/部门 left out), at most
        ``span`` times as long (plus four characters)."""
        import difflib

        form = patterns.TOC_YEAR.sub("", words)
        bare = patterns.TOC_PLACEHOLDER.sub("", form)
        limit = int(len(form) * span) + 4
        tests = [lambda key: len(form) <= len(key) <= limit and _is_subsequence(form, key)]
        if bare != form and len(bare) >= _MIN_WORDS:
            # the department's own name where the template has 单位/部门: "<name>机构设置"
            tests.append(lambda key: key.endswith(bare))
        if len(form) < _MIN_WORDS:
            return None
        for test in tests:
            hits = [(difflib.SequenceMatcher(None, words, key).ratio(), -no, line)
                    for no, line, key in self.short_body_lines if test(key)]
            if hits:
                _, no, line = max(hits)
                return _line_text(line, -no)
        return None

    def marked_lines(self, marker: str) -> list[tuple[str, LocatedText]]:
        """(entry_key, line) of short body lines starting with ``marker`` ("第一部分")."""
        if not marker:
            return []
        return [(key, _line_text(line, no)) for no, line, key in self.short_body_lines if key.startswith(marker)]

    @cached_property
    def heading_keys(self) -> dict[str, LocatedText]:
        toc = self.toc_lines
        # a heading's line is its first position's (its location's line, 0 without positions)
        heads = [h.text for h in self.document.headings
                 if (h.text.positions[0][0] if h.text.positions else 0) not in toc]
        return dict(zip(entry_keys([t.text for t in heads]), heads))

    @cached_property
    def table_titles(self) -> list[tuple[str, str, int | None]]:
        """(bare title key, title as printed, table number) of every table title the document
        prints: titled tables and title lines of the body (a caption the reader did not
        attach to its table)."""
        from textcheck.families import title_candidates

        out = [(bare_title(t.title), t.title, t.number) for t in self.document.tables if t.title]
        seen = {k for k, _, _ in out}
        for key, printed in title_candidates(self.document, self.toc_lines):
            if key not in seen and patterns.STRUCTURE_TITLE_LINE.search(key):
                seen.add(key)
                out.append((key, printed, _label_number(printed)))
        return out


def clean_toc(raw: list[LocatedText]) -> list[TocEntry]:
    """One volume's 目录 entries: cut where the body starts, notes dropped, entries on one
    line split, a lone "第一部分" joined with its title on the next line."""
    entries: list[TocEntry] = []
    seen: set[str] = set()
    markers_seen: set[str] = set()
    pending: LocatedText | None = None
    for lt in raw:
        for piece in _split_entries(lt):
            if pending is not None:
                piece = _join(pending, piece)
                pending = None
            header = patterns.TOC_HEADER_PREFIX.match(piece.text.strip())
            if header:  # "序号 报表名称 一、收支预算总表": the 目录's own column heads
                lead = len(piece.text) - len(piece.text.lstrip())
                piece = piece.slice(lead + header.end(), len(piece.text))
            text = piece.text.strip()
            key = entry_key(text)
            if not key:
                continue
            if patterns.TOC_NOTE.match(key):
                continue  # "注：以上……", "（具体部门预算公开报表）"
            if patterns.TOC_SENTENCE.search(key):
                return entries  # a sentence: the body starts
            marker = marker_of(key)
            body = key[len(marker):].lstrip(":、.")
            if not marker and entries and entries[-1].marker and _wrapped(entries[-1], key):
                # "十一、一般公共预算“三公”经费、会议费、培训费支出预算" + "表……12": one entry
                last = entries.pop()
                joined = _join(last.text, piece)
                jkey = entry_key(joined.text)
                seen.discard(last.key)
                seen.add(jkey)
                entries.append(TocEntry(joined, jkey, last.marker, jkey[len(last.marker):].lstrip(":、."),
                                        last.number))
                continue
            if not marker and len(entries) >= 3 and all(e.marker for e in entries) \
                    and not patterns.TOC_PAGE_TAIL.search(lt.text):
                return entries  # an unnumbered line after numbered entries: a body heading
            if key in seen or (body and any(e.body == body for e in entries)):
                return entries  # the body starts: an entry repeated
            if marker.startswith("第") and marker in markers_seen:
                return entries  # a second 第一部分: the body starts
            if not body and marker:
                # "第一部分" alone, its title on the next line ("部门概况")
                pending = piece
                continue
            seen.add(key)
            if marker.startswith("第"):
                markers_seen.add(marker)
            entries.append(TocEntry(_strip_entry(piece), key, marker, body, _marker_number(marker)))
    return entries


def _wrapped(last: TocEntry, key: str) -> bool:
    """Is ``key`` (an unnumbered line) the rest of the entry ``last`` wrapped onto the next
    line: ``last`` does not end like a title, the two together do, on adjacent lines?"""
    if patterns.TOC_TITLE_END.search(last.body) or not patterns.TOC_TITLE_END.search(last.body + key):
        return False
    return len(key) <= _MAX_WRAP


def _line_text(line: str, no: int) -> LocatedText:
    text = line.strip()
    col = line.index(text[0]) + 1
    return LocatedText(text, tuple((no, col + k) for k in range(len(text))))


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _label_number(title: str) -> int | None:
    """The number of a title's table label ("公开表12…" → 12, "表十一…" → 11)."""
    m = patterns.STRUCTURE_TABLE_LABEL_PREFIX.match(title_key(title))
    if not m:
        return None
    label = m.group(0)
    digits = "".join(ch for ch in label if ch.isdigit())
    if digits:
        return int(digits)
    cn = "".join(ch for ch in label if ch in "一二三四五六七八九十")
    return chinese_numeral_value(cn) if cn else None


def _marker_number(marker: str) -> int | None:
    digits = "".join(ch for ch in marker if ch.isdigit())
    if digits:
        return int(digits)
    core = marker.strip("第部分、()（）.")
    return chinese_numeral_value(core) if core else None


def _strip_entry(lt: LocatedText) -> LocatedText:
    """The entry without a leading bullet and a trailing leader / page number."""
    text = lt.text
    m = patterns.TOC_BULLET.match(text)
    start = m.end() if m else 0
    p = patterns.TOC_PAGE_TAIL.search(text, start) if _may_have_page_tail(text) else None
    end = p.start() if p else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return lt.slice(start, end)


def _join(a: LocatedText, b: LocatedText) -> LocatedText:
    a, b = _strip_entry(a), _strip_entry(b)
    return LocatedText(a.text + b.text, a.positions + b.positions, a.page, a.ref)


def _split_entries(lt: LocatedText) -> list[LocatedText]:
    """Two entries printed on one line ("四、单位预算编制说明五、单位预算表", "十一、专业名词解释
    第四部分公开报表"): split where the next number of the same form, or a 第X部分, starts."""
    text = lt.text
    part = patterns.TOC_PART_INSIDE.search(text)
    if part:
        return [*_split_entries(lt.slice(0, part.start())), *_split_entries(lt.slice(part.start(), len(text)))]
    first = patterns.TOC_CN_MARKER.match(text.strip())
    if not first:
        return [lt]
    n = chinese_numeral_value(first.group("n"))
    if n is None:
        return [lt]
    offset = len(text) - len(text.lstrip())
    for m in patterns.TOC_CN_MARKER_INSIDE.finditer(text, offset + first.end()):
        if chinese_numeral_value(m.group("n")) == n + 1:
            return [lt.slice(0, m.start()), *_split_entries(lt.slice(m.start(), len(text)))]
    return [lt]


def fallback_toc(document: Document, first: int = 1, last: int | None = None) -> list[LocatedText]:
    """When the reader found no 目录 in the volume [first, last]: the lines after a "目录"
    line that look like entries (a leader or page number, or a short line without
    sentence punctuation), up to the first that does not."""
    lines = document.source_lines
    last = len(lines) if last is None else last
    if any(e.positions and first <= e.positions[0][0] <= last for e in document.toc):
        return []
    start = next((i for i in range(first - 1, last) if patterns.STRUCTURE_TOC_TITLE.match(lines[i])), None)
    if start is None:
        return []
    entries: list[LocatedText] = []
    for i in range(start + 1, last):
        raw = lines[i]
        if not raw.strip():
            continue
        if "\t" in raw:
            break
        text = raw.strip()
        has_page = bool(patterns.TOC_PAGE_TAIL.search(text))
        if not has_page and (len(text) > _MAX_TOC_LINE or patterns.TOC_PROSE.search(text)):
            break
        col = raw.index(text[0]) + 1
        entries.append(LocatedText(text, tuple((i + 1, col + k) for k in range(len(text)))))
    return entries if len(entries) >= 2 else []
