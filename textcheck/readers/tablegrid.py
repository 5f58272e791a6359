"""Table grid analysis: header rows, column labels, code hierarchy, row kinds, values.

``readers.structure`` collects the rows of one table (possibly several
segments: a table continued after a page break with its header repeated) into
a :class:`TableDraft`; :func:`build_table` turns it into a ``document.Table``.
Format-agnostic: the rows are cells of LocatedText from any reader.

Decisions, in order:

1. Header rows: up to and including the column-number row ("※ ※ 1 2 3",
   "栏次 1 2 3") if there is one near the top, else the rows before the first
   row holding a number.  Continuation segments drop leading rows that repeat
   the header.
2. Column labels: header text with internal whitespace removed; an empty
   header cell with a filled cell below it is covered by a horizontal span and
   inherits the nearest filled cell to its left ("支出预算" over 合计/基本支出/
   项目支出).  ``Column.path`` is every level, ``Column.label`` the lowest.
3. Column roles: code columns (类/款/项 split, or combined 3/5/7-digit codes,
   or "201 一般公共服务支出" code-and-name cells), text (name) columns, and
   value columns (numbers).  A name column after a value column starts a new
   side-by-side block (收入 | 支出).
4. Rows: code → level (类 1, 款 2, 项 3) and parent (nearest row above with
   the parent code); without codes "其中：" parts, numbering ("一、", "1."),
   organisation group rows; kinds total / subtotal / part / data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from textcheck import patterns
from textcheck.document import (ROW_DATA, ROW_PART, ROW_SUBTOTAL, ROW_TOTAL, Cell, Column, LocatedText,
                                Location, Row, Table)
from textcheck.numbers import parse_number as _parse_number

CellRow = list[LocatedText]

# Cells repeat a lot ("", "0.00", codes); Numbers are immutable, so cache.
_parse_cached = lru_cache(maxsize=8192)(_parse_number)


def parse_number(text: str, unit: str | None = None):
    """A cell's number, re-joining one that the layout broke inside a narrow cell.

    PDF cells wrap long amounts: "106,512.0" above "0" is read as "106,512.0 0", and a
    converter may split "1682.76" as "1682.7 6".  The pieces are re-joined only when every
    piece is digits and separators, the joined text is one well-formed number, the first piece
    is a fragment of a long amount (it has a separator or four digits) and is not already that
    number (it fails to parse or has fewer decimals)."""
    n = _parse_cached(text, unit)
    if n is not None or not text:
        return n
    pieces = text.split()
    if len(pieces) < 2 or not all(patterns.NUMBER_PIECE.fullmatch(p) for p in pieces):
        return None
    joined = _parse_cached("".join(pieces), unit)
    if joined is None:
        return None
    head = pieces[0].lstrip("-−")
    if not ("," in head or "." in head or len(head) >= 4):
        return None  # "5 6.00": two short figures, not one amount wrapped
    first = _parse_cached(pieces[0], unit)
    return joined if first is None or first.decimals < joined.decimals else None


@dataclass
class TableDraft:
    """A table being collected by readers.structure (mutable while reading)."""

    id: str | None = None
    number: int | None = None
    title: str = ""
    unit: str | None = None
    department: str | None = None
    kind: str = "standard"
    section: tuple[str, ...] = ()
    location: Location | None = None
    segments: list[list[CellRow]] = field(default_factory=list)
    source_table: str | None = None
    empty_statement: LocatedText | None = None
    paragraphs_before: int = 0  # paragraphs of the document read before its last row (continuation test)

    @property
    def rows(self) -> list[CellRow]:
        return [r for seg in self.segments for r in seg]


def compact(s: str) -> str:
    """Text without any whitespace (header and label comparison)."""
    return "".join(s.split())


def _row_key(row: CellRow) -> tuple[str, ...]:
    key = [compact(c.text) for c in row]
    while key and not key[-1]:
        key.pop()
    return tuple(key)


def is_separator_row(row: CellRow) -> bool:
    """A Markdown separator converted to cells ("--", "----"): not data."""
    texts = [c.text for c in row if c.text]
    if not texts or texts[0][0] not in "-:":  # cheap test first: almost every row fails here
        return False
    return all(patterns.DASH_CELL.match(t.strip()) for t in texts)


def is_column_number_row(row: CellRow) -> bool:
    """"※ ※ ※ 1 2 3" / "栏次 1 2 3": marks and consecutive numbers from 1."""
    nums: list[int] = []
    marks = 0
    for c in row:
        t = compact(c.text)
        if not t:
            continue
        if patterns.COLUMN_NUMBER_MARK.match(t):
            if nums and not patterns.LINE_NUMBER_HEADER.fullmatch(t):
                return False  # marks only before the numbers (each side-by-side block opens with 栏次)
            marks += 1
            continue
        if t.isascii() and t.isdigit() and len(t) <= 3:  # ① and ² are isdigit() but not int()
            nums.append(int(t))
            continue
        return False
    if len(nums) == 1:
        return marks > 0 and nums[0] == 1  # "※ 1": a one-value-column table
    return len(nums) >= 2 and nums == list(range(nums[0], nums[0] + len(nums))) and nums[0] in (0, 1)


def _is_body_number(text: str, col: int) -> bool:
    """A cell that makes its row a body row: a number that is not a code or a year."""
    t = text.strip()
    n = parse_number(t)
    if n is None:
        return False
    if n.decimals or "," in t or t.endswith("%"):
        return True
    digits = t.lstrip("-−(（")
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return False  # a year heading such as "2023"
    # Bare integers in the first columns are usually codes (206 / 01 / 01).
    return col >= 3 and len(digits) not in (2, 3)


def header_row_count(rows: list[CellRow]) -> tuple[int, int | None]:
    """(number of header rows, index of the column-number row or None)."""
    for i, row in enumerate(rows[:8]):
        if is_column_number_row(row):
            return i + 1, i
    for i, row in enumerate(rows):
        if any(_is_body_number(c.text, k) for k, c in enumerate(row)):
            return i, None
        if any(patterns.CODE_AND_NAME.match(c.text.strip()) for c in row) or (
                row and patterns.CODE_CLASS.match(compact(row[0].text))):
            return i, None  # first coded row starts the body
    # No numbers at all: the first row is the header when there are others.
    return (1 if len(rows) > 1 else 0), None


def build_table(draft: TableDraft, index: int) -> Table:
    rows = [r for r in draft.rows if not is_separator_row(r)]
    title_id = draft.id or f"T{index + 1}"
    if draft.kind == "performance":
        return _performance_table(draft, rows, title_id, index)
    first = [r for r in draft.segments[0] if not is_separator_row(r)] if draft.segments else []
    h, num_row = header_row_count(first)
    header = first[:h]
    header_keys = {_row_key(r) for r in header}
    body: list[CellRow] = list(first[h:])
    for seg in draft.segments[1:]:
        seg = [r for r in seg if not is_separator_row(r)]
        k = 0
        while k < len(seg) and (_row_key(seg[k]) in header_keys or is_column_number_row(seg[k])):
            k += 1
        if body and k < len(seg) and completes_wrapped_row([c.text for c in body[-1]], [c.text for c in seg[k]]):
            body[-1] = _joined_row(body[-1], seg[k])  # a row whose label and an amount wrapped over the page end
            k += 1
        body.extend(seg[k:])
    body = _join_name_fragments([r for r in body if any(c.text.strip() for c in r)])
    ncols = max([len(r) for r in header + body] or [0])

    label_rows = [r for i, r in enumerate(header) if i != num_row]
    columns = _columns(label_rows, header[num_row] if num_row is not None else None, ncols)
    roles = _column_roles(columns, body, ncols)
    blocks = _blocks(roles)
    table_rows = _rows(body, roles, blocks, draft.unit, columns)
    header_cells = tuple(tuple(Cell(c, -1, k) for k, c in enumerate(r)) for r in header)
    location = draft.location or _first_location(header + body)
    return Table(
        id=title_id, title=draft.title, unit=draft.unit, columns=tuple(columns), rows=tuple(table_rows),
        location=location, index=index, section=draft.section, number=draft.number, header=header_cells,
        empty_statement=draft.empty_statement, department=draft.department,
        blocks=tuple(blocks) if len(blocks) > 1 else (), kind=draft.kind)


def wrapped_amount(above: str, below: str) -> bool:
    """"12,437.3" above "6" in one column: the tail of an amount wrapped in a narrow cell (the
    pieces make one well-formed number that the first piece alone is not)."""
    joined = parse_number(f"{above} {below}")
    return joined is not None and parse_number(above) != joined


def completes_wrapped_row(above: list[str], cells: list[str]) -> bool:
    """A row that only finishes the row above it: some cell holds the tail of an amount wrapped
    in its narrow column, and every other filled cell is text continuing a filled text cell above
    (a wrapped unit name), never a figure of its own."""
    wrapped = False
    for a, b in zip(above, cells):
        a, b = a.strip(), b.strip()
        if not b:
            continue
        if not a:
            return False
        if parse_number(b) is not None:
            if not wrapped_amount(a, b):
                return False
            wrapped = True
        elif parse_number(a) is not None or any(ch.isdigit() for ch in b):
            return False
    return wrapped and len(cells) <= len(above)


def _joined_row(above: CellRow, below: CellRow) -> CellRow:
    out = list(above)
    for k, c in enumerate(below):
        if not c.text.strip():
            continue
        a = out[k]
        if not a.text:
            out[k] = c
            continue
        # a space between the pieces of a wrapped amount (parse_number re-joins them), placed at the tail
        sep = " " if parse_number(c.text) is not None and c.positions else ""
        out[k] = LocatedText(a.text + sep + c.text, tuple(a.positions) + (c.positions[:1] if sep else ())
                             + tuple(c.positions), a.page, a.ref)
    return out


def _join_name_fragments(body: list[CellRow]) -> list[CellRow]:
    """A unit name wrapped onto a row of its own ("江苏省梅村高级中学空港分" / "校"): a row whose
    only filled cell is text in the cell below a filled one is joined to it when the two pieces
    make an organisation name and the first piece alone does not."""
    out: list[CellRow] = []
    for row in body:
        filled = [k for k, c in enumerate(row) if c.text.strip()]
        if out and len(filled) == 1:
            k = filled[0]
            above = out[-1]
            a = above[k].text.strip() if k < len(above) else ""
            b = row[k].text.strip()
            if a and parse_number(b) is None and patterns.ORG_NAME.match(compact(a + b)) \
                    and not patterns.ORG_NAME.match(compact(a)):
                out[-1] = _joined_row(above, row)
                continue
        out.append(row)
    return out


def _first_location(rows: list[CellRow]) -> Location:
    for r in rows:
        for c in r:
            if c.positions:
                return c.location
    return Location(0, 0, 0, 0)


# Columns -----------------------------------------------------------------------

def _columns(label_rows: list[CellRow], number_row: CellRow | None, ncols: int) -> list[Column]:
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
        columns.append(Column(index=c, label=path[-1] if path else "", path=tuple(path), number=number))
    return columns


CODE_CLASS_ROLE, CODE_SUB_ROLE, CODE_COMBINED_ROLE, CODE_NAME_ROLE, TEXT_ROLE, VALUE_ROLE, LINE_NUMBER_ROLE = (
    "class", "sub", "combined", "code+name", "text", "value", "line-number")


def code_text(text: str) -> str:
    """A code cell without the brackets some templates print around it ("[201]" → "201")."""
    m = patterns.BRACKETED_CODE.fullmatch(text)
    return m.group(1) if m else text


def _column_roles(columns: list[Column], body: list[CellRow], ncols: int) -> list[str]:
    values = [[code_text(r[c].text.strip()) for r in body if c < len(r) and r[c].text.strip()] for c in range(ncols)]
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
        coded = sum(1 for v in vals if patterns.CODE_AND_NAME.match(v))
        numeric = sum(1 for v in vals if parse_number(v) is not None)
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


def _blocks(roles: list[str]) -> list[tuple[int, int]]:
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


# Rows --------------------------------------------------------------------------

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
    bare = t
    for pat in patterns.ROW_NUMBERING:
        bare = pat.sub("", bare)
    if patterns.ROW_TOTAL_LABEL.match(bare) and len(bare) <= 10:
        return ROW_TOTAL
    return ROW_DATA


def _block_label_code(row: CellRow, roles: list[str], start: int, end: int,
                      name_cols: frozenset[int] = frozenset()) -> tuple[str, str | None]:
    """(label, code) of one block of a row.

    The label is the most specific name: the rightmost filled name column
    (header 名称/项目/内容), else the rightmost filled text column.  A bare
    "小计"/"合计" next to a name ("一般公共预算资金 | 小计") keeps the name and
    adds the total word ("一般公共预算资金小计") so the kind is still found.
    """
    code_parts: list[str] = []
    label = ""
    code = None
    texts: list[tuple[int, str]] = []
    for k in range(start, min(end, len(row))):
        t = code_text(compact(row[k].text))
        role = roles[k]
        if role in (CODE_CLASS_ROLE, CODE_COMBINED_ROLE) and t and not t.isdigit():
            texts.append((k, row[k].text.strip()))  # "合计" written in the code column
        elif role == CODE_CLASS_ROLE:
            code_parts = [t] if t else []
        elif role == CODE_SUB_ROLE:
            if t and code_parts:
                code_parts.append(t)
            elif t:
                # "02 公安" under "204", "03 …" under "20508": the missing levels are the rows above's
                skipped = sum(1 for j in range(start, k) if roles[j] in (CODE_CLASS_ROLE, CODE_SUB_ROLE))
                code_parts = [STAGGERED * skipped, t]
        elif role == CODE_COMBINED_ROLE:
            code = t or None
        elif role == CODE_NAME_ROLE:
            m = patterns.CODE_AND_NAME.match(row[k].text.strip())
            if m:
                code, name = m.group("code"), m.group("name").strip()
                if name:
                    label = name
            elif row[k].text.strip():
                label = row[k].text.strip()
        elif role == TEXT_ROLE:
            if row[k].text.strip():
                texts.append((k, row[k].text.strip()))
    if texts:
        totals = [compact(t) for k, t in texts if patterns.TOTAL_WORD.match(compact(t))]
        names = [(k, t) for k, t in texts if not patterns.TOTAL_WORD.match(compact(t))]
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


# Code prefix placeholder: a 款/项 code printed without its 类 (staggered code columns); _rows
# puts the 类 of the nearest class row above in its place.
STAGGERED = "^"


def _code_level(code: str) -> int:
    return {3: 1, 5: 2, 7: 3}.get(len(code), (len(code) - 1) // 2)


def _rows(body: list[CellRow], roles: list[str], blocks: list[tuple[int, int]], unit: str | None,
          columns: list[Column] | None = None) -> list[Row]:
    coded_table = any(r in (CODE_CLASS_ROLE, CODE_COMBINED_ROLE) for r in roles) or (
        roles and CODE_NAME_ROLE in roles[blocks[0][0]:blocks[0][1]])
    name_cols = frozenset(c.index for c in (columns or []) if patterns.NAME_HEADER.search(c.label))
    # A first text column that is empty under a filled cell is a vertically merged
    # cell (PDF/Excel row span): "一般公共预算资金 | 小计" then " | 专项收入".
    text_cols = [k for k in range(blocks[0][0], blocks[0][1]) if k < len(roles) and roles[k] == TEXT_ROLE]
    span_col = text_cols[0] if len(text_cols) >= 2 else None
    span_label: str | None = None
    span_row: int | None = None
    out: list[Row] = []
    by_code: dict[str, int] = {}
    group: str | None = None
    group_row: int | None = None
    numbered: list[tuple[int, int, int | None]] = []  # (rank, row index, level) stack
    part_parent: int | None = None  # parent of a running "其中：" list
    last_codes: dict[int, str] = {}  # the nearest 类 (3) and 款 (5) codes above (staggered codes)
    for i, raw in enumerate(body):
        labels_codes = [_block_label_code(raw, roles, a, b, name_cols) for a, b in blocks]
        labels_codes = [(lab, _unstagger(cd, last_codes)) for lab, cd in labels_codes]
        label, code = labels_codes[0]
        if code and code.isdigit() and len(code) in (3, 5):
            last_codes[len(code)] = code
            if len(code) == 3:
                last_codes.pop(5, None)
        kind_label = next((lab for lab, _ in labels_codes if lab), "")
        kind = _row_kind(kind_label)
        cells = []
        has_value = False
        for k, c in enumerate(raw):
            value = None
            if k < len(roles) and roles[k] == VALUE_ROLE and c.text:
                value = parse_number(c.text, unit)
                has_value = has_value or value is not None
            cells.append(Cell(c, i, k, value))
        level = None
        parent = None
        row_group = group
        if code and patterns.CODE_COMBINED.match(code):
            level = _code_level(code)
            parent = by_code.get(code[:-2]) if len(code) > 3 else group_row
            by_code[code] = i
            part_parent = None
        elif kind in (ROW_TOTAL,):
            part_parent = None
            numbered.clear()
        elif kind == ROW_PART:
            base = i - 1 if out else None
            while base is not None and out[base].kind == ROW_PART:
                base = out[base].parent if out[base].parent is not None and out[base].parent < base else base - 1
                if base is not None and base < 0:
                    base = None
            parent = base
            part_parent = parent
            level = (out[parent].level + 1) if parent is not None and out[parent].level else None
        elif kind == ROW_DATA and label and not code and (
                (coded_table and has_value and not labels_codes[0][1]) or
                (not coded_table and patterns.ORG_NAME.match(compact(label)) and has_value)) \
                and _numbering_rank(label) is None and part_parent is None:
            # a unit row grouping the rows under it (项目支出表 by unit, 结转结余 by unit)
            kind = ROW_SUBTOTAL
            group = label
            row_group = label
            group_row = i
            by_code = {}
            level = 0 if coded_table else 1
        elif part_parent is not None and kind == ROW_DATA and label and _numbering_rank(label) is None:
            kind = ROW_PART  # the list after "其中：" goes on: "其中：A / B / C"
            parent = part_parent
            level = (out[parent].level + 1) if out[parent].level else None
        else:
            part_parent = None
            rank = _numbering_rank(label) if label else None
            if rank is not None:
                while numbered and numbered[-1][0] >= rank:
                    numbered.pop()
                parent = numbered[-1][1] if numbered else group_row
                level = (numbered[-1][2] or 0) + 1 if numbered else 1
                numbered.append((rank, i, level))
            elif group_row is not None and not coded_table and kind == ROW_DATA:
                parent = group_row
                level = 2
        if kind in (ROW_TOTAL,) and group_row is not None and not code:
            row_group = None
        if span_col is not None:
            first = raw[span_col].text.strip() if span_col < len(raw) else ""
            if first:
                span_label, span_row = first, i
            elif span_label and any(raw[k].text.strip() for k in text_cols[1:] if k < len(raw)):
                row_group = row_group or span_label
                if parent is None and out[span_row].kind in (ROW_SUBTOTAL, ROW_TOTAL):
                    parent = span_row
            if kind == ROW_TOTAL:
                span_label = span_row = None
        out.append(Row(index=i, cells=tuple(cells), label=label, code=code, level=level, kind=kind,
                       parent=parent, group=row_group,
                       labels=tuple(lab for lab, _ in labels_codes) if len(blocks) > 1 else (),
                       codes=tuple(cd for _, cd in labels_codes) if len(blocks) > 1 else ()))
    return out


# Performance-target tables ------------------------------------------------------

_INDICATOR_HEADER_WORDS = ("一级指标", "二级指标", "三级指标", "指标值")


def _performance_table(draft: TableDraft, rows: list[CellRow], table_id: str, index: int) -> Table:
    """绩效目标表: info rows (项目名称, 项目资金 …), then the indicator header, then indicators.

    The indicator header row becomes ``Table.header``; every other row stays a
    body row in order.  Row.label is the 三级指标 text (indicator name) after the
    header and the first cell's text before it; Row.group carries the
    一级指标/二级指标 down the rows ("产出指标/数量指标").
    """
    hdr_i = None
    for i, r in enumerate(rows):
        texts = {compact(c.text) for c in r}
        if sum(1 for w in _INDICATOR_HEADER_WORDS if w in texts) >= 2:
            hdr_i = i
            break
    ncols = max([len(r) for r in rows] or [0])
    header = [rows[hdr_i]] if hdr_i is not None else []
    columns = _columns(header, None, ncols)
    col_of = {col.label: col.index for col in columns}
    name_col = col_of.get("三级指标")
    body = [(i > hdr_i if hdr_i is not None else False, r) for i, r in enumerate(rows) if i != hdr_i]
    out = []
    level1 = level2 = ""
    for i, (after, r) in enumerate(body):
        cells = tuple(Cell(c, i, k, parse_number(c.text, draft.unit) if c.text else None) for k, c in enumerate(r))
        group = None
        if after:
            t0 = compact(r[0].text) if r else ""
            t1 = compact(r[1].text) if len(r) > 1 else ""
            if t0:
                level1, level2 = t0, ""
            if t1:
                level2 = t1
            group = "/".join(x for x in (level1, level2) if x) or None
            label = r[name_col].text.strip() if name_col is not None and name_col < len(r) else ""
        else:
            label = next((c.text.strip() for c in r if c.text.strip()), "")
        out.append(Row(index=i, cells=cells, label=label, kind=ROW_DATA, group=group, level=2 if after else None))
    header_cells = tuple(tuple(Cell(c, -1, k) for k, c in enumerate(r)) for r in header)
    return Table(id=table_id, title=draft.title, unit=draft.unit, columns=tuple(columns), rows=tuple(out),
                 location=draft.location or _first_location(rows), index=index, section=draft.section,
                 number=draft.number, header=header_cells, empty_statement=draft.empty_statement,
                 department=draft.department, kind="performance")
