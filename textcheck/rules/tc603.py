"""TC603 performance-budget-mismatch: a 绩效目标表's budget disagrees with itself or with the project tables."""
from __future__ import annotations

from decimal import Decimal

from textcheck.document import LocatedText
from textcheck.numbers import Number, format_decimal
from textcheck.performance import (find_project_row, goal_budget_mentions, money_unit, project_name_keys,
                                   project_tables, project_row_keys)
from textcheck.report.diagnostic import Related
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule


def _fmt(n: Number) -> str:
    return format_decimal(n.value, n.decimals)


class PerformanceBudgetMismatch(Rule):
    """绩效目标表中的项目资金与自身或与项目支出表、上年结转结余表不一致。

    检查什么
        1. 年度预算总额 = 财政拨款 + 其他资金（按舍入区间比较）；
        2. 财政拨款与“一般公共预算项目支出情况表”等含“项目名称”列的表中同名项目的合计一致
           （该表合计等于年度预算总额时也视为一致）；
        3. 其他资金大于 0 时，与“上年结转结余情况明细表”中同名项目一致（结转资金与当年拨款
           合并编报的项目，分别比较两部分）；
        4. 项目总体目标文字中写明的预算金额（“按照目前 905 万元的预算”）与年度预算总额一致。
        项目名称按去空格、引号、统一破折号后完全相同，或去掉末尾括注（“（上年结转资金）”）
        后相同，或一方包含另一方且唯一时才比较。
    为什么
        绩效目标表与预算表由不同人填报，项目金额常常没有同步修改；同一项目两个金额，读者
        无法判断以哪个为准。
    反例
        年度预算总额 10.69，其中：财政拨款 5.21，其他资金 5.00；或结转表中该项目为 3.00、
        绩效目标表其他资金为 5.00。
    正例
        年度预算总额 10.69 = 财政拨款 5.21 + 其他资金 5.48，且与表 7、表 11 同名项目一致。
    选项
        无
    """

    code = "TC603"
    name = "performance-budget-mismatch"
    category = "amount"
    severity = "error"

    def check(self, ctx):
        tables = project_tables(ctx.document)
        # Row keys of each project table, made once per document (not once per 绩效目标表 × key).
        row_keys = {(id(t), name_col): project_row_keys(t, name_col) for t, name_col, _, _ in tables}
        for pt in ctx.performance:
            unit = money_unit(pt)
            yield from self._sum(ctx, pt, unit)
            yield from self._goal_budget(ctx, pt, unit)
            if pt.project is not None and pt.kind == "project":
                yield from self._cross(ctx, pt, unit, tables, row_keys)

    def _sum(self, ctx, pt, unit):
        total, fiscal, other = pt.total, pt.fiscal, pt.other
        if not (total and fiscal and other):
            return
        parts = fiscal.value.interval + other.value.interval
        if parts.overlaps(total.value.interval):
            return
        s = fiscal.value.value + other.value.value
        yield self.diagnostic(
            ctx,
            f"{pt.name}：年度预算总额 {_fmt(total.value)} {unit} ≠ 财政拨款 {_fmt(fiscal.value)} + 其他资金 "
            f"{_fmt(other.value)} = {format_decimal(s, max(fiscal.value.decimals, other.value.decimals))} {unit}",
            total.location, total.text,
            related=[Related(kind="figure", text=f.text, line=f.location.line, source_column=f.location.column,
                             table=pt.table.id, value=str(f.value.value)) for f in (fiscal, other)],
            suggestion="核对年度预算总额及其资金来源",
            key=f"{pt.table.id}|sum",
        )

    def _goal_budget(self, ctx, pt, unit):
        if pt.total is None or pt.overall_goal is None:
            return
        for m in goal_budget_mentions(pt, ctx.lexicon):
            if m.value.interval_in(unit).overlaps(pt.total.value.interval):
                continue
            yield self.diagnostic(
                ctx,
                f"{pt.name}的项目总体目标写“{m.sentence.text.strip()}”（{m.text}），与本表年度预算总额 "
                f"{_fmt(pt.total.value)} {unit} 不一致",
                m.location, m.text,
                related=[cell_evidence(pt, _lt(pt.total), "年度预算总额"),
                         Related.sentence(m.sentence, m.sentence.location)],
                suggestion=f"核对后统一为 {_fmt(pt.total.value)} {unit}",
                severity="warning",
                key=f"{pt.table.id}|goal-budget|{m.text}",
            )

    def _cross(self, ctx, pt, unit, tables, row_keys=None):
        keys = project_name_keys(pt.project.text)
        for table, name_col, value_col, role in tables:
            figure = pt.fiscal if role == "project" else pt.other
            if figure is None or (role == "carry" and figure.value.value <= 0):
                continue
            row = None
            for k in keys:
                row = find_project_row(table, name_col, k, (row_keys or {}).get((id(table), name_col)))
                if row is not None:
                    break
            if row is None:
                continue
            cell = row.cell(value_col)
            if cell is None or cell.value is None:
                continue
            theirs = Number(cell.value.value, cell.value.decimals, table.unit).interval_in(unit)
            if theirs.overlaps(figure.value.interval):
                continue
            if pt.total is not None and theirs.overlaps(pt.total.value.interval):
                continue  # that table carries the whole project (current + carried-over funds)
            if role == "project" and _fiscal_column_agrees(table, row, figure, unit):
                continue  # the project table's own 财政拨款 column says the same (合计 adds 单位资金)
            what = "财政拨款" if role == "project" else "其他资金"
            col = table.column(value_col)
            yield self.diagnostic(
                ctx,
                f"{pt.name}的{what} {_fmt(figure.value)} {unit} 与{table.name}中同名项目“{row.label or pt.project.text}”"
                f"的“{col.label if col else ''}” {cell.text.text} {table.unit} 不一致"
                + (f"（年度预算总额 {_fmt(pt.total.value)} {unit} 也不相符）" if pt.total is not None else ""),
                figure.location, figure.text,
                related=[Related.cell(table, row, value_col), cell_evidence(pt, pt.project, "项目名称")],
                suggestion="核对两表中该项目的金额",
                severity="error" if role == "project" else "warning",
                key=f"{pt.table.id}|{role}|{table.id}",
            )


def _fiscal_column_agrees(table, row, figure, unit) -> bool:
    """The row's amount under a 财政拨款 header (its 小计/合计 or the column itself) equals the figure."""
    for col in table.columns:
        if not any("财政拨款" in p for p in col.path):
            continue
        cell = row.cell(col.index)
        value = cell.value if cell is not None and cell.value is not None else Number(Decimal(0), 2)
        if Number(value.value, value.decimals, table.unit).interval_in(unit).overlaps(figure.value.interval):
            return True  # an empty 财政拨款 cell is 0 (a project paid from 单位资金 only)
    return False


def _lt(figure):
    loc = figure.location
    return LocatedText(figure.text, tuple((loc.line, loc.column + i) for i in range(len(figure.text))))
