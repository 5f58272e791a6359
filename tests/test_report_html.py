"""The HTML report's reviewer aids: PDF page boxes at the printed figures, captions, rounding, order, filters."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from handmade import make_report
from textcheck.report.html import humanize, table_caption
from textcheck.report.writers import render

COURT = Path(__file__).resolve().parent.parent / "corpus" / "pdf" / "jiangsu-court-2017-budget.pdf"


def test_long_decimals_are_rounded_for_people_with_the_exact_value_in_a_tooltip():
    out = humanize("182.92 ÷ 28,849.38 = 0.6340517543184636% <b>")
    assert '<span class="exact" title="精确值 0.6340517543184636">0.63</span>%' in out
    assert "28,849.38" in out and "&lt;b&gt;" in out  # two decimals stay as printed; text escaped


def test_generated_table_ids_are_never_shown_as_captions():
    from types import SimpleNamespace

    loc = SimpleNamespace(page=7)
    perf = SimpleNamespace(id="T13", title="", kind="performance", location=loc, name="T13")
    titled = SimpleNamespace(id="T2", title="项目支出绩效目标表", kind="performance", location=loc, name="T2 项目支出绩效目标表")
    printed = SimpleNamespace(id="表 3", title="部门支出总体情况表", kind="standard", location=loc, name="表 3 部门支出总体情况表")
    assert table_caption(perf) == "绩效目标表（第 7 页）"
    assert table_caption(titled) == "项目支出绩效目标表（第 7 页）"
    assert table_caption(printed) == "表 3 部门支出总体情况表"


def test_errors_come_first_with_filters_counts_and_rule_summaries():
    html = render(make_report(), "html")
    order = re.findall(r'<li class="diag sev-(\w+)"', html)
    assert order == sorted(order, key=["error", "warning", "info"].index)
    assert re.search(r'data-filter-severity="error"[^>]*>错误 <span class="n">1</span>', html)
    assert re.search(r'data-filter-category="amount"[^>]*>金额 <span class="n">1</span>', html)
    assert "正文金额与其确定关联的表格单元格不一致" in html  # TC201's one-line Chinese summary beside the code


@pytest.fixture(scope="module")
def court_html():
    pytest.importorskip("pdfplumber")
    from textcheck.api import check_file

    report = check_file(COURT)
    return report, render(report, "html")


def test_pdf_report_boxes_the_flagged_figure_where_it_is_printed(court_html):
    import pdfplumber

    report, html = court_html
    (d,) = [d for d in report.diagnostics if d.code == "TC301"]
    k = report.documents[0].diagnostics.index(d)
    item = re.search(rf'<li class="diag[^"]*" id="f0-d{k}"[^>]*>', html).group(0)
    assert f'data-pages="{d.location.page}"' in item
    page_html = re.search(rf'<figure class="page" id="f0-p{d.location.page}".*?</figure>', html, re.S).group(0)
    assert 'src="data:image/png;base64,' in page_html
    box = re.search(rf'<div class="box box-flag" data-diag="f0-d{k}" data-kind="flag" data-points="([\d. ]+)"',
                    page_html)
    x0, top, x1, bottom = map(float, box.group(1).split())
    with pdfplumber.open(COURT) as pdf:
        words = [w for w in pdf.pages[d.location.page - 1].extract_words() if d.text.rstrip("%") in w["text"]]
    # the box (1.5 pt of padding) encloses the printed "79.05%" and little else
    assert any(x0 <= w["x1"] and w["x0"] <= x1 and abs(top + 1.5 - w["top"]) < 2 and abs(bottom - 1.5 - w["bottom"]) < 2
               for w in words), (box.group(1), words)
    assert x1 - x0 < 60


def test_html_report_is_still_self_contained(court_html):
    _, html = court_html
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)
    assert html.count("<script") == 1


def test_combined_volumes_keep_the_boxes_of_their_pdf_part():
    """A text volume and a PDF as one disclosure: the PDF part's pages are named "<part>.<page>"."""
    pytest.importorskip("pdfplumber")
    from conftest import SAMPLE
    from textcheck.api import check_files

    report = check_files([SAMPLE, COURT], combine=True)
    doc = report.documents[0]
    (d,) = [d for d in doc.diagnostics if d.code == "TC301" and d.location.page == 22]
    k = doc.diagnostics.index(d)
    html = render(report, "html")
    item = re.search(rf'<li class="diag[^"]*" id="f0-d{k}"[^>]*>', html).group(0)
    assert 'data-pages="1.22"' in item
    figure = re.search(r'<figure class="page" id="f0-p1.22" data-page="1.22">.*?</figure>', html, re.S).group(0)
    assert "jiangsu-court-2017-budget.pdf 第 22 页" in figure and f'data-diag="f0-d{k}"' in figure
