"""Document kind, template families, layout facts and web pages read by content (issue 13)."""
from __future__ import annotations

from textcheck import check_text
from textcheck.config import Config
from textcheck.families import (DEPARTMENT_BUDGET, FINAL_ACCOUNT, GOVERNMENT_REPORT, OTHER, bare_title,
                                document_kind, listed_tables, recognise)
from textcheck.layout_facts import Layout
from textcheck.readers import read_bytes, read_text, sniff_format

# ------------------------------------------------------------------ inputs by content


def test_web_pages_saved_under_a_script_name_are_read_as_html():
    page = ("<%@ page contentType=\"text/html;charset=UTF-8\"%>\n<!DOCTYPE html><html><body>"
            "<p>一般公共预算支出 10.00 万元。</p><table><tr><td>项目</td><td>金额</td></tr>"
            "<tr><td>合计</td><td>10.00</td></tr></table></body></html>").encode("utf-8")
    for name in ("detail.jsp", "view.aspx", "show.php", "content.do"):
        assert sniff_format(page, name) == "html"
        doc = read_bytes(page, name)
        assert doc.format == "html" and doc.tables and "一般公共预算支出" in "\n".join(doc.source_lines)
    assert sniff_format(b"<?xml version='1.0'?>\n<!-- saved -->\n<html><body>x</body></html>", "x.bin") == "html"
    # text files stay text whatever they start with; a script name without HTML is text
    assert sniff_format(b"<table> in a note", "notes.txt") == "text"
    assert sniff_format("只有文字".encode("utf-8"), "x.jsp") == "text"


# ------------------------------------------------------------------ document kind

BUDGET_TABLES = "".join(
    f"表 {i}\n\n{title}\n\n单位：万元\n\n项目\t合计\n合计\t10.00\n科学技术支出\t10.00\n\n"
    for i, title in enumerate(["部门收支总体情况表", "部门收入总体情况表", "部门支出总体情况表",
                               "财政拨款收支总体情况表", "一般公共预算支出情况表", "一般公共预算基本支出情况表",
                               "财政拨款“三公”经费支出情况表"], 1))


def test_kind_from_the_title_lines():
    assert document_kind(read_text("某市科学技术局\n\n2024年部门预算公开\n\n" + BUDGET_TABLES)) == DEPARTMENT_BUDGET
    assert document_kind(read_text("国家某局\n\n2024年度部门决算\n\n正文。\n")) == FINAL_ACCOUNT
    assert document_kind(read_text("关于某市2024年预算执行情况和2025年预算草案的报告\n\n正文。\n")) == GOVERNMENT_REPORT
    # no title cue: the tables decide; nothing at all → other
    assert document_kind(read_text(BUDGET_TABLES)) == DEPARTMENT_BUDGET
    assert document_kind(read_text("会议纪要\n\n今天开会。\n")) == OTHER


def test_a_government_report_gets_no_department_template_findings():
    empty_table = "表 8\n\n政府性基金预算支出情况表\n\n单位：万元\n\n项目\t合计\n"
    text = "关于某市2024年预算执行情况和2025年预算草案的报告\n\n一、预算执行情况\n\n收入增长。\n\n" + empty_table
    report = check_text(text, config=Config(select=["TC901", "TC903"]))
    assert report.documents[0].stats["document_kind"] == GOVERNMENT_REPORT
    assert not report.diagnostics
    # the same empty table in a department budget is reported
    text = "某局2024年部门预算公开\n\n一、情况说明\n\n收入增长。\n\n" + empty_table
    report = check_text(text, config=Config(select=["TC903"]))
    assert [d.code for d in report.diagnostics] == ["TC903"]


# ------------------------------------------------------------------ families


def test_family_recognised_and_named():
    more = "".join(f"表 {i}\n\n{t}\n\n单位：万元\n\n项目\t合计\n合计\t10.00\n科学技术支出\t10.00\n\n"
                   for i, t in ((8, "一般公共预算项目支出情况表"), (9, "政府性基金预算支出情况表")))
    text = "乌鲁木齐市某局2024年部门预算公开\n\n" + BUDGET_TABLES + more
    report = check_text(text, config=Config(select=["TC901"]))
    stats = report.documents[0].stats
    # 8/8 national tables and 9/11 of the Xinjiang family: the region word on the cover decides
    assert stats["template_family"] == "xinjiang-2021"
    assert check_text(BUDGET_TABLES + more).documents[0].stats["template_family"] == "national-2017"
    messages = [d.message for d in report.diagnostics]
    assert messages and all("新疆维吾尔自治区部门预算公开 11 张表" in m for m in messages)
    assert any("上年结转结余情况明细表" in m for m in messages)


def test_unrecognised_family_gets_no_missing_table_findings():
    text = "某局2024年部门预算公开\n\n表 1\n\n某种自拟报表\n\n单位：万元\n\n项目\t合计\n合计\t10.00\n"
    report = check_text(text, config=Config(select=["TC901"]))
    assert "template_family" not in report.documents[0].stats
    assert not report.diagnostics


def test_titles_wrapped_labelled_and_listed():
    assert bare_title("预算01表收支总表") == "收支总表"
    assert bare_title("公开表十一一般公共预算机关运行经费支出预算表") == "一般公共预算机关运行经费支出预算表"
    assert bare_title("2017年度某省某院部门收支预算总表") == "某省某院部门收支预算总表"
    # a caption wrapped inside its bracket is joined with its next line
    doc = read_text("某市2021年部门综合预算公开\n\n表7\n\n2021年部门综合预算一般公共预算基本支出明细表（按支出功\n"
                    "能分类科目）\n\n单位：元\n\n科目\t金额\n合计\t1.00\n")
    from textcheck.families import title_candidates

    assert any(k.endswith("部门综合预算一般公共预算基本支出明细表") for k, _ in title_candidates(doc))
    # a list of the tables printed as a table declares which are empty
    doc = read_text("目录\n\n报表\t报表名称\t是否空表\t公开空表理由\n表9\t部门综合预算政府性基金收支表\t是\t不涉及\n"
                    "表10\t部门综合预算专项业务经费支出表\t\t\n")
    listed = listed_tables(doc)
    assert [(x.number, x.empty) for x in listed] == [(9, True), (10, False)]


def test_final_account_family():
    titles = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
              "一般公共预算财政拨款基本支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"]
    text = "国家某局2024年度部门决算\n\n" + "".join(
        f"公开0{i}表\n\n{t}\n\n单位：万元\n\n项目\t金额\n合计\t1.00\n\n" for i, t in enumerate(titles, 1))
    doc = read_text(text)
    assert document_kind(doc) == FINAL_ACCOUNT
    match = recognise(doc, kind=FINAL_ACCOUNT)
    assert match is not None and match.family.id == "final-account-national"
    assert [t.title for t in match.missing] == ["一般公共预算财政拨款“三公”经费支出决算表"]


# ------------------------------------------------------------------ 目录 and numbering facts


def test_toc_cleaned_where_the_body_starts():
    text = ("目录\n\n第一部分 部门概况\n\n一、主要职责\n\n第二部分 部门预算表\n\n一、收支总体情况表\n\n"
            "注：以上部门预算报表中，空表表示本部门无相关收支情况\n\n第一部分\n\n部门概况\n\n一、主要职责\n\n"
            "本局负责全市工作。\n")
    layout = Layout(read_text(text))
    assert [e.key for e in layout.toc] == ["第一部分部门概况", "一、主要职责", "第二部分部门预算表", "一、收支总体情况表"]
    assert layout.in_body("部门概况")
    # two entries printed on one line are two entries
    layout = Layout(read_text("目录\n\n一、单位主要职能\n\n四、单位预算编制说明五、单位预算表\n\n六、其他\n\n正文开始，说明如下。\n"))
    assert [e.number for e in layout.toc] == [1, 4, 5, 6]


def test_numbering_restarts_per_part_and_volume():
    layout = Layout(read_text("第一部分 概况\n\n一、职能\n\n二、机构\n\n第二部分 说明\n\n一、收支\n"))
    assert [(n.value, n.part) for n in layout.numbered_lines] == [(1, 1), (1, 1), (2, 1), (2, 2), (1, 2)]


def test_the_sample_is_a_xinjiang_department_budget():
    from conftest import SAMPLE
    from textcheck import check_file

    stats = check_file(SAMPLE).documents[0].stats
    assert (stats["document_kind"], stats["template_family"]) == (DEPARTMENT_BUDGET, "xinjiang-2021")

