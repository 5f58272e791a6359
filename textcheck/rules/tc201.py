"""TC201 narrative-amount-mismatch: a narrative amount disagrees with the table cell it restates."""
from __future__ import annotations

from textcheck.linking import CONFIDENT
from textcheck.numbers import format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.arithmetic import agreement, is_money, magnitude_slip_cell, stated_interval, table_unit
from textcheck.rulekit.evidence import related_cell
from textcheck.rulekit.wording import cell_phrase, shown
from textcheck.rules.base import Rule


def evidence_cells(link, limit: int = 3):
    """The cells a message names: the subject's own cells first, then other candidates."""
    ids = {id(c) for c in link.candidates}
    primary = [c for c in getattr(link, "primary", ()) if id(c) in ids]
    taken = {id(c) for c in primary}
    rest = [c for c in link.candidates if id(c) not in taken]
    return (primary + rest)[:limit]


class NarrativeAmountMismatch(Rule):
    """正文金额与其确定关联的表格单元格不一致（超出四舍五入误差）。

    检查什么
        情况说明中的金额（“基本支出 1,422.65 万元”）经主语（功能分类名称与编码、项目名称、
        基本支出/项目支出/一般公共预算等概念）和所在章节（“支出预算情况说明”→部门支出总体
        情况表）关联到表格单元格；关联确定且没有任何候选单元格在四舍五入误差内与之相符时报告。
    为什么
        正文是读者最先读到的部分；正文与表格不一致，公开的数字就失去可信度。
    反例
        “三、…支出预算情况说明：基本支出 1,442.65 万元”，而表 3“总计”行“基本支出”列为
        1,422.65 万元：相差 20.00 万元。
    正例
        “基本支出 1,422.65 万元”与表 3 的 1,422.65 一致；若主语可能指多个单元格（如同名
        行出现在多张表中），只要其中之一相符即视为一致。关联不确定的金额从不报错。
    选项
        全局 tolerance：在舍入区间之外再放宽的绝对误差（表格单位）。
        verbose = true 时，未能关联或关联不确定的金额以 info 报告“未能关联”。
    """

    code = "TC201"
    name = "narrative-amount-mismatch"
    category = "amount"
    severity = "error"

    def check(self, ctx):
        agrees = agreement(ctx.config.tolerance)
        for link in ctx.links or ():
            claim = link.claim
            if not is_money(claim.value):
                continue
            if link.confidence != CONFIDENT:
                if ctx.config.verbose and not link.agreeing:
                    yield self._unlinked(ctx, link)
                continue
            if link.agreeing or any(agrees(claim.value.number, c, 1) for c in link.candidates):
                continue  # consistent (within rounding and the configured tolerance)
            if magnitude_slip_cell(link, agrees):
                continue  # TC204 reports the magnitude slip
            cells = evidence_cells(link)
            if not cells:
                continue
            first = cells[0]
            unit = table_unit(first)
            stated = claim.value.number
            stated_iv = stated_interval(stated, first)
            diff = stated_iv.mid - first.value.value
            named = "、".join(cell_phrase(c) for c in cells)
            msg = (f"正文“{claim.value.span.text}”（{claim.shown_subject}）与{named}不一致："
                   f"{format_decimal(stated_iv.mid, 2)} − {format_decimal(first.value.value, 2)}"
                   f" = {format_decimal(diff, 2)} {unit}，超出四舍五入误差")
            related = [Related.sentence(claim.sentence.text, claim.sentence.location)]
            related += [related_cell(c) for c in cells]
            related.append(Related(kind="figure", text=f"{format_decimal(diff, 2)} {unit}", value=str(diff),
                                   table=first.table.id))
            yield self.diagnostic(
                ctx, msg, claim.value.span.location, claim.value.span.text, related,
                suggestion=f"核对后统一为 {first.value.text or '0'} {unit}，或更正表格",
                key=f"{claim.subject}|{shown(stated)}|{first.table.id}")

    def _unlinked(self, ctx, link):
        claim = link.claim
        why = "关联不确定" if link.candidates else "未能关联到表格单元格"
        related = [Related.sentence(claim.sentence.text, claim.sentence.location)]
        related += [related_cell(c) for c in evidence_cells(link)]
        return self.diagnostic(
            ctx, f"未能关联：正文“{claim.value.span.text}”（{claim.shown_subject}）{why}，未作核对",
            claim.value.span.location, claim.value.span.text, related, severity="info",
            key=f"unlinked|{claim.subject}|{claim.value.span.text}")
