"""HTML reader: paragraphs, headings, tables with rowspan/colspan on the grid."""
from __future__ import annotations

from decimal import Decimal

from textcheck.api import check_document
from textcheck.readers import read_bytes, sniff_format
from textcheck.readers.html import read_html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>部门预算</title>
<style>td { padding: 2px }</style><script>var x = "<p>不是正文</p>";</script></head>
<body>
<h2>第三部分 2024 年部门预算情况说明</h2>
<h3>一、部门支出总体情况说明</h3>
<p>2024 年支出预算 15.00 万元，其中：基本支出 10.00 万元，项目支出 5.00 万元。</p>
<p>比上年增加<br>3.00 万元。</p>
<p>表 3</p><p>部门支出总体情况表</p><p>编制部门：某某局</p><p>单位：万元</p>
<table border="1">
  <tr><th rowspan="2">科目名称</th><th colspan="3">支出</th></tr>
  <tr><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
  <tr><td>合计</td><td>15.00</td><td>10.00</td><td>5.00</td></tr>
  <tr><td>一般公共服务支出</td><td>15.00</td><td>10.00</td><td>5.00</td></tr>
</table>
</body></html>"""


def test_sniffed_as_html():
    assert sniff_format(PAGE.encode("utf-8"), "page.bin") == "html"


def test_paragraphs_and_headings():
    doc = read_html(PAGE, "page.html")
    assert [h.text.text for h in doc.headings][:2] == ["第三部分2024年部门预算情况说明", "一、部门支出总体情况说明"]
    texts = [p.text.text for p in doc.paragraphs]
    assert "2024年支出预算15.00万元，其中：基本支出10.00万元，项目支出5.00万元。" in texts
    assert "比上年增加3.00万元。" in texts  # a <br> inside a sentence does not split it
    assert not any("不是正文" in line for line in doc.source_lines)  # scripts skipped


def test_table_spans_expanded_onto_grid():
    doc = read_html(PAGE, "page.html")
    t = doc.table("表 3")
    assert t.title == "部门支出总体情况表" and t.unit == "万元" and t.department == "某某局"
    assert [c.label for c in t.columns][1:] == ["合计", "基本支出", "项目支出"]
    row = next(r for r in t.rows if r.label == "一般公共服务支出")
    assert [c.value.value for c in row.cells if c.value is not None] == [Decimal("15.00"), Decimal("10.00"), Decimal("5.00")]
    # the rendering is the located source: the cell's line shows the row, tab-joined
    line = row.cells[1].text.positions[0][0]
    assert doc.source_lines[line - 1] == "一般公共服务支出\t15.00\t10.00\t5.00"


def test_defect_found_in_html_table():
    bad = PAGE.replace("<td>一般公共服务支出</td><td>15.00</td>", "<td>一般公共服务支出</td><td>16.00</td>")
    result = check_document(read_bytes(bad.encode("utf-8"), "bad.html"))
    sums = [d for d in result.diagnostics if d.category == "sum" and d.severity == "error"]
    assert sums, [d.message for d in result.diagnostics]
    assert any("16.00" in d.message for d in sums)
