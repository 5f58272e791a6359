"""Claim vocabulary: the compiled patterns (units, measure words, direction and base words from
the lexicon) and the raw claim records one sentence yields before the document assembles them."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from textcheck import patterns as P
from textcheck.lexicon import Lexicon
from textcheck.lexicon import normalize_term as _normalize_term
from textcheck.numbers import Number, chinese_numeral_value, new_number

_DEFAULT_DIRECTIONS = {"increase": ["增加", "增长", "上升", "提高"],
                       "decrease": ["减少", "下降", "降低", "缩减"],
                       "flat": ["持平", "不变", "无变化"]}
_DEFAULT_BASES = ["上年预算数", "上年预算", "上年决算数", "上年决算", "上年执行数", "上年", "去年"]
_DEFAULT_MEASURES = {"人次": "people", "人": "people", "名": "people", "家": "organisations",
                     "个": "things", "项": "things", "台": "things", "辆": "things",
                     "次": "times", "场次": "times", "场": "times"}
_DEFAULT_PERCENT = ["个百分点", "百分点", "%", "％"]
_DEFAULT_MONEY = ["元", "千元", "万元", "亿元"]
_DEFAULT_PHYSICAL = ["平方米", "平方公里", "公里", "吨", "立方米", "千瓦时", "亩"]

# Measure-word categories that count things; duration words (年/月/日/小时) are not counts.
_COUNT_CATEGORIES = {"people", "organisations", "things", "times"}
# Measure words that are too ambiguous after a Chinese numeral ("三类", "一支", "两部").
_CN_SAFE_MEASURES = {"个", "人", "名", "位", "家", "项", "次", "场", "场次", "人次", "座", "篇", "份",
                     "台", "辆", "件", "套", "期", "轮", "所", "户", "条", "批次"}
# Measure words that number editions, not quantities ("十八届三中全会", "第 17 届").
_ORDINAL_MEASURES = {"届"}
# Words that end a counted noun phrase ("2 家预算单位在内").
_NOUN_STOP = {"在内", "的", "和", "及", "与", "以及", "等", "或", "、", "，", "。", "；", "：", "（", "）",
              "(", ")", ",", ";", ":", "是", "为", "共", "其中", "分别", "左右",
              # verbs and adverbs that end a noun phrase ("…专项资金未能按原计划支出")
              "未能", "未", "不", "没有", "按", "按照", "用于", "将", "已", "已经", "被", "由", "在", "对",
              "向", "从", "进行", "开展", "实施", "参加", "支持", "完成", "提供", "主要", "全部", "均"}

# Subjects and headings repeat across a document and across documents of one batch.
normalize_term = lru_cache(maxsize=16384)(_normalize_term)

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_HALF = {chr(c): chr(h) for c, h in _FULLWIDTH.items()}


@lru_cache(maxsize=4096)
def halfwidth(s: str) -> str:
    """Full-width digits/letters/punctuation → ASCII, one character for one (offsets kept):
    ``s.translate(_FULLWIDTH)``, made by replacing each full-width form the text holds (a few
    kinds, "，" "（" "：" …) in C rather than by a table look-up per character; the forms map to
    ASCII, which none maps, so the order of the replacements does not matter
    (tests/test_claims_fast_paths.py compares the two).

    Cached: every stage of extraction looks at the same sentences."""
    found = P.CLAIM_FULLWIDTH.findall(s)
    if not found:
        return s
    for wide in set(found):
        s = s.replace(wide, _HALF[wide])
    return s


# --------------------------------------------------------------------------- raw (sentence) level


# slots: the extractor makes one per figure and one claim per few, and reads their fields often
@dataclass(slots=True)
class RawQuantity:
    start: int  # number + unit span in the sentence
    end: int
    number: Number
    unit: str
    uclass: str  # money / percent / count / physical
    role: str = "value"  # value / share / change / rate
    cue_start: int = -1  # where the cue ("占", "比上年预算增加") starts; the subject ends there
    direction: str | None = None
    direction_span: tuple[int, int] | None = None
    base: str | None = None


@dataclass(slots=True)
class RawClaim:
    kind: str
    start: int  # ordering position in the sentence
    subject_span: tuple[int, int] | None = None
    value: RawQuantity | None = None
    share: RawQuantity | None = None
    previous: RawQuantity | None = None  # the previous year's amount named as the base
    change: RawQuantity | None = None
    rate: RawQuantity | None = None
    direction: str | None = None
    direction_span: tuple[int, int] | None = None
    rate_direction: str | None = None
    base: str | None = None
    measure: str | None = None
    clause: str | None = None  # "reason" for figures in explanatory clauses
    subject_from: str = "prefix"  # prefix / following / previous-clause / inherit
    enumerated: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ClaimPatterns:
    """Everything extraction needs from the lexicon, compiled once per process."""

    quantity: regex.Pattern
    cn_count: regex.Pattern
    change_cue: regex.Pattern
    flat: regex.Pattern
    base_lead: regex.Pattern
    named_base: regex.Pattern  # "比 2025 年财政拨款“三公”经费年初预算" (claims.sentence)
    unit_class: dict[str, str]
    direction_of: dict[str, str]
    base_list: list[str]
    jieba_words: list[str]
    entity_terms: dict[str, str]  # term → label (concept / function / economic / income)
    lexicon: object = None
    term_keys: frozenset = frozenset()  # normalised lexicon terms and aliases
    term_max: int = 0
    # answers of pure look-ups in the lexicon (see ``remember``), kept as long as the patterns
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    _MEMO_MAX = 20000  # entries; names come from documents, so a long scan must not grow it forever

    def remember(self, key, value):
        """``value`` stored as the answer for ``key`` in ``memo`` (which is emptied when full)."""
        if len(self.memo) >= self._MEMO_MAX:
            self.memo.clear()
        self.memo[key] = value
        return value

    @classmethod
    def from_lexicon(cls, lexicon) -> "ClaimPatterns":
        # No lexicon: an empty one, so every word list below falls back to its default.
        lex = lexicon if lexicon is not None else Lexicon()
        directions = lex.direction_words or _DEFAULT_DIRECTIONS
        # Single-character direction words ("增", "多", "少") are too ambiguous before a figure.
        directions = {k: [w for w in v if len(w) > 1] for k, v in directions.items()}
        bases = list(lex.bases or _DEFAULT_BASES)
        money = list(lex.money_units or _DEFAULT_MONEY)
        percent = list(lex.percent_units or _DEFAULT_PERCENT)
        measures = lex.measure_words or _DEFAULT_MEASURES
        if not isinstance(measures, dict):
            measures = {w: "things" for w in measures}
        counts = [w for w, cat in measures.items() if cat in _COUNT_CATEGORIES and w not in _ORDINAL_MEASURES]
        physical = [w for w, k in lex.unit_names.items()
                    if k not in ("money", "percent") and w not in measures and len(w) > 1]
        physical = physical or _DEFAULT_PHYSICAL
        unit_class = {}
        for w in physical:
            unit_class[w] = "physical"
        for w in counts:
            unit_class[w] = "count"
        for w in money:
            unit_class[w] = "money"
        for w in percent:
            unit_class[w] = "percent"
        units = [halfwidth(u) for u in unit_class]
        unit_class = {halfwidth(u): c for u, c in unit_class.items()}
        direction_of = {w: k for k, ws in directions.items() for w in ws}
        jieba_words = list(lex.jieba_words())
        entity_terms: dict[str, str] = {}
        for code, name in lex.economic_items.items():
            entity_terms[name] = "economic"
        for code, name in lex.function_items.items():
            entity_terms[name] = "function"
        for table, label in ((lex.income_items, "income"),
                             (lex.concepts, "concept")):
            for canon, entry in table.items():
                entity_terms[canon] = label
                for alias in (entry or {}).get("aliases", ()) or ():
                    entity_terms[alias] = label
        term_keys = frozenset({normalize_term(t) for t in entity_terms}
                              | set(lex.aliases))
        return cls(
            term_keys=term_keys,
            term_max=max((len(k) for k in term_keys), default=0),
            quantity=P.claim_quantity_pattern(units),
            cn_count=P.claim_cn_count_pattern([m for m in counts if m in _CN_SAFE_MEASURES] or ["个"]),
            change_cue=P.claim_change_cue_pattern(directions.get("increase", []),
                                                  directions.get("decrease", []),
                                                  directions.get("flat", []), bases,
                                                  tuple(lex.base_year_suffixes) or P.CLAIM_BASE_YEAR_SUFFIXES),
            flat=P.claim_flat_pattern(directions.get("flat", []) or ["持平"], bases),
            base_lead=P.claim_base_lead_pattern(bases),
            named_base=P.claim_named_base_pattern(tuple(lex.base_year_suffixes) or P.CLAIM_BASE_YEAR_SUFFIXES),
            unit_class=unit_class,
            direction_of=direction_of,
            base_list=bases,
            jieba_words=jieba_words,
            entity_terms=entity_terms,
            lexicon=lexicon,
        )

    # ---- quantities

    def has_quantity(self, text: str) -> bool:
        """Pre-filter: a number with a unit or measure word (dates, document numbers and
        bare years alone never send a sentence to the segmenter)."""
        t = halfwidth(text)
        return bool(self.quantity.search(t) or self.cn_count.search(t))

    def find_quantities(self, text: str) -> list[RawQuantity]:
        """Number + unit spans of a sentence, thresholds/estimates/prices/formulas dropped."""
        return self.scan_quantities(text)[1]

    def scan_quantities(self, text: str) -> tuple[bool, list[RawQuantity]]:
        """(``has_quantity(text)``, ``find_quantities(text)``) from one pass of the two patterns:
        the extractor's pre-filter and the sentence's quantities, which it hands on."""
        t = halfwidth(text)
        found: list[RawQuantity] = []
        matched = False
        unit_class = self.unit_class
        for m in self.quantity.finditer(t):
            matched = True
            raw, unit = m.group("num", "unit")
            digits = raw.replace(",", "")
            try:
                value = Decimal(digits)
            except InvalidOperation:
                continue
            dot = digits.find(".")
            decimals = len(digits) - dot - 1 if dot >= 0 else 0
            start, end = m.span()
            found.append(RawQuantity(start, end, new_number(value, decimals, unit, t[start:end]),
                                     unit, unit_class.get(unit, "count")))
        cn_found = False
        for m in self.cn_count.finditer(t):
            cn_found = matched = True
            n = chinese_numeral_value(m.group("num"))
            if n is None:
                continue
            unit = m.group("unit")
            found.append(RawQuantity(m.start(), m.end(), new_number(Decimal(n), 0, unit, t[m.start():m.end()]),
                                     unit, "count"))
        if cn_found:  # one finditer's matches come in order already; two are merged
            found.sort(key=lambda q: (q.start, -q.end))
        out: list[RawQuantity] = []
        last_end = -1
        for q in found:
            start, end = q.start, q.end
            if start < last_end:
                continue
            # most figures have neighbours none of _not_a_claim's tests looks at, nor white space:
            # then it answers False, and is not asked (tests/test_claims_fast_paths.py)
            before, after = t[start - 1:start] if start else "", t[end:end + 1]
            if (before in _NEIGHBOUR_BEFORE or after in _NEIGHBOUR_AFTER or before.isspace() or after.isspace()) \
                    and _not_a_claim(t, q):
                continue
            out.append(q)
            last_end = q.end
        return matched, out




# The characters CLAIM_APPROX_AFTER's words start with and CLAIM_APPROX_BEFORE's end with: a
# figure whose neighbours (past white space) are none of them matches neither pattern, so the
# two searches (the second tries every position of the text before) are skipped
# (tests/test_claims_fast_paths.py checks the sets against the patterns).
_APPROX_AFTER_FIRST = frozenset("以左上多余之至-—~～")
_APPROX_BEFORE_LAST = frozenset("约近过于少高≥≤=><＞＜人均每-~～至到")


def _not_a_claim(t: str, q: RawQuantity) -> bool:
    start, end = q.start, q.end
    # the first character after the figure and the last before it, past white space: the
    # neighbours themselves unless they are white space (the text around is copied only then)
    first = t[end:end + 1]
    if first.isspace():
        first = t[end:].lstrip()[:1]
    last = t[start - 1:start] if start else ""
    if last.isspace():
        last = t[:start].rstrip()[-1:]
    # str.strip's white space holds the patterns' \s (and U+001C–U+001F besides): a character
    # the patterns' \s* would pass is never the one tested, so the test never skips a match
    if (first and first in _APPROX_AFTER_FIRST and P.CLAIM_APPROX_AFTER.match(t[end:])) or \
            (last and last in _APPROX_BEFORE_LAST and P.CLAIM_APPROX_BEFORE.search(t[:start])):
        return True
    if last in _FORMULA_BEFORE:
        return True  # ordinals, formulas, document numbers
    if first in _FORMULA_AFTER:
        return True  # prices ("0.42 元/度") and formulas
    if q.uclass == "count" and t[end:end + 1] in ("月", "日", "年"):
        return True
    return False


# the characters that make a figure an ordinal, part of a formula or of a document number
# before it, a price or a formula after it (one character each: tested as the neighbour)
_FORMULA_BEFORE = frozenset(("第", "*", "×", "=", "/", "〔", "["))
_FORMULA_AFTER = frozenset(("/", "*", "×", "="))
# every character _not_a_claim looks at right before / right after a figure (past white space)
_NEIGHBOUR_BEFORE = _APPROX_BEFORE_LAST | _FORMULA_BEFORE
_NEIGHBOUR_AFTER = _APPROX_AFTER_FIRST | _FORMULA_AFTER | frozenset(("月", "日", "年"))



# Compiled patterns per lexicon, keyed by the lexicon object's id; each entry keeps the lexicon
# alive so an id is never reused for another lexicon (load_lexicon returns one object per process).
_PATTERNS: dict = {}
_LOCK = threading.Lock()


def claim_patterns(lexicon) -> ClaimPatterns:
    """The compiled claim patterns of this lexicon (built once, shared with the spaCy components)."""
    key = id(lexicon)
    with _LOCK:
        entry = _PATTERNS.get(key)
        if entry is None:
            entry = _PATTERNS[key] = (lexicon, ClaimPatterns.from_lexicon(lexicon))
    return entry[1]
