"""Document metadata the structure builder finds in the first lines: department, year, kind."""
from __future__ import annotations

from textcheck import patterns
from textcheck.readers.grid_cells import compact


def document_meta(given: dict, first_department: str | None, text_lines: list[str]) -> dict:
    """The document's department, year and kind (budget / final accounts) from its first lines,
    where the reader did not give them."""
    meta = dict(given)
    if "department" not in meta:
        dept = first_department
        if not dept:
            for t in text_lines[:5]:
                if patterns.ORG_NAME.match(compact(t)):
                    dept = compact(t)
                    break
        if not dept:
            dept = _title_department([compact(t) for t in text_lines[:10]])
        if not dept:
            # a cover title wrapped over two lines ("北京市人力资源和社会保障局2026年度" /
            # "部门预算信息公开"): the department is named where the two lines meet
            lines = [compact(t) for t in text_lines[:11] if compact(t)]
            dept = _title_department([a + b for a, b in zip(lines, lines[1:])])
        if dept:
            meta["department"] = dept
    if "year" not in meta:
        year = _disclosure_year(text_lines[:40])
        if year is None:
            # a cover title wrapped over two lines ("2026年深圳市…办公室" / "部门预算"): the year
            # and the disclosure's name meet where the two lines join
            lines = [compact(t) for t in text_lines[:11] if compact(t)]
            year = _disclosure_year([a + b for a, b in zip(lines, lines[1:])])
        if year is not None:
            meta["year"] = year
    if "kind" not in meta:
        head = "".join(text_lines[:40])
        if "决算" in head:
            meta["kind"] = "final-accounts"
        elif "预算" in head:
            meta["kind"] = "budget"
    return meta


def _title_department(texts: list[str]) -> str | None:
    """The department a disclosure title names ("…2026年度部门预算"), in the first text that has one."""
    for text in texts:
        m = patterns.DISCLOSURE_TITLE.search(text)
        if m and m.group("name") and not patterns.PART_PREFIX.match(m.group("name")):
            return m.group("name")
    return None


def _disclosure_year(texts: list[str]) -> int | None:
    """The year the first disclosure title among the texts names ("2026年…部门预算")."""
    for t in texts:
        m = patterns.DOCUMENT_YEAR.search(t)
        if m:
            return int(m.group("year"))
    return None
