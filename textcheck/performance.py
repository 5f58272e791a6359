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

The work is split by job: ``performance_targets`` (one target cell → ``Target``),
``performance_model`` (the records and their evidence), ``performance_plans`` (plan figures in goal texts, TC602) and
``performance_projects`` (project budget facts, TC603).  This module reads the tables into
records; every public name of those modules is importable from here.
"""
from __future__ import annotations

from operator import itemgetter

from textcheck import patterns
from textcheck.document import Cell, Document, LocatedText, Table
from textcheck.lexicon.polarity import POLARITY_FILE, Polarity, polarity  # noqa: F401 (re-exported)
from textcheck.numbers import parse_number
from textcheck.performance_model import (  # noqa: F401
    Figure, Indicator, PerformanceTable, indicator_key, is_performance_table, new_indicator)
from textcheck.performance_plans import (  # noqa: F401
    PlanMention, compatible, compatible_units, content_words, feasible, matching_words, plan_mentions, shared_words,
    within)
from textcheck.performance_projects import (  # noqa: F401
    MIN_CONTAINED, find_project_row, goal_budget_mentions, money_unit, name_key, project_name_keys,
    project_row_keys, project_tables)
from textcheck.table_cells import TableCells, table_cells
from textcheck.performance_targets import (  # noqa: F401
    EQ, FORM_DATE, FORM_EMPTY, FORM_LIST, FORM_MALFORMED, FORM_MULTI, FORM_OPERATOR_ONLY, FORM_QUANTITY,
    FORM_RANGE, FORM_RATIO, FORM_TEXT, GE, GT, LE, LT, MALFORMED_OPERATORS, OPERATOR_STYLE, Target, compact,
    join, no_space, parse_target, target_pieces, target_text)

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


def _grid(table: Table, cells: TableCells | None = None) -> list[dict[int, Cell]]:
    """Every row of the table (header rows included), in source order, as col → cell.
    ``cells``: the table's ``table_cells`` facts (each row's first line), when at hand."""
    facts = table_cells(table) if cells is None else cells
    keyed = []
    for cells_row, line in zip([*table.header, *(r.cells for r in table.rows)], facts.header_first + facts.row_first):
        row = {c.col: c for c in cells_row}
        if row:
            # a row naming a column twice keeps its last cell there: its first line is then that
            # of the cells kept
            keyed.append((line if len(row) == len(cells_row) else _first_line(row), row))
    keyed.sort(key=_line_of)  # stable: rows of one line keep their order, header rows first
    return [row for _, row in keyed]


_line_of = itemgetter(0)


def _first_line(row: dict[int, Cell]) -> int:
    # c.text.positions[0][0] is c.text.location.line, without building a Location per cell.
    lines = [c.text.positions[0][0] for c in row.values() if c.text.positions]
    return min(lines) if lines else 0


def _text(row: dict[int, Cell], col: int | None) -> LocatedText | None:
    if col is None or col not in row:
        return None
    t = row[col].text
    return t if t.text.strip() else None


_WS = patterns.WHITESPACE


def _key_text(s: str) -> str:
    """``_key`` of a cell's text, "" for a blank one."""
    if no_space(s):
        return s
    return _WS.sub("", s) if s.strip() else ""


def _key_texts(row: dict[int, Cell]) -> dict[int, str]:
    """Each cell's ``_key_text`` by column (the rows above the indicator header read every key)."""
    return {c: _key_text(cell.text.text) for c, cell in row.items()}


def _key(t: LocatedText | None) -> str:
    if t is None:
        return ""
    s = t.text
    return s if no_space(s) else _WS.sub("", s)  # most cells hold no space: no substitution


def _has_words(row: dict[int, Cell]) -> bool:
    """Whether some cell's ``_key_text`` is neither blank nor a run of dashes: the cells are
    looked at until the first that is (a row of the indicator table is rarely blank)."""
    dash = patterns.PERF_DASH_ROW.match
    for cell in row.values():
        t = _key_text(cell.text.text)
        if t and not dash(t):
            return True
    return False


def _row_line(row: dict[int, Cell]) -> int:
    """The first source line of the row's non-blank cells (0: none). A cell with positions holds
    text, which is blank when all of it is white space (str.strip's: isspace's)."""
    line = None
    for c in row.values():
        t = c.text
        p = t.positions
        if p and not t.text.isspace():
            a = p[0][0]
            if line is None or a < line:
                line = a
    return 0 if line is None else line


def _number(text: str, memo: dict):
    """``parse_number(text)`` through the document's memo (text → Number or None): the tables of
    one document repeat their weights ("10", "20") and amounts ("0.00"); a Number is immutable."""
    try:
        return memo[text]
    except KeyError:
        n = memo[text] = parse_number(text)
        return n


def _figures(row: dict[int, Cell], texts: dict[int, str], numbers_memo: dict) -> list[Figure]:
    """Label–amount pairs of a 项目资金 / 年度预算 row: the amount is the next non-empty cell.
    ``texts``: each cell's text without spaces (``_key``), "" for a blank cell; ``numbers_memo``:
    ``parse_number``'s memo (``_number``)."""
    out = []
    # the non-empty cells in column order: a label's amount is the one after it (blank cells
    # between are passed over); each text is parsed once, as a label and as an amount
    filled = [(col, texts[col]) for col in sorted(row) if texts[col]]
    numbers = [_number(t, numbers_memo) for _, t in filled]
    for i in range(len(filled) - 1):
        n = numbers[i + 1]
        if numbers[i] is None and n is not None:
            t = row[filled[i + 1][0]].text
            out.append(Figure(filled[i][1], n, t.location, t.text))
    return out


def parse_performance_table(table: Table, measure_words=(), targets_memo: dict | None = None,
                            numbers_memo: dict | None = None, cells: TableCells | None = None) -> PerformanceTable:
    """One 绩效目标表 as records.  ``targets_memo``, ``numbers_memo``: ``parse_target``'s and
    ``parse_number``'s memos, one per document (parse_performance_tables), or one for this table;
    ``cells``: the table's ``table_cells`` facts, when at hand."""
    memo = {} if targets_memo is None else targets_memo
    numbers_memo = {} if numbers_memo is None else numbers_memo
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
            hit = targets[id(cell)] = (cell, parse_target(cell, measure_words, memo))
        return hit[1]

    for row in _grid(table, cells):
        if cols is not None:
            # an indicator row reads its cells through ``cols``: the keys of its texts decide only
            # whether it is blank (or dashes), which its first cell with words settles
            if not _has_words(row):
                continue
        else:
            texts = _key_texts(row)
            nonempty = [t for t in texts.values() if t]
            if not nonempty or all(patterns.PERF_DASH_ROW.match(t) for t in nonempty):
                continue
            if any(patterns.PERF_HEAD_NAME.match(t) for t in nonempty) and \
                    any(patterns.PERF_HEAD_TARGET.match(t) for t in nonempty):
                cols = {}
                for c in sorted(row):
                    for name, pat in _HEADER_KEYS:
                        if name not in cols and pat.search(texts[c]):
                            cols[name] = c
                            break
                continue
            _key_value_row(row, texts, fields, funds, numbers_memo)
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
        weight = _number(_key(p["weight"]), numbers_memo) if p["weight"] is not None else None
        name = compact(p["name"]) if p["name"] is not None else LocatedText("", ())
        target_cell = _compose(p["operator"], p["target"], p["unit"])
        for one_name, one_target in _split_pairs(name, target_cell):
            built.append(new_indicator(  # (level1, level2, name, target, basis, previous, weight, unit_column, …)
                level1, level2, one_name,
                target_of(one_target) if one_target is not None else parse_target(None),
                compact(p["basis"]) if p["basis"] is not None else None,
                parse_target(p["previous"], measure_words, memo) if p["previous"] is not None else None,
                weight, _key(p["unit"]) or None, p["line"], tuple(p["lines"]), p["shifted"]))
    fields["funds"] = tuple(funds)
    fields["indicators"] = tuple(built)
    return PerformanceTable(**fields)


def _key_value_row(row, texts, fields, funds, numbers_memo) -> None:
    cols = sorted(c for c in row if texts[c])
    first = texts[cols[0]]
    value = _text(row, cols[1]) if len(cols) > 1 else None
    if patterns.PERF_PROJECT_KEY.match(first) and value is not None:
        fields.setdefault("project", compact(value))
    elif patterns.PERF_UNIT_KEY.match(first) and value is not None:
        fields.setdefault("unit", compact(value))
    elif patterns.PERF_OVERALL_GOAL_KEY.match(first) and value is not None:
        fields.setdefault("overall_goal", value)
    elif patterns.PERF_ANNUAL_GOAL_KEY.match(first) and value is not None:
        fields.setdefault("annual_goal", value)
    for fig in _figures(row, texts, numbers_memo):
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
    if (name_cell is not None and patterns.PERF_LEVEL2_LABEL.match(_key(name_cell)) and at("level2") is None
            and parse_target(at("target", 1)).form in (FORM_QUANTITY, FORM_RATIO)):
        shifted = True  # 二级指标 stands in the 三级指标 column, everything after moved right
    s = 1 if shifted else 0
    parsed: dict = {}
    found = False
    for k in _ROW_KEYS:  # at(k, s), inline: this runs for every cell of every indicator row
        c = cols.get(k)
        cell = row.get(c + s) if c is not None else None
        t = cell.text if cell is not None and cell.text.text.strip() else None
        parsed[k] = t
        found = found or t is not None
    if shifted:
        parsed["level2"] = name_cell
        found = True
    if not found:
        return None
    parsed["line"] = _row_line(row)
    parsed["shifted"] = shifted
    parsed["lines"] = [parsed["line"]]
    return parsed


def _compose(operator: LocatedText | None, value: LocatedText | None, unit: LocatedText | None) -> LocatedText | None:
    """The target as one text when the table gives operator, value and unit in their own
    columns ("≥" | "90" | "%" → "≥90%"): the operator only when it is one (a 指标值类型
    column may hold 定量/定性) and the value has none, the unit only when the value has none."""
    if value is None or not value.text.strip():
        return value
    out = value
    v = _key(value)  # (the text without white space: most cells hold none, and skip the pattern)
    if operator is not None and patterns.PERF_OPERATOR_CELL.match(_key(operator)) \
            and not patterns.PERF_OPERATOR.match(v):
        out = join(compact(operator, all_space=True), out)
    if unit is not None and unit.text.strip() and patterns.PERF_BARE_NUMBER_END.search(v):
        out = join(out, compact(unit, all_space=True))
    return out


def _split_pairs(name: LocatedText, target: LocatedText | None):
    """An indicator cell naming several indicators with as many targets, both separated by
    "；" ("网络维保响应时间；电梯维保响应时间" | "≤2小时；≤1小时"): one indicator each."""
    if target is None or not target.text or not patterns.PERF_MULTI_SEPARATOR.search(target.text):
        return [(name, target)]  # one target: one indicator, whatever the name holds
    names = target_pieces(name)
    targets = target_pieces(target)
    if len(targets) > 1 and len(names) == len(targets):
        return list(zip(names, targets))
    return [(name, target)]


def _is_continuation(cur: dict, prev: dict, measure_words, target_of=parse_target) -> bool:
    """Is ``cur`` the second line of ``prev`` (a cell the conversion split over two lines)?"""
    if prev["target"] is not None and target_of(prev["target"]).form == FORM_OPERATOR_ONLY:
        return True
    if cur["weight"] is not None or cur["level1"] is not None:
        return False
    return cur["name"] is None or cur["target"] is None


def parse_performance_tables(document: Document, lexicon=None, cells: tuple | None = None) -> list[PerformanceTable]:
    """Every 绩效目标表 of the document, parsed (empty list when there is none).  ``cells``: the
    ``table_cells`` facts of each table of the document (``Context.table_cells``), when at hand."""
    measures = tuple(lexicon.measure_words) if lexicon is not None else ()
    memo: dict = {}  # parse_target's, for this document's tables
    numbers_memo: dict = {}  # parse_number's, for this document's tables
    if cells is None:
        cells = (None,) * len(document.tables)
    return [parse_performance_table(t, measures, memo, numbers_memo, facts)
            for t, facts in zip(document.tables, cells) if is_performance_table(t)]
