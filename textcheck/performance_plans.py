"""Plan figures stated in 项目总体目标 / 年度绩效目标 text ("计划签订 4 个合作意向协议") with the
words of their clause and their bounds (500余台, 不低于, 以内), and what TC602 compares them
with: the values an operator allows, shared words, compatible units."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

import regex

from textcheck import patterns
from textcheck.document import LocatedText, Location
from textcheck.numbers import Number, parse_number
from textcheck.performance_targets import GE, GT, LE, LT

@dataclass(frozen=True)
class PlanMention:
    """A count or amount stated in 项目总体目标 / 年度绩效目标 text ("计划签订 4 个合作意向协议")."""

    value: Number
    unit: str
    category: str  # measure-word category, "money" or "percent"
    subject: str  # the clause around the figure, figure removed
    location: Location
    text: str  # the figure as written ("4 个")
    sentence: LocatedText  # the clause, for evidence
    bound: str | None = None  # the plan is a bound, not a figure: ">" (500余台, 超过), "≥" (不低于, 以上), "≤" (不超过, 以内)


# id(lexicon) → (lexicon, pattern, categories); the entry keeps the lexicon alive so an id is
# never reused for another one.
_UNITS: dict[int, tuple] = {}


def _units_pattern(lexicon) -> tuple["regex.Pattern", dict[str, str]]:
    """The unit alternation of ``lexicon``, built once per lexicon (not per goal text)."""
    entry = _UNITS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _UNITS[id(lexicon)] = (lexicon, *_build_units_pattern(lexicon))
    return entry[1], entry[2]


def _build_units_pattern(lexicon) -> tuple["regex.Pattern", dict[str, str]]:
    measures = dict(lexicon.measure_words) if lexicon is not None else {}
    money = dict.fromkeys((lexicon.money_units if lexicon is not None else None) or ("元", "万元", "亿元"), "money")
    cats = {**measures, **money, "%": "percent"}
    return patterns.perf_unit_after_pattern(cats), cats


# The patterns asked of the text before a figure (patterns.PERF_PLAN_*_BEFORE, PERF_PLAN_ARITHMETIC,
# PERF_DOC_NUMBER_BEFORE) are a few words (at most _BEFORE_WORDS characters, no look-behind)
# then spaces to the end: only the end of that text can decide them.
_BEFORE_WORDS = 8
_BEFORE_TAIL = 32


def text_before(text: str, start: int) -> str:
    """``text[:start]`` as far as the end-anchored patterns of a figure's left side can see it.

    Each such pattern searched a goal's whole text before every figure (a scan of the
    goal per figure and pattern).  A match is a few words then spaces (any \\s, each one
    str.isspace) to the end, so it starts after the last non-space character less the
    words' length: when that character is in the last _BEFORE_TAIL - _BEFORE_WORDS
    characters, the last _BEFORE_TAIL characters hold every match (the same end, so the
    same ``$``); otherwise (a long run of spaces) the whole text."""
    if start <= _BEFORE_TAIL:
        return text[:start]
    tail = text[start - _BEFORE_TAIL:start]
    return tail if tail[_BEFORE_WORDS:].strip() else text[:start]


# The patterns that rule a figure out by the text before it, and characters one of which every
# match of one of them holds (each word of their alternations has one; tests/test_performance_
# fast_paths.py checks every word): a text without any of them is not searched.
_SKIPS_BEFORE = (patterns.PERF_PLAN_RATE_BEFORE, patterns.PERF_PLAN_APPROX_BEFORE, patterns.PERF_PLAN_ARITHMETIC,
                 patterns.PERF_DOC_NUMBER_BEFORE)
_SKIP_MARKS = frozenset("每均" "约近" "*×/÷+" "〕]】)）")  # 每… 人均 平均 | 约 近 大约 | operators | closing brackets
# The bounds stated before a figure, in the order they are asked, and such characters of theirs.
_BOUNDS_BEFORE = ((patterns.PERF_PLAN_AT_LEAST_BEFORE, "≥"), (patterns.PERF_PLAN_AT_MOST_BEFORE, "≤"),
                  (patterns.PERF_PLAN_OVER_BEFORE, ">"))
_BOUND_MARKS = frozenset("于少" "过于多在" "过逾于")  # 不低于 至少 … | 不超过 最多 控制在 … | 超过 逾 多于 …
# The first characters of PERF_PLAN_APPROX_AFTER's words (余, 多, 左右, 上下), anchored at the start.
_APPROX_AFTER_FIRST = frozenset("余多左上")


def plan_mentions(goal: LocatedText, lexicon) -> list[PlanMention]:
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
        before = text_before(text, m.start())
        rest = text[end:]
        # the patterns only where their words can be (_SKIP_MARKS, _BOUND_MARKS, "以"): most
        # figures have none of them around, and each search costs many times these tests
        if ((not _SKIP_MARKS.isdisjoint(before) and any(p.search(before) for p in _SKIPS_BEFORE))
                or rest[:1] in _APPROX_AFTER_FIRST and patterns.PERF_PLAN_APPROX_AFTER.match(rest)
                or rest.lstrip().startswith(("/", "*", "="))
                or before.rstrip().endswith(("第", "=", "*", "/"))):
            continue
        if bound is None and not _BOUND_MARKS.isdisjoint(before):
            for pattern, op in _BOUNDS_BEFORE:
                if pattern.search(before):
                    bound = op
                    break
        if bound is None and "以" in rest:
            after_unit = patterns.PERF_PLAN_BOUND_AFTER.match(rest)  # "500台以上" / "500台以内"
            if after_unit:
                bound = "≥" if after_unit.group("up") else "≤"
        cat = cats[unit]
        if cat == "duration" and unit == "年":
            continue  # "2024 年": a date, not a plan figure
        num = m.group(0)
        if num[0].isdigit():
            # digits, "," and "." only (PERF_PLAN_AR_NUMBER): parse_number keeps it as its text
            value = parse_number(num, unit)
        else:
            v = chinese_numeral_value(num)
            value = Number(Decimal(v), 0, unit, num) if v is not None else None
        if value is None:
            continue
        found.append((m.start(), end, value, unit, cat, bound))
    if not found:
        return []  # no figure: no clause to find
    found.sort(key=lambda f: f[:2])
    # ascending, and the text's end is the last: the clause around a figure by bisection
    breaks = [b.start() for b in patterns.PERF_PLAN_CLAUSE_BREAK.finditer(text)] + [len(text)]
    out = []
    for i, (start, end, value, unit, cat, bound) in enumerate(found):
        k = bisect_left(breaks, start)  # the last break before the figure is breaks[k - 1]
        left = breaks[k - 1] + 1 if k else 0
        right = breaks[bisect_left(breaks, end)]  # the first at or after its end
        if i > 0 and found[i - 1][1] > left and found[i - 1][1] <= start:
            left = found[i - 1][1]
        if i + 1 < len(found) and found[i + 1][0] < right:
            right = found[i + 1][0]
        subject = (text[left:start] + text[end:right]).strip()
        out.append(PlanMention(value, unit, cat, subject, goal.locate(start, end), text[start:end],
                               goal.slice(left, right), bound))
    return out


def feasible(operator: str | None, value: Decimal) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The values an operator and a number allow, as (low, low included, high, high included);
    None = unbounded.  No operator means exactly the value."""
    if operator in (GE, ">="):
        return value, True, None, False
    if operator == GT:
        return value, False, None, False
    if operator == LE:
        return None, False, value, True
    if operator == LT:
        return None, False, value, False
    return value, True, value, True


def within(inner: tuple, outer: tuple) -> bool:
    """Is every value of the set ``inner`` (from ``feasible``) in ``outer``?"""
    lo, lo_in, hi, hi_in = inner
    olo, olo_in, ohi, ohi_in = outer
    if olo is not None:
        if lo is None or lo < olo or (lo == olo and lo_in and not olo_in):
            return False
    if ohi is not None:
        if hi is None or hi > ohi or (hi == ohi and hi_in and not ohi_in):
            return False
    return True


def compatible(a: tuple, b: tuple) -> bool:
    """Do two sets from ``feasible`` share a value?"""
    lo = max((x for x in (a, b) if x[0] is not None), key=lambda x: (x[0], not x[1]), default=None)
    hi = min((x for x in (a, b) if x[2] is not None), key=lambda x: (x[2], x[3]), default=None)
    if lo is None or hi is None:
        return True
    if lo[0] < hi[2]:
        return True
    return lo[0] == hi[2] and lo[1] and hi[3]


@lru_cache(maxsize=4096)
def _segmented_words(s: str) -> tuple[str, ...]:
    """jieba words of ``s`` of two characters or more without digits.  Bounded, like the
    other string memos: a batch or service never grows it without limit, and the check
    benchmark empties it before each run (a warm run must not profit from a text seen before)."""
    import jieba

    words = jieba.lcut(patterns.PERF_WORD_SEPARATORS.sub(" ", s))
    return tuple(w for w in words if len(w.strip()) >= 2 and not patterns.ANY_DIGIT.search(w))


def content_words(s: str, generic=frozenset()) -> list[str]:
    """jieba words of ``s`` worth linking on: two characters or more, not generic, not numbers."""
    return [w for w in _segmented_words(s) if w not in generic]


def shared_words(indicator_words: list[str], subject: str, subject_words: list[str]) -> list[str]:
    """Indicator words found in a plan clause: as a word, inside a word, or as the
    two-character abbreviation of two words of the clause ("参展" ← "参与 … 展会")."""
    out = []
    first_at: dict[str, int] | None = None  # first character → its first and last word
    last_at: dict[str, int] = {}
    for w in indicator_words:
        if w in subject_words or any(w in s for s in subject_words if len(s) > len(w)):
            out.append(w)
        elif len(w) == 2:
            # a word starting with w[0] before another starting with w[1]: the first of the one
            # before the last of the other (not every pair of words)
            if first_at is None:
                first_at = {}
                for i, s in enumerate(subject_words):
                    if s:  # content words are never empty
                        first_at.setdefault(s[0], i)
                        last_at[s[0]] = i
            if w[0] in first_at and w[1] in last_at and first_at[w[0]] < last_at[w[1]]:
                out.append(w)
    return out


@lru_cache(maxsize=4096)
def _segmented_text(s: str) -> tuple[str, frozenset]:
    """``s`` as ``_segmented_words`` hands it to jieba (separators made spaces), and its characters."""
    t = patterns.PERF_WORD_SEPARATORS.sub(" ", s)
    return t, frozenset(t)


def matching_words(indicator_text: str, subject: str, generic, min_share: float) -> tuple[list[str], int] | None:
    """(``shared_words`` of the indicator's and the clause's content words, the number of the
    indicator's words) when they share some and at least ``min_share`` of the indicator's words,
    else None — what segmenting both and comparing gives, but each text is segmented only
    when an exact test cannot rule the pair out (jieba's words of a text are pieces of it):
    a shared word is in the clause's text (as a word or inside one), or is two characters
    each starting a word of the clause, a word starting with the first before one starting
    with the second. Either way its first two characters (a pair of neighbours in the
    indicator's text) are characters of the clause, and stand in it side by side or the first
    somewhere before the second (``_may_share``)."""
    text, chars = _segmented_text(subject)
    name = _segmented_text(indicator_text)[0]
    if not any(a in chars and b in chars and _may_share(a, b, text) for a, b in zip(name, name[1:])):
        return None
    iw = content_words(indicator_text, generic)
    if not iw:
        return None
    possible = sum(1 for w in iw if w in text or (len(w) == 2 and _may_share(w[0], w[1], text)))
    if not possible or possible / len(iw) < min_share:
        return None
    shared = shared_words(iw, subject, content_words(subject, generic))
    if shared and len(shared) / len(iw) >= min_share:
        return shared, len(iw)
    return None


def _may_share(a: str, b: str, text: str) -> bool:
    """Whether a shared word may start with the characters ``a``, ``b``: ``a + b`` stands in the
    clause's ``text`` (a word holding the shared word does), or ``a`` stands somewhere before the
    last ``b`` (the first word starting with ``a`` comes before the last starting with ``b``, and
    words are pieces of the text in order)."""
    return a + b in text or -1 < text.find(a) < text.rfind(b)


def compatible_units(plan_unit: str, plan_cat: str, target_unit: str | None, lexicon) -> bool:
    """Can a plan figure in ``plan_unit`` and a target in ``target_unit`` count the same thing?"""
    if not target_unit:
        return False
    if plan_unit == target_unit:
        return True
    measures = lexicon.measure_words if lexicon is not None else {}
    money = lexicon.money_units if lexicon is not None else {}
    if plan_cat == "money":
        return target_unit in money
    t_cat = measures.get(target_unit)
    if t_cat is None or plan_cat in ("percent", "money"):
        return False
    if t_cat == plan_cat and plan_cat != "duration":
        return True
    # 个 is the general classifier: "4 个合作意向协议" counts what "≥2 份" counts.
    generic = lexicon.general_classifiers  # not None here: without a lexicon t_cat is None
    return (plan_unit in generic and t_cat in ("things", "organisations", "times")) or \
           (target_unit in generic and plan_cat in ("things", "organisations", "times"))
