"""The example plugin's rule: a third-party Rule subclass, found through the entry point."""
from __future__ import annotations

from textcheck.document import Location
from textcheck.lexicon import load_yaml
from textcheck.rules.base import Rule

from textcheck_example_plugin import lexicon_dir


class PlaceholderText(Rule):
    """草稿中的占位文字（待补充、XXX 等）不应出现在公开文本中。

    检查什么
        原文中出现的占位词，词表在插件的 lexicons/example_placeholders.yml。
    为什么
        占位词说明该处内容尚未填写，公开前必须补全。
    反例
        项目支出 XXX 万元。
    正例
        项目支出 950.00 万元。
    选项
        无
    """

    code = "EX001"
    name = "example-placeholder-text"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        words = load_yaml("example_placeholders.yml", [lexicon_dir()])["placeholders"]
        for n, line in enumerate(ctx.document.source_lines, 1):
            for word in words:
                start = line.find(word)
                if start >= 0:
                    loc = Location(n, start + 1, n, start + len(word), None, None)
                    yield self.diagnostic(ctx, f"第 {n} 行有占位文字“{word}”，公开前应补全", loc, word,
                                          suggestion="填写实际内容")
