"""The department's whole expenditure named in a 绩效 section ("纳入2025年部门整体支出绩效目标的
金额为68632.12万元，其中，基本支出…，项目支出…"): the department's own row of its 部门整体支出
绩效目标表, and for the list's parts the cells of that row under the part's column header.

These tables are printed loosely (the 资金总额 header often lands in a data row, the table repeats
on every page), so which cell of the row is the whole is not proven: the links are never confident,
and only the row whose label is the document's department is a candidate."""
from __future__ import annotations

from textcheck import patterns
from textcheck.claim import Claim
from textcheck.linking.vocab import _norm, name_key

DEPARTMENT_WHOLE_ROUTE = "department-whole"
DEPARTMENT_PART_ROUTE = "department-whole-part"


class DepartmentWholeMixin:
    """The department-whole routes of a Linker (its index, departments and memo)."""

    def _by_department_whole(self, claim: Claim, subject_raw: str, roles, d) -> None:
        if not roles or "performance" not in roles or not patterns.PERF_DEPARTMENT_TITLE.search(_norm(subject_raw)):
            return
        segs = self._memo("department_rows", None, self._department_rows)
        if segs:
            d.route, d.key, d.ambiguous = DEPARTMENT_WHOLE_ROUTE, "department-whole", True
            d.primary = [s.cells[0] for s in segs]
            d.found = [c for s in segs for c in s.cells]

    def _department_rows(self):
        return [s for s in self.index.segments if s.cells and self.index.role(s.table) == "performance"
                and patterns.PERF_DEPARTMENT_TITLE.search(_norm(s.table.title or ""))
                and _norm(s.label) in self.departments]

    def _by_department_part(self, claim: Claim, subject: str, d) -> None:
        """"其中，基本支出 X" of such a whole: the whole's row, the column whose header is the part."""
        if claim.whole is None:
            return
        outer = self.link(claim.whole)
        if outer.route != DEPARTMENT_WHOLE_ROUTE:
            return
        key = name_key(self.short_subject(subject))
        cells = [c for c in outer.candidates if key and key in _headers(c)]
        if cells:
            d.route, d.key, d.ambiguous = DEPARTMENT_PART_ROUTE, "department-whole:" + key, True
            d.primary, d.found = list(cells), list(cells)


def _headers(cell) -> set[str]:
    """Name keys of the cell's column header: the column's label, and the texts printed above the
    cell in that column (the header of these tables is often read as data rows)."""
    col = cell.table.column(cell.col)
    texts = [col.label if col is not None else ""]
    for row in cell.table.rows:
        if row is cell.row:
            break
        texts += [c.text.text for c in row.cells if c.col == cell.col and c.value is None]
    return {name_key(t) for t in texts if t}
