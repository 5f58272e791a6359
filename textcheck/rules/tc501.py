"""TC501 count-enumeration-mismatch: a stated count disagrees with the names listed or the parts given."""
from __future__ import annotations

from textcheck.report.diagnostic import Related
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule


def _figure(q) -> Related:
    return Related.stated(q)


class CountEnumerationMismatch(Rule):
    """所述个数与其后列举的名称个数或各部分之和不符。

    检查什么
        “下设 6 个处室，分别是：A、B、C…”中列举的名称个数；“实有人数 193 人，其中：在职 67 人，
        退休 126 人，离休 0 人”中各部分之和（同一量词）。列举个数不符报 error；各部分之和大于
        总数报 error，小于总数报 warning（“其中”可能只列部分）。以“等”结尾的列举不核对。
    为什么
        个数与列举对不上，说明漏列、多列或数字抄错。
    反例
        “实有人数 195 人，其中：在职 67 人…退休 126 人…离休 0 人”：67 + 126 + 0 = 193。
    正例
        “下设 6 个处室，分别是：办公室、组织人事科、资源配置与管理科、高新技术与成果转化科、
        社会发展和农村科技科、引进智力与人才服务科”：列举 6 个。
    选项
        无
    """

    code = "TC501"
    name = "count-enumeration-mismatch"
    category = "count"
    severity = "error"

    def check(self, ctx):
        for claim in ctx.claims or ():
            if claim.kind != "count" or claim.value is None or claim.value.number.decimals:
                continue
            n = claim.value.number.value
            names = [e for e in claim.enumerated if e.strip()]
            if names and not any(e.rstrip().endswith("等") for e in names) and len(names) != n:
                listed = "、".join(names)
                msg = (f"所述 {claim.value.span.text} 与其后列举的 {len(names)} 个名称不符"
                       f"（{listed}）")
                related = [Related.sentence(claim.sentence.text, claim.sentence.location), _figure(claim.value),
                           Related(kind="figure", text=f"列举 {len(names)} 个：{listed}", value=str(len(names)))]
                yield self.diagnostic(ctx, msg, claim.value.span.location, claim.value.span.text, related,
                                      suggestion="核对个数与列举", key=f"enum|{claim.subject}|{n}|{len(names)}")
            parts = [i for i in claim.items if i.kind == "count" and i.value is not None
                     and i.value.number.unit == claim.value.number.unit]
            if len(parts) >= 2:
                total = sum(p.value.number.value for p in parts)
                if total == n:
                    continue
                expr = " + ".join(shown(p.value.number) for p in parts)
                unit = claim.value.number.unit or ""
                severity = "error" if total > n else "warning"
                msg = (f"各部分之和与总数不符：{expr} = {total}{unit}，正文总数为 {claim.value.span.text}"
                       + ("（“其中”若只列部分，请核实）" if severity == "warning" else ""))
                related = [Related.sentence(claim.sentence.text, claim.sentence.location), _figure(claim.value)]
                related += [_figure(p.value) for p in parts]
                yield self.diagnostic(ctx, msg, claim.value.span.location, claim.value.span.text, related,
                                      severity=severity, suggestion="核对总数与各部分",
                                      key=f"parts|{claim.subject}|{n}|{expr}")
