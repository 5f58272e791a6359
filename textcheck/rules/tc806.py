"""TC806 stray-latin-word: a lower-case English word inside a Chinese sentence ("合理布局 and 协同")."""
from __future__ import annotations

from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule


class StrayLatinWord(Rule):
    """中文句子中夹杂小写英文单词（“科技资源合理布局 and 协同创新”）。

    检查什么
        正文段落和标题中，前后紧邻汉字（中间至多一个空格）的全小写英文单词（两个字母以上）。
        大写缩写（UPS、GDP）、带数字或斜杠的单位（200M/S）、括号内的外文名称、常见小写
        单位符号（kg、km、kwh……）不提示。
    为什么
        这类单词多是翻译或输入法残留（“and”应为“和”），正式公开文件中属于文字错误。
    反例
        推动全市创新发展、科技资源合理布局 and 协同创新能力建设
    正例
        推动全市创新发展、科技资源合理布局和协同创新能力建设；机柜 UPS 出口
    选项
        无
    """

    code = "TC806"
    name = "stray-latin-word"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        unit_symbols = ctx.lexicon.unit_symbols  # lexicons/units.yml latin_symbols
        for m in ctx.layout.stray_latin:
            word, t = m.value, m.text
            if word in unit_symbols:
                continue
            a, b = max(0, m.start - 8), min(len(t.text), m.end + 8)
            yield self.diagnostic(
                ctx, f"中文句子中夹杂英文单词“{word}”：“…{t.text[a:b]}…”",
                m.location, word, related=[Related.sentence(t.text, t.location)],
                suggestion="改为对应的中文词语（如“and”→“和”）", key=f"{word}|{t.text[a:b]}")
