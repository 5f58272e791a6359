"""The cross-year model: this year's disclosure matched, cell by cell, to last year's.

A budget disclosure compares nearly every figure with last year ("比上年预算增加 78.13 万元"),
and its tables often carry a 上年 column.  Inside one document only the arithmetic of the
sentence can be checked; with last year's disclosure of the same department at hand the
previous-year figure itself can be proven.  This module decides, once, which cell of last
year's tables each of this year's figures is about; the rules TC361/TC362 only compare.

Modules: ``keys`` (table role, row and column concepts), ``index`` (last year's cells by
concept, ``find``), ``evidence`` (Related entries naming both documents); this module
matches this year's claims and 上年 columns.

Matching is by concept, read from the table model, never by position:

* a table's role: its profile from ``tables.analyse`` (subject, fund, measure, direction:
  "一般公共预算支出表" of 2017 and 2018 are one role whatever their numbers), else its title
  without the year;
* a row: its classification code, else the total row, else its label (``normalize_term``),
  else the one body row of a one-row table (三公经费表);
* a column: its fund and measure (``tables.column_lexicon``), else its header path with the
  year written as 本年/上年 relative to the document's own year ("2025年预算数/合计" in the
  2026 disclosure is "上年预算数/合计", in the 2025 one "本年预算数/合计").

``sure`` marks a match that may prove an error: same code and same name, or the same total
or named row of tables of one role.  A code whose name changed, or a name found under another
code, is a 科目 renamed or moved between years: ``note`` says so and the rules report at most
a warning.  Rounding: every figure is an interval (``numbers.Interval``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck.crossyear.index import (
    CellAt, Match, _alternatives, _Index, absent_code, build_index, find, find_empty)
from textcheck.crossyear.keys import (
    OUTTURN_BASE_WORDS, _bare, _header_variants, _year, budget_columns, column_key, empty_amount, last_year_keys,
    previous_columns, row_key, row_keys, row_name, table_role, value_columns, value_of)
from textcheck.departments import department_key
from textcheck.document import Document
from textcheck.lexicon import normalize_term
from textcheck.numbers import MONEY_UNITS, Interval, Number


@dataclass(frozen=True)
class ClaimPair:
    """A narrative change claim whose previous-year figure can be read in last year's table."""

    claim: object  # textcheck.claim.Claim
    cell: CellAt  # this year's cell the claim restates (its link)
    previous: Interval  # the previous-year figure the sentence states or implies, in last year's unit
    how: str  # "stated" (比上年的 A), "implied" (本年 − 增加额), "flat" (与上年持平)
    match: Match
    confident: bool  # the claim's link is confident
    # not confident: last year's cells of the same item in any table and column; the claim is
    # consistent when it agrees with any of them (value-aware, like linking)
    alternatives: tuple[CellAt, ...] = ()

    def agrees(self) -> bool:
        return any(c.interval_in(self.match.last.unit).overlaps(self.previous)
                   for c in (self.match.last, *self.alternatives))


@dataclass(frozen=True)
class NewItem:
    """A change claim about a 科目 (classification code) last year's table of the same role
    does not have: consistent when the implied previous-year figure is 0 ("新增"); otherwise
    the 科目 may have been renamed or moved, so at most a warning."""

    claim: object  # textcheck.claim.Claim
    cell: CellAt  # this year's cell the claim restates
    previous: Interval  # the implied previous-year figure, in the cell's unit
    how: str
    last_table: CellAt  # a cell of last year's table of the same role (its file, page and name)

    def agrees(self) -> bool:
        return self.previous.lo <= 0 <= self.previous.hi


@dataclass(frozen=True)
class ColumnPair:
    """A cell of this year's 上年 column and last year's cell of the same concept."""

    cell: CellAt
    match: Match


@dataclass
class CrossYear:
    previous: Document | None
    claims: list[ClaimPair] = field(default_factory=list)
    columns: list[ColumnPair] = field(default_factory=list)
    # a final account against the same year's budget: its 预算数 cells and the budget's cells
    budget_columns: list[ColumnPair] = field(default_factory=list)
    # change claims about a 科目 last year's tables do not have (compared with 0)
    new_items: list[NewItem] = field(default_factory=list)
    # change claims that could not be matched to last year's tables (no link, no counterpart)
    unmatched_claims: int = 0
    skipped: str | None = None  # why nothing was compared (years do not follow each other)


def _in_unit(number: Number, unit: str | None) -> Interval | None:
    if unit is None or number.unit == unit:
        return number.interval
    if number.unit in MONEY_UNITS and unit in MONEY_UNITS:
        return number.interval_in(unit)
    return None


def previous_figure(claim, unit: str | None) -> tuple[Interval, str] | None:
    """The previous-year figure a claim states ("比上年的 A") or implies (本年 − 增加额, or
    本年 when 持平/一致), in ``unit``; None when the base is last year's outturn."""
    if claim.base and any(w in claim.base for w in OUTTURN_BASE_WORDS):
        return None  # compared with last year's outturn, not its budget
    if claim.previous is not None:
        iv = _in_unit(claim.previous.number, unit)
        return (iv, "stated") if iv is not None else None
    current = _in_unit(claim.value.number, unit) if claim.value is not None else None
    if current is None:
        return None
    if claim.change is None:
        return (current, "flat") if claim.direction == "flat" else None
    if claim.direction not in ("increase", "decrease"):
        return None
    change = _in_unit(claim.change.number, unit)
    if change is None:
        return None
    return current - (change if claim.direction == "increase" else -change), "implied"


FINAL_ACCOUNT, BUDGET = "final-account", "department-budget"  # textcheck.families kinds


def build(this: Document, analysis, links, previous: Document, previous_analysis,
          kinds: tuple[str | None, str | None] = (None, None), whole_words: tuple[str, ...] = ()) -> CrossYear:
    """Match this year's change claims and 上年 columns to last year's tables — or, for a final
    account (决算) with the same year's budget disclosure as ``previous``, its 预算数 columns
    to the budget's tables (``kinds``: the two documents' kinds; ``whole_words``: the column
    lexicon's words for the whole of a column group, 合计 …)."""
    model = CrossYear(previous)
    year, other_year = _year(this), _year(previous)
    final = kinds == (FINAL_ACCOUNT, BUDGET)
    expected = year if final else (year - 1 if year is not None else None)
    here, there = department_key(this.meta.get("department")), department_key(previous.meta.get("department"))
    if here and there and here != there:  # a pairing by misread names must not compare two departments
        model.skipped = f"对照文件的部门为{previous.meta.get('department')}，本文件为{this.meta.get('department')}"
        return model
    if not final and None not in kinds and kinds[0] != kinds[1]:
        # last year's final account is not last year's budget: its 决算数 are other figures
        model.skipped = f"对照文件是{kinds[1]}，本文件是{kinds[0]}"
        return model
    if expected is not None and other_year is not None and other_year != expected:
        model.skipped = f"对照文件的年度为 {other_year}，本文件为 {year}"
        return model
    index = build_index(previous, previous_analysis)
    roles = {id(ta.table): table_role(ta, year) for ta in analysis.tables}
    by_table = {id(ta.table): ta for ta in analysis.tables}
    keys = {id(ta.table): row_keys(ta) for ta in analysis.tables}
    if not final:
        for link in links or ():
            _match_claim(model, this, link, index, roles, by_table, keys, year, analysis.tables)
    for ta in analysis.tables:
        role = roles[id(ta.table)]
        if role is None or ta.table.kind != "standard":
            continue
        for col in (budget_columns(ta) if final else previous_columns(ta, year)):
            pair = _column_pairs(this, ta, col, role, keys[id(ta.table)], index, year, whole_words)
            (model.budget_columns if final else model.columns).extend(pair)
    return model


def _column_pairs(this: Document, ta, col: int, role, keys, index: _Index, year,
                  whole_words: tuple[str, ...]) -> list[ColumnPair]:
    cks = last_year_keys(ta, col, year, whole_words)
    out = []
    for row in ta.table.rows:
        found, n = row_key(ta, keys, row, col), value_of(row, col)
        if found is None or n is None:
            continue
        rk, label = found
        m = find(index, role, rk, cks, label)
        if m is not None:
            out.append(ColumnPair(CellAt(this, ta.table, row, col, n, row_name(rk, label), ta.column_name(col)), m))
    return out


# A label shorter than this is a word ("支出"), not the name of an item ("会议费").
_MIN_NAME = 3


def _agrees(value: Number, number: Number, unit: str | None) -> bool:
    stated = _in_unit(value, unit or number.unit)
    return stated is not None and stated.overlaps(number.interval)


def _this_year_cells(claim, link, analysis_tables) -> tuple[list[tuple], bool]:
    """The cells of this year's tables the claim restates, and whether that is certain.

    A confident link's agreeing cells are certain.  Otherwise the claim is tied to the
    cells its value agrees with among the link's candidates, else among rows of its
    classification codes, else among rows or columns whose name the subject contains (or
    that contain the subject) — uncertain, so at most a warning can follow."""
    if link.confidence == "confident" and link.agreeing:
        return [(r.table, r.row, r.col, r.value) for r in link.agreeing], True
    value = claim.value.number
    if value.value == 0:  # 0 agrees with every empty-looking cell: tie it by name, not by value
        return _zero_cells(claim, analysis_tables), False
    found = [(r.table, r.row, r.col, r.value) for r in link.candidates
             if _agrees(value, r.value, r.value.unit or r.table.unit)]
    if found:
        return found, False
    subject = normalize_term(claim.subject)
    for ta in analysis_tables:
        t = ta.table
        if t.kind != "standard":
            continue
        for row in t.rows:
            for c in row.cells:
                n = value_of(row, c.col)
                if n is None or not _agrees(value, n, n.unit or t.unit):
                    continue
                if row.code and row.code in claim.codes:
                    found.append((t, row, c.col, n))
                    continue
                column = t.column(c.col)
                names = [normalize_term(row.label), normalize_term(column.label if column else "")]
                if any(len(nm) >= _MIN_NAME and len(subject) >= _MIN_NAME and (nm in subject or subject in nm)
                       for nm in names):
                    found.append((t, row, c.col, n))
    return found, False


def _zero_cells(claim, analysis_tables) -> list[tuple]:
    """The 0 or empty value cells whose row or column name the claim's subject contains."""
    subject = normalize_term(claim.subject)
    found = []
    for ta in analysis_tables:
        t = ta.table
        if t.kind != "standard":
            continue
        valued, keys = value_columns(ta), row_keys(ta)
        for row in t.rows:
            for col in sorted(valued):
                column, rk = t.column(col), row_key(ta, keys, row, col)
                names = (_bare(rk[1]) if rk else "", normalize_term(column.label if column else ""))
                # "公务用车购置费" is what "公务用车购置预算支出" is about
                if not any(len(nm.removesuffix("费")) >= _MIN_NAME and nm.removesuffix("费") in subject
                           for nm in names):
                    continue
                zero = empty_amount(row, col)
                if zero is not None:
                    found.append((t, row, col, zero))
    return found


def _against_last_year(claim, year: int | None) -> bool:
    """The claim compares with last year (its base, or its sentence, names 上年 / last year's number)."""
    words = ("上年",) + ((f"{year - 1}年",) if year else ())
    if claim.base:
        return any(w in claim.base for w in words)
    return any(w in claim.sentence.text for w in words)


def _match_claim(model: CrossYear, this: Document, link, index: _Index, roles, by_table, keys, year,
                 analysis_tables) -> None:
    claim = link.claim
    if not (claim.change or claim.previous or claim.direction == "flat") or not _against_last_year(claim, _year(this)):
        return
    if claim.value is None:  # a change with no amount of this year ("与上年相比增加 X")
        model.unmatched_claims += 1
        return
    refs, confident = _this_year_cells(claim, link, analysis_tables)
    matches, absent = [], []
    for table, row, col, number in refs:
        ta = by_table.get(id(table))
        role = roles.get(id(table))
        found = row_key(ta, keys[id(table)], row, col) if ta else None
        ck = column_key(ta, col, year) if ta else None
        if role is None or found is None or ck is None:
            continue
        rk, label = found
        m = find(index, role, rk, _header_variants(ck), label)
        if m is None and number.value == 0:  # "0 万元": last year's empty cell is 0 too
            m = find_empty(index, role, rk, _header_variants(ck))
        cell = CellAt(this, table, row, col, number, row_name(rk, label), ta.column_name(col))
        if m is not None:
            matches.append((cell, m, _alternatives(index, rk, label)))
        elif absent_code(index, role, rk) and not _alternatives(index, rk, label):
            absent.append((cell, role))
    if not matches and absent:
        _new_item(model, claim, absent, index)
        return
    if not matches:
        model.unmatched_claims += 1
        return
    # several agreeing cells (the same figure in the fiscal and the general table): for a
    # confident link their last-year counterparts must agree too, else the concept is unsure
    unit = matches[0][1].last.unit
    first = matches[0][1].last.interval_in(unit)
    if confident and any(not m.last.interval_in(unit).overlaps(first) for _, m, _ in matches[1:]):
        model.unmatched_claims += 1
        return
    cell, m, _ = min(matches, key=lambda cm: (not cm[1].sure, cm[0].table.index))
    figure = previous_figure(claim, unit)
    if figure is None:
        model.unmatched_claims += 1
        return
    # a claim tied to its cells by value only may mean another fund scope of the same item
    # (全部资金 rather than 财政拨款): every last-year cell of that item is a plausible base
    alternatives = () if confident else tuple(
        {id(c): c for _, other, alts in matches for c in (other.last, *alts)}.values())
    model.claims.append(ClaimPair(claim, cell, figure[0], figure[1], m, confident, alternatives))


def _new_item(model: CrossYear, claim, absent: list[tuple], index: _Index) -> None:
    """A claim whose 科目 last year's tables of the same role lack (and that no other table of
    last year holds under its code or name): compared with 0."""
    cell, role = absent[0]
    figure = previous_figure(claim, cell.unit)
    if figure is None:
        model.unmatched_claims += 1
        return
    last_table = next((cells[0] for (r, _, _), cells in index.cells.items() if r == role), None)
    if last_table is None:
        model.unmatched_claims += 1
        return
    model.new_items.append(NewItem(claim, cell, figure[0], figure[1], last_table))

