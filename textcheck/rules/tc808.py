"""TC808 percent-without-sign: a rate written as a bare number ("满意度 ≥90", "占 35.77，")."""
from __future__ import annotations

from textcheck.performance import FORM_QUANTITY
from textcheck.report.diagnostic import Related
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule


# How the name of a rate indicator ends.
RATE_ENDINGS = ("率", "满意度", "比例", "比重", "占比")
PERCENT_UNITS = ("%", "％")


class PercentWithoutSign(Rule):
    """比率写成不带“%”的数字（“服务满意度 ≥90”“占 35.77，”）。

    检查什么
        1. 绩效目标表中名称以“率”“满意度”“比例”结尾的指标，其指标值或上年完成值是不带单位
           的非零数字，且名称未括注“（%）”、单位列也不是“%”（单位写在名称或单位列里时，
           指标值只写数字是规范的）；
        2. 正文中“占 / 增长 / 下降 / 比例为 / 率为”后紧跟一个不带“%”和单位、直接以标点结束的
           数字。
        数值 0 不提示（0 与 0% 相同）。
    为什么
        缺了“%”的比率可能被读成个数或分值（“≥90”是 90 分还是 90%？）。
    反例
        服务企业满意度  >=90；  占 35.77，比上年……
    正例
        服务企业满意度  >=90%；  占 35.77%，比上年……
    选项
        无
    """

    code = "TC808"
    name = "percent-without-sign"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        for pt in ctx.performance:
            for ind in pt.indicators:
                # a rate: its name ends like one (an indicator declaring "%" is a rate too, but
                # then the % stands in its name or unit column and a bare figure is right, so its
                # unit is read only for the names that end like a rate)
                if not ind.clean_name.endswith(RATE_ENDINGS):
                    continue
                if ind.declared_unit in PERCENT_UNITS:
                    continue  # "受理率（%）" | "≥95": the % stands in the name or the unit column
                for column, t in (("指标值", ind.target), ("上年完成值", ind.previous)):
                    if t is None or t.form != FORM_QUANTITY or t.unit or t.value is None or t.value.value == 0:
                        continue
                    yield self.diagnostic(
                        ctx, f"比率指标“{ind.name.text}”的{column}“{t.text.text}”没有“%”",
                        t.location, t.text.text,
                        related=[cell_evidence(pt, ind.name, "三级指标", ind.name.text)],
                        suggestion=f"改为“{t.text.text}%”", key=f"{pt.table.id}|{ind.name.text}|{column}")
        for m, phrase in ctx.layout.rate_without_sign:
            yield self.diagnostic(
                ctx, f"“{phrase}”是比率，数字后缺少“%”",
                m.location, m.value,
                related=[Related.sentence(m.text.text, m.text.location)],
                suggestion=f"改为“{phrase}%”", key=f"text|{phrase}")
