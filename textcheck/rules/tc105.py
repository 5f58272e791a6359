"""TC105 cross-table-mismatch: the same quantity stated in several tables disagrees."""
from __future__ import annotations

from textcheck import tables as T
from textcheck.report.diagnostic import Related
from textcheck.rulekit.evidence import cell_location
from textcheck.rulekit.sums import SumRule

ROW_WORDS = {"total": "总计"}
FUND_WORDS = {
    "all": "全部资金", "fiscal": "财政拨款", "fiscal-current": "本年财政拨款（补助）", "general": "一般公共预算",
    "general-own": "本级一般公共预算", "fund": "政府性基金预算", "soe": "国有资本经营预算",
}
MEASURE_WORDS = {"total": "合计", "basic": "基本支出", "project": "项目支出", "personnel": "人员经费",
                 "public": "公用经费"}


class CrossTableMismatch(SumRule):
    """同一数量在不同表中数值不一致（超出四舍五入误差）。

    检查什么
        按表题、表头和行的概念（列概念词表 lexicons/columns.yml）识别出“同一数量”：
        资金范围（全部资金、财政拨款、一般公共预算…）、口径（合计、基本支出、项目支出、
        人员经费、公用经费）和行（总计行，或同一分类编码的行）都相同的单元格，跨表比较。
        例如收支总表的收入总计、收入总表的总计、支出总表的总计；一般公共预算支出表
        与财政拨款收支总表“一般公共预算”栏中同一科目；一般公共预算支出表的基本支出
        总计与一般公共预算基本支出表的总计。多数表一致时，报告与多数不一致的那一处。
    为什么
        公开表格互相勾稽，同一数字在不同表中不同，读者无法判断哪一个正确。
    反例
        表 1“收入总计”3,977.09，表 3“总计/合计”3,987.09。
    正例
        表 3（全部资金）基本支出 1,422.65 与表 5（仅一般公共预算）的基本支出即使不同也
        不比较：资金范围不同，不是同一数量。
    选项
        无（全局 tolerance 适用）。
    """

    code = "TC105"
    name = "cross-table-mismatch"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        for key, quantities in analysis.by_key().items():
            # (a key of one quantity, most keys, is in one table)
            if len(quantities) < 2 or len({id(q.table) for q in quantities}) < 2:
                continue

            def agree(a, b):
                ia, ib = a.number.interval, b.number.interval
                return ia.lo - tol <= ib.hi and ib.lo - tol <= ia.hi

            # Each statement is judged against the statement in another table that most
            # others agree with; on a tie (one table against one) the later one is reported.
            # (counted over distinct intervals: a long document repeats its tables, and comparing
            # every statement with every other made the check quadratic in them)
            counts: dict[tuple, int] = {}
            firsts: dict[tuple, object] = {}
            for o in quantities:
                iv = o.number.interval
                k = (iv.lo, iv.hi)
                counts[k] = counts.get(k, 0) + 1
                firsts.setdefault(k, o)
            by_interval = {k: sum(n for k2, n in counts.items() if agree(firsts[k], firsts[k2])) for k in counts}
            support = [by_interval[(q.number.interval.lo, q.number.interval.hi)] for q in quantities]
            for i, q in enumerate(quantities):
                others = [j for j, o in enumerate(quantities) if o.table is not q.table]
                if not others:
                    continue
                j = max(others, key=lambda k: (support[k], -k))
                ref = quantities[j]
                if agree(q, ref) or support[i] > support[j] or (support[i] == support[j] and i < j):
                    continue
                yield self._report(ctx, key, q, ref)

    def _report(self, ctx, key, q, ref):
        subject, fund, measure, row_key, _ = key
        what = "、".join(w for w in (FUND_WORDS.get(fund, fund), MEASURE_WORDS.get(measure, measure)) if w)
        row = "总计" if row_key == ("total",) else f"科目 {row_key[1]}"
        diff = abs(q.number.value - ref.number.value)
        decimals = max(q.number.decimals, ref.number.decimals)
        msg = (f"{q.table.name}“{q.row_label}/{q.column_label}”{q.number} 与 {ref.table.name}"
               f"“{ref.row_label}/{ref.column_label}”{ref.number} 不一致（同为{row}的{what}，"
               f"相差 {T.format_decimal(diff, decimals)}，超出四舍五入误差范围）")
        related = [self._cell(q), self._cell(ref)]
        loc = cell_location(q.table, q.row, q.col)
        return self.diagnostic(ctx, msg, loc, str(q.number), related,
                               suggestion=f"核对两表，统一为正确数值（多数表格为 {ref.number}）",
                               key=f"{q.table.id}|{ref.table.id}|{key}")

    @staticmethod
    def _cell(q):
        r = Related.cell(q.table, q.row, q.col)
        return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=r.table,
                       row=q.row_label, column_label=q.column_label, page=r.page, ref=r.ref)
