"""The columns of a table grid: labels and paths from the header rows (horizontal spans filled),
column numbers, each column's role (code, code+name, text, value, line number) and the
side-by-side blocks (收入 | 支出) the roles reveal."""
from __future__ import annotations

from textcheck import patterns
from textcheck.document import Column, new_column
from textcheck.readers.grid_cells import CellRow, compact, may_be_number, parse_number

def grid_columns(label_rows: list[CellRow], number_row: CellRow | None, ncols: int) -> list[Column]:
    grid = [[compact(r[c].text) if c < len(r) else "" for c in range(ncols)] for r in label_rows]
    filled = [row[:] for row in grid]
    for r in range(len(grid)):
        for c in range(ncols):
            if grid[r][c] or not any(grid[rr][c] for rr in range(r + 1, len(grid))):
                continue
            for cc in range(c - 1, -1, -1):  # the horizontal span this cell is covered by
                if grid[r][cc]:
                    filled[r][c] = grid[r][cc]
                    break
    columns = []
    for c in range(ncols):
        path: list[str] = []
        for r in range(len(filled)):
            t = filled[r][c]
            if t and (not path or path[-1] != t):
                path.append(t)
        number = None
        if number_row is not None and c < len(number_row):
            t = compact(number_row[c].text)
            number = t if t.isdigit() else None
        columns.append(new_column(c, path[-1] if path else "", tuple(path), number))
    return columns


CODE_CLASS_ROLE, CODE_SUB_ROLE, CODE_COMBINED_ROLE, CODE_NAME_ROLE, TEXT_ROLE, VALUE_ROLE, LINE_NUMBER_ROLE = (
    "class", "sub", "combined", "code+name", "text", "value", "line-number")


# What BRACKETED_CODE starts with: a cell starting otherwise holds no bracketed code.
CODE_BRACKETS = "[【"


def code_text(text: str) -> str:
    """A code cell without the brackets some templates print around it ("[201]" → "201")."""
    if not text or text[0] not in CODE_BRACKETS:  # most cells: no bracket
        return text
    m = patterns.BRACKETED_CODE.fullmatch(text)
    return m.group(1) if m else text


def column_roles(columns: list[Column], body: list[CellRow], ncols: int) -> list[str]:
    values: list[list[str]] = [[] for _ in range(ncols)]  # each column's filled cells, brackets off
    for r in body:
        for c, cell in enumerate(r):
            t = cell.text.strip()
            if t:
                values[c].append(code_text(t) if t[0] in CODE_BRACKETS else t)  # no call for most cells
    has_header = any(col.path for col in columns)

    def header_hint(c: int, words: str) -> bool:
        return any(w in p for p in columns[c].path for w in words.split("|")) if has_header else True

    def mostly(vals: list[str], pat) -> bool:
        """Codes, except a few text cells without digits ("合计" in the code column)."""
        codes = sum(1 for v in vals if pat.match(v))
        others_ok = all(pat.match(v) or not any(ch.isdigit() for ch in v) for v in vals)
        return codes >= 1 and others_ok and len(vals) - codes <= max(2, len(vals) // 5)

    roles = [""] * ncols
    c = 0
    # leading code columns: 类 | 款 | 项 split, or one combined-code column
    while c < min(ncols, 3):
        vals = values[c]
        if vals and mostly(vals, patterns.CODE_CLASS) and header_hint(c, "类|编码|代码|科目"):
            roles[c] = CODE_CLASS_ROLE
            k = c + 1
            while k < min(ncols, c + 3) and values[k] and all(patterns.CODE_SUB.match(v) for v in values[k]) \
                    and header_hint(k, "款|项|编码|代码|科目"):
                roles[k] = CODE_SUB_ROLE
                k += 1
            c = k
            break
        if vals and mostly(vals, patterns.CODE_COMBINED) and any(len(v) > 3 for v in vals) \
                and header_hint(c, "编码|代码|科目"):
            roles[c] = CODE_COMBINED_ROLE
            c += 1
            break
        if vals:
            break
        c += 1
    for k in range(ncols):
        if roles[k]:
            continue
        vals = values[k]
        if not vals:
            roles[k] = VALUE_ROLE
            continue
        # a word (most cells of a text column) is told by its first character, not parsed
        numeric = len([v for v in vals if may_be_number(v) and parse_number(v) is not None])
        # A number is never a code and a name (that needs a Han character): at most the other
        # cells are coded, and fewer than two cannot make a code+name column (most value columns).
        coded = sum(1 for v in vals if patterns.CODE_AND_NAME.match(v)) if len(vals) - numeric >= 2 else 0
        if coded >= 2 and coded * 2 >= len(vals) - numeric:
            roles[k] = CODE_NAME_ROLE
        elif numeric * 2 > len(vals):
            roles[k] = VALUE_ROLE
        else:
            roles[k] = TEXT_ROLE
    for k in range(ncols):  # 行次 / 栏次: the rows' line numbers, never amounts (final accounts)
        if k < len(columns) and columns[k].path and patterns.LINE_NUMBER_HEADER.fullmatch(columns[k].path[-1]):
            roles[k] = LINE_NUMBER_ROLE
    return roles


def side_blocks(roles: list[str]) -> list[tuple[int, int]]:
    """Column ranges of side-by-side blocks: a name column after a value column starts one."""
    starts = [0]
    seen_value = False
    for k, role in enumerate(roles):
        if role == VALUE_ROLE:
            seen_value = True
        elif seen_value and role in (TEXT_ROLE, CODE_NAME_ROLE, CODE_CLASS_ROLE, CODE_COMBINED_ROLE):
            starts.append(k)
            seen_value = False
    ends = starts[1:] + [len(roles)]
    return list(zip(starts, ends))
