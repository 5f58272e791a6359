"""One 指标值 (or 上年完成值) cell of a 绩效目标表 as a ``Target``: the operator as written and
canonical (≥ ≤ > < =), value, unit and form (quantity, ratio, date, range, list, several
indicators in one cell, text, operator only, malformed) — after undoing what conversion broke
(spaces inside words, LaTeX and spaced operators)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from textcheck import patterns
from textcheck.document import LocatedText, Location, slot_twin
from textcheck.numbers import Number, may_be_digit, parse_number

# Canonical operators.  Words and ASCII spellings map onto these five.
GE, LE, GT, LT, EQ = "≥", "≤", ">", "<", "="

# In code, not a lexicon: the closed set of comparison words (grammar, not vocabulary), each
# also an alternative of patterns.PERF_OPERATOR, which must match it first.
_CANONICAL = {
    ">=": GE, "≥": GE, "不低于": GE, "不少于": GE, "不小于": GE, "大于等于": GE, "大于或等于": GE,
    "<=": LE, "≤": LE, "不高于": LE, "不超过": LE, "不大于": LE, "不多于": LE, "小于等于": LE,
    "小于或等于": LE, ">": GT, "大于": GT, "<": LT, "小于": LT, "=": EQ, "等于": EQ,
}

# Spellings that are wrong however they are read; the value is what they most likely meant.
MALFORMED_OPERATORS = {"=>": GE, "≥=": GE, "≥≥": GE, ">>": GT, "=<": LE, "≤=": LE, "≤≤": LE,
                       "<<": LT, "==": EQ}

# Operator style: symbol (≥ ≤) or ASCII (>= <=); > < = are neutral.
OPERATOR_STYLE = {"≥": "symbol", "≤": "symbol", ">=": "ascii", "<=": "ascii"}

# Forms of a target value.
FORM_QUANTITY = "quantity"  # ≥90%, =24 期, 7000 万元
FORM_RATIO = "ratio"  # ≥2:1
FORM_TEXT = "text"  # 有效提高, 当年指标，无上年完成值
FORM_OPERATOR_ONLY = "operator-only"  # ">" whose value was lost
FORM_MALFORMED = "malformed"  # =1 周 1 次: an operator and digits that do not form a value
FORM_EMPTY = "empty"
FORM_DATE = "date"  # 2026年12月31日前: a deadline as the target
FORM_RANGE = "range"  # 90%-95%, 10～20个
FORM_LIST = "list"  # 12、18、25: several values of one indicator
FORM_MULTI = "multi"  # ≥10000人次；≥6000件次: the targets of several indicators named in one cell

_LATEX_COMMANDS = (("\\geq", "≥"), ("\\ge", "≥"), ("\\leq", "≤"), ("\\le", "≤"))


@dataclass(frozen=True, slots=True)
class Target:
    """One 指标值 (or 上年完成值) cell, parsed."""

    text: LocatedText  # the cell as read, spaces inside words removed
    form: str
    operator: str | None = None  # canonical: ≥ ≤ > < =
    operator_text: str | None = None  # as written: ">=", "不低于", "=>"
    value: Number | None = None
    unit: str | None = None  # "%", "万元", "家", "人次", "小时", "次/周" …
    ratio: tuple[Decimal, Decimal] | None = None
    spaced_operator: bool = False  # "> =" survived normalisation

    # Two per indicator row (指标值, 上年完成值): slot setters instead of the generated frozen
    # __init__ (object.__setattr__ by name), as document.LocatedText.
    def __init__(self, text: LocatedText, form: str, operator: str | None = None,
                 operator_text: str | None = None, value: Number | None = None, unit: str | None = None,
                 ratio: tuple[Decimal, Decimal] | None = None, spaced_operator: bool = False) -> None:
        _set_text(self, text)
        _set_form(self, form)
        _set_operator(self, operator)
        _set_operator_text(self, operator_text)
        _set_value(self, value)
        _set_unit(self, unit)
        _set_ratio(self, ratio)
        _set_spaced(self, spaced_operator)

    def __reduce__(self):
        return Target, (self.text, self.form, self.operator, self.operator_text, self.value, self.unit,
                        self.ratio, self.spaced_operator)

    @property
    def location(self) -> Location:
        return self.text.location

    @property
    def style(self) -> str | None:
        return OPERATOR_STYLE.get(self.operator_text or "")


_set_text, _set_form, _set_operator, _set_operator_text, _set_value, _set_unit, _set_ratio, _set_spaced = (
    getattr(Target, name).__set__ for name in ("text", "form", "operator", "operator_text", "value", "unit",
                                               "ratio", "spaced_operator"))


_TargetSlots = slot_twin(Target)


def new_target(text: LocatedText, form: str, operator: str | None = None, operator_text: str | None = None,
               value: Number | None = None, unit: str | None = None,
               ratio: tuple[Decimal, Decimal] | None = None, spaced_operator: bool = False) -> Target:
    """``Target(...)``, filled by plain slot stores rather than ``__init__``'s eight descriptor
    calls (two per indicator row), as document.located: the result is a Target, equal to the one
    ``__init__`` builds (tests/test_performance_fast_paths.py)."""
    tg = _TargetSlots()
    tg.text = text
    tg.form = form
    tg.operator = operator
    tg.operator_text = operator_text
    tg.value = value
    tg.unit = unit
    tg.ratio = ratio
    tg.spaced_operator = spaced_operator
    tg.__class__ = Target
    return tg


def compact(t: LocatedText, all_space: bool = False) -> LocatedText:
    """Drop spaces a wrapped cell left inside Chinese words ("时 间" → "时间"), keeping positions."""
    if no_space(t.text):
        return t  # most cells have no space to drop: no pattern, no per-character mask
    pattern = patterns.WHITESPACE if all_space else patterns.PERF_SPACE_IN_WORDS
    keep = [True] * len(t.text)
    for m in pattern.finditer(t.text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    if all(keep):
        return t
    text = "".join(ch for ch, k in zip(t.text, keep) if k)
    pos = tuple(p for p, k in zip(t.positions, keep) if k)
    return LocatedText(text, pos, t.page, t.ref)


def no_space(s: str) -> bool:
    """``s`` holds no space of any kind (str.split splits at every \\s of the patterns, and at
    a few more characters): a pattern of spaces cannot match it.  Cheaper than the pattern."""
    return not s or s.split() == [s]


def join(a: LocatedText | None, b: LocatedText | None) -> LocatedText | None:
    """Two pieces of one split cell as one LocatedText."""
    if a is None or not a.text:
        return b
    if b is None or not b.text:
        return a
    return LocatedText(a.text + b.text, a.positions + b.positions, a.page, a.ref)


def _strip_latex(s: str) -> str:
    """LaTeX remnants the reader may have left (``$\\geq 6\\%$`` → "≥6%")."""
    if "$" not in s and "\\" not in s:
        return s
    for cmd, op in _LATEX_COMMANDS:
        s = s.replace(cmd, op)
    return patterns.PERF_LATEX_LEFTOVER.sub("", s)


def target_pieces(t: LocatedText) -> list[LocatedText]:
    """The parts of a cell naming several indicators or targets, split at "；"."""
    out, start = [], 0
    for m in patterns.PERF_MULTI_SEPARATOR.finditer(t.text):
        if t.text[start:m.start()].strip():
            out.append(t.slice(start, m.start()))
        start = m.end()
    if t.text[start:].strip():
        out.append(t.slice(start, len(t.text)))
    return out


def parse_target(cell: LocatedText | None, measure_words=(), memo: dict | None = None) -> Target:
    """Parse one 指标值 cell: operator, number, unit, ratio, or a text target.

    ``memo``: a dict the caller keeps for one document (a table repeats its targets: "100%",
    ">=90%", "当年指标，无上年完成值"), text → what the text parsed to; each cell still gets its own
    Target, with its own positions."""
    if cell is None or not cell.text.strip():
        return new_target(cell or LocatedText("", ()), FORM_EMPTY)
    t = compact(cell)
    if memo is None:
        return new_target(t, *_target_fields(t))
    fields = memo.get(t.text)
    if fields is None:
        fields = memo[t.text] = _target_fields(t)
    return new_target(t, *fields)


def _target_fields(t: LocatedText) -> tuple:
    """The fields of ``Target`` after ``text`` (form, operator, operator_text, value, unit, ratio,
    spaced_operator) of a compacted, non-blank cell: a function of ``t.text`` alone."""
    s = t.text if no_space(t.text) else patterns.WHITESPACE.sub("", t.text)
    s = _strip_latex(s).replace("％", "%").replace("：", ":")
    spaced = "=" in t.text and bool(patterns.PERF_SPACED_OPERATOR.search(t.text))
    op_text = op = None
    m = patterns.PERF_OPERATOR.match(s)
    if m:
        op_text = m.group("op")
        op = MALFORMED_OPERATORS.get(op_text) or _CANONICAL.get(op_text)
        s = s[m.end():]
    if not s:
        return (FORM_OPERATOR_ONLY if op_text else FORM_EMPTY), op, op_text, None, None, None, spaced
    # The date, range, list, ratio and quantity forms all start with a digit: a text target
    # ("明显提升") skips their patterns.
    if not may_be_digit(s[0]):
        if patterns.PERF_MULTI_SEPARATOR.search(s) and len(target_pieces(t)) > 1:
            return FORM_MULTI, op, op_text, None, None, None, spaced
        if op_text and patterns.ANY_DIGIT.search(s):
            return FORM_MALFORMED, op, op_text, None, None, None, spaced
        return FORM_TEXT, op, op_text, None, None, None, spaced
    if patterns.PERF_DATE.match(s):
        return FORM_DATE, op, op_text, None, None, None, spaced  # "2026年12月31日前"
    rng = patterns.PERF_RANGE.match(s)
    if rng:
        unit = (rng.group("unit") or "").strip() or None
        return FORM_RANGE, op, op_text, None, unit, None, spaced  # "90%-95%"
    if patterns.PERF_VALUE_LIST.match(s):
        return FORM_LIST, op, op_text, None, None, None, spaced  # "12、18、25"
    if patterns.PERF_MULTI_SEPARATOR.search(s) and len(target_pieces(t)) > 1:
        # "≥10000人次；≥6000件次": the targets of several indicators named in one cell; not one
        # value, and not judged as one (a wrapped or overlapping cell garbles such lists)
        return FORM_MULTI, op, op_text, None, None, None, spaced
    r = patterns.PERF_RATIO.match(s)
    if r:
        return FORM_RATIO, op, op_text, None, None, (Decimal(r.group("a")), Decimal(r.group("b"))), spaced
    q = patterns.PERF_QUANTITY.match(s)
    if q:
        unit = (q.group("unit") or "").strip() or None
        num = q.group("num")  # digits, "," and "." only: parse_number keeps it as its text
        if unit and patterns.ANY_DIGIT.search(unit):
            # "=1 周 1 次": digits inside the unit, so no single value.
            value = parse_number(num)
            if value is None:
                return FORM_MALFORMED, op, op_text, None, None, None, spaced
            return FORM_MALFORMED, op, op_text, value, unit, None, spaced
        # The number in its unit at once: parse_number(num, unit) is Number(v, d, unit, num), and
        # parse_number(num + "%") is Number(v, d, "%", num + "%").
        value = parse_number(num + "%") if unit == "%" else parse_number(num, unit)
        if value is None:
            return FORM_MALFORMED, op, op_text, None, None, None, spaced
        return FORM_QUANTITY, op, op_text, value, unit, None, spaced
    if op_text and patterns.ANY_DIGIT.search(s):
        return FORM_MALFORMED, op, op_text, None, None, None, spaced
    return FORM_TEXT, op, op_text, None, None, None, spaced


def target_text(t: Target) -> str:
    return t.text.text
