"""The cross-year model: this year's disclosure matched, cell by cell, to last year's.

A budget disclosure compares nearly every figure with last year ("比上年预算增加 78.13 万元"),
and its tables often carry a 上年 column.  Inside one document only the arithmetic of the
sentence can be checked; with last year's disclosure of the same department at hand the
previous-year figure itself can be proven.  This module decides, once, which cell of last
year's tables each of this year's figures is about; the rules TC361/TC362 only compare.

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
from decimal import Decimal

from textcheck import patterns
from textcheck.document import ROW_TOTAL, Document, Row, Table
from textcheck.lexicon import normalize_term
from textcheck.numbers import MONEY_UNITS, Interval, Number

# Header words that name the whole of a column group: "上年预算数" (one column) is the
# "本年预算数/合计" column of last year's own table.
_WHOLE_COLUMN_WORDS = ("合计", "总计", "小计")
# A previous-year column compares budgets; carry-over columns (上年结转结余) are another
# concept that merely contains the word 上年.
_CARRY_OVER_WORDS = ("结转", "结余")
# Header segments that only say "this year's budget" (after the year is taken out).
_YEAR_ONLY_SEGMENTS = ("", "预算数", "预算", "预算金额", "年度预算")
# A change stated against an outturn (上年决算/执行数/实际) is not comparable with a budget table.
_OUTTURN_BASE_WORDS = ("决算", "执行", "实际", "完成")


@dataclass(frozen=True)
class CellAt:
    """One cell of one document, with the names a message needs."""

    document: Document
    table: Table
    row: Row
    col: int
    number: Number  # in the table's unit
    row_label: str
    column_label: str

    @property
    def unit(self) -> str | None:
        return self.number.unit or self.table.unit

    def interval_in(self, unit: str | None) -> Interval:
        n = self.number if self.number.unit else Number(self.number.value, self.number.decimals, self.table.unit)
        return n.interval_in(unit) if unit else n.interval


@dataclass(frozen=True)
class Match:
    """A cell of this year's model and the cell of last year's that holds the same concept."""

    last: CellAt
    sure: bool  # same code and name / same total or named row: may prove an error
    note: str | None = None  # why not sure (renamed, moved)


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
class ColumnPair:
    """A cell of this year's 上年 column and last year's cell of the same concept."""

    cell: CellAt
    match: Match


@dataclass
class CrossYear:
    previous: Document | None
    claims: list[ClaimPair] = field(default_factory=list)
    columns: list[ColumnPair] = field(default_factory=list)
    # change claims that could not be matched to last year's tables (no link, no counterpart)
    unmatched_claims: int = 0
    skipped: str | None = None  # why nothing was compared (years do not follow each other)


# ---------------------------------------------------------------------------- keys


def _year(document: Document) -> int | None:
    y = document.meta.get("year")
    try:
        return int(y) if y is not None else None
    except (TypeError, ValueError):
        return None


def _relative(text: str, year: int | None) -> str:
    """A header with the year written relative to the document's year."""
    text = normalize_term(text)
    if year is not None:
        text = text.replace(f"{year}年度", "本年").replace(f"{year}年", "本年")
        text = text.replace(f"{year - 1}年度", "上年").replace(f"{year - 1}年", "上年")
    return text


def table_role(ta, year: int | None) -> tuple | None:
    p = ta.profile or {}
    if p.get("subject"):
        return ("profile", p.get("subject"), p.get("fund"), p.get("measure"), p.get("direction"))
    title = _relative(ta.table.title or "", year)
    return ("title", title) if title else None


def _era_and_rest(column, year: int | None) -> tuple[str | None, str]:
    """("上年" | "本年" | None, the header path without its year segments).

    "2025年预算数/合计" in the 2026 disclosure → ("上年", "合计"); "本年预算/合计" → ("本年", "合计")."""
    segments = column.path or (column.label,)
    era, rest = None, []
    for seg in segments:
        rel = _relative(seg, year)
        bare = rel
        if "上年" in rel and not any(w in rel for w in _CARRY_OVER_WORDS):
            era, bare = "上年", rel.replace("上年", "")
        elif "本年" in rel:
            era, bare = era or "本年", rel.replace("本年", "")
        if bare not in _YEAR_ONLY_SEGMENTS:
            rest.append(bare)
    return era, "/".join(rest)


def column_key(ta, col: int, year: int | None) -> tuple | None:
    """("concept", fund, measure) for a column of this year's money; ("header", era, path) else."""
    column = ta.table.column(col)
    if column is None:
        return None
    era, rest = _era_and_rest(column, year)
    fund, measure = ta.column_fund.get(col), ta.column_measure.get(col)
    if fund and measure and era != "上年":
        return ("concept", fund, measure)
    return ("header", era, rest) if rest or era else None


def _header_variants(ck: tuple) -> list[tuple]:
    """A header key of this year's money as last year's table may print it (with or without 本年)."""
    if ck[0] != "header":
        return [ck]
    return [ck] + [("header", era, ck[2]) for era in ("本年", None) if era != ck[1]]


def value_of(row: Row, col: int) -> Number | None:
    """The amount in a value cell (readers set ``Cell.value`` for value columns only, so a
    code column's "30217" is no amount); percentages are no amounts either."""
    c = row.cell(col)
    if c is None or c.value is None or c.value.unit == "%":
        return None
    return c.value


def _bare(label: str) -> str:
    """A row label without its numbering ("一、", "（二）", "1.") for comparison."""
    text = normalize_term(label)
    for numbering in patterns.ROW_NUMBERING:
        text = numbering.sub("", text, count=1)
    return text


def _block_of(ta, col: int):
    for block in ta.blocks:
        if block.start <= col < block.end:
            return block
    return ta.blocks[0] if ta.blocks else None


def row_keys(ta) -> dict[tuple[int, int], tuple[tuple, str]]:
    """(row index, block start) → (key, label); key ("code", c) / ("total",) / ("label", l) /
    ("only",) for the one body row of a one-row table; keys found twice in a block are dropped."""
    out: dict[tuple[int, int], tuple[tuple, str]] = {}
    for block in ta.blocks:
        body = [r for r in ta.table.rows
                if any(value_of(r, c) is not None for c in range(block.start, block.end))]
        keys: dict[int, tuple[tuple, str]] = {}
        for r in body:
            label = block.labels.get(r.index, "")
            if r.index in block.codes:
                keys[r.index] = (("code", block.codes[r.index]), label)
            elif r.index == block.total_row or (r.kind == ROW_TOTAL and len(ta.blocks) == 1):
                keys[r.index] = (("total",), label)
            elif _bare(label):
                keys[r.index] = (("label", _bare(label)), label)
            elif len(body) == 1:
                keys[r.index] = (("only",), label)
        count: dict[tuple, int] = {}
        for k, _ in keys.values():
            count[k] = count.get(k, 0) + 1
        out.update({(i, block.start): kl for i, kl in keys.items() if count[kl[0]] == 1})
    return out


def row_key(ta, keys, row: Row, col: int) -> tuple[tuple, str] | None:
    block = _block_of(ta, col)
    return keys.get((row.index, block.start)) if block is not None else None


# ---------------------------------------------------------------------------- index of last year


@dataclass
class _Index:
    """Every value cell of a document by (role, row key, column key)."""

    document: Document
    year: int | None
    cells: dict[tuple, list[CellAt]] = field(default_factory=dict)
    by_label: dict[tuple, list[tuple[tuple, CellAt]]] = field(default_factory=dict)
    # every cell by row code or row name, whatever its table and column (the other fund
    # scopes a claim that names no fund may mean)
    names: dict[tuple, list[CellAt]] = field(default_factory=dict)


def build_index(document: Document, analysis) -> _Index:
    year = _year(document)
    index = _Index(document, year)
    for ta in analysis.tables:
        role = table_role(ta, year)
        if role is None or ta.table.kind != "standard":
            continue
        keys = row_keys(ta)
        for row in ta.table.rows:
            for c in row.cells:
                found = row_key(ta, keys, row, c.col)
                ck = column_key(ta, c.col, year)
                n = value_of(row, c.col)
                if found is None or ck is None or n is None:
                    continue
                rk, label = found
                cell = CellAt(document, ta.table, row, c.col, n, label or rk[-1], ta.column_name(c.col))
                index.cells.setdefault((role, rk, ck), []).append(cell)
                if rk[0] != "label":
                    index.names.setdefault(rk, []).append(cell)
                if _bare(label):
                    index.names.setdefault(("label", _bare(label)), []).append(cell)
                    if rk[0] == "code":
                        index.by_label.setdefault((role, _bare(label), ck), []).append((rk, cell))
    return index


def _alternatives(index: _Index, rk: tuple, label: str) -> list[CellAt]:
    found = list(index.names.get(rk, [])) if rk[0] in ("code", "label") else []
    if _bare(label):
        found += index.names.get(("label", _bare(label)), [])
    return found


def _agreeing(cells: list[CellAt]) -> CellAt | None:
    """The one value several equal-concept cells hold (the same figure in two tables), else None."""
    first = cells[0]
    unit = first.unit
    if all(c.interval_in(unit).overlaps(first.interval_in(unit)) for c in cells[1:]):
        return first
    return None


def find(index: _Index, role: tuple, rk: tuple, cks: list[tuple], label: str) -> Match | None:
    """Last year's cell of this concept (the first column key that finds one), and how sure
    the match is."""
    cells = None
    for ck in cks:
        cells = index.cells.get((role, rk, ck))
        if cells:
            break
    if cells:
        last = _agreeing(cells)
        if last is None:
            return None
        if rk[0] == "code" and label and _bare(last.row_label) != _bare(label):
            return Match(last, False, f"科目编码 {rk[1]} 上年名称为“{last.row_label}”，本年为“{label}”，"
                                      "可能是科目调整")
        return Match(last, True)
    if rk[0] == "code" and _bare(label):  # the name under another code: moved
        moved = next((index.by_label[(role, _bare(label), ck)] for ck in cks
                      if (role, _bare(label), ck) in index.by_label), None)
        if moved and len(moved) == 1:
            old, last = moved[0]
            return Match(last, False, f"“{label}”上年科目编码为 {old[1]}，本年为 {rk[1]}，可能是科目调整")
    return None


# ---------------------------------------------------------------------------- this year


def _in_unit(number: Number, unit: str | None) -> Interval | None:
    if unit is None or number.unit == unit:
        return number.interval
    if number.unit in MONEY_UNITS and unit in MONEY_UNITS:
        return number.interval_in(unit)
    return None


def previous_figure(claim, unit: str | None) -> tuple[Interval, str] | None:
    """The previous-year figure a claim states ("比上年的 A") or implies (本年 − 增加额, or
    本年 when 持平/一致), in ``unit``; None when the base is last year's outturn."""
    if claim.base and any(w in claim.base for w in _OUTTURN_BASE_WORDS):
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


def previous_columns(ta, year: int | None) -> list[int]:
    """This year's columns that hold last year's budget: "上年预算数", "2025年预算数/合计"."""
    out = []
    for column in ta.table.columns:
        path = "/".join(column.path) if column.path else column.label
        rel = _relative(path, year)
        if "上年" in rel and "预算" in rel and not any(w in rel for w in _CARRY_OVER_WORDS) \
                and not any(w in rel for w in _OUTTURN_BASE_WORDS):
            out.append(column.index)
    return out


def last_year_keys(ta, col: int, year: int | None) -> list[tuple]:
    """The keys the concept of this year's 上年 column ``col`` has in last year's own table: the
    key of its twin column of this year ("2025年预算数/公用经费" → "2026年预算数/公用经费";
    a bare "上年预算数" → this year's total column), then the header path as last year prints it."""
    column = ta.table.column(col)
    _, rest = _era_and_rest(column, year)
    keys = []
    for other in ta.table.columns:
        if other.index == col:
            continue
        era, other_rest = _era_and_rest(other, year)
        if era == "上年":
            continue
        if other_rest == rest or (not rest and other_rest in _WHOLE_COLUMN_WORDS):
            key = column_key(ta, other.index, year)
            if key is not None:
                keys.extend(_header_variants(key))
    keys += [("header", era, rest) for era in ("本年", None)]
    if not rest:
        keys += [("header", era, word) for word in _WHOLE_COLUMN_WORDS for era in ("本年", None)]
    return list(dict.fromkeys(keys))


def build(this: Document, analysis, links, previous: Document, previous_analysis) -> CrossYear:
    """Match this year's change claims and 上年 columns to last year's tables."""
    model = CrossYear(previous)
    year, last_year = _year(this), _year(previous)
    if year is not None and last_year is not None and last_year != year - 1:
        model.skipped = f"上年文件的年度为 {last_year}，本文件为 {year}"
        return model
    index = build_index(previous, previous_analysis)
    roles = {id(ta.table): table_role(ta, year) for ta in analysis.tables}
    by_table = {id(ta.table): ta for ta in analysis.tables}
    keys = {id(ta.table): row_keys(ta) for ta in analysis.tables}
    for link in links or ():
        _match_claim(model, this, link, index, roles, by_table, keys, year, analysis.tables)
    for ta in analysis.tables:
        role = roles[id(ta.table)]
        if role is None or ta.table.kind != "standard":
            continue
        for col in previous_columns(ta, year):
            cks = last_year_keys(ta, col, year)
            for row in ta.table.rows:
                found, n = row_key(ta, keys[id(ta.table)], row, col), value_of(row, col)
                if found is None or n is None:
                    continue
                rk, label = found
                m = find(index, role, rk, cks, label)
                if m is not None:
                    cell = CellAt(this, ta.table, row, col, n, label or rk[-1], ta.column_name(col))
                    model.columns.append(ColumnPair(cell, m))
    return model


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
    if value.value == 0:
        return [], False  # 0 agrees with every empty-looking cell
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
    matches = []
    for table, row, col, number in refs:
        ta = by_table.get(id(table))
        role = roles.get(id(table))
        found = row_key(ta, keys[id(table)], row, col) if ta else None
        ck = column_key(ta, col, year) if ta else None
        if role is None or found is None or ck is None:
            continue
        rk, label = found
        m = find(index, role, rk, _header_variants(ck), label)
        if m is not None:
            cell = CellAt(this, table, row, col, number, label or rk[-1], ta.column_name(col))
            matches.append((cell, m, _alternatives(index, rk, label)))
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



# ---------------------------------------------------------------------------- evidence


def last_year_related(cell: CellAt):
    """Evidence for a cell of last year's document: its file, page and cell.

    ``line`` stays empty: the pipeline moves every evidence line to this year's pages
    (``readers.combine.relocate``), and a line of another document must not be moved.
    The file and page (or line, for text) are in ``ref``."""
    from pathlib import Path

    from textcheck.readers.combine import page_of_line
    from textcheck.report.diagnostic import Related

    c = cell.row.cell(cell.col)
    loc = c.location if c is not None else cell.table.location
    page, ref = page_of_line(cell.document, loc.line)
    page = page if page is not None else loc.page
    name = Path(cell.document.path).name
    if ref is None or Path(cell.document.path).name not in ref:
        where = f"p.{page}" if page is not None else f"第 {loc.line} 行"
        ref = f"{name} {where}" if ref is None else f"{name} {ref}"
    return Related(kind="table-cell", text=c.text.text if c is not None else str(cell.number),
                   table=cell.table.name, row=cell.row_label, column_label=cell.column_label,
                   page=page, ref=ref, value=str(cell.number.value))


def this_year_related(cell: CellAt):
    from textcheck.report.diagnostic import Related

    r = Related.cell(cell.table, cell.row, cell.col)
    return Related(kind=r.kind, text=r.text, line=r.line, source_column=r.source_column, table=cell.table.name,
                   row=cell.row_label, column_label=cell.column_label, page=r.page, ref=r.ref,
                   value=str(cell.number.value))


def document_name(document: Document) -> str:
    """How a message names a document: its file name(s)."""
    from pathlib import Path

    return " + ".join(Path(p.strip()).name for p in document.path.split(" + "))
