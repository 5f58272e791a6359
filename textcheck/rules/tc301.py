"""TC301 change-rate-mismatch: the stated growth rate does not follow from the amount and its change."""
from __future__ import annotations

from textcheck.claim import DECREASE, INCREASE
from textcheck.numbers import format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.changes import WORD, figures, pct
from textcheck.rulekit.lastdigit import severity_and_note
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule


class ChangeRateMismatch(Rule):
    """所述增减幅度与本年金额、增减额推算的幅度不符（区间算术）。

    检查什么
        “本年 C 万元，比上年增加（减少）D 万元，增长（下降）R%”：上年 = C ∓ D，
        幅度 = D ÷ 上年。C、D 按所写小数位取舍入区间，推算出幅度的可取区间；所述 R%
        （同样按其小数位取区间）与之不相交才报告。所述幅度与可取区间只差末位一个单位以内
        （2.3153% 写作 2.31%：截断；或为使各项合计为 100% 而调整的尾差）时报告 warning，
        相差更多时报告 error。
    为什么
        增减幅度是读者最关注的数字之一；与金额对不上，说明金额或幅度有一个抄错。
    反例
        “基本支出 1,422.65 万元，比上年预算增加 78.13 万元，增长 5.18%”：上年 1,344.52 万元，
        78.13 ÷ 1,344.52 = 5.81%，不是 5.18%。
    正例
        “项目支出 2,533.43 万元，比上年预算增加 2,398.63 万元，增长 1,779.40%”：上年 134.80，
        幅度可取 1,779.27%–1,779.55%，包含 1,779.40%。
    选项
        无（末位一个单位以内为 warning，见“检查什么”；可用 severity 配置统一调整级别）。
        上年为 0 的情形见 TC303，增减额大于本年金额见 TC304，方向词矛盾见 TC302。
    """

    code = "TC301"
    name = "change-rate-mismatch"
    category = "change"
    severity = "error"

    def check(self, ctx):
        facts = ctx.change_facts
        for claim in ctx.claims or ():
            f = facts.get(id(claim))
            if f is None or f.rate is None:
                continue
            reach = f.rate_for()
            if reach is None or reach.overlaps(f.rate):
                continue
            other = DECREASE if f.direction == INCREASE else INCREASE
            alt = f.rate_for(other)
            if alt is not None and alt.overlaps(f.rate):
                continue  # the rate fits the opposite direction: TC302 reports the direction word
            if claim.rate_direction in (INCREASE, DECREASE) and claim.rate_direction != f.direction:
                continue  # contradicting direction words: TC302
            prev = f.exact_previous()
            exact = f.exact_rate()
            d = claim.rate.number.decimals
            v, c = claim.value.number, claim.change.number
            op = "−" if f.direction == INCREASE else "+"
            msg = (f"增减幅度与金额不符：上年 = {shown(v)} {op} {shown(c)} = {format_decimal(prev, 2)} {f.unit}，"
                   f"{WORD[f.direction]}幅度 = {shown(c)} ÷ {format_decimal(prev, 2)} = {pct(exact, max(d, 2))}"
                   f"（按舍入区间可取 {pct(reach.lo, max(d, 2) + 1)}–{pct(reach.hi, max(d, 2) + 1)}），"
                   f"正文为 {shown(claim.rate.number)}%")
            severity, note = severity_and_note(claim.rate.number, reach)
            msg += note
            related = figures(claim)
            related.append(Related(kind="figure", text=f"{shown(c)} ÷ {format_decimal(prev, 2)} = {pct(exact, max(d, 2))}",
                                   value=str(exact)))
            yield self.diagnostic(ctx, msg, claim.rate.span.location, claim.rate.span.text, related,
                                  severity=severity,
                                  suggestion=f"核对增减额与幅度，按金额推算应为 {pct(exact, d)}",
                                  key=f"{claim.subject}|{shown(v)}|{shown(c)}|{shown(claim.rate.number)}")
