"""Claim patterns behind a cheap test (``patterns.claims.Needs``) answer as the patterns alone:
every match holds one of the words (and the mark), so skipping texts without them changes
nothing. Checked on the seed's text cut at many places and on hand-made cases."""
import pytest

from conftest import SAMPLE
from textcheck import patterns as P
from textcheck.patterns.claims import Needs

HANDMADE = ["科学技术支出（类）科学技术管理事务（款）行政运行（项）", "法院（款）行政运行（项）支出", "（一）公共安全（类）",
            "其中：", "其中，", "主要包括：", "包括:", "分别是", "分别为：", "资金分配情况：", "截至2024年底", "截至 上年底",
            "即", "比上年预算增加", "与上年相比减少了 ", "较 2023 年预算下降", "本年数小于上年预算数", "增加（减少）",
            "占", "占总支出的", "占比为 ", "比 2025 年预算数", "较上年执行数", "（上年执行数为 ", "上一年度的预算数为",
            "乌鲁木齐市科学技术局 2024 年", "市局2024年", "科学技术局", "", " ", "类", "（类", "款）", "年",
            "与上年持平", "比上年预算基本持平", "较上年 无变化", "同上年相比不变", "持平", "关于乌鲁木齐市科学技术局 2024 年收入",
            "关于 本部门2024年", "主要包括：", "主要是", "培训费 5 万元等", "10%等", "3 等级", "5元 等同", "等"]


def _needs_patterns(lex):
    from textcheck.claims import claim_patterns

    found = {name: v for name, v in vars(P).items() if isinstance(v, Needs)}
    found["change_cue"] = claim_patterns(lex).change_cue
    found["flat"] = claim_patterns(lex).flat
    return found


def _texts():
    text = SAMPLE.read_text("utf-8")
    pieces = [line for line in text.split("\n") if line.strip()]
    out = list(HANDMADE)
    for line in pieces:
        out.append(line)
        # cut at every stop and every figure: the segments the extractor searches ("before" a
        # figure, a clause, a subject)
        for k, ch in enumerate(line):
            if ch in "。；，：、0123456789万%":
                out.append(line[:k])
                out.append(line[k:])
    return out


def _answer(m):
    return None if m is None else (m.span(), m.groups())


def test_the_change_cue_is_guarded(lex):
    assert isinstance(_needs_patterns(lex)["change_cue"], Needs)
    assert isinstance(_needs_patterns(lex)["flat"], Needs)


@pytest.mark.parametrize("name", ["CLAIM_PREVIOUS_CUE", "CLAIM_SHARE_CUE", "CLAIM_LIST_MARKER", "CLAIM_SUBJECT_LEFT_CUT",
                                  "CLAIM_CLASSIFICATION_KX", "CLAIM_CLASSIFICATION", "CLAIM_ORG_BEFORE_YEAR",
                                  "change_cue", "flat", "CLAIM_HEADING_ORG", "CLAIM_LIST_PARTIAL"])
def test_guarded_patterns_answer_as_the_patterns_alone(lex, name):
    guarded = _needs_patterns(lex)[name]
    raw = guarded.pattern
    matched = skipped = 0
    for t in _texts():
        assert _answer(guarded.search(t)) == _answer(raw.search(t)), (name, t)
        assert _answer(guarded.match(t)) == _answer(raw.match(t)), (name, t)
        assert [_answer(m) for m in guarded.finditer(t)] == [_answer(m) for m in raw.finditer(t)], (name, t)
        if len(t) > 3:
            assert _answer(guarded.match(t, 2)) == _answer(raw.match(t, 2)), (name, t)
        matched += raw.search(t) is not None
        skipped += not guarded.may_match(t)
    assert matched and skipped  # both sides of the test were exercised


@pytest.mark.parametrize("name", ["CLAIM_PREVIOUS_CUE", "CLAIM_SHARE_CUE", "CLAIM_LIST_MARKER", "CLAIM_SUBJECT_LEFT_CUT",
                                  "CLAIM_CLASSIFICATION_KX", "CLAIM_CLASSIFICATION", "CLAIM_ORG_BEFORE_YEAR",
                                  "change_cue", "flat", "CLAIM_HEADING_ORG", "CLAIM_LIST_PARTIAL"])
def test_every_match_holds_a_word_and_the_mark(lex, name):
    """The claim behind the guard, match by match: the matched text itself passes the test."""
    guarded = _needs_patterns(lex)[name]
    for t in _texts():
        for m in guarded.pattern.finditer(t):
            if m.end() > m.start():
                assert guarded.may_match(m.group(0)) or guarded.may_match(t[m.start():]), (name, t)


def test_positions_given_by_keyword_too():
    t = "其中：基本支出 10 万元"
    assert _answer(P.CLAIM_LIST_MARKER.search(t, pos=1)) == _answer(P.CLAIM_LIST_MARKER.pattern.search(t, pos=1))
    assert _answer(P.CLAIM_LIST_MARKER.match(t, pos=0)) == _answer(P.CLAIM_LIST_MARKER.pattern.match(t, pos=0))
    assert list(P.CLAIM_LIST_MARKER.finditer("无", pos=0)) == []


def test_the_words_test_is_any_word_in_the_text(lex):
    """may_match (one search of the words' alternation when there are several) against the plain
    ``any(w in text)`` and the mark, for every guarded pattern, on the seed's pieces."""
    for name, guarded in _needs_patterns(lex).items():
        found = 0
        for t in _texts() + [w + "x" for w in guarded.words] + ["x" + w for w in guarded.words]:
            plain = any(w in t for w in guarded.words) and (guarded.mark is None or guarded.mark.search(t) is not None)
            assert guarded.may_match(t) == plain, (name, t)
            found += plain
        assert found, name
