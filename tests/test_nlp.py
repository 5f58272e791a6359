"""The spaCy pipeline: blank zh + jieba, lexicon terms as single tokens, custom components."""
from __future__ import annotations

import pytest

from textcheck.lexicon import load_lexicon
from textcheck.nlp import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(load_lexicon())


def test_built_once_per_process(nlp):
    assert build_pipeline(load_lexicon()) is nlp
    assert nlp.pipe_names == ["tc_numbers", "tc_entities", "tc_claims"]


def test_lexicon_item_names_stay_single_tokens(nlp):
    doc = nlp("科学技术支出（类）科学技术管理事务（款）行政运行（项）")
    words = [t.text for t in doc]
    for name in ("科学技术支出", "科学技术管理事务", "行政运行"):
        assert name in words


def test_numbers_component_marks_number_and_unit(nlp):
    doc = nlp("基本支出 1,422.65 万元，占 35.77%，下设 6 个处室，走访四个城市。")
    found = [(s.text.replace(" ", ""), s.label_) for s in doc.spans["numbers"]]
    assert ("1,422.65万元", "money") in found
    assert ("35.77%", "percent") in found
    assert any(label == "count" and text.startswith("6") for text, label in found)
    assert any(label == "count" and text.startswith("四个") for text, label in found)


@pytest.mark.parametrize("text", ["一般公共预算支出", "“两区”建设", "三公经费", "一批成果"])
def test_no_numbers_in_words(nlp, text):
    assert list(nlp(text).spans["numbers"]) == []


def test_entities_component_finds_lexicon_subjects(nlp):
    doc = nlp("一般公共预算拨款 3,956.08 万元，其中基本支出 1,422.65 万元，差旅费 10.00 万元。")
    subjects = {(s.text, s.label_) for s in doc.spans["subjects"]}
    assert ("基本支出", "concept") in subjects
    assert any(text == "差旅费" for text, _ in subjects)
    assert any(text.startswith("一般公共预算") for text, _ in subjects)


def test_claims_component_sets_doc_extension(nlp):
    doc = nlp("基本支出 1,422.65 万元，比上年预算增加 78.13 万元，增长 5.81%。")
    [raw] = doc._.claims
    assert raw.kind == "amount"
    assert (raw.value.number.text, raw.change.number.text, raw.rate.number.text) == (
        "1,422.65 万元", "78.13 万元", "5.81%")
    assert raw.direction == "increase" and raw.base == "上年预算"


def test_entities_matcher_is_built_on_first_use_with_every_term(nlp, lex):
    """Building the pipeline leaves the ~1,300 term patterns for the first nlp(text) call."""
    from textcheck.claims import claim_patterns
    from textcheck.nlp import EntitiesComponent

    fresh = EntitiesComponent(nlp, claim_patterns(lex))
    assert fresh._matcher is None
    text = "一般公共预算拨款 3,956.08 万元，其中基本支出 1,422.65 万元，差旅费 10.00 万元，科学技术管理事务 5 万元。"
    ours = fresh(nlp.make_doc(text))
    assert fresh._matcher is not None
    assert len(fresh.matcher) == len(set(claim_patterns(lex).entity_terms.values()))
    theirs = nlp(text)
    assert [(s.start, s.end, s.label_) for s in ours.spans["subjects"]] == \
        [(s.start, s.end, s.label_) for s in theirs.spans["subjects"]]
