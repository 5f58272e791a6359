"""TC602's shortcuts (textcheck.performance_plans) against the plain computation they stand for:
the before-figure patterns asked only where a character of their words stands (the gates'
own tests: tests/test_performance_fast_paths.py), the name pairs matching_words rules out, and
TC602 scoring the disagreeing indicators first."""
from __future__ import annotations

import random
from pathlib import Path

from textcheck.document import LocatedText

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"

# every word of the end-anchored before-figure patterns, and neighbours of them
_WORDS = ["每", "人均", "平均", "每个", "每年", "每月", "每周", "每天", "每季度", "约", "近", "大约", "超过", "逾", "多于",
          "大于", "不低于", "不少于", "不小于", "至少", "最少", "大于等于", "不超过", "不高于", "不多于", "不大于",
          "最多", "控制在", "小于等于", "*", "×", "/", "÷", "+", "〕", "]", "】", ")", "）", "第", "=", "〔2020〕",
          "（2019）", "计划", "完成", "开展", "培训", "余", "多", "左右", "上下", "以上", "以内", "以下", "个", "台",
          "次", "人", "万元", "%", "，", "。"]
_SPACES = ["", " ", "  ", "\u3000", "\t", "\n", "\x1c", "\xa0", "\u2028"]


def _lt(s: str) -> LocatedText:
    return LocatedText(s, tuple((1, i + 1) for i in range(len(s))))


def test_plan_mentions_with_its_gates_give_the_slow_answer():
    """plan_mentions against its slow path (tests/test_performance_fast_paths.py, every pattern
    asked of the whole text before each figure) on random goals made of the patterns' words."""
    from test_performance_fast_paths import _plan_mentions_reference

    from textcheck.lexicon import load_lexicon
    from textcheck.performance_plans import plan_mentions

    lexicon = load_lexicon()
    rng = random.Random(3)
    figures = ["4", "25", "1,200", "12.5", "三", "十二", "500"]
    n = 0
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 4)):
            parts.append("".join(rng.choice(_WORDS) + rng.choice(_SPACES) for _ in range(rng.randint(0, 3))))
            parts.append(rng.choice(figures) + rng.choice(_SPACES[:3]) + rng.choice(["个", "台", "次", "人", "万元", "%"]))
            parts.append("".join(rng.choice(_SPACES) + rng.choice(_WORDS) for _ in range(rng.randint(0, 2))))
        goal = _lt("".join(parts))
        got = plan_mentions(goal, lexicon)
        assert got == _plan_mentions_reference(goal, lexicon), goal.text
        n += len(got)
    assert n > 1000


def test_matching_words_with_the_order_test_give_the_reference_on_random_pairs():
    """matching_words (a name's pair of characters may start a shared word only when they stand in
    the clause side by side or the first before the second) against segmenting both texts and
    comparing, on names and clauses made of the same words in random orders."""
    from test_plan_matching_words import _reference

    from textcheck.performance_plans import matching_words

    words = ["参与", "展会", "参展", "次数", "外出", "签订", "协议", "意向", "合作", "科技", "人员", "选派", "培训",
             "人次", "开展", "平台", "信息", "更新", "费用", "年度", "支出", "电费", "走访", "城市", "数量", "、", "（",
             "）", " ", "2024年", "项目", "验收", "率", "展", "参"]
    rng = random.Random(23)
    found = 0
    for _ in range(2500):
        name = "".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        subject = "".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        for min_share in (0.5, 0.0, 1.0):
            got = matching_words(name, subject, frozenset({"数量"}), min_share)
            assert got == _reference(name, subject, frozenset({"数量"}), min_share), (name, subject, min_share)
            found += got is not None
    assert found > 500


def test_tc602_asking_agreeing_indicators_first_reports_what_scoring_all_reports():
    """TC602 compares a plan with the indicators that agree with it only when those that do not
    agree give one best match (rules.tc602._scored); scoring every candidate and then asking
    whether one that matched agrees must report the same, on the seed and on variants whose
    figures and operators agree, disagree and tie."""
    from textcheck.api import get_checker
    from textcheck.readers import read_text
    from textcheck.rules import tc602

    def reference(m, candidates, generic, agrees):
        scored = []
        for ind in candidates:
            match = tc602.matching_words(ind.clean_name, m.subject, generic, tc602.MIN_SHARED)
            if match is not None:
                shared, n = match
                scored.append((len(shared) / n, len(shared), ind, shared))
        return None if any(agrees(ind) for _, _, ind, _ in scored) else scored

    seed = SEED.read_text("utf-8")
    # the seed with its plan figures changed: agreeing plans become disagreeing ones and back
    variants = [seed, seed.replace("4 个", "5 个"), seed.replace("25 名", "3 名"), seed.replace("≥", "≤"),
                seed.replace("=", "≥")]
    checker = get_checker()
    rule = next(r for r in checker.rules if r.code == "TC602")
    real = tc602._scored
    reported = 0
    for text in variants:
        doc = read_text(text, path="seed.txt")
        fast = [d.to_dict() for d in rule.check(checker.context(doc))]
        try:
            tc602._scored = reference
            slow = [d.to_dict() for d in rule.check(checker.context(doc))]
        finally:
            tc602._scored = real
        assert fast == slow
        reported += len(fast)
    assert reported
