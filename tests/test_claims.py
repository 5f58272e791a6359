"""Claim extraction, one claim form at a time (hand-made paragraphs, no reader needed)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from textcheck.claims import extract_claims
from textcheck.document import Document, LocatedText, Paragraph


def located(text: str, line: int) -> LocatedText:
    return LocatedText(text, tuple((line, i + 1) for i in range(len(text))))


def make_doc(*paragraphs, section=("说明",)) -> Document:
    """Each argument is one paragraph on its own source line (1, 3, 5 …); a tuple
    (text, section) gives the paragraph its own section."""
    paras, lines = [], []
    for i, p in enumerate(paragraphs):
        text, sec = (p if isinstance(p, tuple) else (p, section))
        paras.append(Paragraph(located(text, 2 * i + 1), tuple(sec), i))
        lines += [text, ""]
    return Document(path="t.txt", format="text", source_lines=tuple(lines), paragraphs=tuple(paras))


def claims_of(nlp, lex, *paragraphs, **kw):
    return extract_claims(make_doc(*paragraphs, **kw), nlp, lex)


def d(s):
    return Decimal(s)


# ---------------------------------------------------------------- amounts


def test_amount_with_thousands_separator(nlp, lex):
    [c] = claims_of(nlp, lex, "一般公共预算 3,901.89 万元。")
    assert (c.kind, c.subject) == ("amount", "一般公共预算")
    assert c.value.number.value == d("3901.89") and c.value.number.unit == "万元"
    assert c.value.number.decimals == 2
    assert c.value.span.text == "3,901.89 万元"
    assert (c.location.line, c.location.column) == (1, 8)


def test_amount_forms_integers_yi_and_zero(nlp, lex):
    cs = claims_of(nlp, lex, "收支总预算 3,977.09 万元。", "签约意向金额 1 亿元。", "政府性基金预算 0.00 万元。",
                   "委托业务费21万元，专用材料费0.6万元。")
    figures = [(c.subject, c.value.number.value, c.value.number.unit, c.value.number.decimals) for c in cs]
    assert figures == [("收支总预算", d("3977.09"), "万元", 2), ("签约意向金额", d("1"), "亿元", 0),
                       ("政府性基金预算", d("0.00"), "万元", 2), ("委托业务费", d("21"), "万元", 0),
                       ("专用材料费", d("0.6"), "万元", 1)]


def test_full_width_digits(nlp, lex):
    [c] = claims_of(nlp, lex, "基本支出１，４２２．６５万元，占３５．７７％。")
    assert c.value.number.value == d("1422.65")
    assert c.share.number.value == d("35.77")


def test_department_and_year_are_not_part_of_the_subject(nlp, lex):
    [c] = claims_of(nlp, lex, "某某市科学技术局 2024 年一般公共预算基本支出 1,422.65 万元。")
    assert c.subject == "一般公共预算基本支出"


def test_thresholds_estimates_prices_and_formulas_are_not_claims(nlp, lex):
    cs = claims_of(nlp, lex, "单位价值 50 万元以上大型设备 0 台。", "人均补助工作经费 2 万元左右。",
                   "按照 0.42 元/度收费标准计算，耗电 24*4=96 度。")
    assert [(c.kind, c.value.number.value, c.value.number.unit) for c in cs] == [("count", d("0"), "台")]


# ---------------------------------------------------------------- changes and shares


def test_amount_with_share_change_and_rate(nlp, lex):
    [c] = claims_of(nlp, lex, "基本支出 1,422.65 万元，占 35.77%，比上年预算增加 78.13 万元，增长 5.81%，"
                              "主要原因是人员增加。")
    assert c.share.number.value == d("35.77")
    assert c.change.number.value == d("78.13") and c.change.number.unit == "万元"
    assert c.rate.number.value == d("5.81") and c.rate.number.unit == "%"
    assert (c.direction, c.rate_direction, c.base) == ("increase", "increase", "上年预算")
    assert c.direction_span.text == "增加"


def test_decrease_with_xiajiang(nlp, lex):
    [c] = claims_of(nlp, lex, "上级转移支付资金 54.19 万元，占 1.36%，比上年预算减少 2.46 万元，下降 4.34%。")
    assert (c.direction, c.rate_direction) == ("decrease", "decrease")
    assert c.change.number.value == d("2.46") and c.rate.number.value == d("4.34")


def test_jiangsu_style_change_against_last_year(nlp, lex):
    [c] = claims_of(nlp, lex, "一般公共服务支出（类）人大事务（款）行政运行（项）支出 812.30 万元，"
                              "与上年相比减少 175 万元，减少 18.42%。主要原因是人员调整。")
    assert c.subject == "一般公共服务支出/人大事务/行政运行"
    assert c.codes == ("2010101",)
    assert c.value.number.value == d("812.30")
    assert (c.change.number.value, c.rate.number.value) == (d("175"), d("18.42"))
    assert (c.direction, c.base) == ("decrease", "上年")


def test_jiangsu_code_before_name(nlp, lex):
    [c] = claims_of(nlp, lex, "2010101 行政运行 120.00 万元，与上年相比增加 10.00 万元，增长 9.09%。")
    assert c.codes == ("2010101",)
    assert c.subject == "行政运行"
    assert (c.direction, c.rate.number.value) == ("increase", d("9.09"))


def test_flat_without_a_figure(nlp, lex):
    [c] = claims_of(nlp, lex, "公务接待费 2.00 万元，与上年持平。")
    assert (c.direction, c.base) == ("flat", "上年")
    assert c.change is None


def test_change_statement_with_its_own_subject(nlp, lex):
    cs = claims_of(nlp, lex, "2024 年财政拨款“三公”经费预算比上年预算减少 0.60 万元，下降 5.26%。")
    [c] = cs
    assert c.kind == "change" and c.value is None
    assert "三公" in c.subject
    assert (c.change.number.value, c.rate.number.value, c.direction) == (d("0.60"), d("5.26"), "decrease")


def test_classification_path_subject_and_code(nlp, lex):
    [c] = claims_of(nlp, lex, "1、科学技术支出（类）科学技术管理事务（款）行政运行（项）：2024 年预算数为 649.32 万元，"
                              "比上年预算增加 41.85 万元，增长 6.89%。")
    assert c.subject == "科学技术支出/科学技术管理事务/行政运行"
    assert c.codes == ("2060101",)
    assert c.value.number.value == d("649.32")


def test_reason_clause_figures_are_marked_and_never_parts(nlp, lex):
    cs = claims_of(nlp, lex, "支出预算 100.00 万元，其中：",
                   "项目支出 60.00 万元，主要原因是本年新增 1405 万元科技人才专项资金。",
                   "基本支出 40.00 万元。")
    reason = [c for c in cs if c.clause == "reason"]
    assert [(c.value.number.value, c.subject) for c in reason] == [(d("1405"), "科技人才专项资金")]
    assert reason[0].whole is None
    [bd] = [c for c in cs if c.kind == "breakdown"]
    assert [i.value.number.value for i in bd.items] == [d("60.00"), d("40.00")]


# ---------------------------------------------------------------- lists and breakdowns


def test_qizhong_list_across_paragraphs(nlp, lex):
    cs = claims_of(nlp, lex, "部门收入预算 3,977.09 万元，其中：",
                   "一般公共预算 3,901.89 万元，占 98.11%。",
                   "上级政府性基金安排的转移支付资金未安排。",
                   "财政拨款结转 75.20 万元，占 1.89%。",
                   ("基本支出 1,000.00 万元。", ("另一节",)))
    whole = cs[0]
    parts = [c for c in cs if c.whole is not None]
    assert [p.subject for p in parts] == ["一般公共预算", "财政拨款结转"]
    assert all(p.whole.subject == "部门收入预算" for p in parts)
    [bd] = [c for c in cs if c.kind == "breakdown"]
    assert bd.value.number.value == whole.value.number.value
    assert [i.value.number.value for i in bd.items] == [d("3901.89"), d("75.20")]
    assert [c for c in cs if c.subject == "基本支出"][0].whole is None  # another section ends the list


def test_same_sentence_list(nlp, lex):
    cs = claims_of(nlp, lex, "2024 年财政拨款“三公”经费预算数为 10.80 万元，其中：因公出国（境）费 0.00 万元，"
                              "公务用车购置费 0.00 万元，公务用车运行费 10.80 万元，公务接待费 0.00 万元。")
    [bd] = [c for c in cs if c.kind == "breakdown"]
    assert bd.value.number.value == d("10.80")
    assert [i.subject for i in bd.items] == ["因公出国(境)费", "公务用车购置费", "公务用车运行费", "公务接待费"]


def test_project_block_breakdown(nlp, lex):
    cs = claims_of(nlp, lex, "（一）项目名称：人才专项经费", "预算安排规模：55.00 万元",
                   "项目承担单位：某局", "资金分配情况：差旅费 10.00 万元、培训费 5.00 万元、劳务费 40.00 万元",
                   "资金执行时间：2024 年 1 月 1 日-2024 年 12 月 31 日")
    total = [c for c in cs if c.kind == "amount" and c.whole is None]
    assert [(c.subject, c.value.number.value, c.location.line) for c in total] == [("人才专项经费", d("55.00"), 3)]
    [bd] = [c for c in cs if c.kind == "breakdown"]
    assert (bd.subject, bd.value.number.value, bd.project) == ("人才专项经费", d("55.00"), "人才专项经费")
    assert [(i.subject, i.value.number.value) for i in bd.items] == [
        ("差旅费", d("10.00")), ("培训费", d("5.00")), ("劳务费", d("40.00"))]
    assert not any(c.kind == "count" for c in cs)  # dates are not counts


def test_carried_over_list_with_stated_total(nlp, lex):
    cs = claims_of(nlp, lex, "某局 2024 年上年结转结余 8.00 万元，包括：财政拨款 8.00 万元，非财政拨款 0.00 万元，其中：",
                   "1. 2023 年替代工作经费 5.00 万元，主要用于采购计算机。",
                   "2. 第九届创新创业大赛优秀组织奖 3.00 万元，主要用于评审费用。")
    bds = [c for c in cs if c.kind == "breakdown"]
    assert sorted(len(b.items) for b in bds) == [2, 2]
    numbered = [b for b in bds if b.items[0].subject == "2023年替代工作经费"]
    assert numbered and numbered[0].subject == "上年结转结余"


# ---------------------------------------------------------------- counts


def test_count_with_enumeration(nlp, lex):
    [c] = claims_of(nlp, lex, "本级下设 6 个处室，分别是：办公室、组织人事科、资源配置与管理科。")
    assert (c.kind, c.value.number.value, c.measure, c.subject) == ("count", d("6"), "个", "处室")
    assert c.enumerated == ("办公室", "组织人事科", "资源配置与管理科")


def test_count_with_parts_and_changes(nlp, lex):
    cs = claims_of(nlp, lex, "编制数 71，实有人数 193 人，其中：在职 67 人，增加 2 人；退休 126 人，增加 4 人；离休 0 人。")
    head = [c for c in cs if c.subject == "实有人数"][0]
    assert [(i.subject, i.value.number.value) for i in head.items] == [
        ("在职", d("67")), ("退休", d("126")), ("离休", d("0"))]
    zaizhi = [c for c in cs if c.subject == "在职"][0]
    assert (zaizhi.change.number.value, zaizhi.direction, zaizhi.whole.subject) == (d("2"), "increase", "实有人数")


def test_chinese_numeral_counts(nlp, lex):
    cs = claims_of(nlp, lex, "本年计划走访四个城市，计划签订两个合作意向协议。")
    assert [(c.value.number.value, c.subject) for c in cs] == [(d("4"), "城市"), (d("2"), "合作意向协议")]


@pytest.mark.parametrize("text", ["一般公共预算支出包括科学技术支出。", "推进“两区”建设成为示范引领区。",
                                  "形成一批先进技术成果，培育一支科技人才队伍。", "第九届新疆创新创业大赛。",
                                  "乌人才发〔2020〕6 号文件，2024 年 1 月 1 日执行。"])
def test_words_that_are_not_numbers(nlp, lex, text):
    assert claims_of(nlp, lex, text) == []


# ---------------------------------------------------------------- spans and robustness


def test_page_break_split_claim_maps_to_both_lines(nlp, lex):
    first, second = "比上年预算增加 44.39 万元，增长", "7.32%。"
    text = "其他支出 650.42 万元，" + first + second
    positions = [(10, i + 1) for i in range(len(text) - len(second))] + [(12, i + 1) for i in range(len(second))]
    para = Paragraph(LocatedText(text, tuple(positions)), ("说明",), 0)
    doc = Document(path="t.txt", format="text", source_lines=tuple([""] * 12), paragraphs=(para,))
    [c] = extract_claims(doc, nlp, lex)
    assert c.value.span.location.line == 10
    assert (c.rate.span.location.line, c.rate.span.location.column) == (12, 1)
    assert c.rate.number.value == d("7.32")


def test_without_spacy_pipeline_falls_back_to_regex(lex):
    [c] = claims_of(None, lex, "本级下设 6 个处室，分别是：办公室、人事科。")
    assert (c.value.number.value, c.subject) == (d("6"), "处室")


def test_no_lexicon_still_extracts(nlp):
    # No lexicon (None): the built-in default word lists still find the claim.
    [c] = extract_claims(make_doc("基本支出 1,422.65 万元，比上年预算增加 78.13 万元，增长 5.81%。"), None, None)
    assert (c.value.number.value, c.direction, c.base) == (d("1422.65"), "increase", "上年预算")


def test_table_of_contents_is_skipped(nlp, lex):
    doc = make_doc(("一、部门收支总体情况表 3 个", ("目录",)), "收支总预算 3,977.09 万元。")
    assert [c.subject for c in extract_claims(doc, nlp, lex)] == ["收支总预算"]


# ---------------------------------------------------------------- Jiangsu-style wording


def test_jiangsu_kuan_xiang_under_a_lei_heading(nlp, lex):
    [c] = claims_of(nlp, lex, ("1．法院（款）行政运行（项）支出 11786.92 万元，与上年相比增加 10.44 万元，增长 0.09%。",
                               ("五、财政拨款支出预算表情况说明", "（一）公共安全（类）")))
    assert c.subject == "公共安全/法院/行政运行"
    assert c.codes == ("2040501",)
    assert (c.change.number.value, c.rate.number.value, c.base) == (d("10.44"), d("0.09"), "上年")


def test_unknown_item_level_gives_no_code(nlp, lex):
    [c] = claims_of(nlp, lex, "公共安全（类）法院（款）不存在的事务（项）支出 100.00 万元。")
    assert c.codes == ()


def test_change_sentence_without_subject_completes_the_claim_before(nlp, lex):
    [c] = claims_of(nlp, lex, "1．公共安全（类）支出 23513.11 万元，主要用于人员支出、日常公用支出。"
                              "与上年相比增加 410.44 万元，增长 1.78%。主要原因是增加项目经费。")
    assert c.subject == "公共安全" and c.codes == ("204",)
    assert (c.change.number.value, c.rate.number.value, c.direction, c.base) == (
        d("410.44"), d("1.78"), "increase", "上年")


def test_template_either_direction_is_left_open(nlp, lex):
    [c] = claims_of(nlp, lex, "政府性基金收入预算 0 万元，与上年相比增加(减少) 0 万元，增长(减少) 0%。")
    assert c.change.number.value == d("0") and c.direction is None and c.rate_direction is None


def test_comparison_word_with_base_after_it(nlp, lex):
    [c] = claims_of(nlp, lex, "公务接待费预算支出 156.55 万元，本年数小于上年预算数 29.65 万元。")
    assert (c.change.number.value, c.direction, c.base) == (d("29.65"), "decrease", "上年预算数")


def test_qizhong_without_colon_takes_the_nearest_figure(nlp, lex):
    cs = claims_of(nlp, lex, "下设 4 个专门委员会、8 个工作委员会，有 38 个处室，编制 338 名，"
                             "其中行政编制 200 名、行政附属编制 104 名、事业编制 34 名。")
    head = [c for c in cs if c.items][0]
    assert (head.subject, head.value.number.value) == ("编制", d("338"))
    assert [i.value.number.value for i in head.items] == [d("200"), d("104"), d("34")]


def test_ranges_and_editions_are_not_counts(nlp, lex):
    assert claims_of(nlp, lex, "召开远程协商会议 2-3 次，贯彻党的十八届三中全会精神。") == []


def test_free_standing_text_claims(nlp, lex):
    from textcheck.claims import extract_text_claims

    text = located("本年计划走访 2 个城市（哈萨克斯坦、乌兹别克斯坦），走访四个城市；计划签订 4 个合作意向协议，"
                   "签约意向金额 1 亿元。", 7)
    cs = extract_text_claims(text, nlp, lex)
    assert [(c.kind, c.value.number.value, c.value.number.unit) for c in cs] == [
        ("count", d("2"), "个"), ("count", d("4"), "个"), ("count", d("4"), "个"), ("amount", d("1"), "亿元")]
    assert all(c.location.line == 7 for c in cs)


def test_year_of_the_figure_not_of_the_item_name(nlp, lex):
    a, b = claims_of(nlp, lex, "1、科学技术支出（类）：2024 年预算数为 649.32 万元。", "2. 2023 年替代工作经费 2.80 万元。")
    assert a.year == "2024"
    assert b.subject == "2023年替代工作经费" and b.year is None


def test_misplaced_separator_and_yuan_amounts_keep_what_was_written(nlp, lex):
    a, b = claims_of(nlp, lex, "基本支出 3,9561.08 万元。", "项目支出 14226500 元。")
    assert a.value.number.value == d("39561.08") and a.value.number.text == "3,9561.08 万元"
    assert (b.value.number.value, b.value.number.unit) == (d("14226500"), "元")


def test_change_clause_without_amount_takes_the_amount_before(nlp, lex):
    # same sentence, the subject written twice in two forms ("收入、支出预算总计" / "收、支预算总计各")
    cs = claims_of(nlp, lex, "某单位2026年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，"
                             "增长17.31%。")
    [c] = [c for c in cs if c.change is not None]
    assert c.value.number.value == d("24458.43") and c.change.number.value == d("3608.98")
    assert c.direction == "increase" and c.inherited == "amount" and c.base == "上年"
    # the sentence before, the change naming the item more briefly after "与上年相比，"
    cs = claims_of(nlp, lex, "某单位2026年财政拨款预算支出24458.43万元，占本年支出合计的100%。"
                             "与上年相比，财政拨款支出增加3756.18万元，增长18.14%。")
    [c] = [c for c in cs if c.change is not None]
    assert (c.value.number.value, c.inherited, c.base) == (d("24458.43"), "amount", "上年")


def test_change_clause_keeps_no_amount_when_the_claim_before_is_another_item(nlp, lex):
    # the last part of a "其中：" list is not the item the change is about
    cs = claims_of(nlp, lex, "本年收入19,230.18万元，其中：一般公共预算拨款18,417.70万元，事业收入812.48万元，"
                             "收入比上年增加2,784.38万元。")
    assert not any(c.inherited for c in cs)
    assert not any(c.change is not None and c.value is not None and c.value.number.value == d("812.48") for c in cs)
    # a change about another item than the amount before it
    cs = claims_of(nlp, lex, "基本支出1,422.65万元。与上年相比，项目支出增加78.13万元。")
    assert not any(c.inherited for c in cs)
    # a claim that already has its change gives no amount to a later restatement of it
    cs = claims_of(nlp, lex, "社会保障和就业支出1289.52万元，与上年相比减少710.87万元。增减相抵后与上年相比减少710.87万元。")
    assert not any(c.inherited for c in cs)
