"""A heading line that runs on into a sentence after its colon (structure_text._run_in_sentence)."""
from textcheck.readers import read_text

SECTION = "六、其他重要事项的情况说明\n\n"


def test_the_words_after_a_run_in_headings_colon_begin_the_next_lines_sentence():
    text = SECTION + ("（二）“三公”经费预算：2025年某某市公安局“三公”\n\n"
                      "经费预算数为458.50万元，其中，公务接待费28.50万元。\n")
    doc = read_text(text, path="r.txt")
    assert [h.text.text for h in doc.headings][-1] == "（二）“三公”经费预算"
    para = doc.paragraphs[-1]
    assert para.text.text.startswith("2025年某某市公安局“三公”经费预算数为458.50万元")
    assert para.section[-1] == "（二）“三公”经费预算"


def test_a_run_in_heading_holding_a_figure_or_followed_by_no_prose_stays_as_read():
    figure = SECTION + ("（二）项目支出：2025年本单位项目支出预算40233.95万元\n\n"
                        "主要用于专项业务，其中：一般公共服务支出3.00万元。\n")
    doc = read_text(figure, path="f.txt")
    assert doc.headings[-1].text.text == "（二）项目支出：2025年本单位项目支出预算40233.95万元"
    heading = SECTION + "（一）部门职责：负责全市信访工作\n\n（二）机构设置\n"
    doc = read_text(heading, path="h.txt")
    assert [h.text.text for h in doc.headings][-2:] == ["（一）部门职责：负责全市信访工作", "（二）机构设置"]
