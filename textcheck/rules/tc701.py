"""TC701 indicator-unit-mismatch: the unit an indicator names differs from the unit of its value."""
from __future__ import annotations

from textcheck.lexicon.polarity import polarity
from textcheck.performance import FORM_QUANTITY
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule


def _dimension(unit: str | None, pol, lexicon) -> str | None:
    if not unit:
        return None
    if unit in pol.percent:
        return "percent"
    if unit in pol.money or unit in lexicon.money_units:
        return "money"
    if unit in pol.durations:
        return "duration"
    if "/" in unit:
        return "frequency"
    if unit in lexicon.measure_words:
        return "count"
    return None


class IndicatorUnitMismatch(Rule):
    """指标名称标明的单位与指标值的单位不一致（“时间（小时） =20 分钟”，“更新率(%) =4次”）。

    检查什么
        绩效目标表中：名称末尾括注单位（“（小时）”“(%)”“（万元）”“（次/周）”“(个)”）与指标值
        单位的量纲不同（百分比 / 金额 / 时长 / 计数），或同为时长、金额但单位不同；名称以
        “率”结尾（比率）或括注 % 而指标值是计数（“4次”）；名称以“数量/次数/人数”结尾而
        指标值是百分比。“比例”类指标允许“2:1”。
    为什么
        单位与名称不符时，考核时无法判断目标是否达成，往往是填报时套用了别的指标或换算
        遗漏。
    反例
        电台播出科教兴市栏目时间（小时）  =20 分钟；  数据库内容更新率(%)  =4次
    正例
        故障响应时间  <=4 小时；  群众满意度（%）  >=95%
    选项
        无
    """

    code = "TC701"
    name = "indicator-unit-mismatch"
    category = "unit"
    severity = "warning"

    def check(self, ctx):
        pol = polarity(ctx.lexicon)
        for pt in ctx.performance:
            for ind in pt.indicators:
                t = ind.target
                if t.form != FORM_QUANTITY or not t.unit and not ind.declared_unit:
                    continue
                found = self._judge(ind, t, pol, ctx.lexicon)
                if found is None:
                    continue
                severity, why = found
                yield self.diagnostic(
                    ctx, f"绩效指标“{ind.name.text}”{why}，指标值却为“{t.text.text}”",
                    t.location, t.text.text,
                    related=[cell_evidence(pt, ind.name, "三级指标", ind.name.text)],
                    suggestion="统一指标名称中的单位与指标值的单位", severity=severity,
                    key=f"{pt.table.id}|{ind.name.text}")

    @staticmethod
    def _judge(ind, t, pol, lexicon):
        declared = ind.declared_unit
        name = ind.clean_name
        value_dim = _dimension(t.unit, pol, lexicon)
        if declared:
            declared_dim = _dimension(declared, pol, lexicon)
            if declared_dim is None or value_dim is None:
                return None
            if declared_dim != value_dim:
                # a rate or percentage holding a count is a contradiction, not a unit slip
                sev = "error" if declared_dim == "percent" and value_dim == "count" else "warning"
                return sev, f"名称标明单位为“{declared}”"
            if declared_dim in ("duration", "money") and declared != t.unit:
                return "warning", f"名称标明单位为“{declared}”"
            return None
        if name.endswith("率") and value_dim == "count":
            return "error", "是比率（“率”）指标"
        if value_dim == "percent" and any(name.endswith(s) for s in pol.count_suffixes):
            return "warning", "是计数指标"
        return None
