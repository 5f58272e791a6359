"""The text reader: lines, tab tables, Markdown pipe tables, HTML tables, page breaks."""
from decimal import Decimal

from textcheck.document import ROW_TOTAL
from textcheck.readers import read_bytes, read_text
from textcheck.readers.blocks import GridRow, PageBreak, TextLine
from textcheck.readers.text import parse_text, split_lines, text_blocks

TAB_TABLE = """表 2
部门支出总体情况表
编制部门：某某市财政局
单位：万元
科目\t\t\t支出预算\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
※\t※\t※\t※\t1\t2\t3
\t\t\t总计\t30.00\t10.00\t20.00
201\t\t\t一般公共服务支出\t30.00\t10.00\t20.00
201\t03\t\t政府办公厅（室）及相关机构事务\t30.00\t10.00\t20.00
201\t03\t01\t行政运行\t10.00\t10.00\t
201\t03\t02\t一般行政管理事务\t20.00\t\t20.00
"""


def test_lines_and_columns_are_physical():
    doc = parse_text("标题\r\n\r\n第一部分 概况\r\n这是一句话。\r\n")
    assert doc.source_lines[2] == "第一部分 概况"
    assert doc.headings[0].text.location.line == 3
    assert doc.paragraphs[-1].text.location.line == 4


def test_split_lines_handles_cr_only():
    assert split_lines("a\rb\rc") == ["a", "b", "c"]
    assert split_lines("a\r\nb") == ["a", "b"]


def test_tab_rows_become_grid_rows_with_exact_columns():
    blocks = text_blocks(["项目\t预算数", "一、本年收入\t3,956.08"])
    assert all(isinstance(b, GridRow) for b in blocks)
    cell = blocks[1].cells[1]
    assert cell.text == "3,956.08" and cell.positions[0] == (2, 8)


def test_tab_table_with_caption_unit_and_codes():
    doc = parse_text(TAB_TABLE)
    (t,) = doc.tables
    assert (t.id, t.number, t.title, t.unit, t.department) == ("表 2", 2, "部门支出总体情况表", "万元", "某某市财政局")
    assert [c.label for c in t.columns] == ["类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"]
    assert [c.number for c in t.columns] == [None, None, None, None, "1", "2", "3"]
    assert t.rows[0].kind == ROW_TOTAL
    run = next(r for r in t.rows if r.label == "行政运行")
    assert run.code == "2010301" and run.level == 3 and t.rows[run.parent].code == "20103"
    assert run.value(4).value == Decimal("10.00") and run.value(4).unit == "万元"


def test_markdown_pipe_table():
    md = "表 1\n\n收入支出表\n\n单位：万元\n\n| 项目 | 预算数 |\n|---|---:|\n| 一、本年收入 | 1,000.50 |\n| 收入总计 | 1,000.50 |\n"
    doc = parse_text(md, fmt="markdown")
    (t,) = doc.tables
    assert t.id == "表 1" and t.title == "收入支出表" and t.unit == "万元"
    assert [c.label for c in t.columns] == ["项目", "预算数"]
    assert [r.label for r in t.rows] == ["一、本年收入", "收入总计"]
    cell = t.rows[1].cell(1)
    assert cell.value.value == Decimal("1000.50")
    line = doc.source_lines[cell.location.line - 1]
    assert line[cell.location.column - 1:cell.location.end_column] == "1,000.50"


def test_html_table_in_text():
    text = ("表 4\n三公经费表\n单位：万元\n<table>\n<tr><th>项目</th><th>合计</th></tr>\n"
            "<tr><td>合计</td><td>10.80</td></tr>\n<tr><td colspan=\"2\">公务接待费</td></tr>\n</table>\n说明。\n")
    doc = parse_text(text)
    (t,) = doc.tables
    assert t.id == "表 4" and [c.label for c in t.columns] == ["项目", "合计"]
    cell = t.rows[0].cell(1)
    assert cell.value.value == Decimal("10.80")
    assert doc.source_lines[cell.location.line - 1][cell.location.column - 1:cell.location.end_column] == "10.80"
    assert t.rows[1].label == "公务接待费" and len(t.rows[1].cells) == 2
    assert doc.paragraphs[-1].text.text == "说明。"


def test_form_feed_is_a_page_break_and_table_continues():
    text = ("表 3\n支出表\n单位：万元\n项目\t金额\n※\t1\n甲\t1.00\n\f编制部门：某局\n单位：万元\n项目\t金额\n※\t1\n乙\t2.00\n")
    blocks = text_blocks(split_lines(text))
    assert any(isinstance(b, PageBreak) for b in blocks)
    doc = parse_text(text)
    (t,) = doc.tables
    assert [r.label for r in t.rows] == ["甲", "乙"]  # repeated header skipped
    assert t.rows[1].cells[1].text.page == 2


def test_table_continued_without_repeated_header():
    text = "表 3\n支出表\n单位：万元\n项目\t金额\n甲\t1.00\n\f乙\t2.00\n"
    (t,) = parse_text(text).tables
    assert [r.label for r in t.rows] == ["甲", "乙"]


def test_unlabelled_table_gets_generated_id_and_title():
    text = "正文一句话。\n\n项目支出绩效目标表\n\n(2024 年)\n\n项目名称\t\t某项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥20 人\n"
    doc = parse_text(text)
    (t,) = doc.tables
    assert t.id == "T1" and t.title == "项目支出绩效目标表" and t.kind == "performance"
    assert t.rows[-1].label == "培训人数" and t.rows[-1].cell(3).text.text == "≥20人"


def test_bom_and_read_text_sha():
    doc = read_text("\ufeff第一部分 概况\n")
    assert doc.headings[0].text.positions[0] == (1, 1)
    assert doc.sha256


def test_read_bytes_records_encoding():
    doc = read_bytes("第一部分 概况\n正文。\n".encode("gb18030"), "x.txt")
    assert doc.headings and doc.paragraphs[0].text.text == "正文。"
    assert doc.meta["encoding"] == "gbk"


def test_blank_lines_produce_no_blocks():
    blocks = text_blocks(["", "  ", "正文", ""])
    assert len(blocks) == 1 and isinstance(blocks[0], TextLine)


def test_vertically_merged_first_column_and_bare_subtotal_cells():
    text = ("公开表二\n收入预算总表\n部门：某某办公厅\n单位：万元\n项目名称\t\t金额\n收入总计\t\t18,330.37\n"
            "一般公共预算资金\t小计\t18,330.37\n\t公共财政拨款(补助)资金\t18,330.37\n\t专项收入\t\n"
            "上年结转和结余资金\t小计\t\n\t其中：动用上年结转和结余资金\t\n")
    (t,) = parse_text(text).tables
    assert (t.id, t.number, t.department) == ("公开表二", 2, "某某办公厅")
    sub = t.rows[1]
    assert sub.label == "一般公共预算资金小计" and sub.kind == "subtotal"
    item = t.rows[2]
    assert item.label == "公共财政拨款(补助)资金" and item.parent == sub.index and item.group == "一般公共预算资金"
    assert t.rows[-1].kind == "part" and t.rows[-1].parent == 4


def test_numbered_table_title_is_a_caption():
    text = ("第二部分 某部门2017年度部门预算表\n\n五、财政拨款支出预算表\n\n单位：万元\n\n"
            "功能科目编码\t功能科目名称\t金额\n合计\t\t3.00\n201\t一般公共服务支出\t3.00\n20101\t人大事务\t3.00\n"
            "2010101\t行政运行\t3.00\n")
    doc = parse_text(text)
    (t,) = doc.tables
    assert (t.id, t.number, t.title) == ("表五", 5, "财政拨款支出预算表")
    assert [h.level for h in doc.headings] == [1]
    run = t.rows[-1]
    assert run.code == "2010101" and run.level == 3 and t.rows[run.parent].code == "20101"


def test_toc_entries_ending_with_full_stop():
    text = "2017年度江苏省某某法院部门预算公开\n\n目录\n\n第一部分部门概况\n\n一、主要职能。\n\n二、工作任务。\n\n" \
           "第一部分部门概况\n\n一、主要职能。\n\n负责审判工作，依法履职。\n"
    doc = parse_text(text)
    assert [e.text for e in doc.toc] == ["第一部分部门概况", "一、主要职能。", "二、工作任务。"]
    assert [h.level for h in doc.headings] == [1, 2]
    assert doc.meta["department"] == "江苏省某某法院" and doc.meta["year"] == 2017


def test_wrapped_pdf_lines_heading_or_paragraph():
    # adjacent lines (no blank line): a PDF rendering wraps long lines
    text = ("第三部分江苏省某某法院2017年度\n部门预算情况说明\n\n"
            "1、依法审判法律规定由高级人民法院管辖的和其认为应当由自\n己审判的刑事、民事、行政等第一审案件。\n")
    doc = parse_text(text)
    assert [(h.level, h.text.text) for h in doc.headings] == [(1, "第三部分江苏省某某法院2017年度部门预算情况说明")]
    assert doc.headings[0].text.location.end_line == 2
    (p,) = doc.paragraphs
    assert p.text.text.startswith("1、依法审判") and p.text.text.endswith("第一审案件。")


def test_sentence_wrapped_across_a_page_break():
    text = ("第四部分名词解释\n\n三、财政专户管理资金：包括专户管理行政事业性收费（主\n\f要是教育收费）、其他非税收入。\n\n"
            "四、其他资金：包括事业收入、经营收入、其他收入等。\n")
    doc = parse_text(text)
    assert [h.text.text for h in doc.headings] == ["第四部分名词解释"]
    assert [p.text.text[:4] for p in doc.paragraphs] == ["三、财政", "四、其他"]
    assert doc.paragraphs[0].text.text.endswith("其他非税收入。")
    assert doc.paragraphs[0].text.page == 1


def test_html_rowspan_and_colspan_keep_columns_aligned():
    text = ("<table><tr><th rowspan=\"2\">项目</th><th colspan=\"2\">支出预算</th></tr>"
            "<tr><th>基本支出</th><th>项目支出</th></tr>"
            "<tr><td>合计</td><td>1.00</td><td>2.00</td></tr></table>\n")
    (t,) = parse_text(text).tables
    assert [c.label for c in t.columns] == ["项目", "基本支出", "项目支出"]
    assert t.columns[2].path == ("支出预算", "项目支出")
    assert t.rows[0].value(2).value == Decimal("2.00")


def test_caption_and_unit_rows_inside_a_grid():
    from textcheck.readers.blocks import GridRow as G
    from textcheck.readers.normalize import locate_line
    from textcheck.readers.structure import build_document

    def row(*cells, line):
        col, out = 1, []
        for c in cells:
            out.append(locate_line(c, line, col, cell=True))
            col += len(c) + 1
        return G(tuple(out), None, "docx-table-1")

    blocks = [row("表 3", "", line=1), row("部门支出总体情况表", "", line=2), row("", "单位：万元", line=3),
              row("项目", "合计", line=4), row("合计", "5.00", line=5)]
    doc = build_document(blocks, path="x.docx", fmt="docx", source_lines=("",) * 5)
    (t,) = doc.tables
    assert (t.id, t.title, t.unit) == ("表 3", "部门支出总体情况表", "万元")
    assert [c.label for c in t.columns] == ["项目", "合计"] and t.rows[0].kind == "total"


def test_table_ids_stay_unique():
    text = "表 1\n甲表\n项目\t金额\n合计\t1.00\n\n说明一句。\n\n表 1\n乙表\n项目\t金额\n合计\t2.00\n"
    doc = parse_text(text)
    assert [t.id for t in doc.tables] == ["表 1", "表 1(2)"]
    assert doc.table("表 1(2)").title == "乙表"


def test_code_and_name_in_one_cell_keeps_names_starting_with_ren():
    """"2010104 人大会议" is code + name; "193人" would be a count (no code)."""
    from textcheck.readers import read_text

    text = "\n".join([
        "表 1", "一般公共预算支出表", "单位：万元",
        "科目\t合计",
        "合计\t30.00",
        "201 一般公共服务支出\t30.00",
        "20101 人大事务\t30.00",
        "2010104 人大会议\t30.00",
    ])
    table = read_text(text).tables[0]
    codes = {row.label: row.code for row in table.rows}
    assert codes.get("人大会议") == "2010104"
    assert codes.get("人大事务") == "20101"
    by_code = {row.code: row for row in table.rows if row.code}
    assert by_code["2010104"].parent == by_code["20101"].index
