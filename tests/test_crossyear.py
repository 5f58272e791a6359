"""Cross-year checks (textcheck/crossyear.py, TC361, TC362) on two consecutive-year pairs:

* the real pair 中共江苏省委办公厅 2017 and 2018 (each a text and a table volume, old template);
* a modern template (重庆市人民政府办公厅 2026) against a "2025" disclosure derived from its own
  上年 columns by tests/derive_previous_year.py (committed under corpus/derived/).

Unedited, neither pair gives a cross-year finding; an edited last-year cell, or an edited
claim of this year, is found on its line with both documents in the evidence.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

import pytest

from textcheck.api import get_checker
from textcheck.document import LocatedText
from textcheck.numbers import parse_number
from textcheck.readers import combine_documents, read_path

pytest.importorskip("pdfplumber")

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "corpus" / "pdf"
JS = "jiangsu-party-office-{year}-budget-{part}.pdf"
CQ_2026 = PDF / "chongqing-bangongting-2026-budget.pdf"
CQ_2025 = ROOT / "corpus" / "derived" / "chongqing-bangongting-2025-budget-derived.md"
CROSS = ("TC361", "TC362")


def _jiangsu(year: int):
    return combine_documents([read_path(PDF / JS.format(year=year, part=p)) for p in ("text", "tables")])


@pytest.fixture(scope="module")
def js2017():
    return _jiangsu(2017)


@pytest.fixture(scope="module")
def js2018():
    return _jiangsu(2018)


@pytest.fixture(scope="module")
def cq2026():
    return read_path(CQ_2026)


def _check(document, previous):
    return get_checker().check(document, previous=previous)


def _cross(result):
    return [d for d in result.diagnostics if d.code in CROSS]


def _table(document, title_part: str, exclude: str = "\0"):
    found = [t for t in document.tables if title_part in (t.title or "") and exclude not in (t.title or "")]
    assert len(found) == 1, [t.title for t in document.tables]
    return found[0]


def _edit_cell(document, table, row_match, col: int, new_text: str):
    """The document with one cell's text and value replaced (same length keeps positions)."""
    rows = []
    for row in table.rows:
        if row_match(row):
            cells = []
            for c in row.cells:
                if c.col == col:
                    old = c.text
                    assert len(new_text) == len(old.text), (old.text, new_text)
                    c = dataclasses.replace(c, text=LocatedText(new_text, old.positions, old.page, old.ref),
                                            value=parse_number(new_text))
                cells.append(c)
            row = dataclasses.replace(row, cells=tuple(cells))
        rows.append(row)
    new_table = dataclasses.replace(table, rows=tuple(rows))
    tables = tuple(new_table if t is table else t for t in document.tables)
    return dataclasses.replace(document, tables=tables)


def _edit_row_everywhere(document, titles, code: str, new_text: str):
    """The document with the amount of the row ``code`` replaced in each of the tables ``titles``
    (a real disclosure prints one figure alike in every table holding the row: two tables of
    last year that disagree leave the comparison unsure, and it is not made)."""
    for title in titles:
        table = _table(document, title, exclude="基本")
        document = _edit_cell(document, table, lambda r: r.code == code, 2, new_text)
    return document


# 2017's tables by function classification, both holding 行政运行 (2013101) at 6,106.99
FUNCTION_TABLES = ("财政拨款支出预算表", "一般公共预算支出预算表")


def _edit_text(document, old: str, new: str):
    """The document with ``old`` replaced in the one paragraph holding it (same length)."""
    assert len(old) == len(new)
    paras = list(document.paragraphs)
    hits = [i for i, p in enumerate(paras) if old in p.text.text]
    assert len(hits) == 1, hits
    p = paras[hits[0]]
    t = p.text
    paras[hits[0]] = dataclasses.replace(p, text=LocatedText(t.text.replace(old, new), t.positions, t.page, t.ref))
    return dataclasses.replace(document, paragraphs=tuple(paras)), t.locate(t.text.index(old), t.text.index(old) + len(old))


# ---------------------------------------------------------------- the real pair: 江苏省委办公厅 2017 → 2018


def test_unedited_pair_every_matched_claim_agrees(js2017, js2018):

    ctx = get_checker().context(js2018, previous=js2017)
    model = ctx.crossyear
    assert model.skipped is None
    # the 2018 narrative's 比上年 / 与上年相比 / 与上年预算数一致 claims with an amount of 2018
    # that a 2018 table holds, matched to the 2017 tables (total, 类/项 codes, 基本/项目支出, 三公, 机关运行经费)
    # (公务用车购置 0 万元 tied to its 2018 cell by name, compared with 2017's empty cell), the 4
    # change clauses with no amount of their own that take the total of the clause or sentence
    # before ("…总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元") or, opening a
    # paragraph, the one amount that ends the paragraph before (the PDF breaks the 社会保障和就业
    # paragraph before "与上年相比减少710.87万元"), and the 2 科目 new in 2018 (养老保险/职业年金
    # 缴费, "增加" = this year's amount) compared with 0.  "增减相抵后与上年相比减少710.87万元"
    # restates that change and joins it (no claim of its own).
    # 26 such claims in all, every one compared — "财政专户管理资金收入预算总计0万元，比上年减少
    # 147.20万元" among them (its 2018 row is empty: keyed by name all the same; 2017's 收支预算总表
    # holds 147.20).
    assert len(model.claims) >= 23, [p.claim.subject for p in model.claims]
    assert sorted(p.claim.subject.rsplit("/", 1)[-1] for p in model.new_items) == ["机关事业单位基本养老保险缴费",
                                                                                  "机关事业单位职业年金缴费"]
    assert len(model.claims) + len(model.new_items) == 26
    assert model.unmatched_claims == 0
    assert sorted(p.claim.subject for p in model.claims if p.claim.inherited == "amount") == [
        "收入、支出预算", "社会保障和就业", "财政拨款收、支总预算", "财政拨款预算支出"]
    assert sum(p.confident and p.match.sure for p in model.claims) >= 8
    assert all(p.agrees() for p in model.claims) and all(p.agrees() for p in model.new_items)
    zero = [p for p in model.claims if p.claim.value.number.value == 0]
    assert sorted((p.claim.subject, p.match.last.row_label, p.match.last.column_label) for p in zero) == [
        ("公务用车购置预算支出", "", "公务用车购置费"),
        ("财政专户管理资金收入预算", "二、财政专户管理资金", "金额")]
    assert _cross(_check(js2018, js2017)) == []


def test_edited_change_with_an_inherited_amount_is_an_error(js2017, js2018):
    # "…收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元": the change
    # clause takes the total before it; 24458.43 − 3508.98 = 20949.45 ≠ 2017's 20,849.45
    edited, loc = _edit_text(js2018, "各增加3608.98万元", "各增加3508.98万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.severity, d.location.line) for d in found] == [("TC361", "error", loc.line)]
    assert "20,849.45" in found[0].message and "取自前文" in found[0].message


def test_edited_change_of_a_new_item_is_a_warning(js2017, js2018):
    # 2080505 is not in the 2017 tables: "增加 743.39" means last year 0; "增加 703.39" implies
    # 40.00 last year, which no 2017 row holds — a warning (the 科目 may have been renamed or moved)
    edited, loc = _edit_text(js2018, "增加743.39万元", "增加703.39万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.severity, d.location.line) for d in found] == [("TC361", "warning", loc.line)]
    assert "无此科目" in found[0].message and "40.00" in found[0].message


def test_edited_2017_cell_is_an_error_on_the_2018_claim(js2017, js2018):
    # the 2018 claim sits under "五、财政拨款支出预算情况说明": it restates the 财政拨款支出预算表,
    # and last year's table of that role is what it is compared with
    edited = _edit_row_everywhere(js2017, FUNCTION_TABLES, "2013101", "6,206.99")
    found = _cross(_check(js2018, edited))
    assert [d.code for d in found] == ["TC361"], [d.message for d in found]
    d = found[0]
    assert d.severity == "error" and "1965.30" in d.text
    assert js2018.line_text(d.location.line).find("1965.30") >= 0
    last = [r for r in d.related if r.ref and "2017-budget-tables.pdf" in r.ref]
    assert last and last[0].row == "行政运行" and last[0].text == "6,206.99" and last[0].page
    assert "6106.99" in d.message.replace(",", "") and "6,206.99" in d.message


def test_last_years_tables_that_disagree_leave_the_figure_unsure(js2017, js2018):
    # 2017 prints 行政运行 in two tables; edited in one only, last year's figure is not known,
    # and nothing is reported on it (precision first)
    edited = _edit_row_everywhere(js2017, FUNCTION_TABLES[:1], "2013101", "6,206.99")
    assert _cross(_check(js2018, edited)) == []


def test_zero_item_of_an_empty_row_is_compared(js2017, js2018):
    # "财政专户管理资金收入预算总计0万元，比上年减少147.20万元": the 2018 row is empty (0), last
    # year's 收支预算总表 holds 147.20 — a 2017 cell of 157.20 is an error on the 2018 claim
    table = _table(js2017, "收支预算总表", exclude="财政拨款")
    edited = _edit_cell(js2017, table, lambda r: r.label == "二、财政专户管理资金", 1, "157.20")
    found = _cross(_check(js2018, edited))
    assert [(d.code, d.severity) for d in found] == [("TC361", "error")], [d.message for d in found]
    assert "147.20" in found[0].text and "157.20" in found[0].message
    assert any(r.ref and "2017-budget-tables.pdf" in r.ref and r.text == "157.20" and r.page for r in found[0].related)


def test_edited_2018_change_is_an_error(js2017, js2018):
    edited, loc = _edit_text(js2018, "增加1965.30万元", "增加1865.30万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.severity, d.location.line) for d in found] == [("TC361", "error", loc.line)]
    assert "6,106.99" in found[0].message and "6206.99" in found[0].message.replace(",", "")


def test_edited_2018_amount_is_found(js2017, js2018):
    # an amount that no longer restates its 2018 cell is TC201's finding; the cross-year rules
    # do not report it a second time (the claim restates no 2018 cell to match)
    edited, loc = _edit_text(js2018, "支出2299.88万元", "支出2399.88万元")
    result = _check(edited, js2017)
    assert _cross(result) == []
    assert ("TC201", loc.line) in {(d.code, d.location.line) for d in result.diagnostics if d.severity == "error"}
    # a change amount that no longer leads to 2017's 提租补贴 is found
    edited, loc = _edit_text(js2018, "增加1064.47万元", "增加1046.47万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.location.line) for d in found] == [("TC361", loc.line)]


def test_class_change_against_the_totals_table_is_an_error(js2017, js2018):
    # 一般公共服务（类） 20153.75 is the 一般公共服务支出 row of 2018's 收支预算总表 (that table
    # has its title and role since the 目录 no longer swallows it): one confident link, matched
    # by name with 2017's row, so 20153.75 − 3161.88 ≠ 16,992.37 is proven.  (Ties that are not
    # sure give warnings: test_renamed_item_is_a_warning_that_says_so.)
    edited, loc = _edit_text(js2018, "3161.38万元", "3161.88万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.severity, d.location.line) for d in found] == [("TC361", "error", loc.line)]
    assert "16,992.37" in found[0].message and "关联不唯一" not in found[0].message


def test_one_row_column_tie_is_an_error(js2017, js2018):
    # 公务接待费 is the 公务接待费 column of the 三公 table's one row, in both years (a confident
    # link since issue 12): 27 + 9 ≠ 28 is an error (27 + 2 is not: "27万元" and "2万元" are
    # whole numbers, 26.5 + 1.5 = 28 is within rounding)
    edited, loc = _edit_text(js2018, "比上年预算减少1万元", "比上年预算减少9万元")
    found = _cross(_check(edited, js2017))
    assert [(d.code, d.severity, d.location.line) for d in found] == [("TC361", "error", loc.line)]
    assert "公务接待费" in found[0].message and "28.00" in found[0].message


def test_renamed_item_is_a_warning_that_says_so(js2017, js2018):
    edited = _edit_row_everywhere(js2017, FUNCTION_TABLES, "2013101", "6,206.99")
    for title in FUNCTION_TABLES:
        table = _table(edited, title, exclude="基本")
        rows = tuple(dataclasses.replace(r, label="机关运行") if r.code == "2013101" else r for r in table.rows)
        edited = dataclasses.replace(edited, tables=tuple(dataclasses.replace(t, rows=rows) if t is table else t
                                                            for t in edited.tables))
    found = _cross(_check(js2018, edited))
    assert [(d.code, d.severity) for d in found] == [("TC361", "warning")]
    assert "科目调整" in found[0].message


def test_previous_of_another_year_is_not_compared(js2018):

    model = get_checker().context(js2018, previous=js2018).crossyear
    assert model.skipped and not model.claims and not model.columns
    # the report says so (an info of TC361), or a reviewer would read "no finding" as "agrees"
    (d,) = _cross(_check(js2018, js2018))
    assert d.severity == "info" and "2018" in d.message


def test_previous_of_another_department_is_not_compared(js2018):

    other = read_path(PDF / "jiangsu-court-2017-budget.pdf")
    model = get_checker().context(js2018, previous=other).crossyear
    assert model.skipped and "部门" in model.skipped and not model.claims


# ---------------------------------------------------------------- modern template: derived previous year


def _derive_module():
    spec = importlib.util.spec_from_file_location("derive_previous_year", ROOT / "tests" / "derive_previous_year.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_derived_previous_year_is_reproducible():
    assert _derive_module().derive(CQ_2026) == CQ_2025.read_text("utf-8")


def test_derived_pair_unedited_gives_nothing(cq2026):

    previous = read_path(CQ_2025)
    model = get_checker().context(cq2026, previous=previous).crossyear
    # every 上年 cell of 表五 (一般公共预算支出 by 科目) and 表八 (三公经费) is matched
    assert len(model.columns) >= 30 and all(p.match.sure for p in model.columns)
    assert {p.cell.table.id for p in model.columns} == {"表 五", "表 八"}
    assert _cross(_check(cq2026, previous)) == []


def test_derived_pair_edited_cell_is_found(cq2026, tmp_path):
    text = CQ_2025.read_text("utf-8").replace("| 2010301 | 行政运行 | 6,077.49 |", "| 2010301 | 行政运行 | 6,177.49 |")
    edited = tmp_path / "chongqing-bangongting-2025-edited.md"
    edited.write_text(text, "utf-8")
    found = _cross(_check(cq2026, read_path(edited)))
    assert [(d.code, d.severity) for d in found] == [("TC362", "error")], [d.message for d in found]
    d = found[0]
    assert d.text == "6,077.49" and "行政运行" in cq2026.line_text(d.location.line)
    assert any(r.ref and "chongqing-bangongting-2025-edited.md" in r.ref and r.text == "6,177.49" for r in d.related)


def test_check_previous_on_the_command_line(tmp_path, capsys):
    from textcheck.cli import main

    text = CQ_2025.read_text("utf-8").replace("| 184.49 |", "| 185.49 |")
    edited = tmp_path / "cq-2025.md"
    edited.write_text(text, "utf-8")
    status = main(["check", str(CQ_2026), "--previous", str(edited), "--select", "TC361,TC362", "-f", "json"])
    out = json.loads(capsys.readouterr().out)
    diags = out["documents"][0]["diagnostics"]
    assert status == 1 and [d["code"] for d in diags] == ["TC362"]
    assert diags[0]["location"]["page"] and {r["ref"].split()[0] for r in diags[0]["related"] if r["ref"]} >= {"cq-2025.md"}


def test_unreadable_previous_is_one_error(tmp_path):
    from textcheck.api import check_files

    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    report = check_files([CQ_2026], previous=[empty])
    assert report.documents[0].error and "--previous" in report.documents[0].error


# ---------------------------------------------------------------- a final account against the same year's budget

GX_FINAL = PDF / "guojia-xinfangju-2024-final-account.pdf"
GX_BUDGET = ROOT / "corpus" / "derived" / "guojia-xinfangju-2024-budget-derived.md"


def test_derived_budget_of_a_final_account_is_reproducible():
    assert _derive_module().derive(GX_FINAL, final=True) == GX_BUDGET.read_text("utf-8")


def test_final_account_against_its_budget(tmp_path):

    final = read_path(GX_FINAL)
    model = get_checker().context(final, previous=read_path(GX_BUDGET)).crossyear
    # the 三公 table's 预算数 group (合计, 因公出国（境）费, 公务用车…, 公务接待费) is matched
    assert len(model.budget_columns) >= 5 and not model.claims and not model.columns
    assert [d for d in _check(final, read_path(GX_BUDGET)).diagnostics if d.code == "TC363"] == []
    edited = tmp_path / "guojia-xinfangju-2024-budget.md"
    edited.write_text(GX_BUDGET.read_text("utf-8").replace("| 76.43 | 30.00 |", "| 76.43 | 35.00 |"), "utf-8")
    found = [d for d in _check(final, read_path(edited)).diagnostics if d.code == "TC363"]
    assert [(d.severity, d.text) for d in found] == [("error", "30.00")]
    assert found[0].location.page and "因公出国" in found[0].message and "35.00" in found[0].message


# ---------------------------------------------------------------- row keys of empty rows

_EMPTY_ROWS = """# 某局2025年部门预算

收入预算表

单位：万元

| 项目 | 金额 |
| --- | --- |
| 收入总计 | 30.00 |
| 一、财政拨款 | 30.00 |
| 二、财政专户管理资金 |  |
| 三、其他资金 |  |
| 其他资金 |  |
| 财政拨款 | - |
"""


def test_an_empty_row_is_keyed_by_its_name_only_when_no_other_row_has_it(tmp_path):
    from textcheck.crossyear.keys import row_keys

    path = tmp_path / "empty-rows.md"
    path.write_text(_EMPTY_ROWS, "utf-8")
    (ta,) = get_checker().context(read_path(path)).tables.tables
    keys = {ta.table.rows[i].label: key for (i, _), (key, _) in row_keys(ta).items()}
    # the empty 财政专户管理资金 row is what "…0万元，比上年减少…" restates
    assert keys["二、财政专户管理资金"] == ("label", "财政专户管理资金")
    # two empty rows of one name, or an empty row named like a row with a figure: no key
    assert not {"三、其他资金", "其他资金", "财政拨款"} & set(keys) and keys["一、财政拨款"] == ("label", "财政拨款")


# ---------------------------------------------------------------- evidence: both files, page and cell


def _evidence_gaps(d, this_files: tuple[str, ...], last_files: tuple[str, ...]) -> list[str]:
    """What a cross-year finding's evidence fails to name: this year's cell (file, page, table,
    column) and last year's cell or table (file, page — or line for a text file —, table)."""
    def names(r, files):
        return r.ref and any(f in r.ref for f in files)

    gaps = []
    this = [r for r in d.related if r.kind == "table-cell" and names(r, this_files)]
    if not any(r.page and r.table and r.column_label for r in this):
        gaps.append("this year's cell")
    last = [r for r in d.related if r.kind in ("table-cell", "table") and names(r, last_files)]
    if not any(r.table and (r.page or "行" in r.ref) and (r.kind == "table" or r.column_label) for r in last):
        gaps.append("last year's cell")
    return gaps


def _edited_findings(js2017, js2018, cq2026, tmp_path):
    js_files = (JS.format(year=2018, part="tables"),), (JS.format(year=2017, part="tables"),)
    yield js_files, _cross(_check(js2018, _edit_row_everywhere(js2017, FUNCTION_TABLES, "2013101", "6,206.99")))
    yield js_files, _cross(_check(_edit_text(js2018, "增加743.39万元", "增加703.39万元")[0], js2017))
    table = _table(js2017, "收支预算总表", exclude="财政拨款")
    yield js_files, _cross(_check(js2018, _edit_cell(js2017, table, lambda r: r.label == "二、财政专户管理资金", 1,
                                                     "157.20")))
    edited = tmp_path / "cq-2025.md"
    edited.write_text(CQ_2025.read_text("utf-8").replace("| 184.49 |", "| 185.49 |"), "utf-8")
    yield ((CQ_2026.name,), (edited.name,)), _cross(_check(cq2026, read_path(edited)))
    edited = tmp_path / "gx-2024-budget.md"
    edited.write_text(GX_BUDGET.read_text("utf-8").replace("| 76.43 | 30.00 |", "| 76.43 | 35.00 |"), "utf-8")
    final = read_path(GX_FINAL)
    yield ((GX_FINAL.name,), (edited.name,)), [d for d in _check(final, read_path(edited)).diagnostics
                                                if d.code == "TC363"]


def test_every_cross_year_finding_names_both_files_page_and_cell(js2017, js2018, cq2026, tmp_path):
    seen = set()
    for (this_files, last_files), found in _edited_findings(js2017, js2018, cq2026, tmp_path):
        assert found
        for d in found:
            seen.add((d.code, d.severity))
            assert _evidence_gaps(d, this_files, last_files) == [], (d.message, d.related)
    assert seen == {("TC361", "error"), ("TC361", "warning"), ("TC362", "error"), ("TC363", "error")}


def test_evidence_without_last_years_file_is_a_gap(js2017, js2018):
    (d,) = _cross(_check(js2018, _edit_row_everywhere(js2017, FUNCTION_TABLES, "2013101", "6,206.99")))
    bare = dataclasses.replace(d, related=tuple(dataclasses.replace(r, ref=None) for r in d.related))
    assert _evidence_gaps(bare, ("2018-budget-tables.pdf",), ("2017-budget-tables.pdf",)) == [
        "this year's cell", "last year's cell"]
