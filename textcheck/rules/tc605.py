"""TC605 cross-table-target-mismatch: the same indicator has opposite operators or different values in a project and the department-level 绩效目标表."""
from __future__ import annotations

from textcheck.performance import EQ, FORM_QUANTITY, GE, GT, LE, LT, indicator_key
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule

_UP = (GE, GT)
_DOWN = (LE, LT)


def _opposite(a: str | None, b: str | None) -> bool:
    return (a in _UP and b in _DOWN) or (a in _DOWN and b in _UP)


class CrossTableTargetMismatch(Rule):
    """同一指标在项目绩效目标表和部门整体绩效目标表中方向相反或数值不同（“≥500”与“≤500”）。

    检查什么
        文档中每个项目支出绩效目标表与部门（单位）整体绩效目标表里名称相同（忽略空格、引号、
        括号和括注单位）的三级指标，目标值都是“运算符 + 数值 + 单位”且单位相同时：
        一个是 ≥ / >、另一个是 ≤ / < 报告警告（方向相反，至少一处写错）；两处都是“=”而数值
        不同报告警告；方向相同而门槛不同时提示（info），部门整体指标可能另有口径。
    为什么
        部门整体目标由项目目标汇总而来，同一指标一处写“≥500”、一处写“≤500”，考核时无法
        同时满足，通常是其中一处把运算符写反。
    反例
        项目表：培训人次 ≥500 人次；部门整体表：培训人次 ≤500 人次
    正例
        项目表：培训人次 ≥500 人次；部门整体表：培训人次 ≥500 人次
    选项
        无
    """

    code = "TC605"
    name = "cross-table-target-mismatch"
    category = "target"
    severity = "warning"

    def check(self, ctx):
        tables = ctx.performance
        projects = [pt for pt in tables if pt.kind == "project"]
        departments = [pt for pt in tables if pt.kind == "department"]
        if not projects or not departments:
            return
        index: dict[str, list] = {}
        for pt in departments:
            for ind in pt.indicators:
                if ind.target.form == FORM_QUANTITY and ind.target.value is not None and indicator_key(ind):
                    index.setdefault(indicator_key(ind), []).append((pt, ind))
        seen = set()
        for pt in projects:
            for ind in pt.indicators:
                t = ind.target
                if t.form != FORM_QUANTITY or t.value is None:
                    continue
                for dpt, dind in index.get(indicator_key(ind), ()):
                    d = dind.target
                    if (d.unit or "") != (t.unit or ""):
                        continue
                    if _opposite(t.operator, d.operator):
                        what, severity = "方向相反", None
                    elif t.operator == d.operator == EQ and t.value.value != d.value.value:
                        what, severity = "数值不同", None
                    elif t.operator == d.operator and t.operator is not None and t.value.value != d.value.value:
                        what, severity = "门槛不同", "info"
                    else:
                        continue
                    key = (pt.table.id, ind.name.text, dpt.table.id, dind.name.text)
                    if key in seen:
                        continue
                    seen.add(key)
                    yield self.diagnostic(
                        ctx,
                        f"绩效指标“{ind.name.text}”在{pt.name}中为“{t.text.text}”，在{dpt.name}中为“{d.text.text}”：{what}",
                        t.location, t.text.text,
                        related=[cell_evidence(pt, t.text, "指标值", ind.name.text),
                                 cell_evidence(dpt, d.text, "指标值", dind.name.text)],
                        suggestion="核对两张表的指标方向与目标值，使之一致", severity=severity,
                        key=f"{pt.table.id}|{ind.name.text}|{dpt.table.id}")
