"""The shortcuts of the 绩效目标表 analysis give what the plain computation gives."""
from __future__ import annotations

import pickle
from pathlib import Path

from textcheck import patterns
from textcheck.document import LocatedText
from textcheck.performance_plans import text_before
from textcheck.performance_targets import Target, parse_target

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"

# Every pattern plan_mentions asks of the text before a figure.
_BEFORE_PATTERNS = (patterns.PERF_PLAN_RATE_BEFORE, patterns.PERF_PLAN_APPROX_BEFORE, patterns.PERF_PLAN_ARITHMETIC,
                    patterns.PERF_DOC_NUMBER_BEFORE, patterns.PERF_PLAN_AT_LEAST_BEFORE,
                    patterns.PERF_PLAN_AT_MOST_BEFORE, patterns.PERF_PLAN_OVER_BEFORE)


def _lt(s: str) -> LocatedText:
    return LocatedText(s, tuple((1, i + 1) for i in range(len(s))))


def test_text_before_decides_every_before_pattern_as_the_whole_text():
    words = ["每季度开展", "人均", "约", "大约 ", "不低于", "最多", "控制在", "超过", "*", "〔2020〕", "）", "第",
             "完成", "每月培训"]
    spaces = ["", " ", "  ", "\u3000", "\n", " " * 30, "\u3000" * 40, " \n", "\t" * 27]
    fillers = ["", "计划", "全年计划完成科技项目验收，" * 3, "a" * 40, "每" + " " * 35]
    samples = [f + w + sp for f in fillers for w in words for sp in spaces]
    samples += [ln for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    for s in samples:
        for start in range(len(s) + 1):
            fast, whole = text_before(s, start), s[:start]
            assert whole.endswith(fast)
            for pat in _BEFORE_PATTERNS:
                assert bool(pat.search(fast)) == bool(pat.search(whole)), (pat.pattern, s, start)
            assert fast.rstrip().endswith(("第", "=", "*", "/")) == whole.rstrip().endswith(("第", "=", "*", "/"))


def test_parse_target_memo_gives_each_cell_its_own_equal_target():
    cells = [c for ln in SEED.read_text("utf-8").splitlines() if "\t" in ln for c in ln.split("\t")]
    cells += ["≥90%", "≥ 90 %", "> =95%", "时 间", "≥10000人次；≥6000件次", "2:1", "=1 周 1 次", "", " "]
    memo: dict = {}
    for s in cells + cells:  # the second time every text is in the memo
        cell = LocatedText(s, tuple((7, i + 3) for i in range(len(s))))
        fast = parse_target(cell, (), memo)
        assert fast == parse_target(cell), repr(s)
        assert fast.text.positions == parse_target(cell).text.positions


def test_slotted_target_and_indicator_behave_as_frozen_values():
    from dataclasses import FrozenInstanceError

    import pytest

    from textcheck.performance_model import Indicator

    t = parse_target(_lt("≥90%"))
    assert t == parse_target(_lt("≥90%")) and hash(t) == hash(parse_target(_lt("≥90%")))
    assert pickle.loads(pickle.dumps(t)) == t
    with pytest.raises(FrozenInstanceError):
        t.form = "text"
    ind = Indicator("产出指标", "数量指标", _lt("群众满意度（%）"), t, previous=Target(_lt(""), "empty"), line=3)
    again = Indicator("产出指标", "数量指标", _lt("群众满意度（%）"), t, previous=Target(_lt(""), "empty"), line=3)
    assert ind.clean_name == "群众满意度" == patterns.PERF_NAME_UNIT.sub("", ind.name.text)
    assert ind == again and hash(ind) == hash(again)  # the memoised clean_name takes no part
    assert pickle.loads(pickle.dumps(ind)) == ind
    with pytest.raises(FrozenInstanceError):
        ind.line = 4
