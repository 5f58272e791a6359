"""Tables that print figures as blocks of year rows, one block per unit ("三公"经费表 of some
templates: "预算单位 | 年度 | 总计 …" then "2025年 / 2026年 / 增减变化金额" for the department and
again for each of its units) instead of one total row: the figure of a year is that year's row
of the block of the department (or of the unit a section is about)."""
from __future__ import annotations

from typing import Callable

from textcheck import patterns
from textcheck.claim import CellRef
from textcheck.document import ROW_TOTAL, Row, Table
from textcheck.lexicon.terms import nfkc
from textcheck.linking.literals import chars_search, required_chars
from textcheck.linking.vocab import _norm, name_key

# keys of a column's header path, outermost first → index of the level naming the item, or None
HeaderMatch = Callable[[list[str]], "int | None"]


class YearRowsMixin:
    """Year-row blocks of a Linker's tables (its index, vocabulary and memo)."""

    def year_row_cells(self, match: HeaderMatch, table_ids, year: str | None, fund: str | None,
                       unit: str | None = None) -> list[CellRef]:
        """The item's figure on the year's row of the owner's block: the column the header path
        names (its last level, or a 合计/小计 under it); when the item's columns are split by fund
        ("一般公共预算 | 政府性基金预算 | 国有资本经营预算"), the fund the subject names, else the
        one fund column with a figure while the others print zero — their sum is then that cell."""
        out: list[CellRef] = []
        year = year or self._own_year()
        for t in self.index.tables if year else ():
            if t.index not in table_ids:
                continue
            row = self._year_row(t, year, unit)
            if row is None:
                continue
            groups: dict[tuple, list[tuple]] = {}
            for cell in row.cells:
                col = t.column(cell.col)
                if col is None or cell.value is None:
                    continue
                keys = [name_key(p) for p in (col.path or (col.label,)) if p]
                depth = match(keys)
                if depth is None:
                    continue
                rest = keys[depth + 1:]
                if any(not self.voc.column_total.fullmatch(k) and self.voc.fund(k) is None for k in rest):
                    continue  # a part column under the item's header ("公务用车购置费"), not the item
                groups.setdefault(tuple(keys[:depth + 1]), []).append((CellRef(t, row, cell.col, cell.value), rest))
            for cells in groups.values():
                out += self._group_figure(cells, fund)
        return out

    def has_year_rows(self, table_ids, year: str | None, unit: str | None = None) -> bool:
        """Whether one of the tables prints the year's row of the owner's block (year_row_cells
        finds nothing otherwise); only those tables are looked at (the item route asks about
        the tables other than 绩效目标表)."""
        year = year or self._own_year()
        return bool(year) and any(t.index in table_ids and self._year_row(t, year, unit) is not None
                                  for t in self.index.tables)

    def _own_year(self) -> str:
        """The document's year: the year of a figure that names none."""
        return str(self.document.meta.get("year") or "")

    def _year_row(self, t: Table, year: str, unit: str | None) -> Row | None:
        """``_block_year_row``, once per table, year and unit (claims ask again and again: scanning
        every table on every claim made a long document quadratic)."""
        key = (id(t), year, unit)  # (the document's tables live as long as the Linker)
        memo = self._year_row_of
        if key not in memo:
            memo[key] = self._block_year_row(t, year, unit)
        return memo[key]

    def _group_figure(self, cells: list[tuple], fund: str | None) -> list[CellRef]:
        whole = [c for c, rest in cells if not rest or all(self.voc.fund(k) is None for k in rest)]
        if len(whole) == 1:
            return whole
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        leaves = [(c, self.voc.fund(rest[-1])) for c, rest in cells if rest]
        named = [c for c, f in leaves if family is not None and f in family]
        if family is not None and len(named) == 1 and len(family) == 1:
            return named
        # a fund no column names alone ("财政拨款" over 一般公共预算 | 政府性基金 | 国有资本经营):
        # the group's sum, as for no fund word
        pool = named or [c for c, _ in leaves]
        nonzero = [c for c in pool if c.value.value]
        return nonzero if len(nonzero) == 1 and len(pool) > 1 else []

    def _year_labelled(self, index: int) -> list[Row]:
        """The rows of the tables numbered ``index`` without a total row whose label's NFKC form
        holds a character every year row's label needs (LINK_YEAR_ROW: 年); once per table
        number, for the tables a route asks about.  A label holding none is no year row once
        normalised either (literals.py): only these are normalised."""
        rows = self._year_labelled_of.get(index)
        if rows is None:
            holds = chars_search(required_chars(patterns.LINK_YEAR_ROW))
            rows = self._year_labelled_of[index] = []
            for t in self.index.tables:
                if t.index != index or any(r.kind == ROW_TOTAL for r in t.rows):
                    continue  # (no block of year rows: _block_year_row)
                rows.extend(r for r in t.rows if holds is None or holds(nfkc(r.label or "")))
        return rows

    def _block_year_row(self, t: Table, year: str, unit: str | None) -> Row | None:
        """The year's row of the owner's block (the unit, else the department; the only block when
        the table names one unit or none); None when the table has a total row or no such row."""
        if any(r.kind == ROW_TOTAL for r in t.rows):
            return None
        labelled = self._year_labelled(t.index)  # (a 绩效目标表's targets: none)
        if not any((m := patterns.LINK_YEAR_ROW.match(_norm(r.label or ""))) and m.group(1) == year for r in labelled):
            return None  # no row of the year at all (most tables): no block to find it in
        blocks: list[tuple[str, Row]] = []
        current = ""
        for row in t.rows:
            label = _norm(row.label or "")
            named = next((_norm(c.text.text) for c in row.cells if c.value is None and _norm(c.text.text)
                          and _norm(c.text.text) != label and not patterns.LINK_YEAR_ROW.match(_norm(c.text.text))),
                         "")
            current = named or _norm(row.group or "") or current
            blocks.append((name_key(current), row))
        owners = {unit} if unit else {name_key(d) for d in self.departments}
        units = {k for k, _ in blocks}
        mine = [r for k, r in blocks if k in owners] or ([r for _, r in blocks] if len(units) == 1 else [])
        rows = [r for r in mine if (m := patterns.LINK_YEAR_ROW.match(_norm(r.label or ""))) and m.group(1) == year]
        return rows[0] if len(rows) == 1 else None
