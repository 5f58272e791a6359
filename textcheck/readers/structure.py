"""Blocks → Document: headings, table of contents, paragraphs and tables.

Shared by every reader (text, Markdown, HTML, PDF, DOCX, XLSX): readers only
find lines and cells; everything that needs judgement about document structure
happens here, once, the same way for every format.

Walk over the blocks with a small state machine:

- 目录: from a "目录"/"目 录" line to the first heading that repeats a TOC entry
  (or the first table / prose sentence); its lines become ``Document.toc``.
- Captions: a label line ("表 3", "公开05表", "公开表五") then a title line
  ("部门支出总体情况表"); or a numbered title "五、部门支出总体情况表"; or a
  bare title ending in 表 ("项目支出绩效目标表") directly above a table.  Meta
  lines (编制部门 / 部门名称 / 单位：万元 / "(2024年)" / "(续)") between the
  caption and the rows fill department and unit.
- Tables: consecutive GridRows.  After the rows, meta lines or a page break
  followed by more rows continue the same table (its header repeated on the
  next page is dropped by ``tablegrid``).  A row split over two lines by the
  converter (a blank line inside the table, the second part with an empty
  first cell and no numbers) is merged cell by cell into the row above.
- Headings: 第X部分 (1), 一、 (2), （一） (3), 1、 (4) — short lines without a
  sentence end.  Paragraph.section is the heading path.
- Paragraphs: a line that does not end a sentence is joined with the next text
  line when the next one continues it (not a heading, list item or
  "项目名称：…" label line) — sentences broken at a line or page end.
"""
from __future__ import annotations

from dataclasses import replace

from textcheck import patterns
from textcheck.document import Document, Heading, LocatedText, Paragraph, Table
from textcheck.numbers import chinese_numeral_value, parse_number
from textcheck.readers.blocks import Block, GridRow, PageBreak, TextLine
from textcheck.readers.tablegrid import TableDraft, build_table, compact, is_separator_row

# How many meta lines may stand between a caption/title and its rows.
_MAX_META_LOOKAHEAD = 5


def build_document(blocks: list[Block] | tuple[Block, ...], path: str, fmt: str,
                   source_lines: tuple[str, ...] | list[str], meta: dict | None = None) -> Document:
    """Build a located Document from reader blocks (format-agnostic)."""
    return _Builder(list(blocks), path, fmt, tuple(source_lines), dict(meta or {})).build()


def concat(parts: list[LocatedText]) -> LocatedText:
    """LocatedTexts joined without separator (positions kept)."""
    if len(parts) == 1:
        return parts[0]
    text = "".join(p.text for p in parts)
    positions = tuple(pos for p in parts for pos in p.positions)
    return LocatedText(text, positions, parts[0].page, parts[0].ref)


def _first_line(lt: LocatedText) -> int | None:
    return lt.positions[0][0] if lt.positions else None


def _row_lines(row: tuple[LocatedText, ...] | list[LocatedText]) -> tuple[int | None, int | None]:
    """First and last source line of a row's cells (None when no cell has a position)."""
    filled = [c.positions for c in row if c.positions]
    if not filled:
        return None, None
    return min(p[0][0] for p in filled), max(p[-1][0] for p in filled)


def heading_level(text: str) -> int | None:
    """Heading level of a normalised line, or None (sentences are not headings)."""
    t = text.strip()
    if not t or len(t) > 60:
        return None
    body = t
    if t[-1] == "。" and len(t) <= 30 and not any(ch in t for ch in "：:") and t.count("、") <= 1:
        body = t[:-1]  # "一、主要职能。": some documents end headings with a full stop
    if not body:
        return None  # a lone "。" (a sentence end wrapped onto its own line) is no heading
    if body[-1] in patterns.SENTENCE_END or any(ch in body for ch in "。，；,;"):
        return None  # prose (a numbered list item or a sentence broken at the line end)
    for level, pat in patterns.HEADING_LEVELS:
        if pat.match(body):
            if body is not t and level > 2:
                return None  # "（十四）指导…工作。" is a list item, not a heading
            return level
    return None


class _Caption:
    __slots__ = ("id", "number", "title", "department", "unit", "location", "kind", "explicit_label")

    def __init__(self, id_: str | None, number: int | None, title: str, location, explicit_label: bool):
        self.id = id_
        self.number = number
        self.title = title
        self.department = None
        self.unit = None
        self.location = location
        self.kind = "standard"
        self.explicit_label = explicit_label


def _label_number(m) -> int | None:
    n = m.group("n") or m.group("n2") or m.group("n3")
    if n is None:
        return None
    return int(n) if n.isdigit() else chinese_numeral_value(n)


def _label_id(text: str, m) -> str:
    """"表3" → "表 3"; other labels as printed (spaces removed)."""
    if m.group("n") is not None:
        return f"表 {m.group('n')}"
    return compact(text)


def _table_kind(title: str) -> str:
    return "performance" if "绩效目标" in title else "standard"


class _Builder:
    def __init__(self, blocks: list[Block], path: str, fmt: str, source_lines: tuple[str, ...], meta: dict):
        self.blocks = blocks
        self.path = path
        self.fmt = fmt
        self.source_lines = source_lines
        self.meta = meta
        self.headings: list[Heading] = []
        self.stack: list[tuple[int, str]] = []
        self.toc: list[LocatedText] = []
        self.toc_keys: set[str] = set()
        self.toc_state = "before"  # before → in → done
        self.paragraphs: list[Paragraph] = []
        self.para: list[LocatedText] = []
        self.drafts: list[TableDraft] = []
        self.open: TableDraft | None = None
        self.open_interrupted = False  # meta lines / page break since the last row
        self.last_row_line: int | None = None
        self.caption: _Caption | None = None
        self.closed: TableDraft | None = None  # most recent table, for an empty-table statement
        self.closed_distance = 0
        self.first_department: str | None = None
        self.text_lines_seen: list[str] = []
        self.consumed: set[int] = set()  # blocks already merged into an earlier one
        self.page_broken = False  # a page break since the last table row (continuation tests)

    # -- helpers -------------------------------------------------------------
    @property
    def section(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.stack)

    def _flush_para(self) -> None:
        if self.para:
            self.paragraphs.append(Paragraph(concat(self.para), self.section, len(self.paragraphs)))
            self.para = []

    def _close_table(self) -> None:
        if self.open is not None:
            self.closed = self.open
            self.closed_distance = 0
            self.open = None
            self.open_interrupted = False
            self.last_row_line = None

    def _grid_follows(self, i: int) -> bool:
        """A GridRow comes after block i with only meta lines / page breaks between."""
        seen = 0
        for b in self.blocks[i + 1:]:
            if isinstance(b, GridRow):
                return not is_separator_row(list(b.cells))
            if isinstance(b, PageBreak):
                continue
            seen += 1
            if seen > _MAX_META_LOOKAHEAD or not self._is_meta(b.text.text):
                return False
        return False

    def _caption_row(self, b: GridRow) -> LocatedText | None:
        """A one-cell row holding a caption, title or meta line (DOCX/XLSX put them in the grid)."""
        filled = [c for c in b.cells if c.text.strip()]
        if len(filled) != 1:
            return None
        t = filled[0].text.strip()
        key = compact(t)
        if patterns.TABLE_LABEL.match(key) or patterns.TABLE_LABEL_TITLE.match(t) or self._is_meta(t):
            return filled[0]
        if (patterns.TABLE_TITLE.match(key) or patterns.NUMBERED_TABLE_TITLE.match(key)) and \
                (self.open is None or not self.open.segments or len(self.open.segments[-1]) == 0
                 or b.source_table != self.open.source_table):
            return filled[0]
        return None

    @staticmethod
    def _is_meta(text: str) -> bool:
        t = text.strip()
        return bool(patterns.DEPARTMENT_LINE.match(t) or patterns.UNIT_ONLY_LINE.match(t)
                    or patterns.YEAR_LINE.match(t) or patterns.TABLE_CONTINUED.match(t))

    def _apply_meta(self, text: str, target) -> None:
        t = text.strip()
        m = patterns.DEPARTMENT_LINE.match(t)
        if m and m.group("dept").strip():
            dept = m.group("dept").strip()
            if target is not None and not target.department:
                target.department = dept
            self.first_department = self.first_department or dept
        u = patterns.UNIT_LINE.search(t)
        if u and target is not None and not target.unit:
            target.unit = u.group("unit")

    # -- main walk -----------------------------------------------------------
    def build(self) -> Document:
        for i, b in enumerate(self.blocks):
            if i in self.consumed:
                continue
            if isinstance(b, PageBreak):
                if self.open is not None:
                    self.open_interrupted = True
                self.page_broken = True
                continue
            if isinstance(b, GridRow):
                caption = self._caption_row(b)
                if caption is not None:
                    self._text(i, TextLine(caption, b.page))
                else:
                    self._grid(b)
            else:
                self._text(i, b)
        self._flush_para()
        self._close_table()
        tables = []
        for k, d in enumerate(self.drafts):
            tables.append(build_table(d, k))
        meta = self._meta()
        return Document(path=self.path, format=self.fmt, source_lines=self.source_lines,
                        headings=tuple(self.headings), paragraphs=tuple(self.paragraphs), tables=tuple(tables),
                        toc=tuple(self.toc), meta=meta)

    def _meta(self) -> dict:
        meta = dict(self.meta)
        if "department" not in meta:
            dept = self.first_department
            if not dept:
                for t in self.text_lines_seen[:5]:
                    if patterns.ORG_NAME.match(compact(t)):
                        dept = compact(t)
                        break
            if not dept:
                for t in self.text_lines_seen[:10]:
                    m = patterns.DISCLOSURE_TITLE.search(compact(t))
                    if m and m.group("name") and not patterns.PART_PREFIX.match(m.group("name")):
                        dept = m.group("name")
                        break
            if dept:
                meta["department"] = dept
        if "year" not in meta:
            for t in self.text_lines_seen[:40]:
                m = patterns.DOCUMENT_YEAR.search(t)
                if m:
                    meta["year"] = int(m.group("year"))
                    break
        if "kind" not in meta:
            head = "".join(self.text_lines_seen[:40])
            if "决算" in head:
                meta["kind"] = "final-accounts"
            elif "预算" in head:
                meta["kind"] = "budget"
        return meta

    # -- text lines ----------------------------------------------------------
    def _text(self, i: int, b: TextLine) -> None:
        lt = b.text
        text = lt.text.strip()
        if not text:
            return
        key = compact(text)
        if len(self.text_lines_seen) < 60:
            self.text_lines_seen.append(text)

        # table of contents
        if self.toc_state == "in":
            entry_key = compact(patterns.TOC_MARKER.sub("", text))
            # the TOC ends at the first line repeating an entry (the body starts), or at prose
            if entry_key in self.toc_keys or len(text) > 80 or (text[-1] == "。" and "，" in text) \
                    or len(self.toc) > 200:
                self.toc_state = "done"
            else:
                self._toc_entry(lt)
                return
        if self.toc_state == "before" and patterns.TOC_TITLE.match(key):
            self._flush_para()
            self._close_table()
            self.toc_state = "in"
            return

        # caption label "表 3" (title on the next line) or "表 3 部门支出总体情况表"
        m = patterns.TABLE_LABEL.match(key)
        mt = None if m else patterns.TABLE_LABEL_TITLE.match(text)
        if m or mt:
            self._flush_para()
            self._close_table()
            mm = m or mt
            self.caption = _Caption(_label_id(key if m else mt.group("label"), mm), _label_number(mm),
                                    mt.group("title").strip() if mt else "", lt.location, True)
            if mt:
                self.caption.kind = _table_kind(self.caption.title)
            self.closed = None
            return

        # meta lines: 编制部门 / 单位 / (2024年) / (续)
        if self._is_meta(text):
            target = self.caption if self.caption is not None else self.open
            if target is None and self.closed is not None and self.closed_distance == 0:
                target = None
            self._apply_meta(text, target)
            if self.caption is None and self.open is not None:
                self.open_interrupted = True
            if self.caption is None and self.open is None:
                self._flush_para()
            return

        # the title line after a caption label
        if self.caption is not None and not self.caption.title and patterns.TABLE_TITLE.match(key):
            self.caption.title = key
            self.caption.kind = _table_kind(key)
            return
        if self.caption is not None and not self.caption.title and len(text) <= 40 and "。" not in text \
                and self._grid_follows(i):
            self.caption.title = key
            self.caption.kind = _table_kind(key)
            return

        # "五、部门支出总体情况表" or a bare "项目支出绩效目标表" directly above a table
        nm = patterns.NUMBERED_TABLE_TITLE.match(key)
        if (nm or (patterns.TABLE_TITLE.match(key) and not patterns.HEADING_LEVELS[0][1].match(key))) \
                and self._grid_follows(i):
            self._flush_para()
            self._close_table()
            if self.caption is not None and self.caption.title:
                pass  # a second title: keep the label's one
            elif self.caption is not None:
                self.caption.title = nm.group("title") if nm else key
                self.caption.kind = _table_kind(self.caption.title)
            elif nm:
                # "五、部门支出总体情况表": the numbering is the label → id "表五"
                self.caption = _Caption(f"表{nm.group('n')}", chinese_numeral_value(nm.group("n")),
                                        nm.group("title"), lt.location, False)
                self.caption.kind = _table_kind(nm.group("title"))
            else:
                self.caption = _Caption(None, None, key, lt.location, False)
                self.caption.kind = _table_kind(key)
            return

        # anything else ends a pending caption that never got a table
        self.caption = None

        # empty-table statement right after a (header-only) table
        if patterns.EMPTY_TABLE_STATEMENT.search(text):
            target = self.open or (self.closed if self.closed_distance == 0 else None)
            if target is not None and target.empty_statement is None:
                target.empty_statement = lt
        self._close_table()
        if self.closed is not None:
            self.closed_distance += 1

        level = heading_level(text)
        if level is not None:
            found = self._wrapped_continuation(i, lt)
            if found is not None:
                j, nxt = found
                # The line wraps onto the next one (PDF rendering): a heading
                # only if the whole still reads as one ("第三部分…2017年度 / 部门预算情况说明").
                merged = concat([lt, nxt])
                nt = nxt.text.strip()
                if nt[-1] not in patterns.SENTENCE_END and heading_level(merged.text) is not None:
                    lt, key = merged, compact(merged.text)
                    self.consumed.add(j)
                elif len(text) >= 20:
                    level = None  # a full-width line wrapping into a sentence: prose
                # else: a short heading directly above its first sentence
        if level is not None:
            self._flush_para()
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            self.stack.append((level, key))
            self.headings.append(Heading(lt, level))
            self.closed = None
            return

        if self.para and self._continues(self.para[-1].text, text, self._adjacent(self.para[-1], lt)):
            self.para.append(lt)
            return
        self._flush_para()
        self.para = [lt]

    def _wrapped_continuation(self, i: int, lt: LocatedText) -> tuple[int, LocatedText] | None:
        """(index, text) of the next text line when it stands directly below ``lt`` and continues it."""
        j = i + 1
        while j < len(self.blocks) and isinstance(self.blocks[j], PageBreak):
            j += 1  # a page break between two rendered lines of one heading/sentence
        if j >= len(self.blocks):
            return None
        b = self.blocks[j]
        if not isinstance(b, TextLine) or not self._adjacent(lt, b.text):
            return None
        t = b.text.text.strip()
        if not t or heading_level(t) or patterns.LIST_ITEM.match(t) or patterns.LABEL_LINE.match(t) \
                or patterns.TABLE_LABEL.match(compact(t)) or self._is_meta(t) or patterns.TABLE_TITLE.match(compact(t)):
            return None
        return j, b.text

    def _toc_entry(self, lt: LocatedText) -> None:
        text = lt.text
        m = patterns.TOC_MARKER.match(text)
        start = m.end() if m else 0
        end = len(text)
        p = patterns.TOC_PAGE.search(text, start)
        if p:
            end = p.start()
        entry = lt.slice(start, end)
        if entry.text.strip():
            self.toc.append(entry)
            self.toc_keys.add(compact(entry.text))

    @staticmethod
    def _adjacent(prev: LocatedText, nxt: LocatedText) -> bool:
        """No blank line between the two (a wrapped line of one paragraph in a PDF rendering)."""
        if not prev.positions or not nxt.positions:
            return False
        return nxt.positions[0][0] == prev.positions[-1][0] + 1

    @staticmethod
    def _continues(prev: str, nxt: str, adjacent: bool = False) -> bool:
        """Does ``nxt`` continue the sentence ``prev`` broke off?"""
        prev = prev.rstrip()
        if not prev or prev[-1] in patterns.SENTENCE_END:
            return False
        if patterns.LIST_ITEM.match(nxt) or patterns.LABEL_LINE.match(nxt) or heading_level(nxt):
            return False
        if adjacent:
            return True
        if len(prev) < 20 and "，" not in prev:
            return False  # short title-like lines (cover, signature, date) stand alone
        if patterns.BULLET_ITEM.match(prev) or prev[-1] in "）)":
            return False  # a bullet item, or a phrase closed by a bracket, is complete
        if patterns.LIST_ITEM.match(nxt) or patterns.LABEL_LINE.match(nxt) or heading_level(nxt):
            return False
        return True

    # -- grid rows -------------------------------------------------------------
    def _grid(self, b: GridRow) -> None:
        cells = list(b.cells)
        if not any(c.text for c in cells):
            return
        if self.toc_state == "in":
            self.toc_state = "done"
        if is_separator_row(cells):
            return
        self._flush_para()
        first_line, last_line = _row_lines(cells)
        if self.caption is not None:
            self._close_table()
            cap = self.caption
            self.caption = None
            prev = self.drafts[-1] if self.drafts else None
            if prev is not None and self._continues_table(cap, prev):
                self.open = prev  # "表 3（续）", or the title repeated on the next page: the same table
                prev.segments.append([cells])
            else:
                used = {d.id for d in self.drafts}
                if cap.id and cap.id in used:  # a second, separate table with the same label: keep ids unique
                    k = 2
                    while f"{cap.id}({k})" in used:
                        k += 1
                    cap.id = f"{cap.id}({k})"
                self.open = TableDraft(id=cap.id, number=cap.number, title=cap.title, unit=cap.unit,
                                       department=cap.department, kind=cap.kind, section=self.section,
                                       location=cap.location, segments=[[cells]], source_table=b.source_table)
                self.drafts.append(self.open)
        elif self.open is not None and b.source_table == self.open.source_table:
            if self.open_interrupted:
                self.open.segments.append([cells])  # continued after a page break / repeated meta lines
            elif self._broken_row(cells, first_line):
                self._merge_into_last(cells)
            else:
                self.open.segments[-1].append(cells)
        elif self._repeats_header(cells):
            self.open = self.drafts[-1]  # the header repeated at the top of the next page: continued
            self.open.segments.append([cells])
        else:
            self._close_table()
            self.open = TableDraft(section=self.section, segments=[[cells]], source_table=b.source_table,
                                   location=cells[0].location if cells[0].positions else None)
            self.drafts.append(self.open)
        self.open_interrupted = False
        self.closed = None
        self.last_row_line = last_line
        if self.open is not None:
            self.open.paragraphs_before = len(self.paragraphs)
        self.page_broken = False

    def _repeats_header(self, cells: list[LocatedText]) -> bool:
        """An unlabelled grid that starts with the previous table's first header row, with only a
        page break and page furniture between (no paragraph since its last row): its continuation."""
        prev = (self.open or self.closed) if self.drafts else None
        if prev is None or prev is not self.drafts[-1] or prev.paragraphs_before != len(self.paragraphs):
            return False
        if not self.page_broken or prev.kind == "performance" or not prev.segments or not prev.segments[0]:
            return False
        key = tuple(compact(c.text) for c in cells if c.text.strip())
        first = tuple(compact(c.text) for c in prev.segments[0][0] if c.text.strip())
        return len(key) >= 2 and key == first

    def _continues_table(self, cap: _Caption, prev: TableDraft) -> bool:
        """Does a caption continue the previous table rather than start a new one?

        "表 3（续）" or the same label again continues it; so does the same title without a label
        repeated at the top of the next page (templates print the title on every page), when
        nothing but a page break and page furniture came between (no paragraph since its last
        row) and the department line, if both have one, is the same (per-unit tables share a
        title).  绩效目标表 are one per project under one title: never joined this way."""
        if cap.id:
            return prev.id == cap.id and (
                not cap.title or compact(cap.title) == compact(prev.title) or "续" in cap.title)
        if prev.id or not cap.title or compact(cap.title) != compact(prev.title or ""):
            return False
        if not self.page_broken or prev.kind == "performance" or _table_kind(cap.title) == "performance":
            return False  # same-titled tables on one page, or one 绩效目标表 per project, stay apart
        if cap.department and prev.department and compact(cap.department) != compact(prev.department):
            return False
        return prev is self.drafts[-1] and prev.paragraphs_before == len(self.paragraphs)

    def _broken_row(self, cells: list[LocatedText], first_line: int | None) -> bool:
        """The second half of a row the converter split over two lines (after a blank line)."""
        if first_line is None or self.last_row_line is None or first_line - self.last_row_line < 2:
            return False
        prev = self.open.segments[-1][-1]
        if not cells or cells[0].text.strip():
            return False
        filled = [c for c in cells if c.text.strip()]
        prev_filled = [c for c in prev if c.text.strip()]
        if not filled or len(filled) >= len(prev_filled):
            return False
        return all(parse_number(c.text) is None for c in filled)

    def _merge_into_last(self, cells: list[LocatedText]) -> None:
        prev = self.open.segments[-1][-1]
        for k, c in enumerate(cells):
            if not c.text.strip():
                continue
            if k < len(prev) and prev[k].text:
                prev[k] = concat([prev[k], c])
            elif k < len(prev):
                prev[k] = c
            else:
                while len(prev) < k:
                    prev.append(LocatedText("", (), c.page, c.ref))
                prev.append(c)
