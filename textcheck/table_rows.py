"""The rows of one block: each row's label and classification code, the total row, "其中" part
sets, group rows, and the row sums proposed for verification — 总计 = Σ top rows, group = Σ its
rows, 类 = Σ款 = Σ项 by codes, "一、" = Σ its "1." rows — with the other readings of a grouped
layout for the table to choose from."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.arithmetic import ColumnNumbers, cell_number, cell_text
from textcheck.lexicon.columns import ColumnLexicon
from textcheck.lexicon.terms import squash
from textcheck.document import ROW_TOTAL, Row
from textcheck.table_model import BlockAnalysis, PartSet, RowSum, TableAnalysis


def block_row_label(row: Row, a: int, b: int, code_cols: set[int], side: int | None) -> str:
    if side is not None:
        labels = getattr(row, "labels", ())
        if side < len(labels) and labels[side] and labels[side].strip():
            return labels[side].strip()
    elif row.label and row.label.strip():
        return row.label.strip()
    for c in range(a, b):
        if c in code_cols:
            continue
        t = cell_text(row, c)
        if t and cell_number(row, c) is None:
            return t
    return ""


def block_row_code(row: Row, code_cols: set[int], label: str, side: int | None) -> str | None:
    if side is None and row.code:
        return row.code
    codes = getattr(row, "codes", ())
    if side is not None and side < len(codes) and codes[side]:
        return codes[side]
    if code_cols:
        parts = [cell_text(row, c) for c in sorted(code_cols)]
        parts = [p for p in parts if p]
        code = "".join(parts)
        if code and patterns.CODE_CELL.fullmatch(code) and len(code) in (3, 5, 7) and len(parts[0]) >= 3:
            return code
    # CODE_AND_NAME starts with [, 【 or the digit 1-9, and squash drops only white space (what
    # it drops is white space to str.isspace): a label starting with another character, not a
    # space (most start with a name), cannot match and is neither squashed nor matched
    if label and (label[0] in _CODE_STARTS or label[0].isspace()):
        m = patterns.CODE_AND_NAME.match(squash(label))
        if m:
            return m.group("code")
    return None


_CODE_STARTS = frozenset("[【123456789")


def _has_values(row: Row, block: BlockAnalysis) -> bool:
    return any(cell_number(row, c) is not None for c in block.columns)


def valued_rows(rows, block: BlockAnalysis, numbers: ColumnNumbers | None) -> set[int]:
    """Indexes of the rows with a number in one of the block's columns (``_has_values``), read
    off the table's columns of numbers (``numbers``: ``ColumnNumbers`` of ``rows``) once, not
    asked row by row; without ``numbers``, asked row by row."""
    if numbers is None:
        return {r.index for r in rows if _has_values(r, block)}
    valued: set[int] = set()
    for col in block.columns:
        for r, n in zip(rows, numbers.column(col)):
            if n is not None:
                valued.add(r.index)
    return valued


@dataclass
class _Rows:
    """The rows of one block as the row relations read them."""

    block: BlockAnalysis
    lex: ColumnLexicon
    label: dict[int, str]  # row index → label without whitespace
    valued: set[int]  # indexes of the rows with a number in one of the block's columns (valued_rows)
    numbering: dict[int, int] = field(default_factory=dict)  # uncoded rows' numbering level ("一、" 1 …)

    def is_total(self, r: Row) -> bool:
        lab = self.label[r.index]
        if self.lex.subtotal_row.search(lab):
            return False
        return bool(self.lex.total_row.search(lab)) or (r.kind == ROW_TOTAL and "计" in lab)

    def plain(self, r: Row) -> bool:
        """Neither coded nor numbered."""
        return r.index not in self.block.codes and r.index not in self.numbering

    def top_rows(self, members: list[Row]) -> list[Row]:
        codes = self.block.codes
        cm = [r for r in members if r.index in codes]
        if cm:
            # rows whose code has no ancestor in the table (a 7-digit 项 printed without its 款
            # is a top row of its own)
            present = {codes[r.index] for r in cm}
            return [r for r in cm if not any(codes[r.index][:n] in present
                                             for n in range(3, len(codes[r.index]), 2))]
        nm = [r for r in members if r.index in self.numbering]
        if nm:
            top = min(self.numbering[r.index] for r in nm)
            return [r for r in nm if self.numbering[r.index] == top]
        return members


def row_structure(ta: TableAnalysis, lex: ColumnLexicon, block: BlockAnalysis,
                  numbers: ColumnNumbers | None = None) -> None:
    """The block's total row, "其中" part sets, group rows and proposed row sums.  ``numbers``:
    the table's columns of numbers (``ColumnNumbers`` of ``ta.table.rows``), when at hand."""
    if not block.columns:
        return
    valued = valued_rows(ta.table.rows, block, numbers)
    rows = [r for r in ta.table.rows if r.index in block.labels or r.index in valued]
    if not rows:
        return
    reading = _Rows(block, lex, {r.index: squash(block.labels.get(r.index, "")) for r in rows}, valued)
    is_total = [reading.is_total(r) for r in rows]  # asked once per row, for both lists
    totals = [r for r, total in zip(rows, is_total) if total]
    body = [r for r, total in zip(rows, is_total) if not total]
    if len(totals) == 1 and (totals[0] is rows[0] or totals[0] is rows[-1]):
        block.total_row = totals[0].index
    numbering = {r.index: lex.numbering_level(reading.label[r.index]) for r in body if r.index not in block.codes}
    reading.numbering = {k: v for k, v in numbering.items() if v}

    part_of, wholes = _part_rows(reading, body)
    block.part_sets = [PartSet(w, tuple(ps)) for w, ps in wholes.items()]
    # category rows (政府采购 货物/工程/服务) cut across the unit groups: neither items nor groups
    main = [r for r in body if r.index not in part_of and not lex.category_row.search(reading.label[r.index])]
    groups = _group_rows(reading, main)
    block.groups = tuple(r.index for r in groups)

    sums = _grand_total_sums(reading, main, groups, wholes)
    for group, members in _segments(main, groups):
        if group is not None:
            tops = reading.top_rows(members)
            if tops:
                sums.append(RowSum(group.index, tuple(r.index for r in tops), "group"))
        sums.extend(_code_sums(ta, block, members))
        sums.extend(_numbered_sums(members, reading.numbering))
    block.row_sums = sums


def _part_rows(reading: _Rows, body: list[Row]) -> tuple[dict[int, int], dict[int, list[int]]]:
    """"其中" parts: the marked row and the unmarked rows that follow it.  Returns (part row →
    its whole, whole → its checked parts)."""
    lex, numbering = reading.lex, reading.numbering
    part_of: dict[int, int] = {}
    implicit: set[int] = set()
    whole = None
    in_parts = False
    for r in body:
        lab = reading.label[r.index]
        marked = bool(lex.part_row.match(lab))
        plain = reading.plain(r)
        if marked and whole is not None:
            part_of[r.index] = whole
            in_parts = True
            continue
        if in_parts and plain and not lex.group_row.search(lab) and not lex.subtotal_row.search(lab):
            part_of[r.index] = whole
            continue
        in_parts = False
        if numbering and plain and whole is not None and whole in numbering and not marked:
            # unmarked rows under a numbered row: neither addends nor checked parts (their role is unknown)
            implicit.add(r.index)
            part_of[r.index] = whole
            continue
        whole = r.index
    wholes: dict[int, list[int]] = {}
    for p, w in part_of.items():
        if p not in implicit:
            wholes.setdefault(w, []).append(p)
    return part_of, wholes


def _group_rows(reading: _Rows, main: list[Row]) -> list[Row]:
    """Group rows: uncoded rows heading coded rows, or reader-named groups, or unit names."""
    block, label = reading.block, reading.label
    coded = [r for r in main if r.index in block.codes]
    group_names = {r.group for r in main if r.group}
    groups = [r for r in main if reading.plain(r) and (label[r.index] in {squash(g) for g in group_names})]
    if not groups and coded:
        groups = [r for i, r in enumerate(main) if reading.plain(r)
                  and i + 1 < len(main) and main[i + 1].index in block.codes]
    if not groups and not coded and not reading.numbering:
        cand = [r for r in main if reading.lex.group_row.search(label[r.index])]
        if cand and main and cand[0] is main[0]:
            groups = cand
    return groups


def _segments(main: list[Row], groups: list[Row]) -> list[tuple[Row | None, list[Row]]]:
    """The rows under each group (or the whole body)."""
    if not groups:
        return [(None, main)]
    gset = {g.index for g in groups}
    segments: list[tuple[Row | None, list[Row]]] = []
    current: tuple[Row | None, list[Row]] | None = None
    for r in main:
        if r.index in gset:
            current = (r, [])
            segments.append(current)
        elif current is not None:
            current[1].append(r)
    return segments


def _grand_total_sums(reading: _Rows, main: list[Row], groups: list[Row],
                      wholes: dict[int, list[int]]) -> list[RowSum]:
    """总计 = Σ the top rows (or the groups), with the other readings of a grouped layout."""
    block, lex = reading.block, reading.lex
    if block.total_row is None:
        return []
    if groups:
        tops = groups
    else:
        tops = reading.top_rows(main)
        coded = any(r.index in block.codes for r in main)
        # an unnumbered, uncoded row mixed with coded/numbered ones is unexplained: do not guess
        in_tops = {id(r) for r in tops}  # rows of one table: identity is equality, without Row.__eq__
        if (coded or reading.numbering) and any(reading.plain(r) for r in main
                                                 if id(r) not in in_tops and r.index in reading.valued):
            tops = []
        # a 小计 row among the addends usually sums rows listed next to it: ambiguous, stay silent
        if len(tops) > 1 and any(lex.subtotal_row.search(reading.label[r.index]) and r.index not in wholes
                                 for r in tops):
            tops = []
    if not tops:
        return []
    primary = RowSum(block.total_row, tuple(r.index for r in tops), "grand-total")
    # Other readings of a grouped layout, for the table to choose from (tables._verify): every
    # unit row on its own level (a unit shown under another is its sibling), or the first
    # unit row restating the total (a department row above its 本级 and sibling units).
    flat = tuple(r.index for r in main if r.index in reading.valued)
    if groups and flat != primary.parts:
        block.alternatives.append((primary, [RowSum(block.total_row, flat, "grand-total")]))
    if groups and len(tops) >= 3:
        block.alternatives.append((primary, [RowSum(block.total_row, (tops[0].index,), "grand-total"),
                                             RowSum(tops[0].index, tuple(r.index for r in tops[1:]), "group")]))
    return [primary]


def _code_sums(ta: TableAnalysis, block: BlockAnalysis, members: list[Row]) -> list[RowSum]:
    out = []
    coded = [r for r in members if r.index in block.codes]
    for i, r in enumerate(coded):
        code = block.codes[r.index]
        children = []
        for c in coded[i + 1:]:
            cc = block.codes[c.index]
            if len(cc) <= len(code) or not cc.startswith(code):
                break
            if len(cc) == len(code) + 2:
                children.append(c)
        children = _drop_run_heads(ta, block, children)
        if children:
            out.append(RowSum(r.index, tuple(c.index for c in children), "code"))
    return out


def _drop_run_heads(ta: TableAnalysis, block: BlockAnalysis, children: list[Row]) -> list[Row]:
    """Rows repeating one code: a first row lacking the others' name text heads them (not an addend)."""
    out: list[Row] = []
    i = 0
    while i < len(children):
        j = i
        code = block.codes[children[i].index]
        while j + 1 < len(children) and block.codes[children[j + 1].index] == code:
            j += 1
        run = children[i:j + 1]
        if len(run) > 1 and _text_count(ta, block, run[0]) < min(_text_count(ta, block, r) for r in run[1:]):
            out.append(run[0])  # the head stands for the run
        elif len(run) > 1 and len({_row_figures(ta, block, r) for r in run}) == 1:
            out.append(run[0])  # the same row printed twice (a 项 printed with its 款's code): one addend
        else:
            out.extend(run)
        i = j + 1
    return out


def _row_figures(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> tuple:
    """A row's label and amounts, to recognise a row printed twice."""
    return (squash(block.labels.get(row.index, "")),) + tuple(
        (n.value if n is not None else None) for n in (cell_number(row, c) for c in block.columns))


def _text_count(ta: TableAnalysis, block: BlockAnalysis, row: Row) -> int:
    return sum(1 for c in range(block.start, block.end)
               if c not in block.columns and cell_text(row, c) and cell_number(row, c) is None)


def _numbered_sums(members: list[Row], numbering: dict[int, int]) -> list[RowSum]:
    out = []
    for i, r in enumerate(members):
        level = numbering.get(r.index)
        if level is None:
            continue
        children, child_level = [], None
        for c in members[i + 1:]:
            cl = numbering.get(c.index)
            if cl is not None and cl <= level:
                break
            if cl is None:
                continue
            if child_level is None:
                child_level = cl
            if cl == child_level:
                children.append(c)
        if children:
            out.append(RowSum(r.index, tuple(c.index for c in children), "numbered"))
    return out
