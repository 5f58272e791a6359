"""Text lines of the structure walk: 目录 entries, caption labels and titles, meta lines, headings
(a heading wrapped onto the next line joined) and paragraphs re-joined across line breaks."""
from __future__ import annotations

from textcheck import patterns
from textcheck.document import LocatedText, new_heading
from textcheck.numbers import chinese_numeral_value, may_be_digit
from textcheck.readers.blocks import PageBreak, TextLine
from textcheck.readers.captions import Caption, is_meta_line, is_name_wrap, label_id, label_number, table_kind
from textcheck.readers.grid_cells import compact
from textcheck.readers.lines import adjacent, concat, continues, heading_level


class TextWalk:
    """The text-line steps of ``structure._Builder`` (mixed into it; they read and change its
    state: the open table and caption, the paragraph being built, the 目录 and headings)."""

    # -- text lines ----------------------------------------------------------
    def _text(self, i: int, b: TextLine) -> None:
        lt = b.text
        text = lt.text.strip()
        if not text:
            return
        key = compact(text)
        if len(self.text_lines_seen) < 60:
            self.text_lines_seen.append(text)
        if (self._toc_line(lt, text, key) or self._caption_label(lt, text, key) or self._meta_line(text)
                or self._name_wrap(i, text) or self._caption_title(i, text, key)
                or self._title_above_table(i, lt, key)):
            return
        # anything else ends a pending caption that never got a table
        self.caption = None
        self._after_table(lt, text)
        self._heading_or_paragraph(i, lt, text, key)

    def _toc_line(self, lt: LocatedText, text: str, key: str) -> bool:
        """The 目录 title, or an entry of the 目录 (which ends at the first line repeating an entry,
        where the body starts, or at prose)."""
        if self.toc_state == "in":
            if _toc_key(text) in self.toc_keys or len(text) > 80 or (text[-1] == "。" and "，" in text) \
                    or len(self.toc) > 200:
                self.toc_state = "done"
            else:
                self._toc_entry(lt)
                return True
        if self.toc_state == "before" and patterns.TOC_TITLE.match(key):
            self._flush_para()
            self._close_table()
            self.toc_state = "in"
            return True
        return False

    def _caption_label(self, lt: LocatedText, text: str, key: str) -> bool:
        """A caption label "表 3" (title on the next line) or "表 3 部门支出总体情况表"."""
        if "表" not in key:
            return False  # both label patterns need a 表 (most lines: prose)
        m = patterns.TABLE_LABEL.match(key)
        mt = None if m else patterns.TABLE_LABEL_TITLE.match(text)
        if not (m or mt):
            return False
        self._flush_para()
        self._close_table()
        mm = m or mt
        self.caption = Caption(label_id(key if m else mt.group("label"), mm), label_number(mm),
                               mt.group("title").strip() if mt else "", lt.location, True)
        if mt:
            self.caption.kind = table_kind(self.caption.title)
        self.closed = None
        return True

    def _meta_line(self, text: str) -> bool:
        """编制部门 / 单位 / (2024年) / (续): applied to the caption or the open table."""
        if not is_meta_line(text):
            return False
        target = self.caption if self.caption is not None else self.open
        if target is None and self.closed is not None and self.closed_distance == 0:
            target = None
        self._apply_meta(text, target)
        if self.caption is None and self.open is not None:
            self.open_interrupted = True
        if self.caption is None and self.open is None:
            self._flush_para()
        return True

    def _name_wrap(self, i: int, text: str) -> bool:
        """The end of the caption's department name wrapped below its meta lines ("公厅" under
        "部门：中国共产党江苏省委员会办 / 单位：万元"), just above the table's rows."""
        if self.caption is None or not self.caption.department or not is_name_wrap(text) \
                or not self._grid_follows(i):
            return False
        self.caption.department += text.strip()
        return True

    def _caption_title(self, i: int, text: str, key: str) -> bool:
        """The title line after a caption label."""
        if self.caption is None or self.caption.title:
            return False
        if patterns.TABLE_TITLE.match(key) or (len(text) <= 40 and "。" not in text and self._grid_follows(i)):
            self.caption.title = key
            self.caption.kind = table_kind(key)
            return True
        return False

    def _title_above_table(self, i: int, lt: LocatedText, key: str) -> bool:
        """"五、部门支出总体情况表" or a bare "项目支出绩效目标表" directly above a table."""
        if "表" not in key:
            return False  # both title patterns need a 表 (most lines: prose)
        nm = patterns.NUMBERED_TABLE_TITLE.match(key)
        if not ((nm or (patterns.TABLE_TITLE.match(key) and not patterns.HEADING_LEVELS[0][1].match(key)))
                and self._grid_follows(i)):
            return False
        self._flush_para()
        self._close_table()
        if self.caption is not None and self.caption.title:
            pass  # a second title: keep the label's one
        elif self.caption is not None:
            self.caption.title = nm.group("title") if nm else key
            self.caption.kind = table_kind(self.caption.title)
        elif nm:
            # "五、部门支出总体情况表": the numbering is the label → id "表五"
            self.caption = Caption(f"表{nm.group('n')}", chinese_numeral_value(nm.group("n")),
                                   nm.group("title"), lt.location, False)
            self.caption.kind = table_kind(nm.group("title"))
        else:
            self.caption = Caption(None, None, key, lt.location, False)
            self.caption.kind = table_kind(key)
        return True

    def _after_table(self, lt: LocatedText, text: str) -> None:
        """Text closes the open table; an empty-table statement right after a (header-only)
        table belongs to it."""
        if patterns.states_empty_table(text):
            target = self.open or (self.closed if self.closed_distance == 0 else None)
            if target is not None and target.empty_statement is None:
                target.empty_statement = lt
        self._close_table()
        if self.closed is not None:
            self.closed_distance += 1

    def _heading_or_paragraph(self, i: int, lt: LocatedText, text: str, key: str) -> None:
        level = text_level = heading_level(text)
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
        run_in = self._run_in_sentence(i, lt) if level is not None else None
        if run_in is not None:
            lt, rest, j, nxt = run_in  # "（二）“三公”经费预算：2025年…“三公”" / "经费预算数为…"
            self.consumed.add(j)
            key = compact(lt.text)
        if level is not None:
            self._flush_para()
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            self.stack.append((level, key))
            self.section = tuple(t for _, t in self.stack)
            self.headings.append(new_heading(lt, level))
            self.closed = None
            if run_in is not None:
                self.para = [rest, nxt]  # the sentence the heading's line begins goes on below
            return

        if self.para and continues(self.para[-1].text, text, adjacent(self.para[-1], lt), text_level is not None):
            self.para.append(lt)
            return
        self._flush_para()
        self.para = [lt]

    def _run_in_sentence(self, i: int, lt: LocatedText) -> tuple[LocatedText, LocatedText, int, LocatedText] | None:
        """(heading, sentence start) of a run-in heading whose line goes on into a sentence the
        next text line continues ("（二）“三公”经费预算：2025年长沙市公安局“三公”" / "经费预算数为
        458.50万元，…"): the words after the colon are the sentence's subject, not the heading's."""
        m = patterns.RUN_IN_HEADING.match(lt.text)
        if m is None:
            return None
        j = i + 1
        while j < len(self.blocks) and (isinstance(self.blocks[j], PageBreak) or
                                        isinstance(self.blocks[j], TextLine) and not self.blocks[j].text.text.strip()):
            j += 1
        b = self.blocks[j] if j < len(self.blocks) else None
        if not isinstance(b, TextLine):
            return None
        t = b.text.text.strip()
        if heading_level(t) or patterns.LIST_ITEM.match(t) or patterns.LABEL_LINE.match(t) \
                or patterns.TABLE_LABEL.match(compact(t)) or is_meta_line(t) or patterns.TABLE_TITLE.match(compact(t)) \
                or not patterns.RUN_IN_CONTINUATION.search(t):
            return None
        return lt.slice(0, m.end("head")), lt.slice(m.start("rest"), m.end("rest")), j, b.text

    def _wrapped_continuation(self, i: int, lt: LocatedText) -> tuple[int, LocatedText] | None:
        """(index, text) of the next text line when it stands directly below ``lt`` and continues it."""
        j = i + 1
        while j < len(self.blocks) and isinstance(self.blocks[j], PageBreak):
            j += 1  # a page break between two rendered lines of one heading/sentence
        if j >= len(self.blocks):
            return None
        b = self.blocks[j]
        if not isinstance(b, TextLine) or not adjacent(lt, b.text):
            return None
        t = b.text.text.strip()
        if not t or heading_level(t) or patterns.LIST_ITEM.match(t) or patterns.LABEL_LINE.match(t) \
                or patterns.TABLE_LABEL.match(compact(t)) or is_meta_line(t) or patterns.TABLE_TITLE.match(compact(t)):
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
            key = _toc_key(entry.text)
            if key:
                self.toc_keys.add(key)


def _toc_key(text: str) -> str:
    """A 目录 entry or a body line as compared to end the 目录: without bullet, page number and
    numbering — the body's "收支预算总表" repeats the entry "一、收支预算总表" (or "序号 报表名称
    一、收支预算总表", the 目录's column header printed on its first entry's line)."""
    t = text.strip()
    if t[:1] in _TOC_MARKER_FIRST:
        t = patterns.TOC_MARKER.sub("", t)
    if t and may_be_digit(t[-1]):  # TOC_PAGE ends in a digit and \s* (none after strip): a search from every place
        t = patterns.TOC_PAGE.sub("", t)
    return patterns.TOC_NUMBERING.sub("", compact(t), count=1)


# What patterns.TOC_MARKER (anchored) starts with; each of its \s and TOC_PAGE's is a character
# str.strip takes too (tests/test_reader_fast_paths.py holds both shortcuts to the patterns).
_TOC_MARKER_FIRST = "-•·*"
