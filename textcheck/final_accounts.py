"""Final-account (部门决算) facts: execution rates stated in the narrative and the
carry-over identity of the tables.  Computed once per document (``ctx.final_accounts``);
rules TC905 and TC906 judge them.

* **Execution rates** — a sentence that gives a budget figure, a final-account figure and
  the share one is of the other: "年初预算为 5717.32 万元，支出决算为 5757.63 万元，完成年初
  预算的 100.71%", "…决算数为预算数的 X%".  The three figures are read from one sentence, so
  the link is certain; the rule recomputes the share with interval arithmetic.
* **Carry-over identity** — 年初结转和结余 + 本年收入 (+ 使用非财政拨款结余) − 本年支出
  (− 结余分配) = 年末结转和结余: in a 收入支出决算总表-like table, where each quantity is a
  labelled row (label, then the amount in the first value column to its right; 行次/栏次
  columns are line numbers, never amounts), and in tables that give the four quantities as
  columns (政府性基金预算财政拨款收入支出决算表: one identity per row).

Nothing here judges; every figure keeps its cell or its place in the sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from textcheck import patterns
from textcheck.document import Cell, Document, LocatedText, Row, Table
from textcheck.numbers import Number, parse_number


@dataclass(frozen=True)
class ExecutionRate:
    """"预算为 A，决算为 B，完成预算的 X%" in one sentence."""

    sentence: LocatedText
    budget: Number  # A, with its unit
    budget_span: tuple[int, int]  # offsets in the sentence
    actual: Number  # B
    actual_span: tuple[int, int]
    rate: Number  # X (unit "%")
    rate_span: tuple[int, int]


@dataclass(frozen=True)
class Term:
    """One quantity of a carry-over identity: its label and the cell holding the amount."""

    label: str
    cell: Cell
    value: Number


@dataclass(frozen=True)
class CarryOver:
    """年初 + 收入 (+ 使用结余) − 支出 (− 结余分配) = 年末, from one table (one row in column form)."""

    table: Table
    row: Row | None  # the row (column form) or None (rows form)
    opening: Term
    income: Term
    spending: Term
    closing: Term
    extra_in: tuple[Term, ...] = ()  # 使用非财政拨款结余
    extra_out: tuple[Term, ...] = ()  # 结余分配


def _key(s: str) -> str:
    return "".join(s.split())


# --------------------------------------------------------------------------- execution rates


def execution_rates(document: Document) -> list[ExecutionRate]:
    out = []
    for p in document.paragraphs:
        text = p.text.text
        if "决算" not in text or "%" not in text:
            continue
        for m in patterns.FA_EXECUTION_RATE.finditer(text):
            budget = parse_number(m.group("a"), m.group("ua"))
            actual = parse_number(m.group("b"), m.group("ub"))
            rate = parse_number(m.group("x") + "%")
            if budget is None or actual is None or rate is None:
                continue
            out.append(ExecutionRate(p.text, budget, m.span("a"), actual, m.span("b"), rate, m.span("x")))
    return out


# --------------------------------------------------------------------------- carry-over identity


def _is_line_number_column(table: Table, col: int) -> bool:
    c = table.column(col)
    return c is not None and bool(patterns.FA_LINE_NUMBER_HEAD.search(_key(c.label or "")))


def _amount_right_of(table: Table, row: Row, col: int) -> Cell | None:
    """The amount of a label cell: the first cell to its right in a value column (行次 columns
    skipped) — an empty cell there is 0 only when the table prints no figure at all for it."""
    for c in sorted(row.cells, key=lambda c: c.col):
        if c.col <= col or _is_line_number_column(table, c.col):
            continue
        if patterns.FA_LABEL_CELL.search(c.text.text):
            return None  # the next label: this one has no amount
        return c
    return None


_ROLES = (
    ("opening", "FA_OPENING"), ("closing", "FA_CLOSING"), ("income", "FA_INCOME_TOTAL"),
    ("spending", "FA_SPENDING_TOTAL"), ("extra_in", "FA_USE_OF_SURPLUS"), ("extra_out", "FA_SURPLUS_ALLOCATION"),
)


def _role(label: str) -> str | None:
    if "结" not in label and "本年" not in label:
        return None  # every label of the identity holds one of these (most cells do not)
    k = _key(label)
    for role, name in _ROLES:
        if getattr(patterns, name).match(k):
            return role
    return None


def _value(cell: Cell | None) -> Number | None:
    if cell is None:
        return None
    if cell.value is not None:
        return cell.value
    return parse_number(_key(cell.text.text)) if _key(cell.text.text) else None


def _rows_form(table: Table, labels=None) -> CarryOver | None:
    """``labels``: (row, cell) of the table's body cells holding 结 or 本年 in reading order
    (``table_cells``), when at hand: the only cells ``_role`` names."""
    found: dict[str, list[Term]] = {}
    if labels is None:
        labels = [(row, c) for row in table.rows for c in row.cells]
    for row, c in labels:
        role = _role(c.text.text)
        if role is None:
            continue
        amount = _amount_right_of(table, row, c.col)
        if amount is None:
            continue
        value = _value(amount)
        if value is None:
            if _key(amount.text.text):
                return None  # an amount we cannot read: not judged
            value = Number(0, 2, table.unit, "")  # printed empty: nothing
        found.setdefault(role, []).append(Term(_key(c.text.text), amount, value))
    need = ("opening", "income", "spending", "closing")
    if not all(len(found.get(r, ())) == 1 for r in need):
        return None  # missing, or several candidates: not sure which is meant
    if not any(found[r][0].cell.text.text.strip() for r in need):
        return None  # an empty table
    return CarryOver(table, None, found["opening"][0], found["income"][0], found["spending"][0],
                     found["closing"][0], tuple(found.get("extra_in", ())), tuple(found.get("extra_out", ())))


def _columns_form(table: Table) -> list[CarryOver]:
    cols: dict[str, int] = {}
    for c in table.columns:
        path = [_key(x) for x in (c.path or (c.label or "",))]
        label = _key(c.label or "")
        joined = "".join(path)
        if patterns.FA_OPENING.match(label):
            cols.setdefault("opening", c.index)
        elif patterns.FA_CLOSING.match(label):
            cols.setdefault("closing", c.index)
        elif patterns.FA_INCOME_COLUMN.match(label):
            cols.setdefault("income", c.index)
        elif patterns.FA_SPENDING_COLUMN.match(label) or (
                patterns.FA_SPENDING_COLUMN.search(joined) and patterns.FA_SUBTOTAL.match(label)):
            cols.setdefault("spending", c.index)
    if len(cols) < 4:
        return []
    out = []
    for row in table.rows:
        cells = {c.col: c for c in row.cells}
        terms = {}
        for role, col in cols.items():
            cell = cells.get(col)
            if cell is None:
                break
            value = _value(cell)
            if value is None:
                if _key(cell.text.text):
                    break
                value = Number(0, 2, table.unit, "")
            terms[role] = Term(table.column(col).label, cell, value)
        else:
            if any(t.cell.text.text.strip() for t in terms.values()):
                out.append(CarryOver(table, row, terms["opening"], terms["income"], terms["spending"],
                                     terms["closing"]))
    return out


def carry_overs(document: Document, cells: tuple | None = None) -> list[CarryOver]:
    """``cells``: the ``table_cells`` facts of each table of the document, when at hand."""
    out = []
    for i, t in enumerate(document.tables):
        if t.kind == "performance":
            continue
        one = _rows_form(t, cells[i].carry_labels if cells is not None else None)
        if one is not None:
            out.append(one)
        out.extend(_columns_form(t))
    return out


@dataclass
class FinalAccountFacts:
    execution_rates: list[ExecutionRate]
    carry_overs: list[CarryOver]


def final_account_facts(document: Document, cells: tuple | None = None) -> FinalAccountFacts:
    """``cells``: the ``table_cells`` facts of each table (``Context.table_cells``), when at hand."""
    return FinalAccountFacts(execution_rates(document), carry_overs(document, cells))
