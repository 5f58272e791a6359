"""Derive a "previous-year" disclosure from a disclosure's own 上年 columns (a test fixture).

The corpus holds one real consecutive-year pair (江苏省委办公厅 2017/2018, an old template
with no 上年 columns).  A modern template prints last year's budget beside this year's
("2025年预算数" in a 2026 一般公共预算支出情况表, the 三公 table's "2025年预算数/…" group);
those columns are what last year's disclosure said.  This script writes them out as last
year's disclosure in Markdown: a heading with the department and year − 1, and for every
table with a 上年 column the table again (title with year − 1, its code and name columns,
and one column per 上年 column headed by that column's header path without the year: a
bare "2025年预算数" becomes "合计").

    python tests/derive_previous_year.py corpus/pdf/chongqing-bangongting-2026-budget.pdf \\
        corpus/derived/chongqing-bangongting-2025-budget-derived.md
    python tests/derive_previous_year.py --final corpus/pdf/guojia-xinfangju-2024-final-account.pdf \\
        corpus/derived/guojia-xinfangju-2024-budget-derived.md

With ``--final`` it writes the same year's budget from a final account's 预算数 columns (the
budget the final account says it was given), for TC363.

The output is deterministic; tests/test_crossyear.py checks that the committed file is what
this script writes, then checks the 2026 disclosure against it (unedited: no cross-year
finding; one derived cell edited: found).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def derive(path: str | Path, final: bool = False) -> str:
    """Last year's budget from the 上年 columns; with ``final``, the same year's budget from a
    final account's 预算数 columns (for TC363)."""
    from textcheck import tables
    from textcheck.api import get_checker
    from textcheck.crossyear import keys
    from textcheck.readers import read_path

    document = read_path(path)
    year = int(document.meta["year"])
    analysis = tables.analyse(document, get_checker().lexicon)
    name = Path(path).name
    target = year if final else year - 1
    source = "决算表中与决算数并列的预算栏" if final else "各表的上年预算栏"
    out = [f"# {document.meta.get('department', '')}{target}年部门预算", "",
           f"本文件由 tests/derive_previous_year.py 从 {name}（{year} 年）{source}推出，"
           "用作跨年度检查的对照文件，不是原始公开文件。", ""]
    for ta in analysis.tables:
        previous = keys.budget_columns(ta) if final else keys.previous_columns(ta, year)
        if not previous or ta.table.kind != "standard":
            continue
        t = ta.table
        # the code and name columns: those before the first column that holds a value
        valued = [c.index for c in t.columns
                  if any(r.cell(c.index) is not None and r.cell(c.index).value is not None for r in t.rows)]
        names = [c.index for c in t.columns if valued and c.index < min(valued)]
        heads = [t.column(i).label for i in names]
        for col in previous:
            rest = keys.era_and_rest(t.column(col), year)[1]
            heads.append(rest or "合计")
        title = (t.title or "").replace(f"{year}年", f"{target}年")
        if final:
            title = title.replace("决算", "预算")
        out += [f"{t.id} {title}".strip(), "", f"单位：{t.unit or '万元'}", "",
                "| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
        for row in t.rows:
            cells = [row.cell(i).text.text.strip() if row.cell(i) else "" for i in names]
            cells += [row.cell(c).text.text.strip() if row.cell(c) else "" for c in previous]
            if not any(cells[len(names):]) and not any(cells[:len(names)]):
                continue
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--final"]
    text = derive(args[0], final="--final" in sys.argv)
    Path(args[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(args[1]).write_text(text, "utf-8")
