"""TC801 malformed-operator: a comparison operator written wrongly (=>, =<, ≥≥, "=1 周 1 次")."""
from __future__ import annotations

from textcheck.performance import FORM_MALFORMED, MALFORMED_OPERATORS
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule


class MalformedOperator(Rule):
    """绩效目标值的比较运算符写法不规范（=>、=<、≥=、≥≥、“=1 周 1 次”）。

    检查什么
        绩效目标表的指标值与上年完成值：运算符写成“=>”“=<”“≥=”“≥≥”“==”等；运算符后
        不是“数值+单位”而夹着多个数（“=1 周 1 次”应写作“=1 次/周”）；归一化后仍被空格
        拆开的“> =”（提示）。转换产生、已由读取器修复的“> =”“$\\geq$”不报告。
    为什么
        不规范的运算符让读者和系统都无法确定目标方向或数值，“=>”既可能是 ≥ 也可能是笔误。
    反例
        =>90%；  =1 周 1 次
    正例
        ≥90%；  =1 次/周
    选项
        无
    """

    code = "TC801"
    name = "malformed-operator"
    category = "format"
    severity = "warning"

    def check(self, ctx):
        for pt in ctx.performance:
            for ind in pt.indicators:
                for column, t in (("指标值", ind.target), ("上年完成值", ind.previous)):
                    if t is None or not t.text.text:
                        continue
                    if t.operator_text in MALFORMED_OPERATORS:
                        msg = (f"绩效指标“{ind.name.text}”的{column}“{t.text.text}”使用了不规范的运算符"
                               f"“{t.operator_text}”，应写作“{MALFORMED_OPERATORS[t.operator_text]}”")
                        sev = None
                    elif t.form == FORM_MALFORMED:
                        msg = (f"绩效指标“{ind.name.text}”的{column}“{t.text.text}”不是“运算符+数值+单位”的形式，"
                               f"无法读出目标数值")
                        sev = None
                    elif t.spaced_operator:
                        msg = f"绩效指标“{ind.name.text}”的{column}“{t.text.text}”中运算符被空格拆开"
                        sev = "info"
                    else:
                        continue
                    yield self.diagnostic(
                        ctx, msg, t.location, t.text.text,
                        related=[cell_evidence(pt, ind.name, "三级指标", ind.name.text)],
                        suggestion="改为规范写法，如“≥90%”“=1 次/周”", severity=sev,
                        key=f"{pt.table.id}|{ind.name.text}|{column}")
