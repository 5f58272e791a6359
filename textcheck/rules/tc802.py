"""TC802 mixed-operator-style: one 绩效目标表 mixes ≥/≤ with >=/<=."""
from __future__ import annotations

from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule

_NAMES = {"symbol": "≥/≤", "ascii": ">=/<="}


class MixedOperatorStyle(Rule):
    """同一张绩效目标表中“≥/≤”与“>=/<=”两种写法混用。

    检查什么
        每张绩效目标表的指标值运算符写法：同时出现“≥”“≤”和“>=”“<=”时，在第一个与本表
        首个写法不同的单元格处提示一次。
    为什么
        写法统一便于阅读和机器汇总；混用常说明表格由多人拼接而成，值得顺带复核。
    反例
        ≥10 项 …… >=90%
    正例
        ≥10 项 …… ≥90%
    选项
        无
    """

    code = "TC802"
    name = "mixed-operator-style"
    category = "format"
    severity = "info"

    def check(self, ctx):
        for pt in ctx.performance:
            styled = [(ind, ind.target) for ind in pt.indicators if ind.target.style]
            if len({t.style for _, t in styled}) < 2:
                continue
            first_style = styled[0][1].style
            counts = {s: sum(1 for _, t in styled if t.style == s) for s in _NAMES}
            ind, t = next((i, t) for i, t in styled if t.style != first_style)
            first_ind, first_t = styled[0]
            yield self.diagnostic(
                ctx,
                f"{pt.name}中运算符写法不统一：{_NAMES['symbol']} {counts['symbol']} 处、"
                f"{_NAMES['ascii']} {counts['ascii']} 处（如“{first_t.text.text}”与“{t.text.text}”）",
                t.location, t.text.text,
                related=[cell_evidence(pt, first_t.text, "指标值", first_ind.name.text)],
                suggestion=f"统一使用 {_NAMES['symbol']}", key=f"{pt.table.id}")
