"""matching_words (TC602's indicator ↔ plan clause comparison) segments a text only when an exact
test cannot rule the pair out; it must give what segmenting both texts and comparing gives."""
import itertools

import pytest

from textcheck.api import get_checker
from textcheck.lexicon.polarity import polarity
from textcheck.performance_plans import content_words, matching_words, shared_words
from textcheck.readers import read_text

SEED = "corpus/urumqi-kejiju-2024-budget.txt"


def _reference(indicator_text, subject, generic, min_share):
    iw = content_words(indicator_text, generic)
    if not iw:
        return None
    shared = shared_words(iw, subject, content_words(subject, generic))
    if shared and len(shared) / len(iw) >= min_share:
        return shared, len(iw)
    return None


SYNTHETIC = [
    ("外出参展次数", "本年计划参与 4 个展会"),  # abbreviation: 参展 ← 参与 … 展会
    ("外出参展次数", "展会参与"),  # the abbreviation's words in the other order
    ("签订意向协议数", "计划签订 4 个合作意向协议"),
    ("培训人次", "培训人次 300 人"),
    ("选派科技人员数量", "选派 25 名科技人员"),
    ("科普讲座、展会参与人数", "举办（科普）讲座，“展会”参与"),
    ("项目 验收率", "项目\r\n验收"),
    ("2024年度 验收", "2024 年度验收"),
    ("满意度", "群众满意"),
    ("ab cd", "abcd ab"),
    ("", "计划"), ("计划", ""), ("", ""),
]


@pytest.fixture(scope="module")
def seed_pairs():
    checker = get_checker()
    ctx = checker.context(read_text(open(SEED, encoding="utf-8").read(), path=SEED))
    names, subjects = set(), set()
    for pt in ctx.performance:
        names.update(ind.clean_name for ind in pt.indicators)
        for goal in pt.goals:
            subjects.update(m.subject for m in pt.plan_mentions(goal, ctx.lexicon))
    return sorted(names), sorted(subjects), polarity(ctx.lexicon).generic_words


def test_matching_words_equal_the_reference_on_every_seed_pair(seed_pairs):
    names, subjects, generic = seed_pairs
    found = ruled_out = 0
    for name, subject in itertools.product(names, subjects):
        for min_share in (0.5, 0.0, 1.0):
            got = matching_words(name, subject, generic, min_share)
            assert got == _reference(name, subject, generic, min_share), (name, subject, min_share)
            found += got is not None
            ruled_out += got is None
    assert found and ruled_out  # both outcomes are exercised


def test_matching_words_equal_the_reference_on_hard_cases(seed_pairs):
    generic = seed_pairs[2]
    for name, subject in SYNTHETIC + [(b, a) for a, b in SYNTHETIC]:
        for gen in (frozenset(), generic):
            for min_share in (0.5, 0.0, 0.34, 1.0):
                assert matching_words(name, subject, gen, min_share) == _reference(name, subject, gen, min_share), \
                    (name, subject, min_share)
