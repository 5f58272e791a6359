"""The department a document names in its first lines (textcheck/readers/document_meta.py)."""
from textcheck.readers.document_meta import document_meta


def test_a_title_wrapped_over_two_lines_names_the_department():
    lines = ["北京市人力资源和社会保障局2026年度", "", "部门预算信息公开", "目录", "第一部分2026年度部门预算情况说明"]
    meta = document_meta({}, None, lines)
    assert meta["department"] == "北京市人力资源和社会保障局" and meta["year"] == 2026


def test_lines_that_form_no_title_name_no_department():
    # a heading and a part title next to each other are no disclosure title
    lines = ["目录", "第一部分2026年度", "部门预算情况说明", "一、部门情况说明"]
    assert "department" not in document_meta({}, None, lines)


def test_a_year_and_the_disclosure_name_on_two_lines_give_the_year():
    lines = ["2026年深圳市人民政府口岸办公室", "", "部门预算", "", "目录"]
    assert document_meta({}, None, lines)["year"] == 2026


def test_a_year_with_no_disclosure_name_near_it_gives_no_year():
    lines = ["2026年深圳市人民政府口岸办公室", "", "工作要点", "", "目录"]
    assert "year" not in document_meta({}, None, lines)
