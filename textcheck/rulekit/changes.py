"""A change statement's figures ("比上年增加 120.00 万元，增长 5.2%") in one unit, shared by
the change rules (TC301–TC304)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from textcheck.claim import DECREASE, INCREASE
from textcheck.numbers import MONEY_UNITS, PERCENT, Interval, format_decimal
from textcheck.report.diagnostic import Related

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
    # rate_for of each direction asked, found once for the change rules that all ask it
    _rates: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def previous(self, direction: str | None = None) -> Interval:
        """Previous amount implied by the stated direction (or another one)."""
        d = direction or self.direction
        return self.current - self.change if d == INCREASE else self.current + self.change

    def rate_for(self, direction: str | None = None) -> Interval | None:
        """Reachable rate interval in % (None when the previous amount may be zero or negative)."""
        d = direction or self.direction
        if d in self._rates:
            return self._rates[d]
        prev = self.previous(d)
        if prev.lo <= 0:
            rate = None
        else:
            q = self.change / prev
            rate = q.scale(HUNDRED) if q else None
        self._rates[d] = rate
        return rate

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


def document_change_facts(claims) -> dict[int, ChangeFacts]:
    """id(claim) → ``change_facts(claim)`` of each claim that has them (``Context.change_facts``:
    found once for the four change rules, which each read every claim's)."""
    out = {}
    for claim in claims or ():
        facts = change_facts(claim)
        if facts is not None:
            out[id(claim)] = facts
    return out


def pct(v: Decimal, decimals: int = 2) -> str:
    return format_decimal(v, decimals) + "%"


def figures(claim) -> list[Related]:
    out = [Related.sentence(claim.sentence.text, claim.sentence.location)]
    for q in (claim.value, claim.change, claim.rate):
        if q is not None:
            out.append(Related.stated(q))
    return out
