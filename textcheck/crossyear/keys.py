"""Cross-year matching keys: a table's role, a row's and a column's concept, read from the
table model (``tables.analyse``) so that last year's and this year's tables meet by meaning.

Table role: the profile (subject, fund, measure, direction), else the title without the year.
Row: classification code, else the total row, else the label without numbering, else the
one body row of a one-row table (三公经费表).  Column: fund and measure, else the header
path with the year written as 本年/上年 relative to the document's own year ("2025年预算数/
合计" in the 2026 disclosure is ("上年", "合计"), in the 2025 one ("本年", "合计")).
"""
from __future__ import annotations

from decimal import Decimal

from textcheck import patterns
from textcheck.document import ROW_TOTAL, Document, Row
from textcheck.lexicon import normalize_term
from textcheck.numbers import Number

# A previous-year column compares budgets; carry-over columns (上年结转结余) are another
# concept that merely contains the word 上年.
_CARRY_OVER_WORDS = ("结转", "结余", "余额")
# Header segments that only say "this year's budget" (after the year is taken out).
_YEAR_ONLY_SEGMENTS = ("", "预算数", "预算", "预算金额", "年度预算", "年初预算数", "年初预算")
# Header segments by which a final account (决算) restates the year's budget beside its outturn;
# an adjusted budget (全年预算数, 调整预算数) is another figure and is not among them.
_INITIAL_BUDGET_SEGMENTS = ("预算数", "年初预算数", "年初预算", "预算")
# A change stated against an outturn (上年决算/执行数/实际) is not comparable with a budget table.
OUTTURN_BASE_WORDS = ("决算", "执行", "实际", "完成")


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


def era_and_rest(column, year: int | None) -> tuple[str | None, str]:
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
    era, rest = era_and_rest(column, year)
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


def empty_amount(row: Row, col: int) -> Number | None:
    """An empty value cell ("", "-", "0.00") as the amount 0, exact; None for a filled cell."""
    c = row.cell(col)
    if c is None or c.value is not None and c.value.unit == "%":
        return None
    if c.value is not None:
        return c.value if c.value.value == 0 else None
    text = c.text.text.strip()
    return Number(Decimal(0), 2, None, text) if not text or patterns.EMPTY_CELL.fullmatch(text) else None


def value_columns(ta) -> set[int]:
    """The columns that hold amounts (an empty cell there means 0): every filled cell is an
    amount, and the column is not empty throughout unless the table holds amounts elsewhere."""
    cols: dict[int, bool] = {}
    for row in ta.table.rows:
        for c in row.cells:
            text = c.text.text.strip()
            filled = bool(text) and not patterns.EMPTY_CELL.fullmatch(text)
            cols[c.col] = cols.get(c.col, True) and (not filled or value_of(row, c.col) is not None)
    valued = {col for col, ok in cols.items() if ok}
    return valued if any(value_of(row, col) is not None for row in ta.table.rows for col in valued) else set()


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
    ("only",) for the one body row of a one-row table; keys found twice in a block are dropped.

    A row whose amounts are all empty ("二、财政专户管理资金" with no figure: 0) is keyed by its
    code or name too, unless that key is another row's — what "…0万元，比上年减少" restates."""
    out: dict[tuple[int, int], tuple[tuple, str]] = {}
    valued = value_columns(ta)
    for block in ta.blocks:
        body = [r for r in ta.table.rows
                if any(value_of(r, c) is not None for c in range(block.start, block.end))]
        keys, in_body = _valued_row_keys(ta, block, body), {r.index for r in body}
        taken = {k for k, _ in keys.values()}
        out.update({(i, block.start): kl for i, kl in keys.items()})
        empty: dict[int, tuple[tuple, str]] = {}
        for r in ta.table.rows:
            if r.index in in_body or not any(c in valued and empty_amount(r, c) is not None
                                    for c in range(block.start, block.end)):
                continue
            label = block.labels.get(r.index, "")
            if r.index in block.codes:
                empty[r.index] = (("code", block.codes[r.index]), label)
            elif _bare(label):
                empty[r.index] = (("label", _bare(label)), label)
        out.update({(i, block.start): kl for i, kl in _unique(empty).items() if kl[0] not in taken})
    return out


def _unique(keys: dict[int, tuple[tuple, str]]) -> dict[int, tuple[tuple, str]]:
    """The rows whose key no other row of the block has."""
    count: dict[tuple, int] = {}
    for k, _ in keys.values():
        count[k] = count.get(k, 0) + 1
    return {i: kl for i, kl in keys.items() if count[kl[0]] == 1}


def _valued_row_keys(ta, block, body: list[Row]) -> dict[int, tuple[tuple, str]]:
    """The keys of the rows that hold an amount in ``block`` (see ``row_keys``)."""
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
    return _unique(keys)


def row_name(rk: tuple, label: str) -> str:
    """How a message names a keyed row: its label, else its code, else 合计 for the total row;
    "" for the one row of a one-row table (the table's name says it all)."""
    if label:
        return label
    return {"code": rk[-1], "total": "合计"}.get(rk[0], "")


def row_key(ta, keys, row: Row, col: int) -> tuple[tuple, str] | None:
    block = _block_of(ta, col)
    return keys.get((row.index, block.start)) if block is not None else None


def previous_columns(ta, year: int | None) -> list[int]:
    """This year's columns that hold last year's budget: "上年预算数", "2025年预算数/合计"."""
    out = []
    for column in ta.table.columns:
        path = "/".join(column.path) if column.path else column.label
        rel = _relative(path, year)
        if "上年" in rel and "预算" in rel and not any(w in rel for w in _CARRY_OVER_WORDS) \
                and not any(w in rel for w in OUTTURN_BASE_WORDS):
            out.append(column.index)
    return out


def budget_columns(ta) -> list[int]:
    """A final account's columns that restate the year's budget ("预算数/因公出国（境）费",
    "年初预算数"), only in a table that prints the outturn (决算) beside them."""
    def segments(column):
        return [normalize_term(s) for s in (column.path or (column.label,))]

    if not any("决算" in s for c in ta.table.columns for s in segments(c)):
        return []
    return [c.index for c in ta.table.columns
            if any(s in _INITIAL_BUDGET_SEGMENTS for s in segments(c))
            and not any(w in s for s in segments(c) for w in ("决算", "上年", *_CARRY_OVER_WORDS))]


def last_year_keys(ta, col: int, year: int | None, whole_words: tuple[str, ...]) -> list[tuple]:
    """The keys the concept of this year's 上年 column ``col`` has in last year's own table: the
    key of its twin column of this year ("2025年预算数/公用经费" → "2026年预算数/公用经费";
    a bare "上年预算数" → this year's total column), then the header path as last year prints it.
    ``whole_words``: header words naming the whole of a column group (合计 …, the column lexicon's
    ``whole_column_words``) — a bare "上年预算数" is last year's "本年预算数/合计" column."""
    column = ta.table.column(col)
    _, rest = era_and_rest(column, year)
    keys = []
    for other in ta.table.columns:
        if other.index == col:
            continue
        era, other_rest = era_and_rest(other, year)
        if era == "上年":
            continue
        if other_rest == rest or (not rest and other_rest in whole_words):
            key = column_key(ta, other.index, year)
            if key is not None:
                keys.extend(_header_variants(key))
    keys += [("header", era, rest) for era in ("本年", None)]
    if not rest:  # the whole column: the table's own concept, or a header naming a total
        profile = ta.profile or {}
        if profile.get("fund") and profile.get("measure"):
            keys.append(("concept", profile["fund"], profile["measure"]))
        keys += [("header", era, word) for word in whole_words for era in ("本年", None)]
    return list(dict.fromkeys(keys))
