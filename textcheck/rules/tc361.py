"""TC361 previous-year-figure-mismatch: a "比上年" figure disagrees with last year's disclosure."""
from __future__ import annotations

from textcheck.crossyear.evidence import (cell_name, document_name, last_year_related, last_year_table_related,
                                          this_year_related)
from textcheck.document import Location
from textcheck.numbers import format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rules.base import Rule


class PreviousYearFigureMismatch(Rule):
    """正文“比上年增加/减少……”推出的上年数（或直接写出的上年数）与上年公开表格中同一项目的数不符。

    检查什么
        有上年同一部门的公开文件时（`textcheck check 本年.pdf --previous 上年.pdf`，或 `scan`
        自动配对相邻年度），正文中每个“与上年相比增加 X 万元”“比上年预算减少 X 万元”
        “与上年预算数一致”“比 2025 年预算数 A 万元”的说法：本年数 − 增减额（或写出的上年数，
        或持平时的本年数）就是上年数，与上年公开表中同一表（按表的口径）、同一科目编码
        （或合计行、同名行）、同一栏的数比较，均按四舍五入区间计算。本年数取自该句已确定
        关联的本年表格单元格。
    为什么
        增减额常常是手工计算的；上年数写错、用了调整后的上年数、或本年数改了而增减额没改，
        只有对照上年的公开文件才能发现。
    反例
        本年表“行政运行”8,072.29 万元，正文“与上年相比增加 1,965.30 万元”，推出上年
        6,106.99 万元；上年公开表中该科目为 6,206.99 万元。
    正例
        上年公开表中该科目为 6,106.99 万元（差额在四舍五入范围内也不报告）。
        科目编码相同而名称改了、或同名科目换了编码（科目调整）时最多报警告，并说明可能是
        科目调整；比较基数为上年决算/执行数的说法不与上年预算表比较。上年同口径表中没有的
        科目（本年新增）按上年数 0 比较，推出的上年数不为 0 时只报警告“上年公开表中无此科目”。
    选项
        无
    """

    code = "TC361"
    name = "previous-year-figure-mismatch"
    category = "change"
    severity = "error"

    def check(self, ctx):
        model = ctx.crossyear
        if model is None:
            return
        last_name = document_name(model.previous)
        if model.skipped:  # say why nothing was compared: an absence of findings proves nothing here
            yield self.diagnostic(ctx, f"未与对照文件 {last_name} 比较：{model.skipped}", Location(1, 1, 1, 1), "",
                                  severity="info", key=f"skipped|{model.skipped}",
                                  suggestion="核对 --previous 所给文件是否为同一部门上一年度的公开文件")
            return
        yield from self._new_items(ctx, model, last_name)
        for pair in model.claims:
            last = pair.match.last
            unit = last.unit
            if pair.agrees():
                continue
            claim = pair.claim
            sure = pair.match.sure and pair.confident
            severity = "error" if sure else "warning"
            shown = format_decimal(pair.previous.mid, max(last.number.decimals, 2))
            if pair.how == "stated":
                span, how = claim.previous.span, f"正文写明上年数 {claim.previous.span.text}"
            elif pair.how == "flat":
                span, how = claim.value.span, f"正文说与上年持平，上年数应为 {claim.value.span.text}"
            else:
                sign = "−" if claim.direction == "increase" else "+"
                span = claim.change.span
                taken = "（增减额一句未写本年数，取自前文）" if claim.inherited == "amount" else ""
                how = (f"本年 {claim.value.span.text}{taken} {sign} 增减额 {claim.change.span.text} = "
                       f"上年 {shown}{unit or ''}")
            notes = []
            if pair.match.note:
                notes.append(pair.match.note)
            if claim.subject_note:
                notes.append(claim.subject_note)
            if not pair.confident:
                notes.append("本句与本年表格的关联不唯一")
            note = f"（{'；'.join(notes)}，请人工确认）" if notes else ""
            message = (f"“{span.text}”与上年公开文件不符：{how}，而上年公开文件 {last_name} "
                       f"{cell_name(last)}为 {last.number}"
                       f"{unit or ''}{note}")
            yield self.diagnostic(
                ctx, message, span.location, span.text,
                related=[Related.sentence(claim.sentence.text, claim.sentence.location),
                         this_year_related(pair.cell), last_year_related(last),
                         Related(kind="figure", text=f"上年数 {shown}", value=str(pair.previous.mid))],
                suggestion=f"核对增减额或上年数：上年公开数为 {last.number}{unit or ''}",
                severity=severity,
                key=f"{span.text}|{claim.value.span.text if claim.value else ''}|{last.table.name}|{last.row_label}|{last.number}")

    def _new_items(self, ctx, model, last_name):
        """A change about a 科目 last year's table lacks, whose implied previous figure is not 0:
        the 科目 may have been renamed or moved, so a warning."""
        for item in model.new_items:
            if item.agrees():
                continue
            claim, span = item.claim, item.claim.change.span if item.claim.change else item.claim.value.span
            shown = format_decimal(item.previous.mid, 2)
            yield self.diagnostic(
                ctx, f"“{span.text}”推出上年数 {shown}{item.cell.unit or ''}，但上年公开文件 {last_name} "
                     f"{item.last_table.table.name}中无此科目“{item.cell.row_label}”（可能是科目调整，请人工确认）",
                span.location, span.text, severity="warning",
                related=[Related.sentence(claim.sentence.text, claim.sentence.location),
                         this_year_related(item.cell), last_year_table_related(item.last_table)],
                suggestion="上年公开表中无此科目：核对增减额，或确认该科目上年的名称和编码",
                key=f"new|{span.text}|{item.cell.row_label}")
