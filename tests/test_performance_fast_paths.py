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


# plan_mentions as it was before its shortcuts (the before-figure patterns asked of the whole text,
# the clause found by scanning every break, the number parsed then given its unit): the slow path.
from decimal import Decimal  # noqa: E402

from textcheck.numbers import Number, parse_number  # noqa: E402
from textcheck.performance_plans import PlanMention, _units_pattern  # noqa: E402


def _plan_mentions_reference(goal: LocatedText, lexicon) -> list[PlanMention]:
    """Counts and amounts of a goal text, each with the words of its own clause."""
    from textcheck.numbers import chinese_numeral_value

    unit_re, cats = _units_pattern(lexicon)
    text = goal.text
    found = []
    for m in list(patterns.PERF_PLAN_AR_NUMBER.finditer(text)) + list(patterns.PERF_PLAN_CN_COUNT.finditer(text)):
        after = text[m.end():]
        bound = None
        more = patterns.PERF_PLAN_MORE_THAN.match(after)  # "500余台", "20多个"
        if more:
            bound, after = ">", after[more.end():]
        u = unit_re.match(after)
        if not u:
            continue
        unit = u.group("unit")
        end = m.end() + (more.end() if more else 0) + u.end()
        before = text[:m.start()]
        rest = text[end:]
        if (patterns.PERF_PLAN_RATE_BEFORE.search(before) or patterns.PERF_PLAN_APPROX_BEFORE.search(before)
                or patterns.PERF_PLAN_APPROX_AFTER.match(rest) or patterns.PERF_PLAN_ARITHMETIC.search(before)
                or patterns.PERF_DOC_NUMBER_BEFORE.search(before) or rest.lstrip().startswith(("/", "*", "="))
                or before.rstrip().endswith(("第", "=", "*", "/"))):
            continue
        if bound is None:
            for name, op in (("PERF_PLAN_AT_LEAST_BEFORE", "≥"), ("PERF_PLAN_AT_MOST_BEFORE", "≤"),
                             ("PERF_PLAN_OVER_BEFORE", ">")):
                if getattr(patterns, name).search(before):
                    bound = op
                    break
        if bound is None:
            after_unit = patterns.PERF_PLAN_BOUND_AFTER.match(rest)  # "500台以上" / "500台以内"
            if after_unit:
                bound = "≥" if after_unit.group("up") else "≤"
        cat = cats[unit]
        if cat == "duration" and unit == "年":
            continue  # "2024 年": a date, not a plan figure
        num = m.group(0)
        if num[0].isdigit():
            value = parse_number(num)
        else:
            v = chinese_numeral_value(num)
            value = Number(Decimal(v), 0, None, num) if v is not None else None
        if value is None:
            continue
        value = Number(value.value, value.decimals, unit, num)
        found.append((m.start(), end, value, unit, cat, bound))
    found.sort(key=lambda f: f[:2])
    breaks = [b.start() for b in patterns.PERF_PLAN_CLAUSE_BREAK.finditer(text)] + [len(text)]
    out = []
    for i, (start, end, value, unit, cat, bound) in enumerate(found):
        left = max([b + 1 for b in breaks if b < start] + [0])
        right = min(b for b in breaks if b >= end)
        if i > 0 and found[i - 1][1] > left and found[i - 1][1] <= start:
            left = found[i - 1][1]
        if i + 1 < len(found) and found[i + 1][0] < right:
            right = found[i + 1][0]
        subject = (text[left:start] + text[end:right]).strip()
        out.append(PlanMention(value, unit, cat, subject, goal.locate(start, end), text[start:end],
                               goal.slice(left, right), bound))
    return out


def test_plan_mentions_shortcuts_give_the_slow_answer():
    from textcheck.lexicon import load_lexicon
    from textcheck.performance import parse_performance_tables
    from textcheck.performance_plans import plan_mentions
    from textcheck.readers import read_path

    lexicon = load_lexicon()
    doc = read_path(str(SEED))
    goals = [g.text for pt in parse_performance_tables(doc, lexicon) for g in pt.goals]
    pad = "通过项目实施，全面提升科技服务能力，" * 3
    goals += [pad + s for s in ("计划签订4个合作意向协议；选派 25 名科技人员", "每季度开展1次培训，约 100 本",
                                "不低于 500 台，超过20家企业", "〔2020〕6 号文件要求完成三个项目",
                                "500余台设备、20多个单位以上", "67890*0.42=28513.8万元，第3期",
                                "预算 950 万元" + " " * 40 + "，培训十二次", "2024年完成1,200人次")]
    for text in goals:
        goal = _lt(text)
        assert plan_mentions(goal, lexicon) == _plan_mentions_reference(goal, lexicon), text


def test_cell_key_without_spaces_is_the_pattern_substitution():
    from textcheck.performance import _key

    spaces = [chr(i) for i in range(0x3001) if chr(i).isspace() or patterns.WHITESPACE.fullmatch(chr(i))]
    samples = [c for ln in SEED.read_text("utf-8").splitlines() for c in ln.split("\t")]
    samples += [w for sp in spaces for w in (sp, f"时{sp}间", f"{sp}≥90%{sp}")] + ["", "当年指标，无上年完成值"]
    for s in samples:
        assert _key(_lt(s)) == patterns.WHITESPACE.sub("", s), repr(s)
    assert _key(None) == ""


def test_plan_mention_pattern_gates_hold_a_character_of_every_match():
    """plan_mentions searches a pattern only when the text holds one of its gate characters:
    every match of the pattern must hold one (each word of the alternations, and every short
    text over the characters the patterns are written with)."""
    import itertools

    from textcheck import performance_plans as pp

    gated = [(p, pp._SKIP_MARKS) for p in pp._SKIPS_BEFORE] + [(p, pp._BOUND_MARKS) for p, _ in pp._BOUNDS_BEFORE]
    alphabet = sorted({ch for p, _ in gated for ch in p.pattern if not ch.isascii() or ch in "*/+)]"} | set("计 a1\u3000"))
    texts = ["".join(t) for n in (1, 2, 3) for t in itertools.product(alphabet, repeat=n)]
    for pattern, marks in gated:
        for s in texts:
            if pattern.search(s):
                assert not marks.isdisjoint(s), (pattern.pattern, s)
    for s in texts:  # the two patterns asked of the text after a figure
        if patterns.PERF_PLAN_APPROX_AFTER.match(s):
            assert s[:1] in pp._APPROX_AFTER_FIRST, s
        if patterns.PERF_PLAN_BOUND_AFTER.match(s):
            assert "以" in s, s


def test_plan_mentions_of_every_bound_and_skip_word_give_the_slow_answer():
    from textcheck.lexicon import load_lexicon
    from textcheck.performance_plans import plan_mentions

    lexicon = load_lexicon()
    words = ["每", "人均", "平均", "每个", "每年", "每月", "每周", "每天", "每季度", "约", "近", "大约", "超过", "逾",
             "多于", "大于", "不低于", "不少于", "不小于", "至少", "最少", "大于等于", "不超过", "不高于", "不多于",
             "不大于", "最多", "控制在", "小于等于", "*", "×", "/", "÷", "+", "〕", "]", "】", ")", "）", "第", "", "新增"]
    afters = ["", "余", "多", "左右", "上下", "以上", "以内", "以下", " 以上", "/年", "，"]
    for w in words:
        for a in afters:
            text = f"全年计划{w} 12 个{a}单位，新增{w}三个平台{a}。"
            goal = _lt(text)
            assert plan_mentions(goal, lexicon) == _plan_mentions_reference(goal, lexicon), text
    assert plan_mentions(_lt("提升服务质量，加强管理。"), lexicon) == []


def _cells_row(texts):
    """A row as col → Cell, each text on its own line (a blank text has no positions)."""
    from textcheck.document import Cell

    return {k: Cell(LocatedText(s, tuple((10 + k, i + 1) for i in range(len(s)))), 0, k) for k, s in enumerate(texts)}


_ROW_TEXTS = ["", " ", "\u3000", "\x1c", "—", "--", " - ", ":|", "产出指标", " 数量指标", "≥90%", "时 间", "\t", "-a"]


def test_indicator_row_tests_read_as_the_texts_dict():
    import itertools

    from textcheck.performance import _has_words, _key_text, _key_texts, _row_line

    for n in (1, 2, 3):
        for texts in itertools.product(_ROW_TEXTS, repeat=n):
            row = _cells_row(texts)
            keys = [_key_text(c.text.text) for c in row.values()]
            nonempty = [t for t in keys if t]
            blank = not nonempty or all(patterns.PERF_DASH_ROW.match(t) for t in nonempty)
            assert _has_words(row) == (not blank), texts
            assert _key_texts(row) == {c: _key_text(cell.text.text) for c, cell in row.items()}, texts
            lines = [c.text.positions[0][0] for c in row.values() if c.text.positions and c.text.text.strip()]
            assert _row_line(row) == (min(lines) if lines else 0), texts


def test_new_target_is_the_target_init_builds():
    from decimal import Decimal

    from textcheck.numbers import parse_number
    from textcheck.performance_targets import new_target

    samples = [(_lt(""), "empty"), (_lt("≥90%"), "quantity", "≥", ">=", parse_number("90%"), "%", None, True),
               (_lt("2:1"), "ratio", None, None, None, None, (Decimal(2), Decimal(1)), False)]
    for args in samples:
        fast, slow = new_target(*args), Target(*args)
        assert type(fast) is Target and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert pickle.loads(pickle.dumps(fast)) == slow


def _figures_reference(row, texts, numbers_memo):
    """performance._figures as it was written before the shortcut: each label, then the next
    non-empty cell."""
    from textcheck.performance import Figure, _number

    out = []
    cols = sorted(row)
    for i, col in enumerate(cols):
        label = texts[col]
        if not label or _number(label, numbers_memo) is not None:
            continue
        for nxt in cols[i + 1:]:
            if not texts[nxt]:
                continue
            n = _number(texts[nxt], numbers_memo)
            if n is not None:
                t = row[nxt].text
                out.append(Figure(label, n, t.location, t.text))
            break
    return out


def test_figures_pair_each_label_with_the_next_filled_cell():
    import itertools

    from textcheck.performance import _figures, _key_text

    words = ["", "上级安排", "0.00", "3,956.08", " ", "其他", "21.01", "12%", "资金总额 (万元)", "-"]
    for n in (1, 2, 3, 4):
        for texts in itertools.product(words, repeat=n):
            row = _cells_row(texts)
            keys = {c: _key_text(cell.text.text) for c, cell in row.items()}
            assert _figures(row, keys, {}) == _figures_reference(row, keys, {}), texts
    # columns out of order and with gaps, as a row naming its columns does
    row = {5: _cells_row(["其他"])[0], 2: _cells_row(["", "", "本级安排"])[2], 9: _cells_row(["7.5"])[0]}
    keys = {c: _key_text(cell.text.text) for c, cell in row.items()}
    assert _figures(row, keys, {}) == _figures_reference(row, keys, {})


def test_new_indicator_is_the_indicator_init_builds():
    from textcheck.numbers import parse_number
    from textcheck.performance_model import Indicator, new_indicator

    target = parse_target(_lt("≥90%"))
    for args in [("产出指标", "数量指标", _lt("新增平台数量（家）"), target, _lt("依据"), parse_target(_lt("5家")),
                  parse_number("10"), "家", 12, (12, 13), True),
                 ("", "", _lt(""), parse_target(None), None, None, None, None, 0, (), False)]:
        fast, slow = new_indicator(*args), Indicator(*args)
        assert type(fast) is Indicator and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert fast.clean_name == slow.clean_name and fast.declared_unit == slow.declared_unit
        assert pickle.loads(pickle.dumps(fast)) == slow


def test_performance_grid_group_is_the_join_of_the_levels():
    from textcheck.readers.performance_grid import _group

    for a in ("", "产出指标", "/"):
        for b in ("", "数量指标", "/"):
            assert _group(a, b) == ("/".join(x for x in (a, b) if x) or None)
