"""content_words: jieba's words of a plan or indicator text, remembered in a bounded memo
(a process that checks many documents never grows it without limit, and bench_check can
empty it like the other string memos)."""
import jieba

from textcheck import patterns
from textcheck.performance_plans import _segmented_words, content_words


def _plain(s, generic=frozenset()):
    words = jieba.lcut(patterns.PERF_WORD_SEPARATORS.sub(" ", s))
    return [w for w in words if len(w.strip()) >= 2 and not patterns.ANY_DIGIT.search(w) and w not in generic]


def test_content_words_equal_the_plain_segmentation():
    texts = ["举办科技活动周宣传活动3次", "科普讲座、展会参与人数≥500人次", "满意度", "2024年项目验收率100%", ""]
    for s in texts:
        assert content_words(s) == _plain(s)
        assert content_words(s, frozenset({"活动"})) == _plain(s, frozenset({"活动"}))


def test_the_memo_is_bounded_and_can_be_emptied():
    info = _segmented_words.cache_info()
    assert info.maxsize is not None and 64 < info.maxsize <= 100_000
    content_words("举办科技活动周宣传活动3次")
    assert _segmented_words.cache_info().currsize >= 1
    _segmented_words.cache_clear()
    assert _segmented_words.cache_info().currsize == 0
