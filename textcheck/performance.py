"""绩效目标表 (performance-target tables) as structured data for the TC6xx/TC7xx/TC8xx rules.

A 项目支出绩效目标表 / 部门整体绩效目标表 arrives from the reader as a Table of
kind "performance" whose rows are the tab-split lines of the source: first
key–value rows (预算单位, 项目名称, 项目资金 with 年度预算总额 / 财政拨款 / 其他资金,
项目总体目标 or 年度绩效目标), then the indicator header (一级指标 二级指标 三级指标
指标值 …) and one row per indicator.

Conversions break these rows in characteristic ways, and this module undoes
that before any rule looks at them:

* a cell split over two lines ("揭榜挂帅项目立项完成率 >" … next line "=90%"):
  the continuation row is merged into the row above, cell by cell;
* LaTeX and spaced operators (``$\\geq 6\\%$``, "> =95%"): the reader's
  normaliser already fixed them; the few left are canonicalised here too;
* spaces inside Chinese words ("时 间（小时）", "=20 分 钟") from wrapped cells;
* a row shifted one column right (二级指标 in the 三级指标 column).

Nothing here judges; rules read :class:`PerformanceTable` and decide.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from textcheck import patterns
from textcheck.document import Cell, Document, LocatedText, Location, Table
from textcheck.lexicon import normalize_term
from textcheck.lexicon.polarity import Polarity, polarity  # noqa: F401 (re-exported)
from textcheck.numbers import MONEY_UNITS, Number, parse_number


# Canonical operators.  Words and ASCII spellings map onto these five.
GE, LE, GT, LT, EQ = "≥", "≤", ">", "<", "="
_CANONICAL = {
    ">=": GE, "≥": GE, "不低于": GE, "不少于": GE, "不小于": GE, "大于等于": GE, "大于或等于": GE,
    "<=": LE, "≤": LE, "不高于": LE, "不超过": LE, "不大于": LE, "不多于": LE, "小于等于": LE,
    "小于或等于": LE, ">": GT, "大于": GT, "<": LT, "小于": LT, "=": EQ, "等于": EQ,
}
# Spellings that are wrong however they are read; the value is what they most likely meant.
MALFORMED_OPERATORS = {"=>": GE, "≥=": GE, "≥≥": GE, ">>": GT, "=<": LE, "≤=": LE, "≤≤": LE,
                       "<<": LT, "==": EQ}
# Operator style: symbol (≥ ≤) or ASCII (>= <=); > < = are neutral.
OPERATOR_STYLE = {"≥": "symbol", "≤": "symbol", ">=": "ascii", "<=": "ascii"}

# Forms of a target value.
FORM_QUANTITY = "quantity"  # ≥90%, =24 期, 7000 万元
FORM_RATIO = "ratio"  # ≥2:1
FORM_TEXT = "text"  # 有效提高, 当年指标，无上年完成值
FORM_OPERATOR_ONLY = "operator-only"  # ">" whose value was lost
FORM_MALFORMED = "malformed"  # =1 周 1 次: an operator and digits that do not form a value
FORM_EMPTY = "empty"
FORM_DATE = "date"  # 2026年12月31日前: a deadline as the target
FORM_RANGE = "range"  # 90%-95%, 10～20个
FORM_LIST = "list"  # 12、18、25: several values of one indicator
FORM_MULTI = "multi"  # ≥10000人次；≥6000件次: the targets of several indicators named in one cell

_HAN = r"\p{Han}"
_SPACE_IN_WORDS = regex.compile(
    rf"(?<=[{_HAN}（）()，、：“”%])\s+|\s+(?=[{_HAN}（）()，、：“”])")
_ALL_SPACE = regex.compile(r"\s+")
_LATEX_LEFT = regex.compile(r"\$|\\(?=%)")
_LATEX_COMMANDS = (("\\geq", "≥"), ("\\ge", "≥"), ("\\leq", "≤"), ("\\le", "≤"))


@dataclass(frozen=True)
class Target:
    """One 指标值 (or 上年完成值) cell, parsed."""

    text: LocatedText  # the cell as read, spaces inside words removed
    form: str
    operator: str | None = None  # canonical: ≥ ≤ > < =
    operator_text: str | None = None  # as written: ">=", "不低于", "=>"
    value: Number | None = None
    unit: str | None = None  # "%", "万元", "家", "人次", "小时", "次/周" …
    ratio: tuple[Decimal, Decimal] | None = None
    spaced_operator: bool = False  # "> =" survived normalisation

    @property
    def location(self) -> Location:
        return self.text.location

    @property
    def style(self) -> str | None:
        return OPERATOR_STYLE.get(self.operator_text or "")


@dataclass(frozen=True)
class Indicator:
    """One indicator row (after merging rows a conversion split)."""

    level1: str
    level2: str
    name: LocatedText
    target: Target
    basis: LocatedText | None = None
    previous: Target | None = None
    weight: Number | None = None
    unit_column: str | None = None  # the row's own unit column (度量单位 / 计量单位), when the table has one
    line: int = 0  # source line of the row's first line
    lines: tuple[int, ...] = ()  # every source line the row spans
    shifted: bool = False  # the row stood one column right of the header

    @property
    def clean_name(self) -> str:
        """Name without a trailing unit in parentheses: "群众满意度（%）" → "群众满意度"."""
        return patterns.PERF_NAME_UNIT.sub("", self.name.text)

    @property
    def declared_unit(self) -> str | None:
        """The unit the indicator declares: in its name ("满意度（%）") or its unit column."""
        m = patterns.PERF_NAME_UNIT.search(self.name.text)
        if m:
            return m.group("unit").strip()
        return self.unit_column


@dataclass(frozen=True)
class Figure:
    """A labelled amount of the table (年度预算总额 950.00), with where it stands."""

    label: str
    value: Number
    location: Location
    text: str


@dataclass(frozen=True)
class PerformanceTable:
    table: Table
    kind: str  # "project" (项目支出绩效目标表) or "department" (部门整体绩效目标表)
    project: LocatedText | None = None  # 项目名称
    unit: LocatedText | None = None  # 预算单位 / 部门名称
    total: Figure | None = None  # 年度预算总额
    fiscal: Figure | None = None  # 财政拨款
    other: Figure | None = None  # 其他资金
    funds: tuple[Figure, ...] = ()  # every labelled amount, in order
    overall_goal: LocatedText | None = None  # 项目总体目标
    annual_goal: LocatedText | None = None  # 年度绩效目标
    indicators: tuple[Indicator, ...] = ()

    @property
    def goals(self) -> tuple[LocatedText, ...]:
        return tuple(g for g in (self.overall_goal, self.annual_goal) if g is not None)

    @property
    def name(self) -> str:
        if self.project is not None:
            return f"“{self.project.text}”{self.table.title or '绩效目标表'}"
        return self.table.title or "绩效目标表"


# --------------------------------------------------------------------------- text helpers


def compact(t: LocatedText, all_space: bool = False) -> LocatedText:
    """Drop spaces a wrapped cell left inside Chinese words ("时 间" → "时间"), keeping positions."""
    pattern = _ALL_SPACE if all_space else _SPACE_IN_WORDS
    keep = [True] * len(t.text)
    for m in pattern.finditer(t.text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    if all(keep):
        return t
    text = "".join(ch for ch, k in zip(t.text, keep) if k)
    pos = tuple(p for p, k in zip(t.positions, keep) if k)
    return LocatedText(text, pos, t.page, t.ref)


def join(a: LocatedText | None, b: LocatedText | None) -> LocatedText | None:
    """Two pieces of one split cell as one LocatedText."""
    if a is None or not a.text:
        return b
    if b is None or not b.text:
        return a
    return LocatedText(a.text + b.text, a.positions + b.positions, a.page, a.ref)


def _strip_latex(s: str) -> str:
    """LaTeX remnants the reader may have left (``$\\geq 6\\%$`` → "≥6%")."""
    if "$" not in s and "\\" not in s:
        return s
    for cmd, op in _LATEX_COMMANDS:
        s = s.replace(cmd, op)
    return _LATEX_LEFT.sub("", s)


def parse_target(cell: LocatedText | None, measure_words=()) -> Target:
    """Parse one 指标值 cell: operator, number, unit, ratio, or a text target."""
    if cell is None or not cell.text.strip():
        return Target(cell or LocatedText("", ()), FORM_EMPTY)
    t = compact(cell)
    s = _strip_latex(_ALL_SPACE.sub("", t.text)).replace("％", "%").replace("：", ":")
    spaced = bool(patterns.PERF_SPACED_OPERATOR.search(t.text))
    op_text = op = None
    m = patterns.PERF_OPERATOR.match(s)
    if m:
        op_text = m.group("op")
        op = MALFORMED_OPERATORS.get(op_text) or _CANONICAL.get(op_text)
        s = s[m.end():]
    if not s:
        form = FORM_OPERATOR_ONLY if op_text else FORM_EMPTY
        return Target(t, form, op, op_text, spaced_operator=spaced)
    if patterns.PERF_DATE.match(s):
        return Target(t, FORM_DATE, op, op_text, spaced_operator=spaced)  # "2026年12月31日前"
    rng = patterns.PERF_RANGE.match(s)
    if rng:
        unit = (rng.group("unit") or "").strip() or None
        return Target(t, FORM_RANGE, op, op_text, unit=unit, spaced_operator=spaced)  # "90%-95%"
    if patterns.PERF_VALUE_LIST.match(s):
        return Target(t, FORM_LIST, op, op_text, spaced_operator=spaced)  # "12、18、25"
    if patterns.PERF_MULTI_SEPARATOR.search(s) and len(_pieces(t)) > 1:
        # "≥10000人次；≥6000件次": the targets of several indicators named in one cell; not one
        # value, and not judged as one (a wrapped or overlapping cell garbles such lists)
        return Target(t, FORM_MULTI, op, op_text, spaced_operator=spaced)
    r = patterns.PERF_RATIO.match(s)
    if r:
        return Target(t, FORM_RATIO, op, op_text, ratio=(Decimal(r.group("a")), Decimal(r.group("b"))),
                      spaced_operator=spaced)
    q = patterns.PERF_QUANTITY.match(s)
    if q:
        unit = (q.group("unit") or "").strip() or None
        value = parse_number(q.group("num"))
        if value is None:
            return Target(t, FORM_MALFORMED, op, op_text, spaced_operator=spaced)
        if unit and patterns.ANY_DIGIT.search(unit):
            # "=1 周 1 次": digits inside the unit, so no single value.
            return Target(t, FORM_MALFORMED, op, op_text, value=value, unit=unit, spaced_operator=spaced)
        if unit == "%":
            value = Number(value.value, value.decimals, "%", q.group("num") + "%")
        else:
            value = Number(value.value, value.decimals, unit, q.group("num"))
        return Target(t, FORM_QUANTITY, op, op_text, value=value, unit=unit, spaced_operator=spaced)
    if op_text and patterns.ANY_DIGIT.search(s):
        return Target(t, FORM_MALFORMED, op, op_text, spaced_operator=spaced)
    return Target(t, FORM_TEXT, op, op_text, spaced_operator=spaced)


# --------------------------------------------------------------------------- table parsing

_HEADER_KEYS = (
    ("level1", patterns.PERF_HEAD_LEVEL1),
    ("level2", patterns.PERF_HEAD_LEVEL2),
    ("name", patterns.PERF_HEAD_NAME),
    ("target", patterns.PERF_HEAD_TARGET),
    ("operator", patterns.PERF_HEAD_OPERATOR),
    ("unit", patterns.PERF_HEAD_UNIT),
    ("basis", patterns.PERF_HEAD_BASIS),
    ("previous", patterns.PERF_HEAD_PREVIOUS),
    ("weight", patterns.PERF_HEAD_WEIGHT),
)
# Cells of one indicator row, in the order rows split by a conversion are merged.
_ROW_KEYS = ("level1", "level2", "name", "target", "operator", "unit", "basis", "previous", "weight")
_PROJECT_KEY = regex.compile(r"^项目名称")
_UNIT_KEY = regex.compile(r"^(?:预算单位|部门名称|单位名称|主管部门)")
_OVERALL_GOAL_KEY = regex.compile(r"^(?:项目总体目标|总体目标|项目绩效目标)")
_ANNUAL_GOAL_KEY = regex.compile(r"^(?:年度绩效目标|年度目标|部门整体绩效目标)")
_DASH_ROW = regex.compile(r"^[-—:|\s]+$")
_LEVEL2_LABEL = regex.compile(r"^\p{Han}{1,6}指标$")


def _grid(table: Table) -> list[dict[int, Cell]]:
    """Every row of the table (header rows included), in source order, as col → cell."""
    rows = [{c.col: c for c in h} for h in table.header] + [{c.col: c for c in r.cells} for r in table.rows]
    rows = [r for r in rows if r]
    # c.text.positions[0][0] is c.text.location.line, without building a Location per cell.
    rows.sort(key=lambda r: min(c.text.positions[0][0] for c in r.values() if c.text.positions)
              if any(c.text.positions for c in r.values()) else 0)
    return rows


def _text(row: dict[int, Cell], col: int | None) -> LocatedText | None:
    if col is None or col not in row:
        return None
    t = row[col].text
    return t if t.text.strip() else None


def _key(t: LocatedText | None) -> str:
    return _ALL_SPACE.sub("", t.text) if t is not None else ""


def _row_line(row: dict[int, Cell]) -> int:
    lines = [c.text.positions[0][0] for c in row.values() if c.text.positions and c.text.text.strip()]
    return min(lines) if lines else 0


def _figures(row: dict[int, Cell]) -> list[Figure]:
    """Label–amount pairs of a 项目资金 / 年度预算 row: the amount is the next non-empty cell."""
    out = []
    cols = sorted(row)
    for i, col in enumerate(cols):
        label = _key(_text(row, col))
        if not label or parse_number(label) is not None:
            continue
        for nxt in cols[i + 1:]:
            t = _text(row, nxt)
            if t is None:
                continue
            n = parse_number(_ALL_SPACE.sub("", t.text))
            if n is not None:
                out.append(Figure(label, n, t.location, t.text))
            break
    return out


def parse_performance_table(table: Table, measure_words=()) -> PerformanceTable:
    kind = "department" if patterns.PERF_DEPARTMENT_TITLE.search(table.title or "") else "project"
    fields: dict = {"table": table, "kind": kind}
    funds: list[Figure] = []
    cols: dict[str, int] | None = None
    indicators: list[dict] = []
    level1 = level2 = ""
    # id(cell) → (cell, its Target): a target cell is parsed once, not again each time the
    # next row asks whether it continues it (the cell is kept, so its id is never reused).
    targets: dict[int, tuple[LocatedText, Target]] = {}

    def target_of(cell: LocatedText) -> Target:
        hit = targets.get(id(cell))
        if hit is None or hit[0] is not cell:
            hit = targets[id(cell)] = (cell, parse_target(cell, measure_words))
        return hit[1]

    for row in _grid(table):
        texts = {c: _key(_text(row, c)) for c in row}
        nonempty = [t for t in texts.values() if t]
        if not nonempty or all(_DASH_ROW.match(t) for t in nonempty):
            continue
        if cols is None:
            if any(patterns.PERF_HEAD_NAME.match(t) for t in nonempty) and \
                    any(patterns.PERF_HEAD_TARGET.match(t) for t in nonempty):
                cols = {}
                for c in sorted(row):
                    for name, pat in _HEADER_KEYS:
                        if name not in cols and pat.search(texts[c]):
                            cols[name] = c
                            break
                continue
            _key_value_row(row, texts, fields, funds)
            continue
        parsed = _indicator_cells(row, cols)
        if parsed is None:
            continue
        prev = indicators[-1] if indicators else None
        if prev is not None and _is_continuation(parsed, prev, measure_words, target_of):
            for k in _ROW_KEYS:
                prev[k] = join(prev[k], parsed[k])
            prev["lines"].append(parsed["line"])
            continue
        indicators.append(parsed)
    built = []
    for p in indicators:
        l1, l2 = _key(p["level1"]), _key(p["level2"])
        level1 = l1 or level1
        if l1:
            level2 = ""
        level2 = l2 or level2
        weight = parse_number(_key(p["weight"])) if p["weight"] is not None else None
        name = compact(p["name"]) if p["name"] is not None else LocatedText("", ())
        target_cell = _compose(p["operator"], p["target"], p["unit"])
        for one_name, one_target in _split_pairs(name, target_cell):
            built.append(Indicator(
                level1=level1, level2=level2, name=one_name,
                target=target_of(one_target) if one_target is not None else parse_target(None),
                basis=compact(p["basis"]) if p["basis"] is not None else None,
                previous=parse_target(p["previous"], measure_words) if p["previous"] is not None else None,
                weight=weight, line=p["line"], lines=tuple(p["lines"]), shifted=p["shifted"],
                unit_column=_key(p["unit"]) or None))
    fields["funds"] = tuple(funds)
    fields["indicators"] = tuple(built)
    return PerformanceTable(**fields)


def _key_value_row(row, texts, fields, funds) -> None:
    cols = sorted(c for c in row if texts[c])
    first = texts[cols[0]]
    value = _text(row, cols[1]) if len(cols) > 1 else None
    if _PROJECT_KEY.match(first) and value is not None:
        fields.setdefault("project", compact(value))
    elif _UNIT_KEY.match(first) and value is not None:
        fields.setdefault("unit", compact(value))
    elif _OVERALL_GOAL_KEY.match(first) and value is not None:
        fields.setdefault("overall_goal", value)
    elif _ANNUAL_GOAL_KEY.match(first) and value is not None:
        fields.setdefault("annual_goal", value)
    for fig in _figures(row):
        funds.append(fig)
        if patterns.PERF_TOTAL_LABEL.match(fig.label):
            fields.setdefault("total", fig)
        elif patterns.PERF_FISCAL_LABEL.match(fig.label):
            fields.setdefault("fiscal", fig)
        elif patterns.PERF_OTHER_LABEL.match(fig.label):
            fields.setdefault("other", fig)


def _indicator_cells(row: dict[int, Cell], cols: dict[str, int]) -> dict | None:
    def at(name, shift=0):
        c = cols.get(name)
        return _text(row, c + shift) if c is not None else None

    shifted = False
    name_cell = at("name")
    if (name_cell is not None and _LEVEL2_LABEL.match(_key(name_cell)) and at("level2") is None
            and parse_target(at("target", 1)).form in (FORM_QUANTITY, FORM_RATIO)):
        shifted = True  # 二级指标 stands in the 三级指标 column, everything after moved right
    s = 1 if shifted else 0
    parsed = {
        "level1": at("level1", s), "level2": at("level2", s) if not shifted else name_cell,
        "name": at("name", s), "target": at("target", s), "operator": at("operator", s), "unit": at("unit", s),
        "basis": at("basis", s), "previous": at("previous", s), "weight": at("weight", s),
        "line": _row_line(row), "shifted": shifted,
    }
    parsed["lines"] = [parsed["line"]]
    if not any(parsed[k] is not None for k in _ROW_KEYS):
        return None
    return parsed


def _compose(operator: LocatedText | None, value: LocatedText | None, unit: LocatedText | None) -> LocatedText | None:
    """The target as one text when the table gives operator, value and unit in their own
    columns ("≥" | "90" | "%" → "≥90%"): the operator only when it is one (a 指标值类型
    column may hold 定量/定性) and the value has none, the unit only when the value has none."""
    if value is None or not value.text.strip():
        return value
    out = value
    v = _ALL_SPACE.sub("", value.text)
    if operator is not None and patterns.PERF_OPERATOR_CELL.match(_ALL_SPACE.sub("", operator.text)) \
            and not patterns.PERF_OPERATOR.match(v):
        out = join(compact(operator, all_space=True), out)
    if unit is not None and unit.text.strip() and patterns.PERF_BARE_NUMBER_END.search(v):
        out = join(out, compact(unit, all_space=True))
    return out


def _split_pairs(name: LocatedText, target: LocatedText | None):
    """An indicator cell naming several indicators with as many targets, both separated by
    "；" ("网络维保响应时间；电梯维保响应时间" | "≤2小时；≤1小时"): one indicator each."""
    if target is None or not target.text:
        return [(name, target)]
    names = _pieces(name)
    targets = _pieces(target)
    if len(targets) > 1 and len(names) == len(targets):
        return list(zip(names, targets))
    return [(name, target)]


def _pieces(t: LocatedText) -> list[LocatedText]:
    out, start = [], 0
    for m in patterns.PERF_MULTI_SEPARATOR.finditer(t.text):
        if t.text[start:m.start()].strip():
            out.append(t.slice(start, m.start()))
        start = m.end()
    if t.text[start:].strip():
        out.append(t.slice(start, len(t.text)))
    return out


def _is_continuation(cur: dict, prev: dict, measure_words, target_of=parse_target) -> bool:
    """Is ``cur`` the second line of ``prev`` (a cell the conversion split over two lines)?"""
    if prev["target"] is not None and target_of(prev["target"]).form == FORM_OPERATOR_ONLY:
        return True
    if cur["weight"] is not None or cur["level1"] is not None:
        return False
    return cur["name"] is None or cur["target"] is None


def indicator_key(ind: Indicator) -> str:
    """An indicator's name for matching the same indicator across tables: normalised, without
    its bracketed unit, quotes and spaces."""
    return normalize_term(ind.clean_name)


def is_performance_table(table: Table) -> bool:
    return table.kind == "performance" or "绩效目标表" in (table.title or "")


def parse_performance_tables(document: Document, lexicon=None) -> list[PerformanceTable]:
    """Every 绩效目标表 of the document, parsed (empty list when there is none)."""
    measures = tuple(getattr(lexicon, "measure_words", {}) or ())
    return [parse_performance_table(t, measures) for t in document.tables if is_performance_table(t)]


# --------------------------------------------------------------------------- vocabulary


# --------------------------------------------------------------------------- evidence


def cell_evidence(pt: PerformanceTable, text: LocatedText, column: str, row: str = "") -> "Related":
    """A ``related`` entry pointing at one cell of a 绩效目标表."""
    from textcheck.report.diagnostic import Related

    loc = text.location
    return Related(kind="table-cell", text=text.text, line=loc.line, source_column=loc.column,
                   table=pt.table.id, row=row or (pt.project.text if pt.project is not None else ""),
                   column_label=column, page=loc.page, ref=loc.ref)


def target_text(t: Target) -> str:
    return t.text.text


# --------------------------------------------------------------------------- plan figures in goal text


@dataclass(frozen=True)
class PlanMention:
    """A count or amount stated in 项目总体目标 / 年度绩效目标 text ("计划签订 4 个合作意向协议")."""

    value: Number
    unit: str
    category: str  # measure-word category, "money" or "percent"
    subject: str  # the clause around the figure, figure removed
    location: Location
    text: str  # the figure as written ("4 个")
    sentence: LocatedText  # the clause, for evidence
    bound: str | None = None  # the plan is a bound, not a figure: ">" (500余台, 超过), "≥" (不低于, 以上), "≤" (不超过, 以内)


_CLAUSE_BREAK = regex.compile(r"[，。；;！？!?：:\n]|[（(]\s*\d{1,2}\s*[）)]|\d{1,2}[.．、](?!\d)")
_CN_COUNT = regex.compile(r"(?<![第零〇一二两三四五六七八九十百千])(?:[二两三四五六七八九十百][零〇一二两三四五六七八九十百]*|一[十百][零〇一二两三四五六七八九十百]*)")
_AR_NUMBER = regex.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])")


# id(lexicon) → (lexicon, pattern, categories); the entry keeps the lexicon alive so an id is
# never reused for another one.
_UNITS: dict[int, tuple] = {}


def _units_pattern(lexicon) -> tuple["regex.Pattern", dict[str, str]]:
    """The unit alternation of ``lexicon``, built once per lexicon (not per goal text)."""
    entry = _UNITS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _UNITS[id(lexicon)] = (lexicon, *_build_units_pattern(lexicon))
    return entry[1], entry[2]


def _build_units_pattern(lexicon) -> tuple["regex.Pattern", dict[str, str]]:
    measures = dict(getattr(lexicon, "measure_words", {}) or {})
    money = dict.fromkeys(getattr(lexicon, "money_units", {}) or ("元", "万元", "亿元"), "money")
    cats = {**measures, **money, "%": "percent"}
    alternation = "|".join(regex.escape(u) for u in sorted(cats, key=lambda u: (-len(u), u)))
    return regex.compile(rf"^\s*(?P<unit>{alternation})"), cats


def plan_mentions(goal: LocatedText, lexicon) -> list[PlanMention]:
    """Counts and amounts of a goal text, each with the words of its own clause."""
    from textcheck.numbers import chinese_numeral_value

    unit_re, cats = _units_pattern(lexicon)
    text = goal.text
    found = []
    for m in list(_AR_NUMBER.finditer(text)) + list(_CN_COUNT.finditer(text)):
        after = text[m.end():]
        bound = None
        more = patterns.PERF_PLAN_MORE_THAN.match(after)  # "500余台", "20多个"
        if more:
            bound, after = ">", after[more.end():]
        u = unit_re.match(after)
        if not u:
            continue
        unit = u.group("unit")
        end = m.end() + (more.end() if more else 0) + u.end()
        before = text[:m.start()]
        rest = text[end:]
        if (patterns.PERF_PLAN_RATE_BEFORE.search(before) or patterns.PERF_PLAN_APPROX_BEFORE.search(before)
                or patterns.PERF_PLAN_APPROX_AFTER.match(rest) or patterns.PERF_PLAN_ARITHMETIC.search(before)
                or patterns.PERF_DOC_NUMBER_BEFORE.search(before) or rest.lstrip().startswith(("/", "*", "="))
                or before.rstrip().endswith(("第", "=", "*", "/"))):
            continue
        if bound is None:
            for name, op in (("PERF_PLAN_AT_LEAST_BEFORE", "≥"), ("PERF_PLAN_AT_MOST_BEFORE", "≤"),
                             ("PERF_PLAN_OVER_BEFORE", ">")):
                if getattr(patterns, name).search(before):
                    bound = op
                    break
        if bound is None:
            after_unit = patterns.PERF_PLAN_BOUND_AFTER.match(rest)  # "500台以上" / "500台以内"
            if after_unit:
                bound = "≥" if after_unit.group("up") else "≤"
        cat = cats[unit]
        if cat == "duration" and unit == "年":
            continue  # "2024 年": a date, not a plan figure
        num = m.group(0)
        if num[0].isdigit():
            value = parse_number(num)
        else:
            v = chinese_numeral_value(num)
            value = Number(Decimal(v), 0, None, num) if v is not None else None
        if value is None:
            continue
        value = Number(value.value, value.decimals, unit, num)
        found.append((m.start(), end, value, unit, cat, bound))
    found.sort(key=lambda f: f[:2])
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    out = []
    for i, (start, end, value, unit, cat, bound) in enumerate(found):
        left = max([b + 1 for b in breaks if b < start] + [0])
        right = min(b for b in breaks if b >= end)
        if i > 0 and found[i - 1][1] > left and found[i - 1][1] <= start:
            left = found[i - 1][1]
        if i + 1 < len(found) and found[i + 1][0] < right:
            right = found[i + 1][0]
        subject = (text[left:start] + text[end:right]).strip()
        out.append(PlanMention(value, unit, cat, subject, goal.locate(start, end), text[start:end],
                               goal.slice(left, right), bound))
    return out


def feasible(operator: str | None, value: Decimal) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The values an operator and a number allow, as (low, low included, high, high included);
    None = unbounded.  No operator means exactly the value."""
    if operator in (GE, ">="):
        return value, True, None, False
    if operator == GT:
        return value, False, None, False
    if operator == LE:
        return None, False, value, True
    if operator == LT:
        return None, False, value, False
    return value, True, value, True


def within(inner: tuple, outer: tuple) -> bool:
    """Is every value of the set ``inner`` (from ``feasible``) in ``outer``?"""
    lo, lo_in, hi, hi_in = inner
    olo, olo_in, ohi, ohi_in = outer
    if olo is not None:
        if lo is None or lo < olo or (lo == olo and lo_in and not olo_in):
            return False
    if ohi is not None:
        if hi is None or hi > ohi or (hi == ohi and hi_in and not ohi_in):
            return False
    return True


def compatible(a: tuple, b: tuple) -> bool:
    """Do two sets from ``feasible`` share a value?"""
    lo = max((x for x in (a, b) if x[0] is not None), key=lambda x: (x[0], not x[1]), default=None)
    hi = min((x for x in (a, b) if x[2] is not None), key=lambda x: (x[2], x[3]), default=None)
    if lo is None or hi is None:
        return True
    if lo[0] < hi[2]:
        return True
    return lo[0] == hi[2] and lo[1] and hi[3]


_ABBREV_CACHE: dict[str, list[str]] = {}


def content_words(s: str, generic=frozenset()) -> list[str]:
    """jieba words of ``s`` worth linking on: two characters or more, not generic, not numbers."""
    if s not in _ABBREV_CACHE:
        import jieba

        words = jieba.lcut(patterns.PERF_WORD_SEPARATORS.sub(" ", s))
        _ABBREV_CACHE[s] = [w for w in words if len(w.strip()) >= 2 and not patterns.ANY_DIGIT.search(w)]
    return [w for w in _ABBREV_CACHE[s] if w not in generic]


def shared_words(indicator_words: list[str], subject: str, subject_words: list[str]) -> list[str]:
    """Indicator words found in a plan clause: as a word, inside a word, or as the
    two-character abbreviation of two words of the clause ("参展" ← "参与 … 展会")."""
    out = []
    for w in indicator_words:
        if w in subject_words or any(w in s for s in subject_words if len(s) > len(w)):
            out.append(w)
        elif len(w) == 2 and any(a[0] == w[0] and b[0] == w[1]
                                 for i, a in enumerate(subject_words) for b in subject_words[i + 1:]):
            out.append(w)
    return out


def compatible_units(plan_unit: str, plan_cat: str, target_unit: str | None, lexicon) -> bool:
    """Can a plan figure in ``plan_unit`` and a target in ``target_unit`` count the same thing?"""
    if not target_unit:
        return False
    if plan_unit == target_unit:
        return True
    measures = getattr(lexicon, "measure_words", {}) or {}
    money = getattr(lexicon, "money_units", {}) or {}
    if plan_cat == "money":
        return target_unit in money
    t_cat = measures.get(target_unit)
    if t_cat is None or plan_cat in ("percent", "money"):
        return False
    if t_cat == plan_cat and plan_cat != "duration":
        return True
    # 个 is the general classifier: "4 个合作意向协议" counts what "≥2 份" counts.
    generic = {"个"}
    return (plan_unit in generic and t_cat in ("things", "organisations", "times")) or \
           (target_unit in generic and plan_cat in ("things", "organisations", "times"))

# --------------------------------------------------------------------------- project budget facts (TC603)


# A name shorter than this never links by containment alone.
MIN_CONTAINED = 6


def name_key(s: str) -> str:
    return patterns.PERF_NAME_DASHES.sub("-", normalize_term(s))


def money_unit(pt) -> str:
    """The 绩效目标表's money unit: "项目资金(万元)"; 万元 when not stated."""
    for row in list(pt.table.header) + [r.cells for r in pt.table.rows]:
        for c in row:
            m = patterns.MONEY_UNIT.search(c.text.text)
            if m and ("资金" in c.text.text or "预算" in c.text.text):
                return m.group(0)
    return "万元"


def project_tables(document):
    """(table, name column, value column, role) for the project and carry-over tables."""
    out = []
    for t in document.tables:
        if is_performance_table(t) or t.unit not in MONEY_UNITS:
            continue
        carry = "结转" in (t.title or "")
        name_col = value_col = None
        for col in t.columns:
            label = normalize_term(" ".join(col.path) or col.label)
            if name_col is None and "项目名称" in label:
                name_col = col.index
        if name_col is None and carry and t.columns:
            name_col = t.columns[0].index
        if name_col is None:
            continue
        for col in t.columns:
            if col.index <= name_col:
                continue
            label = normalize_term(col.label)
            if patterns.PERF_TOTAL_COLUMN.search(label):
                value_col = col.index
                break
        if value_col is None:
            value_col = next((c.index for c in t.columns if c.index > name_col), None)
        if value_col is not None:
            out.append((t, name_col, value_col, "carry" if carry else "project"))
    return out


def project_row_keys(table, name_col) -> list:
    """(name key, row) of every named row of a project table."""
    rows = []
    for r in table.rows:
        c = r.cell(name_col)
        text = c.text.text if c is not None and c.text.text.strip() else r.label
        if text:
            rows.append((name_key(text), r))
    return rows


def find_project_row(table, name_col, key, rows=None):
    """The unique row whose name matches ``key`` (exact, then by containment).

    ``rows``: ``project_row_keys(table, name_col)`` when the caller already has them."""
    if rows is None:
        rows = project_row_keys(table, name_col)
    exact = [r for k, r in rows if k == key]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    contained = [r for k, r in rows if min(len(k), len(key)) >= MIN_CONTAINED and (k in key or key in k)]
    return contained[0] if len(contained) == 1 else None


def project_name_keys(project: str) -> list[str]:
    """The project name, then without trailing notes in parentheses ("(上年结转资金)")."""
    k = name_key(project)
    keys = [k]
    while patterns.PERF_NAME_TRAILING_NOTE.search(k):
        k = patterns.PERF_NAME_TRAILING_NOTE.sub("", k)
        keys.append(k)
    return keys


def goal_budget_mentions(pt: PerformanceTable, lexicon) -> list[PlanMention]:
    """Money figures of the 项目总体目标 that name the project's budget ("按照目前 905 万元的
    预算", "预算 950 万元")."""
    goal = pt.overall_goal
    if goal is None:
        return []
    out = []
    for m in plan_mentions(goal, lexicon):
        if m.category != "money":
            continue
        start = goal.text.find(m.text)
        before, after = goal.text[:start], goal.text[start + len(m.text):]
        if patterns.PERF_GOAL_BUDGET_AFTER.match(after) or patterns.PERF_GOAL_BUDGET_BEFORE.search(before):
            out.append(m)
    return out
