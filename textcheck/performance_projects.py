"""Project budget facts for TC603: the project and carry-over tables with their name and value
columns, project names as comparison keys, the row a 绩效目标表's project names, the
绩效目标表's money unit, and budget figures named in its goal text."""
from __future__ import annotations

from textcheck import patterns
from textcheck.lexicon import normalize_term
from textcheck.numbers import MONEY_UNITS
from textcheck.performance_model import PerformanceTable, is_performance_table
from textcheck.performance_plans import PlanMention

# A name shorter than this never links by containment alone.
MIN_CONTAINED = 6


def name_key(s: str) -> str:
    return patterns.PERF_NAME_DASHES.sub("-", normalize_term(s))


def money_unit(pt) -> str:
    """The 绩效目标表's money unit: "项目资金(万元)"; 万元 when not stated."""
    for row in list(pt.table.header) + [r.cells for r in pt.table.rows]:
        for c in row:
            text = c.text.text
            # the template's money header words ("项目资金(万元)", "预算金额"): grammar, not vocabulary;
            # asked first, so most cells are never searched for a unit
            if "资金" in text or "预算" in text:
                m = patterns.MONEY_UNIT.search(text)
                if m:
                    return m.group(0)
    return "万元"


def project_tables(document):
    """(table, name column, value column, role) for the project and carry-over tables."""
    out = []
    for t in document.tables:
        if is_performance_table(t) or t.unit not in MONEY_UNITS:
            continue
        # 结转 in the title and the 项目名称 column header: the template's own words, kept in code
        carry = "结转" in (t.title or "")
        name_col = value_col = None
        for col in t.columns:
            label = normalize_term(" ".join(col.path) or col.label)
            if name_col is None and "项目名称" in label:
                name_col = col.index
        if name_col is None and carry and t.columns:
            name_col = t.columns[0].index
        if name_col is None:
            continue
        for col in t.columns:
            if col.index <= name_col:
                continue
            label = normalize_term(col.label)
            if patterns.PERF_TOTAL_COLUMN.search(label):
                value_col = col.index
                break
        if value_col is None:
            value_col = next((c.index for c in t.columns if c.index > name_col), None)
        if value_col is not None:
            out.append((t, name_col, value_col, "carry" if carry else "project"))
    return out


def project_row_keys(table, name_col) -> list:
    """(name key, row) of every named row of a project table."""
    rows = []
    for r in table.rows:
        c = r.cell(name_col)
        text = c.text.text if c is not None and c.text.text.strip() else r.label
        if text:
            rows.append((name_key(text), r))
    return rows


def find_project_row(table, name_col, key, rows=None):
    """The unique row whose name matches ``key`` (exact, then by containment).

    ``rows``: ``project_row_keys(table, name_col)`` when the caller already has them."""
    if rows is None:
        rows = project_row_keys(table, name_col)
    exact = [r for k, r in rows if k == key]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    contained = [r for k, r in rows if min(len(k), len(key)) >= MIN_CONTAINED and (k in key or key in k)]
    return contained[0] if len(contained) == 1 else None


def project_name_keys(project: str) -> list[str]:
    """The project name, then without trailing notes in parentheses ("(上年结转资金)")."""
    k = name_key(project)
    keys = [k]
    while patterns.PERF_NAME_TRAILING_NOTE.search(k):
        k = patterns.PERF_NAME_TRAILING_NOTE.sub("", k)
        keys.append(k)
    return keys


def goal_budget_mentions(pt: PerformanceTable, lexicon) -> list[PlanMention]:
    """Money figures of the 项目总体目标 that name the project's budget ("按照目前 905 万元的
    预算", "预算 950 万元")."""
    goal = pt.overall_goal
    if goal is None:
        return []
    out = []
    for m in pt.plan_mentions(goal, lexicon):
        if m.category != "money":
            continue
        start = goal.text.find(m.text)
        before, after = goal.text[:start], goal.text[start + len(m.text):]
        if patterns.PERF_GOAL_BUDGET_AFTER.match(after) or patterns.PERF_GOAL_BUDGET_BEFORE.search(before):
            out.append(m)
    return out
