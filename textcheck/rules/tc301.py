"""TC301 change-rate-mismatch: the stated growth rate does not follow from the amount and its change."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from textcheck.claim import DECREASE, INCREASE
from textcheck.numbers import MONEY_UNITS, PERCENT, Interval, format_decimal
from textcheck.report.diagnostic import Related
from textcheck.linking import shown
from textcheck.rules._lastdigit import severity_and_note
from textcheck.rules.base import Rule

HUNDRED = Decimal(100)
WORD = {INCREASE: "增加", DECREASE: "减少"}


@dataclass(frozen=True)
class ChangeFacts:
    """The figures of one change statement, in the current amount's unit."""

    claim: object
    unit: str
    current: Interval
    change: Interval
    rate: Interval | None  # stated rate in %
    direction: str

    def previous(self, direction: str | None = None) -> Interval:
        """Previous amount implied by the stated direction (or another one)."""
        d = direction or self.direction
        return self.current - self.change if d == INCREASE else self.current + self.change

    def rate_for(self, direction: str | None = None) -> Interval | None:
        """Reachable rate interval in % (None when the previous amount may be zero or negative)."""
        prev = self.previous(direction)
        if prev.lo <= 0:
            return None
        q = self.change / prev
        return q.scale(HUNDRED) if q else None

    def exact_previous(self, direction: str | None = None) -> Decimal:
        d = direction or self.direction
        cur = self.claim.value.number.value
        chg = self.claim.change.number.interval_in(self.unit).mid
        return cur - chg if d == INCREASE else cur + chg

    def exact_rate(self, direction: str | None = None) -> Decimal | None:
        prev = self.exact_previous(direction)
        if prev <= 0:
            return None
        return self.claim.change.number.interval_in(self.unit).mid / prev * HUNDRED


def change_facts(claim) -> ChangeFacts | None:
    """Facts of a claim stating a current amount and a change, or None."""
    value, change = claim.value, claim.change
    if value is None or change is None or claim.direction not in (INCREASE, DECREASE):
        return None
    unit = value.number.unit
    if unit not in MONEY_UNITS or change.number.unit not in MONEY_UNITS:
        return None
    if value.number.value < 0 or change.number.value < 0:
        return None  # a signed change is TC302's business
    rate = claim.rate.number.interval if claim.rate is not None and claim.rate.number.unit == PERCENT else None
    if rate is not None and claim.rate.number.value < 0:
        rate = None
    return ChangeFacts(claim, unit, value.number.interval, change.number.interval_in(unit), rate, claim.direction)


def pct(v: Decimal, decimals: int = 2) -> str:
    return format_decimal(v, decimals) + "%"


def figures(claim) -> list[Related]:
    out = [Related.sentence(claim.sentence.text, claim.sentence.location)]
    for q in (claim.value, claim.change, claim.rate):
        if q is not None:
            out.append(Related.stated(q))
    return out


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
        for claim in ctx.claims or ():
            f = change_facts(claim)
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
