"""TC906 carry-over-identity: 年初结转和结余 + 本年收入 − 本年支出 ≠ 年末结转和结余 in a final account's table."""
from __future__ import annotations

from textcheck.numbers import Interval, format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule


def _evidence(table, term) -> Related:
    loc = term.cell.location
    return Related(kind="table-cell", text=term.cell.text.text, line=loc.line, source_column=loc.column,
                   table=table.id, row=term.label, column_label=term.label, page=loc.page, ref=loc.ref)


class CarryOverIdentity(Rule):
    """决算表中年初结转和结余 + 本年收入 − 本年支出 与年末结转和结余不等。

    检查什么
        收入支出决算总表、财政拨款收入支出决算总表一类的表中，以行标签给出的“年初（财政拨款）
        结转和结余”“本年收入合计”“本年支出合计”“年末（财政拨款）结转和结余”（以及“使用
        非财政拨款结余”“结余分配”）：金额取标签右侧第一个金额单元格（行次/栏次列是行号，
        不是金额）；以列给出这四项的表（政府性基金预算财政拨款收入支出决算表）逐行检查。
        按四舍五入区间计算 年初 + 本年收入（+ 使用非财政拨款结余）− 本年支出（− 结余分配），
        与年末数的区间不相交即报告。每一项须唯一确定，否则不判断。
    为什么
        结转结余的衔接是决算表之间最基本的勾稽关系；不衔接说明某一项填错或漏填。
    反例
        年初结转和结余 1,615.24，本年收入合计 20,451.35，本年支出合计 14,572.53，年末结转和结余 7,449.06
    正例
        1,615.24 + 20,451.35 − 14,572.53 = 7,494.06
    选项
        无
    """

    code = "TC906"
    name = "carry-over-identity"
    category = "sum"
    severity = "error"

    def check(self, ctx):
        for c in ctx.final_accounts.carry_overs:
            unit = c.closing.value.unit or c.table.unit
            terms_in = [c.opening, c.income, *c.extra_in]
            terms_out = [c.spending, *c.extra_out]
            total = Interval.exact(0)
            for t in terms_in:
                total = total + t.value.interval_in(unit)
            for t in terms_out:
                total = total - t.value.interval_in(unit)
            closing = c.closing.value.interval_in(unit)
            if total.overlaps(closing):
                continue
            dec = max(t.value.decimals for t in [*terms_in, *terms_out, c.closing])
            shown = lambda t: t.cell.text.text.strip() or "0"  # noqa: E731
            expr = " + ".join(f"{t.label} {shown(t)}" for t in terms_in) + "".join(
                f" − {t.label} {shown(t)}" for t in terms_out)
            where = f"第 {c.row.index + 1} 行" if c.row is not None else ""
            yield self.diagnostic(
                ctx,
                f"{c.table.name}{where}：{expr} = {format_decimal(total.mid, dec)}，"
                f"而{c.closing.label}为 {shown(c.closing)}（相差 {format_decimal(closing.mid - total.mid, dec)}）",
                c.closing.cell.location, c.closing.cell.text.text,
                related=[_evidence(c.table, t) for t in [*terms_in, *terms_out, c.closing]],
                suggestion="核对年初结转和结余、本年收入、本年支出与年末结转和结余",
                key=f"{c.table.id}|{c.row.index if c.row is not None else ''}")
