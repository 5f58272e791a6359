"""TC902 toc-heading-mismatch: a table-of-contents entry has no matching heading (or table) in the body."""
from __future__ import annotations

import difflib

from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule

# An entry this similar to a heading with the same number ("一、主要职能" / "一、主要职责") is
# "worded differently", not missing; tables are compared by title alone, so more strictly.
SIMILAR = 0.6
SIMILAR_TABLE = 0.7
# A body line holding an entry's words in order is its heading worded differently when
# it is at most this many times as long as the entry (plus a few characters).
SUBSEQUENCE_SPAN = 2.5


class TocHeadingMismatch(Rule):
    """目录条目与正文标题（或表名）不一致，或在正文中找不到。

    检查什么
        目录（“目 录”下的条目，读取器未识别时取“目录”行后形如条目的行；正文开始处——重复的
        条目、第二个“第一部分”、句子——截止；“注：”说明、目录表头和括注不算条目；同一行印了
        两条时分开，“第一部分”与下一行标题合为一条）中的每一条：与正文标题相同，或其文字
        （去掉编号、页码、空格、引号）出现在正文中（标题折行、表名未被识别为表题也算），
        即为一致。否则：与同一编号的正文标题相似度不低于 60%，或正文某个短行按顺序包含条目
        全部文字时，提示文字不一致（info）；表格条目与同号表格的表名相似时提示不一致；同号
        表格存在但表名未能读出时不判断；都找不到时警告缺少该部分。每一册（合并检查的文字
        册与表格册）的目录分别处理。
    为什么
        目录与正文不一致，读者按目录找不到内容；常见于修改了标题却没有更新目录，或删除了
        某一部分。
    反例
        目录：一、关于…2024 年收支预算情况的总体说明 —— 正文：一、关于…2024 年收支预算情况总体说明
    正例
        目录与正文标题逐字相同；目录“第一部分 部门概况”，正文“第一部分”与“部门概况”分两行。
    选项
        无
    """

    code = "TC902"
    name = "toc-heading-mismatch"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.document
        layout = ctx.layout
        entries = layout.toc
        if not entries:
            return
        headings = layout.heading_keys
        if not headings and not doc.tables:
            return
        for e in entries:
            if not e.body or e.key in headings or layout.in_body(e.body):
                continue
            if e.marker.startswith("第") and layout.in_body_spread(e.key):
                continue  # a part heading printed over several lines
            entry = e.text.text
            if e.is_table:
                if not doc.tables:
                    continue  # a text volume: its tables are published in another volume
                numbered = [t for t in doc.tables if e.number is not None and t.number == e.number]
                near = self._near_table(e, layout)
                if near is not None:
                    ratio, title = near
                    yield self.diagnostic(
                        ctx, f"目录条目“{entry}”与表名“{title}”文字不一致", e.location, entry,
                        suggestion="统一目录与表名", severity="info", key=f"{e.key}|table|{title}")
                    continue
                if numbered:
                    continue  # the table of that number is there, its title was not read as such
            best, ratio = None, 0.0
            candidates = [*headings.items(), *layout.marked_lines(e.marker)]
            for hk, h in candidates:
                if not hk.startswith(e.marker) or (e.marker == "" and hk[:1] != e.key[:1]):
                    continue
                r = difflib.SequenceMatcher(None, e.key, hk).ratio()
                if r > ratio:
                    best, ratio = h, r
            if best is not None and ratio >= SIMILAR:
                yield self._worded(ctx, e, entry, best)
                continue
            line = layout.body_line_with_words(e.body, SUBSEQUENCE_SPAN)
            if line is not None:
                yield self._worded(ctx, e, entry, line)
                continue
            yield self.diagnostic(
                ctx, f"目录条目“{entry}”在正文中找不到对应的标题或表格",
                e.location, entry, suggestion="补上该部分，或从目录中删除该条目", key=e.key)

    def _worded(self, ctx, e, entry, heading):
        return self.diagnostic(
            ctx, f"目录条目“{entry}”与正文标题“{heading.text.strip()}”（第 {heading.location.line} 行）文字不一致",
            e.location, entry, related=[Related.sentence(heading.text, heading.location)],
            suggestion="统一目录与正文标题的文字", severity="info", key=f"{e.key}|{heading.text.strip()}")

    @staticmethod
    def _near_table(e, layout):
        """(similarity, title) of the table title carrying the entry's number, or of the most
        similar table title, when near enough."""
        best = None
        for key, title, number in layout.table_titles:
            tail = key[-len(e.body) - 2:]
            ratio = difflib.SequenceMatcher(None, e.body, tail).ratio()
            numbered = e.number is not None and number == e.number
            if (numbered and ratio >= SIMILAR) or ratio >= SIMILAR_TABLE:
                if best is None or (numbered, ratio) > best[0]:
                    best = ((numbered, ratio), title)
        return (best[0][1], best[1]) if best else None
