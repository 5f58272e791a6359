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

The steps live in ``grid_cells`` (numbers and text of cells), ``grid_columns`` (2, 3),
``grid_rows`` (4) and ``performance_grid`` (绩效目标表); this module collects a draft's
segments, finds the header and runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.document import LocatedText, Location, Table, new_cells
from textcheck.readers.grid_cells import CellRow, compact, first_location, parse_number  # noqa: F401
from textcheck.readers.grid_columns import column_roles, grid_columns, side_blocks
from textcheck.readers.grid_rows import grid_rows
from textcheck.readers.performance_grid import performance_table


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


def _row_key(row: CellRow) -> tuple[str, ...]:
    key = [compact(c.text) for c in row]
    while key and not key[-1]:
        key.pop()
    return tuple(key)


def is_separator_row(row: CellRow) -> bool:
    """A Markdown separator converted to cells ("--", "----"): not data."""
    for c in row:
        if c.text:
            if c.text[0] not in "-:":  # cheap test first: almost every row fails here
                return False
            break
    else:
        return False
    return all(patterns.DASH_CELL.match(c.text.strip()) for c in row if c.text)


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
    title_id = draft.id or f"T{index + 1}"
    if draft.kind == "performance":
        return performance_table(draft, [r for r in draft.rows if not is_separator_row(r)], title_id, index)
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
    body = _join_name_fragments(body)
    ncols = max([len(r) for r in header + body] or [0])

    label_rows = [r for i, r in enumerate(header) if i != num_row]
    columns = grid_columns(label_rows, header[num_row] if num_row is not None else None, ncols)
    roles = column_roles(columns, body, ncols)
    blocks = side_blocks(roles)
    table_rows = grid_rows(body, roles, blocks, draft.unit, columns)
    header_cells = tuple(new_cells(r, -1) for r in header)
    location = draft.location or first_location(header + body)
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
    """The rows holding text (blank rows dropped), a unit name wrapped onto a row of its own
    ("江苏省梅村高级中学空港分" / "校") joined: a row whose only filled cell is text in the cell
    below a filled one is joined to it when the two pieces make an organisation name and the
    first piece alone does not.  (One pass over a row's cells finds both whether it is blank and
    its only filled cell.)"""
    out: list[CellRow] = []
    for row in body:
        filled = None
        for k, c in enumerate(row):
            if c.text.strip():
                if filled is not None:
                    filled = -1  # several filled: kept as it is
                    break
                filled = k
        if filled is None:
            continue  # no text: not a row
        if out and filled >= 0:
            k = filled
            above = out[-1]
            a = above[k].text.strip() if k < len(above) else ""
            b = row[k].text.strip()
            if a and parse_number(b) is None and patterns.ORG_NAME.match(compact(a + b)) \
                    and not patterns.ORG_NAME.match(compact(a)):
                out[-1] = _joined_row(above, row)
                continue
        out.append(row)
    return out
