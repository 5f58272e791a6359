"""`textcheck scan` pairs a department's consecutive years (department and year read from the
files, volumes grouped first) and reports the cross-year findings per department."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from textcheck.batch import group_files, pair_years, plan_scan, run_scan
from textcheck.departments import department_key
from textcheck.store import Store

pytest.importorskip("pdfplumber")

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "corpus" / "pdf"
CQ_2025 = ROOT / "corpus" / "derived" / "chongqing-bangongting-2025-budget-derived.md"


def test_department_names_of_one_organisation_share_a_key():
    assert department_key("中国共产党江苏省委员会办公厅") == department_key("中共江苏省委办公厅") \
        == department_key("江苏省委办公厅")
    assert department_key("江苏省人大常委会办公厅") != department_key("江苏省委办公厅")


def test_pairing_is_by_department_and_consecutive_year():
    metas = {"a/x-2017-text.pdf": {"department": "甲局", "year": "2017"},
             "a/x-2018-text.pdf": {"department": "甲局", "year": "2018"},
             "a/y-2018.pdf": {"department": "乙局", "year": "2018"},
             "a/y-2016.pdf": {"department": "乙局", "year": "2016"}}
    groups = group_files(sorted(metas), metas)
    assert pair_years(groups, metas) == {"a/x-2018-text.pdf": ["a/x-2017-text.pdf"]}


def test_scan_groups_volumes_then_pairs_years(tmp_path):
    for f in PDF.glob("jiangsu-party-office-201*-budget-*.pdf"):
        shutil.copy(f, tmp_path / f.name)
    groups, _, metas = plan_scan([str(tmp_path)])
    assert [[Path(f).name for f in g] for g in groups] == [
        ["jiangsu-party-office-2017-budget-tables.pdf", "jiangsu-party-office-2017-budget-text.pdf"],
        ["jiangsu-party-office-2018-budget-tables.pdf", "jiangsu-party-office-2018-budget-text.pdf"]]
    pairs = pair_years(groups, metas)
    assert list(pairs.values()) == [groups[0]] and list(pairs) == [" + ".join(groups[1])]
    db = tmp_path / "scan.sqlite"
    outcome = run_scan([str(tmp_path)], db=str(db), jobs=1)
    assert not outcome.failed and outcome.pairs == pairs
    with Store(db) as store:
        summary = store.summary()
    (dep,) = [d for d in summary["departments"].values() if d["cross_year"]["pairs"]]
    assert dep["documents"] == 2 and dep["cross_year"]["error"] == 0 and dep["cross_year"]["warning"] == 0
    assert dep["cross_year"]["pairs"][0]["previous"] == " + ".join(groups[0])


def test_scan_reports_a_cross_year_error_per_department(tmp_path):
    shutil.copy(PDF / "chongqing-bangongting-2026-budget.pdf", tmp_path)
    text = CQ_2025.read_text("utf-8").replace("| 2010301 | 行政运行 | 6,077.49 |", "| 2010301 | 行政运行 | 6,177.49 |")
    (tmp_path / "chongqing-bangongting-2025-budget.md").write_text(text, "utf-8")
    db = tmp_path / "scan.sqlite"
    run_scan([str(tmp_path)], db=str(db), jobs=1)
    with Store(db) as store:
        summary, findings = store.summary(), store.findings()
    dep = summary["departments"]["重庆市人民政府办公厅"]
    assert dep["cross_year"]["error"] == 1 and len(dep["cross_year"]["pairs"]) == 1
    (f,) = [f for f in findings if f["code"] == "TC362"]
    assert f["path"].endswith("chongqing-bangongting-2026-budget.pdf") and f["page"]
    assert any("chongqing-bangongting-2025-budget.md" in (r["ref"] or "") for r in json.loads(f["related"]))


def test_scan_workbook_has_the_cross_year_columns(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from textcheck.report.scan_exports import workbook

    summary = {"departments": {"甲局": {"documents": 2, "failed": 0, "error": 1, "warning": 0, "info": 0,
                                       "worst_rules": ["TC362"],
                                       "cross_year": {"pairs": [{"path": "b", "year": "2026", "previous": "a"}],
                                                      "error": 1, "warning": 0}}},
               "totals": {}, "slowest": []}
    out = tmp_path / "scan.xlsx"
    out.write_bytes(workbook(summary, [], []))
    rows = list(openpyxl.load_workbook(out)["部门汇总"].iter_rows(values_only=True))
    assert rows[0][-3:] == ("跨年度对照", "跨年度错误", "跨年度警告") and rows[1][-3:] == (1, 1, 0)


# ---------------------------------------------------------------- a final account against its year's budget

GX_FINAL = PDF / "guojia-xinfangju-2024-final-account.pdf"
GX_BUDGET = ROOT / "corpus" / "derived" / "guojia-xinfangju-2024-budget-derived.md"


def test_pairing_a_final_account_with_the_budget_of_its_year():
    metas = {"a/x-2024-budget.pdf": {"department": "甲局", "year": "2024", "kind": "department-budget"},
             "a/x-2024-final.pdf": {"department": "甲局", "year": "2024", "kind": "final-account"},
             "a/x-2023-final.pdf": {"department": "甲局", "year": "2023", "kind": "final-account"},
             "a/x-2025-budget.pdf": {"department": "甲局", "year": "2025", "kind": "department-budget"}}
    groups = group_files(sorted(metas), metas)
    assert len(groups) == 4  # a final account and the budget of its year are never one disclosure's volumes
    assert pair_years(groups, metas) == {
        "a/x-2024-final.pdf": ["a/x-2024-budget.pdf"],  # the same year's budget, not last year's final account
        "a/x-2025-budget.pdf": ["a/x-2024-budget.pdf"]}  # a final account does not hide last year's budget
    # without the budget of its year, a final account is compared with last year's final account
    del metas["a/x-2024-budget.pdf"]
    assert pair_years(group_files(sorted(metas), metas), metas) == {"a/x-2024-final.pdf": ["a/x-2023-final.pdf"]}


def test_a_final_account_is_not_paired_with_another_years_budget_nor_with_two_editions():
    metas = {"a/x-2023-budget.pdf": {"department": "甲局", "year": "2023", "kind": "department-budget"},
             "a/x-2024-final.pdf": {"department": "甲局", "year": "2024", "kind": "final-account"}}
    assert pair_years(group_files(sorted(metas), metas), metas) == {}
    metas = {"a/x-2024-budget.pdf": {"department": "甲局", "year": "2024", "kind": "department-budget"},
             "b/x-2024-budget.pdf": {"department": "甲局", "year": "2024", "kind": "department-budget"},
             "a/x-2023-final.pdf": {"department": "甲局", "year": "2023", "kind": "final-account"},
             "a/x-2024-final.pdf": {"department": "甲局", "year": "2024", "kind": "final-account"}}
    # two budgets of 2024: which one the final account restates is unknown (and it is not
    # compared with last year's final account instead)
    assert pair_years(group_files(sorted(metas), metas), metas) == {}


def _scan_final_account(tmp_path, budget_text: str):
    shutil.copy(GX_FINAL, tmp_path)
    (tmp_path / "guojia-xinfangju-2024-budget.md").write_text(budget_text, "utf-8")
    db = tmp_path / "scan.sqlite"
    outcome = run_scan([str(tmp_path)], db=str(db), jobs=1)
    with Store(db) as store:
        return outcome, store.summary(), store.findings()


def test_scan_pairs_a_final_account_with_its_budget_unedited(tmp_path):
    outcome, summary, findings = _scan_final_account(tmp_path, GX_BUDGET.read_text("utf-8"))
    assert {Path(k).name: [Path(f).name for f in v] for k, v in outcome.pairs.items()} == {
        "guojia-xinfangju-2024-final-account.pdf": ["guojia-xinfangju-2024-budget.md"]}
    dep = summary["departments"]["国家信访局"]
    assert [p["against"] for p in dep["cross_year"]["pairs"]] == ["budget"]
    assert dep["cross_year"]["error"] == 0 and dep["cross_year"]["warning"] == 0
    assert not [f for f in findings if f["code"] in ("TC361", "TC362", "TC363")]


def test_scan_finds_an_edited_budget_figure_of_a_final_account(tmp_path):
    text = GX_BUDGET.read_text("utf-8").replace("| 76.43 | 30.00 |", "| 76.43 | 35.00 |")
    _, summary, findings = _scan_final_account(tmp_path, text)
    dep = summary["departments"]["国家信访局"]
    assert dep["cross_year"]["error"] == 1 and "TC363" in dep["worst_rules"]
    (f,) = [f for f in findings if f["code"] == "TC363"]
    assert f["path"].endswith("guojia-xinfangju-2024-final-account.pdf") and f["page"] and f["text"] == "30.00"
    refs = [r["ref"] or "" for r in json.loads(f["related"])]
    assert any("guojia-xinfangju-2024-budget.md" in r for r in refs)
    assert any("guojia-xinfangju-2024-final-account.pdf p." in r for r in refs)


# ---------------------------------------------------------------- the cross-year counts in every summary

def _summary_with_pairs(error: int, warning: int) -> dict:
    pairs = [{"path": "x-2024-final.pdf", "year": "2024", "previous": "x-2024-budget.pdf", "against": "budget"},
             {"path": "x-2025-budget.pdf", "year": "2025", "previous": "x-2024-budget.pdf",
              "against": "previous-year"}]
    return {"departments": {
        "甲局": {"documents": 3, "failed": 0, "error": error + 1, "warning": warning, "info": 0,
                 "worst_rules": ["TC363"], "cross_year": {"pairs": pairs, "error": error, "warning": warning}},
        "乙局": {"documents": 1, "failed": 0, "error": 0, "warning": 0, "info": 0, "worst_rules": [],
                 "cross_year": {"pairs": [], "error": 0, "warning": 0}}},
        "totals": {"documents": 4, "failed": 0, "error": error + 1, "warning": warning, "info": 0}, "slowest": []}


def _department_row(html: str, name: str) -> list[str]:
    import re

    table = html.split('id="departments"', 1)[1].split("</table>", 1)[0]
    row = next(r for r in table.split("<tr>") if f"<td>{name}</td>" in r)
    return re.findall(r'<td class="num">(\d+)</td>', row)


def test_dashboard_shows_cross_year_counts_per_department_and_the_pairs():
    from textcheck.report.scan_exports import dashboard

    html = dashboard(_summary_with_pairs(error=1, warning=2), [], [])
    head = html.split('id="departments"', 1)[1].split("</thead>", 1)[0]
    assert "跨年度对照" in head and "跨年度错误" in head and "跨年度警告" in head
    # 文件, 无法读取, 错误, 警告, 提示, then the pairs, cross-year errors and warnings
    assert _department_row(html, "甲局")[-3:] == ["2", "1", "2"] and _department_row(html, "乙局")[-3:] == ["0", "0", "0"]
    pairs = html.split('id="cross-year-pairs"', 1)[1].split("</table>", 1)[0]
    assert "x-2024-final.pdf" in pairs and "本年预算" in pairs and "上年" in pairs
    # a department's own errors are not its cross-year errors: an unpaired scan shows none
    html = dashboard({"departments": {"乙局": _summary_with_pairs(0, 0)["departments"]["乙局"]},
                      "totals": {"documents": 1, "failed": 0, "error": 0, "warning": 0, "info": 0}}, [], [])
    assert 'id="cross-year-pairs"' not in html and _department_row(html, "乙局")[-3:] == ["0", "0", "0"]


def test_text_summary_and_workbook_agree_with_the_dashboard(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from textcheck.report.scan_exports import workbook
    from textcheck.scan_cli import print_summary

    summary = _summary_with_pairs(error=1, warning=2)
    print_summary(summary)
    out = capsys.readouterr().out
    assert "跨年度：甲局 x-2024-final.pdf 对照本年预算 x-2024-budget.pdf" in out
    assert "跨年度：甲局 x-2025-budget.pdf 对照上年 x-2024-budget.pdf" in out
    line = next(ln for ln in out.splitlines() if "甲局" in ln and "TC363" in ln)
    assert [c.strip() for c in line.split("│")][-4:-1] == ["2", "1", "2"]
    path = tmp_path / "scan.xlsx"
    path.write_bytes(workbook(summary, [], []))
    book = openpyxl.load_workbook(path)
    assert next(r for r in book["部门汇总"].iter_rows(values_only=True) if r[0] == "甲局")[-3:] == (2, 1, 2)
    rows = list(book["跨年度对照"].iter_rows(values_only=True))
    assert rows[1] == ("甲局", "2024", "x-2024-final.pdf", "本年预算", "x-2024-budget.pdf")
