"""Rules' shortcuts against the reference logic they replace: the same findings on the seed and on
varied synthetic tables."""
from __future__ import annotations

import dataclasses
import random
from collections import Counter
from types import SimpleNamespace

from textcheck.config import Config
from textcheck.document import Cell, LocatedText, Row
from textcheck.layout_facts import is_code_or_count_column
from textcheck.numbers import MONEY_UNITS, parse_number
from textcheck.performance import is_performance_table


def _tc804_reference(tables):
    """TC804 as it was: every cell without a number stripped to look for the "※" row, each
    column's precisions counted."""
    out = []
    for table in tables:
        if is_performance_table(table) or table.unit not in MONEY_UNITS:
            continue
        by_col: dict[int, list] = {}
        for row in table.rows:
            found = []
            for c in row.cells:
                if c.value is not None:
                    if c.value.unit != "%":
                        found.append(c)
                elif c.text.text.strip() == "※":
                    break
            else:
                for c in found:
                    by_col.setdefault(c.col, []).append((row, c))
        for col, cells in by_col.items():
            column = table.column(col)
            if column is not None and is_code_or_count_column(column.label):
                continue
            if len(cells) < 3:
                continue
            counts = Counter(c.value.decimals for _, c in cells)
            usual, n = counts.most_common(1)[0]
            if usual == 0 or n * 2 <= len(cells):
                continue
            out += [(table.id, col, row.index, c.text.text) for row, c in cells if c.value.decimals != usual]
    return out


def _cell(text, row, col):
    return Cell(LocatedText(text, tuple((row + 1, k + 1) for k in range(len(text)))), row, col, parse_number(text))


def test_tc804_finds_what_the_reference_finds(sample_text):
    from textcheck.readers import read_text
    from textcheck.rules.tc804 import InconsistentDecimals

    tables = list(read_text(sample_text, path="seed.txt").tables)
    rng = random.Random(804)
    figures = ["1.00", "2.50", "3", "4.5", "1,422.65", "0.00", "12%", "※", " ※ ", "合计", "", "7.125"]
    base = tables[0]
    for k in range(300):
        rows = tuple(Row(i, tuple(_cell(rng.choice(figures), i, c) for c in range(rng.randint(1, 4))), label="")
                     for i in range(rng.randint(0, 9)))
        tables.append(dataclasses.replace(base, id=f"S{k}", rows=rows, columns=(), unit=rng.choice(["万元", "元", None])))
    ctx = SimpleNamespace(document=SimpleNamespace(tables=tables), config=Config())
    found = [(d.key.split("|")[0], d.text) for d in InconsistentDecimals().check(ctx)]
    expected = [(t, text) for t, _, _, text in _tc804_reference(tables)]
    assert found == expected
    assert any(t.startswith("S") for t, _ in found)  # the synthetic tables have findings


def test_tc808_reads_the_declared_unit_of_rate_names_only_with_the_same_findings(sample_text):
    """TC808 as it was asked every indicator's declared unit first: (declared % or a rate name)
    and not declared % is a rate name not declared %."""
    from textcheck.api import get_checker
    from textcheck.performance import FORM_QUANTITY
    from textcheck.readers import read_text
    from textcheck.rules.tc808 import PercentWithoutSign

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    expected = []
    for pt in ctx.performance:
        for ind in pt.indicators:
            declared = ind.declared_unit
            if not (declared in ("%", "％") or ind.clean_name.endswith(("率", "满意度", "比例", "比重", "占比"))):
                continue
            if declared in ("%", "％"):
                continue
            for column, t in (("指标值", ind.target), ("上年完成值", ind.previous)):
                if t is None or t.form != FORM_QUANTITY or t.unit or t.value is None or t.value.value == 0:
                    continue
                expected.append(f"{pt.table.id}|{ind.name.text}|{column}")
    found = [d.key for d in PercentWithoutSign().check(ctx) if not d.key.startswith("text|")]
    assert found == expected
    assert any(ind.clean_name.endswith("率") for pt in ctx.performance for ind in pt.indicators)


def _unit_slip_item_reference(claim, tol):
    from decimal import Decimal

    from textcheck.rulekit.arithmetic import money_interval, parts_interval, significant_digits, totals_of

    items = [i for i in claim.items if i.value is not None and i.value.number.unit in MONEY_UNITS]
    totals = [t for t in totals_of(claim) if t.number.unit in MONEY_UNITS]
    if len(items) < 2 or not totals:
        return None
    unit = totals[0].number.unit
    if any(parts_interval(items, unit, tol).overlaps(money_interval(t, unit)) for t in totals):
        return None
    for item in items:
        n = item.value.number
        ratio = MONEY_UNITS[n.unit] / MONEY_UNITS[unit]
        if ratio not in (Decimal(10000), Decimal("0.0001")) or not n.value or significant_digits(n) < 3:
            continue
        if any(parts_interval(items, unit, tol, slip=item).overlaps(money_interval(t, unit)) for t in totals):
            return item, totals[0]
    return None


def test_unit_slips_found_as_the_reference():
    """unit_slip_item skips lists without an item that could be the slip before summing them."""
    from decimal import Decimal

    from textcheck.rulekit.arithmetic import unit_slip_item

    rng = random.Random(204)
    figures = ["0", "0.00", "1,682.76", "5", "12.5", "100", "3,977.09", "0.1682", "16,827,600", "1682.76", "2,000"]
    units = ["万元", "元", "亿元", "%", None]

    def quantity():
        n = parse_number(rng.choice(figures))
        return SimpleNamespace(number=dataclasses.replace(n, unit=rng.choice(units)))

    found = 0
    for _ in range(4000):
        items = [SimpleNamespace(value=quantity() if rng.random() < 0.9 else None) for _ in range(rng.randint(0, 4))]
        whole = SimpleNamespace(value=quantity()) if rng.random() < 0.5 else None
        claim = SimpleNamespace(items=items, value=quantity() if rng.random() < 0.8 else None, whole=whole)
        tol = rng.choice([Decimal(0), Decimal("0.01")])
        expected = _unit_slip_item_reference(claim, tol)
        assert unit_slip_item(claim, tol) == expected
        found += expected is not None
    # lists built to slip: 1,682.76 元 among 万元 parts that need it in 万元
    for _ in range(200):
        total = parse_number("3,977.09")
        items = [SimpleNamespace(value=SimpleNamespace(number=dataclasses.replace(parse_number("2,294.33"), unit="万元"))),
                 SimpleNamespace(value=SimpleNamespace(number=dataclasses.replace(parse_number("1,682.76"), unit="元")))]
        claim = SimpleNamespace(items=items, value=SimpleNamespace(number=dataclasses.replace(total, unit="万元")),
                                whole=None)
        expected = _unit_slip_item_reference(claim, Decimal(0))
        assert unit_slip_item(claim, Decimal(0)) == expected
        found += expected is not None
    assert found


def test_change_facts_found_once_are_each_claims_own(sample_text):
    """The change rules read Context.change_facts (once per document) and ChangeFacts.rate_for
    (once per direction): the same as change_facts(claim) and a fresh rate_for."""
    from textcheck.api import get_checker
    from textcheck.claim import DECREASE, INCREASE
    from textcheck.readers import read_text
    from textcheck.rulekit.changes import change_facts

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    facts = ctx.change_facts
    assert facts
    for claim in ctx.claims:
        f = change_facts(claim)
        assert facts.get(id(claim)) == f
        if f is None:
            continue
        shared = facts[id(claim)]
        for d in (None, INCREASE, DECREASE, None, DECREASE):
            assert shared.rate_for(d) == change_facts(claim).rate_for(d)
