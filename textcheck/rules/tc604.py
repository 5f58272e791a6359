"""TC604 malformed-target: a 指标值 with a comparison operator but no value."""
from __future__ import annotations

from textcheck.performance import FORM_OPERATOR_ONLY
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule


class MalformedTarget(Rule):
    """指标值只有比较运算符、没有数值（如单独一个“>”）。

    检查什么
        绩效目标表中合并被拆行的单元格之后，指标值仍只剩“>”“≥”“不低于”等运算符、缺少数值
        和单位的指标。
    为什么
        没有数值的目标无法考核；多半是转换时数值落到了别的行或被截断。
    反例
        质量指标  揭榜挂帅项目立项完成率  >
    正例
        质量指标  揭榜挂帅项目立项完成率  >=90%
    选项
        无
    """

    code = "TC604"
    name = "malformed-target"
    category = "target"
    severity = "warning"

    def check(self, ctx):
        for pt in ctx.performance:
            for ind in pt.indicators:
                t = ind.target
                if t.form != FORM_OPERATOR_ONLY:
                    continue
                yield self.diagnostic(
                    ctx, f"绩效指标“{ind.name.text}”的指标值只有运算符“{t.text.text}”，缺少目标数值和单位",
                    t.location, t.text.text, related=[cell_evidence(pt, ind.name, "三级指标", ind.name.text)],
                    suggestion="补全目标值，例如“≥90%”", key=f"{pt.table.id}|{ind.name.text}")
