"""绩效目标表 grids: info rows (项目名称, 项目资金 …), the indicator header, then one row per indicator
with its 一级指标/二级指标 carried down as the row's group."""
from __future__ import annotations

from textcheck.document import ROW_DATA, Table, new_cells, new_row
from textcheck.readers.grid_cells import NUMBER_HEADS, CellRow, compact, first_location, parse_number
from textcheck.readers.grid_columns import grid_columns

# The 绩效目标表 template's own header words: grammar of the template, not vocabulary to extend.
_INDICATOR_HEADER_WORDS = ("一级指标", "二级指标", "三级指标", "指标值")


def performance_table(draft: TableDraft, rows: list[CellRow], table_id: str, index: int) -> Table:
    """绩效目标表: info rows (项目名称, 项目资金 …), then the indicator header, then indicators.

    The indicator header row becomes ``Table.header``; every other row stays a
    body row in order.  Row.label is the 三级指标 text (indicator name) after the
    header and the first cell's text before it; Row.group carries the
    一级指标/二级指标 down the rows ("产出指标/数量指标").
    """
    hdr_i = None
    for i, r in enumerate(rows):
        texts = {compact(c.text) for c in r if "标" in c.text}  # every header word has a 标
        if sum(1 for w in _INDICATOR_HEADER_WORDS if w in texts) >= 2:
            hdr_i = i
            break
    ncols = max([len(r) for r in rows] or [0])
    header = [rows[hdr_i]] if hdr_i is not None else []
    columns = grid_columns(header, None, ncols)
    col_of = {col.label: col.index for col in columns}
    name_col = col_of.get("三级指标")
    body = [(i > hdr_i if hdr_i is not None else False, r) for i, r in enumerate(rows) if i != hdr_i]
    out = []
    level1 = level2 = ""
    unit = draft.unit
    for i, (after, r) in enumerate(body):
        # parse_number's own first test, inline: most cells of these tables are words, which no
        # number starts with, so they cost no call (tests/test_reader_fast_paths.py)
        cells = new_cells(r, i, [parse_number(t, unit) if (t := c.text) and (
            (h := t[0]).isdecimal() or h in NUMBER_HEADS or h.isspace()) else None for c in r])
        group = None
        if after:
            t0 = compact(r[0].text) if r else ""
            t1 = compact(r[1].text) if len(r) > 1 else ""
            if t0:
                level1, level2 = t0, ""
            if t1:
                level2 = t1
            group = _group(level1, level2)
            label = r[name_col].text.strip() if name_col is not None and name_col < len(r) else ""
        else:
            label = next((c.text.strip() for c in r if c.text.strip()), "")
        # positional (index, cells, label, code, level, kind, parent, group): one per row
        out.append(new_row(i, cells, label, None, 2 if after else None, ROW_DATA, None, group))
    header_cells = tuple(new_cells(r, -1) for r in header)
    return Table(id=table_id, title=draft.title, unit=draft.unit, columns=tuple(columns), rows=tuple(out),
                 location=draft.location or first_location(rows), index=index, section=draft.section,
                 number=draft.number, header=header_cells, empty_statement=draft.empty_statement,
                 department=draft.department, kind="performance")


def _group(level1: str, level2: str) -> str | None:
    """``"/".join(x for x in (level1, level2) if x) or None``, without a generator per row
    (tests/test_performance_fast_paths.py)."""
    if level1:
        return f"{level1}/{level2}" if level2 else level1
    return level2 or None
