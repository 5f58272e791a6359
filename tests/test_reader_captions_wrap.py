"""Table titles the structure walk must not lose (readers/structure_text.py, structure.py):

* a 目录 whose entries carry their numbering ("一、收支预算总表"), the first one printed after the
  目录's own column header ("序号 报表名称 一、收支预算总表"): it ends at the body's title that
  repeats an entry without the numbering — the title is the table's, not a 目录 entry;
* a department name wrapped below the 单位 line ("部门：…办 / 单位：万元 / 公厅") does not cut
  the title from its table.

Synthetic blocks (the old Jiangsu template's layout), checked on the real volumes too.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from textcheck.readers.rendering import Rendering

PDF = Path(__file__).resolve().parent.parent / "corpus" / "pdf"


def _document(lines: list, page_breaks: tuple[int, ...] = ()):
    r = Rendering()
    for i, item in enumerate(lines):
        if i in page_breaks:
            r.page_break(2)
        if isinstance(item, list):
            r.row(item, page=2)
        else:
            r.text(item, page=2)
    return r.to_document("synthetic.pdf", "pdf")


TOC = ["目 录", "序号 报表名称 一、收支预算总表", "二、收入预算总表", "三、支出预算总表"]
GRID = [["项目名称", "金额"], ["一、财政拨款", "24,458.43"], ["收入合计", "24,458.43"]]


def test_toc_ends_at_a_title_repeating_an_entry_without_its_numbering():
    doc = _document(TOC + ["收支预算总表", "部门：甲厅", "单位：万元"] + GRID, page_breaks=(4,))
    (table,) = doc.tables
    assert (table.title, table.unit, table.department) == ("收支预算总表", "万元", "甲厅")
    assert [e.text for e in doc.toc] == ["序号 报表名称 一、收支预算总表", "二、收入预算总表", "三、支出预算总表"]


def test_a_line_repeating_no_entry_stays_in_the_toc():
    # "四、财政拨款收支预算总表" is a further entry, not the body: the 目录 goes on
    doc = _document(TOC + ["四、财政拨款收支预算总表", "收支预算总表", "单位：万元"] + GRID)
    assert [e.text for e in doc.toc][-1] == "四、财政拨款收支预算总表"
    assert doc.tables[0].title == "收支预算总表"


def test_department_name_wrapped_below_the_unit_line_keeps_the_title():
    doc = _document(["收入预算总表", "部门：中国共产党某省委员会办", "单位：万元", "公厅"] + GRID)
    (table,) = doc.tables
    assert (table.title, table.unit, table.department) == ("收入预算总表", "万元", "中国共产党某省委员会办公厅")


def test_a_sentence_between_title_and_rows_is_no_wrapped_name():
    doc = _document(["收入预算总表", "部门：某厅", "单位：万元", "以下为本部门收入预算情况。"] + GRID)
    assert doc.tables[0].title == ""
    # nor without a department line above it: a short line is then not a name's end
    doc = _document(["收入预算总表", "单位：万元", "公厅"] + GRID)
    assert doc.tables[0].title == "" and doc.tables[0].department is None


@pytest.mark.parametrize("year", [2017, 2018])
def test_jiangsu_party_office_tables_all_titled(year):
    pytest.importorskip("pdfplumber")
    from textcheck.readers import read_path

    doc = read_path(PDF / f"jiangsu-party-office-{year}-budget-tables.pdf")
    titles = [t.title for t in doc.tables]
    assert titles[:3] == ["收支预算总表", "收入预算总表", "支出预算总表"] and all(titles), titles
    assert all(t.unit == "万元" for t in doc.tables[:3])
