"""Structure of the bundled sample: tables, headers, code hierarchy, paragraphs, locations."""
from decimal import Decimal

import pytest

from textcheck.document import ROW_PART, ROW_SUBTOTAL, ROW_TOTAL
from textcheck.readers import read_path
from textcheck.readers.text import parse_text

from conftest import SAMPLE, line_of


@pytest.fixture(scope="module")
def doc(sample_text):
    return parse_text(sample_text, path=str(SAMPLE))


def _row(table, label, nth=0):
    rows = [r for r in table.rows if r.label == label]
    assert len(rows) > nth, f"{label!r} not in {table.id}"
    return rows[nth]


def test_eleven_numbered_tables_with_captions(doc):
    numbered = [t for t in doc.tables if t.id.startswith("表")]
    assert [t.id for t in numbered] == [f"表 {n}" for n in range(1, 12)]
    assert [t.number for t in numbered] == list(range(1, 12))
    titles = {t.id: t.title for t in numbered}
    assert titles["表 1"] == "部门收支总体情况表"
    assert titles["表 3"] == "部门支出总体情况表"
    assert titles["表 7"] == "一般公共预算项目支出情况表"
    assert titles["表 10"] == "财政拨款“三公”经费支出情况表"
    assert titles["表 11"] == "上年结转结余情况明细表"
    for t in numbered:
        assert t.unit == "万元", t.id
        assert t.department == "乌鲁木齐市科学技术局", t.id
        assert t.kind == "standard"
        assert t.section and t.section[0].startswith("第二部分")
    assert doc.table("表 3").location.line == line_of(doc_text(doc), "表 3")


def doc_text(doc):
    return "\n".join(doc.source_lines)


def test_document_meta(doc):
    assert doc.meta["department"] == "乌鲁木齐市科学技术局"
    assert doc.meta["year"] == 2024


def test_table3_columns_joined_over_header_rows(doc):
    t = doc.table("表 3")
    by_label = {c.label: c for c in t.columns}
    assert by_label["合计"].number == "1"
    assert by_label["基本支出"].number == "2"
    assert by_label["项目支出"].number == "3"
    # "支出预算" spans the three value columns in the first header row
    assert by_label["基本支出"].path == ("支出预算", "基本支出")
    assert [c.label for c in t.columns[:3]] == ["类", "款", "项"]
    assert len(t.header) == 4  # 科目 / 编码·名称 / 类款项 / ※ row


def test_code_hierarchy_from_split_code_columns(doc):
    t = doc.table("表 3")
    cls = _row(t, "科学技术支出")
    kuan = _row(t, "科学技术管理事务")
    xiang = _row(t, "行政运行")
    assert (cls.code, cls.level) == ("206", 1)
    assert (kuan.code, kuan.level, kuan.parent) == ("20601", 2, cls.index)
    assert (xiang.code, xiang.level, xiang.parent) == ("2060101", 3, kuan.index)
    total = t.rows[0]
    assert total.kind == ROW_TOTAL and total.label == "总计" and total.code is None
    col = next(c.index for c in t.columns if c.label == "基本支出")
    assert total.value(col).value == Decimal("1422.65")
    assert total.value(col).unit == "万元"
    # code cells are not values
    assert cls.cell(0).value is None and cls.cell(0).text.text == "206"


def test_economic_classification_two_levels(doc):
    t = doc.table("表 6")
    row = _row(t, "基本工资")
    assert row.code == "30101" and row.level == 2
    assert t.rows[row.parent].code == "301"
    assert {c.label for c in t.columns} >= {"合计", "人员经费", "公用经费"}


def test_table7_continuation_merged_with_unit_groups(doc):
    t = doc.table("表 7")
    groups = [r for r in t.rows if r.kind == ROW_SUBTOTAL]
    assert [g.label for g in groups] == ["乌鲁木齐市科学技术局", "乌鲁木齐市科技信息中心",
                                         "乌鲁木齐市技术创新研发与科技成果转化中心"]
    # the repeated header of the continuation is not a body row
    assert not any(r.label in ("项目名称", "类", "功能分类科目名称") for r in t.rows)
    project = _row(t, "跨区域协同创新合作年会工作经费")
    assert project.group == "乌鲁木齐市技术创新研发与科技成果转化中心"
    assert project.code == "2060599" and project.level == 3
    assert t.rows[project.parent].label == "科技条件与服务"
    assert t.rows[project.parent].group == project.group  # parent found inside the same unit
    # project name wins over the function-class name as the row label
    assert _row(t, "技术市场专项经费").code == "2060102"


def test_empty_tables_have_statement(doc):
    for tid in ("表 8", "表 9"):
        t = doc.table(tid)
        assert t.rows == ()
        assert t.empty_statement is not None and "为空表" in t.empty_statement.text
        assert [c.number for c in t.columns if c.number] == ["1", "2", "3", "4"]
    assert doc.table("表 3").empty_statement is None


def test_side_by_side_blocks(doc):
    t = doc.table("表 1")
    assert t.blocks == ((0, 2), (2, 4))
    total = t.rows[-1]
    assert total.kind == ROW_TOTAL and total.labels == ("收入总计", "支出总计")
    sci = next(r for r in t.rows if "科学技术支出" in r.labels)
    assert sci.codes[1] == "206"
    assert sci.value(3).value == Decimal("3977.09")
    part = _row(t, "其中：一般财力")
    assert part.kind == ROW_PART and t.rows[part.parent].label == "1. 一般公共预算拨款"
    # "其中：A / B": the line after the 其中 row is a part of the same parent
    assert _row(t, "上级一般公共预算安排转移支付").parent == part.parent


def test_three_public_table_subtotal_and_parts(doc):
    t = doc.table("表 10")
    sub = _row(t, "公务用车购置及运行费（小计）")
    assert sub.kind == ROW_SUBTOTAL
    run = _row(t, "公务用车运行费")
    assert run.kind == ROW_PART and run.parent == sub.index
    assert t.rows[0].kind == ROW_TOTAL


def test_carry_over_table_groups(doc):
    t = doc.table("表 11")
    unit = _row(t, "乌鲁木齐科技信息中心")
    assert unit.kind == ROW_SUBTOTAL
    item = _row(t, "乌鲁木齐地区科技统计与文献服务工作经费")
    assert item.parent == unit.index and item.group == "乌鲁木齐科技信息中心"
    assert t.column(3).path == ("财政拨款", "基本支出", "人员经费")


def test_performance_tables(doc):
    perf = [t for t in doc.tables if t.kind == "performance"]
    assert len(perf) == 16
    assert sum(1 for t in perf if t.title == "项目支出绩效目标表") == 15
    assert sum(1 for t in perf if t.title == "部门整体绩效目标表") == 1
    assert all(t.id.startswith("T") for t in perf)
    first = perf[1]
    assert [c.label for c in first.columns][:4] == ["一级指标", "二级指标", "三级指标", "指标值"]
    row = _row(first, "立项单位中企业的比例")
    assert row.group == "产出指标/质量指标"
    assert row.cell(3).text.text == ">=90%"


def test_performance_broken_rows_and_latex(doc, sample_text):
    perf = [t for t in doc.tables if t.kind == "performance"]
    whole = perf[0]
    assert _row(whole, "高新技术企业增长率").cell(3).text.text == "≥6%"  # from $\geq 6\%$
    # a row split over two lines after a blank line is merged back cell by cell
    broken = next(r for t in perf for r in t.rows if r.label == "揭榜挂帅项目立项完成率")
    assert broken.cell(3).text.text == ">=90%"
    loc = broken.cell(3).text.positions
    lines = sample_text.split("\n")
    assert lines[loc[0][0] - 1][loc[0][1] - 1] == ">"
    assert lines[loc[-1][0] - 1][loc[-1][1] - 1] == "%"
    assert loc[0][0] != loc[-1][0]
    # a cell wrapped inside a narrow column
    assert any(r.cell(3) and r.cell(3).text.text == "=20分钟" for t in perf for r in t.rows)


def test_sentence_broken_across_blank_line_is_rejoined(doc):
    p = next(p for p in doc.paragraphs if "增长7.32%" in p.text.text)
    loc = p.text.location
    assert loc.line < loc.end_line
    p2 = next(p for p in doc.paragraphs if "促进产学研结合的相关政策措施" in p.text.text)
    assert p2.text.location.line + 2 == p2.text.location.end_line
    # label lines stay separate paragraphs
    assert any(p.text.text == "预算安排规模：55.00万元" for p in doc.paragraphs)
    # a prose list item broken at a line end is not a heading
    assert not any("促进产学研结合" in h.text.text for h in doc.headings)


def test_headings_and_toc(doc):
    assert [h.text.text for h in doc.headings if h.level == 1] == [
        "第一部分2024年乌鲁木齐市科学技术局部门概况", "第二部分2024年部门预算公开表",
        "第三部分2024年部门预算情况说明", "第四部分 名词解释"]
    toc = [e.text for e in doc.toc]
    assert toc[0] == "第一部分2024年乌鲁木齐市科学技术局部门概况"
    assert "十一、 上年结转结余情况明细表" in toc
    assert "十二、 其他重要事项的情况说明" in toc
    assert len(toc) == 29
    # the TOC's "一、 主要职能" is not a body heading; the body one is
    assert [h.text.location.line for h in doc.headings if h.text.text.startswith("一、主要职能")] == [53]
    p = next(p for p in doc.paragraphs if p.text.text.startswith("基本支出1,422.65万元，占35.77%"))
    assert p.section[0].startswith("第三部分") and p.section[1].startswith("三、关于")


def test_every_cell_points_at_its_source_text(doc, sample_text):
    lines = sample_text.split("\n")
    checked = 0
    for t in doc.tables:
        for r in t.rows:
            for c in r.cells:
                for ch, (ln, col) in zip(c.text.text, c.text.positions):
                    src = lines[ln - 1][col - 1]
                    if ch.isdigit() or "\u4e00" <= ch <= "\u9fff":
                        assert src == ch, (t.id, r.label, c.text.text, ln, col)
                        checked += 1
    assert checked > 5000
    cell = _row(doc.table("表 5"), "机构运行").cell(4)
    ln = line_of(sample_text, "206\t05\t01\t机构运行\t292.54", 2)  # 表 2, 表 3, 表 5
    assert (cell.location.line, cell.location.column) == (ln, lines[ln - 1].index("292.54") + 1)
    assert cell.location.end_column == cell.location.column + len("292.54") - 1


def test_paragraph_positions_survive_normalisation(doc, sample_text):
    lines = sample_text.split("\n")
    p = next(p for p in doc.paragraphs if p.text.text.startswith("基本支出1,422.65万元"))
    start = p.text.text.index("1,422.65")
    ln, col = p.text.positions[start]
    assert lines[ln - 1][col - 1:col - 1 + 8] == "1,422.65"
    ln, col = p.text.positions[p.text.text.index("万元")]
    assert lines[ln - 1][col - 1:col + 1] == "万元"


def test_read_path_matches_parse_text(doc):
    d = read_path(SAMPLE)
    assert d.format == "text" and len(d.tables) == len(doc.tables) and d.sha256
