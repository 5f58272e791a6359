"""The body rows of a table grid: each row's label and classification code per block (staggered
codes completed), its kind (total / subtotal / part / data), level, parent and group — by
codes, "其中：" markers, numbering, unit rows and vertically merged cells."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.document import ROW_DATA, ROW_PART, ROW_SUBTOTAL, ROW_TOTAL, Cell, Column, Row, new_cells, new_row
from textcheck.readers.grid_cells import CellRow, compact, parse_number
from textcheck.readers.grid_columns import (
    CODE_CLASS_ROLE, CODE_COMBINED_ROLE, CODE_NAME_ROLE, CODE_SUB_ROLE, LINE_NUMBER_ROLE, TEXT_ROLE, VALUE_ROLE,
    code_text)

def _numbering_rank(label: str) -> int | None:
    for rank, pat in enumerate(patterns.ROW_NUMBERING):
        if pat.match(label):
            return rank
    return None


def _row_kind(label: str) -> str:
    t = compact(label)
    if not t:
        return ROW_DATA
    if patterns.ROW_PART_LABEL.match(t):
        return ROW_PART
    if patterns.ROW_SUBTOTAL_LABEL.search(t):
        return ROW_SUBTOTAL
    if not t.endswith(_TOTAL_ENDINGS):
        return ROW_DATA  # numbering comes off the front only: the bare label ends as ``t`` does
    bare = t
    for pat in patterns.ROW_NUMBERING:
        bare = pat.sub("", bare)
    if patterns.ROW_TOTAL_LABEL.match(bare) and len(bare) <= 10:
        return ROW_TOTAL
    return ROW_DATA


# How every label patterns.ROW_TOTAL_LABEL matches ends (总计 / 合计 / 总额 …).
_TOTAL_ENDINGS = ("计", "总额")


def _naming_columns(roles: list[str], start: int, end: int) -> tuple[tuple[int, str, int], ...]:
    """(column, role, code columns before it in the block) of the block's columns that can name
    a row — decided once per table: value and line-number columns never do (most cells)."""
    out = []
    codes_before = 0
    for k in range(start, min(end, len(roles))):
        role = roles[k]
        if role != VALUE_ROLE and role != LINE_NUMBER_ROLE:
            out.append((k, role, codes_before))
        if role in (CODE_CLASS_ROLE, CODE_SUB_ROLE):
            codes_before += 1
    return tuple(out)


def _block_label_code(row: CellRow, columns: tuple[tuple[int, str, int], ...],
                      name_cols: frozenset[int] = frozenset()) -> tuple[str, str | None]:
    """(label, code) of one block of a row (``columns``: the block's ``_naming_columns``).

    The label is the most specific name: the rightmost filled name column
    (header 名称/项目/内容), else the rightmost filled text column.  A bare
    "小计"/"合计" next to a name ("一般公共预算资金 | 小计") keeps the name and
    adds the total word ("一般公共预算资金小计") so the kind is still found.
    """
    code_parts: list[str] = []
    label = ""
    code = None
    texts: list[tuple[int, str]] = []
    n = len(row)
    for k, role, codes_before in columns:
        if k >= n:
            break
        if role == TEXT_ROLE:
            t = row[k].text.strip()
            if t:
                texts.append((k, t))
            continue
        if role == CODE_NAME_ROLE:
            t = row[k].text.strip()
            m = patterns.CODE_AND_NAME.match(t)
            if m:
                code, name = m.groups()  # (code, name): regex's group() by name costs ~3x groups() each
                name = name.strip()
                if name:
                    label = name
            elif t:
                label = t
            continue
        t = code_text(compact(row[k].text))
        if role in (CODE_CLASS_ROLE, CODE_COMBINED_ROLE) and t and not t.isdigit():
            texts.append((k, row[k].text.strip()))  # "合计" written in the code column
        elif role == CODE_CLASS_ROLE:
            code_parts = [t] if t else []
        elif role == CODE_SUB_ROLE:
            if t and code_parts:
                code_parts.append(t)
            elif t:
                # "02 公安" under "204", "03 …" under "20508": the missing levels are the rows above's
                code_parts = [STAGGERED * codes_before, t]
        elif role == CODE_COMBINED_ROLE:
            code = t or None
    if texts:
        totals = []
        names = []
        for k, t in texts:
            if patterns.TOTAL_WORD.match(compact(t)):
                totals.append(compact(t))
            else:
                names.append((k, t))
        named = [t for k, t in names if k in name_cols]
        pick = named[-1] if named else (names[-1][1] if names else texts[-1][1])
        if totals and names:
            pick += totals[-1]
        if not label or named:
            label = pick
    if code_parts:
        code = "".join(code_parts)
    return label, code


def _unstagger(code: str | None, last_codes: dict[int, str]) -> str | None:
    """The full code of a staggered one: its missing levels from the nearest rows above."""
    if not code or not code.startswith(STAGGERED):
        return code
    skipped = len(code) - len(code.lstrip(STAGGERED))
    prefix = last_codes.get(1 + 2 * skipped)
    return prefix + code[skipped:] if prefix else None


# Code prefix placeholder: a 款/项 code printed without its 类 (staggered code columns); grid_rows
# puts the 类 of the nearest class row above in its place.
STAGGERED = "^"


_CODE_LEVELS = {3: 1, 5: 2, 7: 3}


def _code_level(code: str) -> int:
    return _CODE_LEVELS.get(len(code), (len(code) - 1) // 2)


@dataclass
class _Walk:
    """What the walk down a table's rows carries from one row to the next."""

    by_code: dict[str, int] = field(default_factory=dict)  # code → row index (parents by code)
    group: str | None = None  # the unit row grouping the rows below
    group_row: int | None = None
    numbered: list[tuple[int, int, int | None]] = field(default_factory=list)  # (rank, row index, level) stack
    part_parent: int | None = None  # parent of a running "其中：" list
    last_codes: dict[int, str] = field(default_factory=dict)  # the nearest 类 (3) and 款 (5) codes above
    span_label: str | None = None  # the vertically merged first text cell above
    span_row: int | None = None


def grid_rows(body: list[CellRow], roles: list[str], blocks: list[tuple[int, int]], unit: str | None,
              columns: list[Column] | None = None) -> list[Row]:
    """The body rows as ``Row``s: label, code, level, parent, kind, group and values."""
    coded_table = any(r in (CODE_CLASS_ROLE, CODE_COMBINED_ROLE) for r in roles) or (
        roles and CODE_NAME_ROLE in roles[blocks[0][0]:blocks[0][1]])
    name_cols = frozenset(c.index for c in (columns or []) if patterns.NAME_HEADER.search(c.label))
    # A first text column that is empty under a filled cell is a vertically merged
    # cell (PDF/Excel row span): "一般公共预算资金 | 小计" then " | 专项收入".
    text_cols = [k for k in range(blocks[0][0], blocks[0][1]) if k < len(roles) and roles[k] == TEXT_ROLE]
    span_col = text_cols[0] if len(text_cols) >= 2 else None
    plans = [_naming_columns(roles, a, b) for a, b in blocks]
    value_cols = tuple(k for k, role in enumerate(roles) if role == VALUE_ROLE)
    walk = _Walk()
    out: list[Row] = []
    side_by_side = len(plans) > 1
    for i, raw in enumerate(body):
        if side_by_side:
            labels_codes = [_block_label_code(raw, plan, name_cols) for plan in plans]
            labels_codes = [(lab, _unstagger(cd, walk.last_codes)) for lab, cd in labels_codes]
            label, code = labels_codes[0]
            kind_label = next((lab for lab, _ in labels_codes if lab), "")
        else:  # one block (most tables): no per-row lists
            label, code = _block_label_code(raw, plans[0], name_cols)
            code = _unstagger(code, walk.last_codes)
            kind_label = label
        if code and code.isdigit() and len(code) in (3, 5):
            walk.last_codes[len(code)] = code
            if len(code) == 3:
                walk.last_codes.pop(5, None)
        kind = _row_kind(kind_label)
        cells, has_value = _cells(raw, i, value_cols, unit)
        kind, level, parent, row_group = _place(walk, out, i, kind, label, code, has_value, coded_table)
        if span_col is not None:
            row_group, parent = _merged_span(walk, out, raw, i, kind, row_group, parent, span_col, text_cols)
        # positional (index, cells, label, code, level, kind, parent, group, labels, codes): one per row
        out.append(new_row(i, cells, label, code, level, kind, parent, row_group,
                           tuple(lab for lab, _ in labels_codes) if side_by_side else (),
                           tuple(cd for _, cd in labels_codes) if side_by_side else ()))
    return out


def _cells(raw: CellRow, i: int, value_cols: tuple[int, ...], unit: str | None) -> tuple[tuple[Cell, ...], bool]:
    """The row's cells, values read in the value columns (``value_cols``, ascending) only; and
    whether any holds a number."""
    values = None
    n = len(raw)
    for k in value_cols:
        if k >= n:
            break
        text = raw[k].text
        if text:
            value = parse_number(text, unit)
            if value is not None:
                if values is None:
                    values = [None] * n
                values[k] = value
    return new_cells(raw, i, values), values is not None


def _place(walk: _Walk, out: list[Row], i: int, kind: str, label: str, code: str | None, has_value: bool,
           coded_table: bool) -> tuple[str, int | None, int | None, str | None]:
    """(kind, level, parent, group) of row ``i``: by its code, a "其中：" marker, a unit name
    heading the rows below, or its numbering ("一、", "1.")."""
    level = None
    parent = None
    row_group = walk.group
    if code and patterns.CODE_COMBINED.match(code):
        level = _code_level(code)
        parent = walk.by_code.get(code[:-2]) if len(code) > 3 else walk.group_row
        walk.by_code[code] = i
        walk.part_parent = None
    elif kind in (ROW_TOTAL,):
        walk.part_parent = None
        walk.numbered.clear()
    elif kind == ROW_PART:
        base = i - 1 if out else None
        while base is not None and out[base].kind == ROW_PART:
            base = out[base].parent if out[base].parent is not None and out[base].parent < base else base - 1
            if base is not None and base < 0:
                base = None
        parent = base
        walk.part_parent = parent
        level = (out[parent].level + 1) if parent is not None and out[parent].level else None
    elif kind == ROW_DATA and label and not code and (
            (coded_table and has_value and not code) or
            (not coded_table and patterns.ORG_NAME.match(compact(label)) and has_value)) \
            and _numbering_rank(label) is None and walk.part_parent is None:
        # a unit row grouping the rows under it (项目支出表 by unit, 结转结余 by unit)
        kind = ROW_SUBTOTAL
        walk.group = label
        row_group = label
        walk.group_row = i
        walk.by_code = {}
        level = 0 if coded_table else 1
    elif walk.part_parent is not None and kind == ROW_DATA and label and _numbering_rank(label) is None:
        kind = ROW_PART  # the list after "其中：" goes on: "其中：A / B / C"
        parent = walk.part_parent
        level = (out[parent].level + 1) if out[parent].level else None
    else:
        walk.part_parent = None
        parent, level = _numbered_place(walk, i, kind, label, coded_table)
    if kind in (ROW_TOTAL,) and walk.group_row is not None and not code:
        row_group = None
    return kind, level, parent, row_group


def _numbered_place(walk: _Walk, i: int, kind: str, label: str, coded_table: bool) -> tuple[int | None, int | None]:
    """(parent, level) of a row by its numbering, or under the unit row above."""
    rank = _numbering_rank(label) if label else None
    if rank is not None:
        while walk.numbered and walk.numbered[-1][0] >= rank:
            walk.numbered.pop()
        parent = walk.numbered[-1][1] if walk.numbered else walk.group_row
        level = (walk.numbered[-1][2] or 0) + 1 if walk.numbered else 1
        walk.numbered.append((rank, i, level))
        return parent, level
    if walk.group_row is not None and not coded_table and kind == ROW_DATA:
        return walk.group_row, 2
    return None, None


def _merged_span(walk: _Walk, out: list[Row], raw: CellRow, i: int, kind: str, row_group: str | None,
                 parent: int | None, span_col: int, text_cols: list[int]) -> tuple[str | None, int | None]:
    """(group, parent) of a row under a vertically merged first text cell."""
    first = raw[span_col].text.strip() if span_col < len(raw) else ""
    if first:
        walk.span_label, walk.span_row = first, i
    elif walk.span_label and any(raw[k].text.strip() for k in text_cols[1:] if k < len(raw)):
        row_group = row_group or walk.span_label
        if parent is None and out[walk.span_row].kind in (ROW_SUBTOTAL, ROW_TOTAL):
            parent = walk.span_row
    if kind == ROW_TOTAL:
        walk.span_label = walk.span_row = None
    return row_group, parent
