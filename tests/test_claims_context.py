"""Subjects and amounts from context (textcheck.claims.context): a claim whose own clause names
no item takes it from the numbered lead or heading just before it; a change clause opening a
paragraph takes the amount ending the paragraph before; a restated change joins the first.
Each form once where it joins and once where it must refuse."""
from __future__ import annotations

from decimal import Decimal


from textcheck.claims import extract_claims
from textcheck.document import Document, LocatedText, Paragraph

SEC = ("四、财政拨款“三公”经费预算情况说明",)


def _doc(*paragraphs) -> Document:
    """Each argument is a paragraph text (section SEC) or (text, section)."""
    paras, lines = [], []
    for i, p in enumerate(paragraphs):
        text, sec = p if isinstance(p, tuple) else (p, SEC)
        paras.append(Paragraph(LocatedText(text, tuple((2 * i + 1, k + 1) for k in range(len(text)))), tuple(sec), i))
        lines += [text, ""]
    return Document(path="t.txt", format="text", source_lines=tuple(lines), paragraphs=tuple(paras))


def claims(nlp, lex, *paragraphs):
    return extract_claims(_doc(*paragraphs), nlp, lex)


def amount(cs, value: str):
    [c] = [c for c in cs if c.kind == "amount" and c.value is not None and c.value.number.value == Decimal(value)]
    return c


# ---------------------------------------------------------------- a numbered lead sentence


def test_generic_claim_takes_the_numbered_lead_sentence(nlp, lex):
    cs = claims(nlp, lex, "（一）因公出国（境）费用。2026年预算数109.22万元，主要用于根据出访任务需要产生的相关支出。")
    c = amount(cs, "109.22")
    assert c.subject == "因公出国(境)费用" and c.subject_from == "lead"
    assert c.shown_subject == "因公出国(境)费用，主语取自前文"


def test_generic_claim_keeps_its_subject_when_the_lead_names_no_single_item(nlp, lex):
    # running text before it, two items in the lead, a descriptive title: nothing to take
    for text in ("主要原因：压减一般性支出。2026年预算数109.22万元。",
                 "（一）因公出国（境）费用、公务接待费。2026年预算数109.22万元。",
                 "（一）总体情况。2026年预算数109.22万元。"):
        c = amount(claims(nlp, lex, text), "109.22")
        assert c.subject == "2026年预算数" and c.subject_from is None, text
        assert c.shown_subject == "2026年预算数"


def test_two_stages_of_the_led_item_each_take_it_with_their_stage(nlp, lex):
    # "年初预算为 A，支出决算为 B": two figures of the lead's item at two stages (the year's budget,
    # its final account); each takes the item and keeps its stage word, which tells the linker
    # the column (a 决算 column never holds the 年初预算)
    cs = claims(nlp, lex, "1.一般公共服务（类）信访事务（款）行政运行（项）", "年初预算为5717.32万元，支出决算为5757.63万元，完成年初预算的100.71%。")
    budget, final = amount(cs, "5717.32"), amount(cs, "5757.63")
    assert budget.subject_from == final.subject_from == "lead"
    assert budget.subject.endswith("行政运行年初预算") and final.subject.endswith("行政运行决算")
    assert budget.codes == final.codes and budget.codes
    # the same lead with one figure: taken, with no stage word added
    cs = claims(nlp, lex, "1.一般公共服务（类）信访事务（款）行政运行（项）", "年初预算为5717.32万元。")
    c = amount(cs, "5717.32")
    assert c.subject_from == "lead" and c.subject.endswith("行政运行")


def test_two_measures_of_one_stage_compete(nlp, lex):
    # two budget figures of the led item ("预算数为 A，年初预算为 B"): which one the tables hold
    # the sentence does not say — neither takes the item
    cs = claims(nlp, lex, "1.一般公共服务（类）信访事务（款）行政运行（项）", "预算数为5717.32万元，年初预算为5757.63万元。")
    assert not any(c.subject_from for c in cs)


# ---------------------------------------------------------------- a numbered lead paragraph


def test_generic_claim_takes_the_lead_paragraph_before_it(nlp, lex):
    cs = claims(nlp, lex, "1.公务接待费", "2026年预算数2.88万元，主要用于接待支出。")
    c = amount(cs, "2.88")
    assert c.subject == "公务接待费" and c.subject_from == "lead"


def test_lead_paragraph_of_another_section_is_not_taken(nlp, lex):
    cs = claims(nlp, lex, ("1.公务接待费", SEC), ("2026年预算数2.88万元。", ("五、其他情况说明",)))
    c = amount(cs, "2.88")
    assert c.subject_from is None and c.subject == "2026年预算数"
    # nor a lead paragraph with a figure of its own between (the figure's claim is the context)
    cs = claims(nlp, lex, "1.公务接待费", "接待10批次。", "2026年预算数2.88万元。")
    assert amount(cs, "2.88").subject_from is None


# ---------------------------------------------------------------- the heading


def test_first_paragraph_under_a_heading_takes_it(nlp, lex):
    sec = ("六、一般公共预算“三公”经费支出情况", "（二）公务接待费")
    cs = claims(nlp, lex, ("2026年预算安排14.09万元，与上年持平。", sec))
    c = amount(cs, "14.09")
    assert c.subject == "公务接待费" and c.subject_from == "heading"
    assert c.shown_subject.endswith("主语取自标题")


def test_heading_is_not_taken_past_the_first_paragraph_or_when_it_is_a_title(nlp, lex):
    sec = ("六、一般公共预算“三公”经费支出情况", "（二）公务接待费")
    cs = claims(nlp, lex, ("公务接待费用于日常接待。", sec), ("2026年预算安排14.09万元。", sec))
    assert amount(cs, "14.09").subject_from is None
    cs = claims(nlp, lex, ("2026年预算安排14.09万元。", ("六、其他", "（一）政府采购预算说明")))
    assert amount(cs, "14.09").subject_from is None


def test_heading_holding_the_start_of_the_sentence(nlp, lex):
    sec = ("六、其他重要事项的情况说明", "（一）机关运行经费：2025年某某局机关运行经费")
    c = amount(claims(nlp, lex, ("2045.01万元，比上年预算减少29.30万元，下降1.41%。", sec)), "2045.01")
    assert c.subject.endswith("机关运行经费") and c.subject_from == "heading"
    # a heading whose text after the colon is a whole sentence does not continue into the paragraph:
    # the paragraph's own subject stands, and a descriptive title gives none
    sec = ("六、其他重要事项的情况说明", "（一）机关运行经费：详见下表。")
    c = amount(claims(nlp, lex, ("公用经费2045.01万元。", sec)), "2045.01")
    assert c.subject_from is None and c.subject == "公用经费"
    sec = ("六、其他重要事项的情况说明", "（一）机关运行经费：说明如下")  # the title, not a sentence's start
    c = amount(claims(nlp, lex, ("2026年预算数2045.01万元。", sec)), "2045.01")
    assert c.subject == "机关运行经费" and c.subject_from == "heading"
    sec = ("六、其他重要事项的情况说明", "（一）有关情况说明：详见下表。")
    c = amount(claims(nlp, lex, ("2045.01万元，比上年预算减少29.30万元。", sec)), "2045.01")
    assert c.subject_from is None and c.subject == ""


# ---------------------------------------------------------------- a change opening a paragraph


def test_change_opening_a_paragraph_takes_the_amount_ending_the_one_before(nlp, lex):
    cs = claims(nlp, lex, "2.社会保障和就业（类）支出1289.52万元，主要用于离退休人员支出。",
                "与上年相比减少710.87万元，减少35.54%。主要原因：退休人员工资改由社保发放。")
    c = amount(cs, "1289.52")
    assert c.change.number.value == Decimal("710.87") and c.direction == "decrease" and c.inherited == "amount"
    assert not [o for o in cs if o.kind == "change"]


def test_change_opening_a_paragraph_refuses(nlp, lex):
    first = "2.社会保障和就业（类）支出1289.52万元，主要用于离退休人员支出。"
    change = "与上年相比减少710.87万元。"
    cases = [
        (first, ("与上年相比减少710.87万元。", ("二、其他",))),  # another section
        (first, "（1）" + change),  # a numbered paragraph is an item of its own
        ("2.社会保障和就业支出1289.52万元，其中：基本支出1000.00万元，项目支出289.52万元。", change),  # a list's last part
        ("2.社会保障和就业支出1289.52万元，比上年增加10.00万元。", change),  # already has its change
        (first, "项目支出与上年相比减少710.87万元。"),  # names another item
    ]
    for before, after in cases:
        cs = claims(nlp, lex, before, after)
        assert not any(c.inherited for c in cs), (before, after)
        assert [c for c in cs if c.kind == "change" and c.change.number.value == Decimal("710.87")], (before, after)


# ---------------------------------------------------------------- a restated change


def test_restated_net_change_joins_the_change_it_restates(nlp, lex):
    cs = claims(nlp, lex, "社会保障和就业支出1289.52万元，与上年相比减少710.87万元。主要原因：一是退休人员减少；"
                          "二是缴费增加。增减相抵后与上年相比减少710.87万元。")
    assert [c.subject for c in cs] == ["社会保障和就业支出"]
    assert amount(cs, "1289.52").change.number.value == Decimal("710.87")


def test_a_different_change_is_no_restatement(nlp, lex):
    # another amount, or another direction: a statement of its own (left for the rules)
    for tail in ("增减相抵后与上年相比减少700.00万元。", "增减相抵后与上年相比增加710.87万元。"):
        cs = claims(nlp, lex, "社会保障和就业支出1289.52万元，与上年相比减少710.87万元。主要原因：退休人员减少。" + tail)
        assert len([c for c in cs if c.kind == "change"]) == 1, tail


# ---------------------------------------------------------------- a change whose base names the item again


def test_change_against_a_year_base_belongs_to_the_amount_before(nlp, lex):
    # "较2025年年初预算增加": a year-specific base of the lexicon's year_suffixes (年初预算)
    c = amount(claims(nlp, lex, "2026年因公出国（境）费用36.14万元，较2025年年初预算增加18.26万元。"), "36.14")
    assert c.change.number.value == Decimal("18.26") and c.base == "2025年年初预算"
    # "比2025年财政拨款“三公”经费年初预算减少": the base repeats the claim's own item
    cs = claims(nlp, lex, "2026年财政拨款“三公”经费预算175.42万元，比2025年财政拨款“三公”经费年初预算减少10.13万元，"
                          "下降5.46%。")
    c = amount(cs, "175.42")
    assert (c.change.number.value, c.direction, c.base) == (Decimal("10.13"), "decrease", "2025年年初预算")
    assert not [o for o in cs if o.kind == "change"]


def test_change_against_a_base_naming_another_item_stays_its_own(nlp, lex):
    cs = claims(nlp, lex, "基本支出175.42万元，比2025年项目支出预算减少10.13万元。")
    assert amount(cs, "175.42").change is None
    assert [o.change.number.value for o in cs if o.kind == "change"] == [Decimal("10.13")]


def test_change_after_a_list_is_not_its_last_part_s(nlp, lex):
    # "…主要包括：A a；…；G g。较2025年年初预算减少 x": the change is the whole's, the sentence does
    # not say which figure that is; the last part never takes it
    cs = claims(nlp, lex, "5.综合管理367.65万元,主要包括：行政运行85.04万元，用于后勤保障等；内控、审计及绩效专项96.81万元，"
                          "用于开展内部审计等工作。较2025年年初预算减少52.44万元，减幅12.5%。")
    assert amount(cs, "96.81").change is None
    # …nor the first figure of a paragraph that continues a list opened before it
    cs = claims(nlp, lex, "2.口岸管理业务40,000.70万元,主要包括：口岸管养工作38,297.20万元，用于管理维护工作；",
                "乙项目49.50万元，用于咨询等；",
                "甲项目上年结转66.73万元，用于专业管理服务。较2025年年初预算增加569.63万元，增幅1.4%。")
    assert amount(cs, "66.73").change is None
    # (the list ends at the next numbered item: its own change is its own)
    cs = claims(nlp, lex, "2.口岸管理业务40,000.70万元,主要包括：口岸管养工作38,297.20万元，用于管理维护工作；",
                "3.综合管理367.65万元，用于开展内部审计等工作。较2025年年初预算减少52.44万元，减幅12.5%。")
    assert amount(cs, "367.65").change.number.value == Decimal("52.44")
    # with no list, the sentence before gives its amount
    cs = claims(nlp, lex, "5.综合管理367.65万元，用于开展内部审计等工作。较2025年年初预算减少52.44万元，减幅12.5%。")
    assert amount(cs, "367.65").change.number.value == Decimal("52.44")


# ---------------------------------------------------------------- evidence of a finding on an inherited subject


def _with_lead(sample_text, sentence):
    lines = sample_text.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("乌鲁木齐市科学技术局 2024 年财政拨款“三公”经费预算数为"))
    return "\n".join(lines[:i + 1] + ["", sentence] + lines[i + 1:]), i + 3


def test_finding_on_an_inherited_subject_says_where_the_subject_came_from(sample_text):
    from tests.test_narrative_sample import check_text

    text, line = _with_lead(sample_text, "（一）公务用车运行费。2024 年预算数 12.80 万元。")
    found = [d for d in check_text(text, path="lead.txt").diagnostics if d.code == "TC201" and d.location.line == line]
    assert [d.severity for d in found] == ["error"]
    assert "（公务用车运行费，主语取自前文）" in found[0].message and "10.80" in found[0].message
    # the table's figure: nothing to report
    text, line = _with_lead(sample_text, "（一）公务用车运行费。2024 年预算数 10.80 万元。")
    assert not [d for d in check_text(text, path="lead.txt").diagnostics if d.location.line == line]


def test_a_long_classification_path_is_a_lead(nlp, lex):
    # 类/款/项 names are long by themselves: a path ending with its level mark names the item
    # however long; the same length of running text does not
    path = "7.社会保障和就业（类）行政事业单位离退休（款）归口管理的行政单位离退休（项）"
    c = amount(claims(nlp, lex, path, "2026年预算数1028.48万元。"), "1028.48")
    assert c.subject_from == "lead" and c.subject.endswith("归口管理的行政单位离退休")
    prose = "7.社会保障和就业行政事业单位离退休归口管理的行政单位离退休人员经费安排"
    c = amount(claims(nlp, lex, prose, "2026年预算数1028.48万元。"), "1028.48")
    assert c.subject_from is None
