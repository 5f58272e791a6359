"""Claim extraction: every numeric statement of the narrative, with exact spans.

Two levels:

1. ``sentence_claims(text, patterns, doc)`` — one sentence (run as the spaCy
   component ``tc_claims``).  Regex first: find number + unit quantities, give
   each a role from the cue right before it (占 → share; 比上年预算增加 → change;
   增长 with % → rate; otherwise a stated value), then group them: a stated
   value opens a claim, the share/change/rate clauses after it attach to it,
   a change clause with its own subject opens a change claim.  spaCy tokens only
   decide where a counted noun ends ("下设 6 个处室在内" → 处室).
2. ``extract_claims(document, nlp, lexicon)`` — the document: pre-filters the
   narrative sentences that carry a number, runs them through ``nlp.pipe``,
   turns raw claims into ``Claim`` objects with ``LocatedText`` spans (so every
   figure maps back to its source line and column), cleans subjects (department
   names, years, list numbering; 类/款/项 paths and codes from the lexicon), and
   connects sentences: "…，其中：" lists (``Claim.whole`` / ``items``, one
   ``breakdown`` claim per listed whole), project blocks ("项目名称：…",
   "预算安排规模：…", "资金分配情况：…") and enumerations after counts.

Figures in explanatory clauses ("主要原因是…新增 1405 万元…", "主要用于…") are
kept as claims with ``clause="reason"``; they are never list parts.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from decimal import Decimal, InvalidOperation

import regex

from textcheck import patterns as P
from textcheck.claim import DECREASE, FLAT, INCREASE, Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import normalize_term as _normalize_term
from textcheck.numbers import Number, chinese_numeral_value

# Fallback vocabulary when a lexicon lacks an attribute (the shipped one has them all).
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


@lru_cache(maxsize=4096)
def halfwidth(s: str) -> str:
    """Full-width digits/letters/punctuation → ASCII, one character for one (offsets kept).

    Cached: every stage of extraction looks at the same sentences."""
    return s.translate(_FULLWIDTH)


# --------------------------------------------------------------------------- raw (sentence) level


@dataclass
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


@dataclass
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
    unit_class: dict[str, str]
    direction_of: dict[str, str]
    base_list: list[str]
    jieba_words: list[str]
    entity_terms: dict[str, str]  # term → label (concept / function / economic / income)
    lexicon: object = None
    term_keys: frozenset = frozenset()  # normalised lexicon terms and aliases
    term_max: int = 0

    @classmethod
    def from_lexicon(cls, lexicon) -> "ClaimPatterns":
        directions = getattr(lexicon, "direction_words", None) or _DEFAULT_DIRECTIONS
        # Single-character direction words ("增", "多", "少") are too ambiguous before a figure.
        directions = {k: [w for w in v if len(w) > 1] for k, v in directions.items()}
        bases = list(getattr(lexicon, "bases", None) or _DEFAULT_BASES)
        money = list(getattr(lexicon, "money_units", None) or _DEFAULT_MONEY)
        percent = list(getattr(lexicon, "percent_units", None) or _DEFAULT_PERCENT)
        measures = getattr(lexicon, "measure_words", None) or _DEFAULT_MEASURES
        if not isinstance(measures, dict):
            measures = {w: "things" for w in measures}
        counts = [w for w, cat in measures.items() if cat in _COUNT_CATEGORIES and w not in _ORDINAL_MEASURES]
        physical = [w for w, k in (getattr(lexicon, "unit_names", None) or {}).items()
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
        jieba_words = []
        if hasattr(lexicon, "jieba_words"):
            jieba_words = list(lexicon.jieba_words())
        entity_terms: dict[str, str] = {}
        for code, name in (getattr(lexicon, "economic_items", None) or {}).items():
            entity_terms[name] = "economic"
        for code, name in (getattr(lexicon, "function_items", None) or {}).items():
            entity_terms[name] = "function"
        for table, label in ((getattr(lexicon, "income_items", None) or {}, "income"),
                             (getattr(lexicon, "concepts", None) or {}, "concept")):
            for canon, entry in table.items():
                entity_terms[canon] = label
                for alias in (entry or {}).get("aliases", ()) or ():
                    entity_terms[alias] = label
        term_keys = frozenset({normalize_term(t) for t in entity_terms}
                              | set(getattr(lexicon, "aliases", None) or {}))
        return cls(
            term_keys=term_keys,
            term_max=max((len(k) for k in term_keys), default=0),
            quantity=P.claim_quantity_pattern(units),
            cn_count=P.claim_cn_count_pattern([m for m in counts if m in _CN_SAFE_MEASURES] or ["个"]),
            change_cue=P.claim_change_cue_pattern(directions.get("increase", []),
                                                  directions.get("decrease", []),
                                                  directions.get("flat", []), bases),
            flat=P.claim_flat_pattern(directions.get("flat", []) or ["持平"], bases),
            base_lead=P.claim_base_lead_pattern(bases),
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
        t = halfwidth(text)
        found: list[RawQuantity] = []
        for m in self.quantity.finditer(t):
            unit = m.group("unit")
            raw = m.group("num")
            digits = raw.replace(",", "")
            try:
                value = Decimal(digits)
            except InvalidOperation:
                continue
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            found.append(RawQuantity(m.start(), m.end(), Number(value, decimals, unit, t[m.start():m.end()]),
                                     unit, self.unit_class.get(unit, "count")))
        for m in self.cn_count.finditer(t):
            n = chinese_numeral_value(m.group("num"))
            if n is None:
                continue
            unit = m.group("unit")
            found.append(RawQuantity(m.start(), m.end(), Number(Decimal(n), 0, unit, t[m.start():m.end()]),
                                     unit, "count"))
        found.sort(key=lambda q: (q.start, -q.end))
        out: list[RawQuantity] = []
        last_end = -1
        for q in found:
            if q.start < last_end:
                continue
            if _not_a_claim(t, q):
                continue
            out.append(q)
            last_end = q.end
        return out


def _not_a_claim(t: str, q: RawQuantity) -> bool:
    before, after = t[:q.start], t[q.end:]
    if P.CLAIM_APPROX_AFTER.match(after) or P.CLAIM_APPROX_BEFORE.search(before):
        return True
    if before.rstrip().endswith(("第", "*", "×", "=", "/", "〔", "[")):
        return True  # ordinals, formulas, document numbers
    if after.lstrip().startswith(("/", "*", "×", "=")):
        return True  # prices ("0.42 元/度") and formulas
    if q.uclass == "count" and after[:1] in ("月", "日", "年"):
        return True
    return False


def _clause_start(t: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos``: after the last separator (or after the "、"
    that follows the previous figure)."""
    seg = t[floor:pos]
    last = floor
    for m in P.CLAIM_CLAUSE_BREAK.finditer(seg):
        last = floor + m.end()
    if last == floor and floor > 0:
        m = P.CLAIM_ITEM_BREAK.match(t, floor, pos)
        if m:
            last = m.end()
    return last


def sentence_claims(text: str, pats: ClaimPatterns, doc=None, quantities=None) -> list[RawClaim]:
    """Raw claims of one sentence (offsets in ``text``)."""
    t = halfwidth(text)
    qs = quantities if quantities is not None else pats.find_quantities(text)
    if not qs:
        return []
    reason = P.CLAIM_REASON.search(t)
    reason_at = reason.start() if reason else len(t)

    # 1. roles from the cue before each quantity
    prev_end = 0
    for q in qs:
        before = t[prev_end:q.start]
        q.cue_start = q.start
        share = P.CLAIM_SHARE_CUE.search(before) if q.uclass == "percent" else None
        change = None if share else pats.change_cue.search(before)
        previous = P.CLAIM_PREVIOUS_CUE.search(before) if q.uclass == "money" and not (share or change) else None
        if previous:
            q.role, q.cue_start = "previous", prev_end + previous.start()
        elif share:
            q.role, q.cue_start = "share", prev_end + share.start()
        elif change:
            q.role = "rate" if q.uclass == "percent" else "change"
            q.cue_start = prev_end + change.start()
            which = next(g for g in ("inc", "dec", "inc2", "dec2") if change.group(g))
            q.direction = INCREASE if which.startswith("inc") else DECREASE
            if change.group("alt"):
                q.direction = None  # "增加(减少)": the template leaves the direction open
            q.direction_span = (prev_end + change.start(which), prev_end + change.end(which))
            base = change.group("base") or change.group("base2")
            if base:
                q.base = P.CLAIM_SPACES.sub("", base)
        prev_end = q.end

    # 2. group into claims
    claims: list[RawClaim] = []
    current: RawClaim | None = None
    prev_end = 0
    for q in qs:
        pstart = _clause_start(t, q.cue_start, prev_end)
        if reason is not None and q.start >= reason_at:
            pstart = max(pstart, reason.end())
        prefix = t[pstart:q.cue_start].strip()
        subject_span = _trimmed(t, pstart, q.cue_start)
        if q.start >= reason_at:
            if q.uclass in ("money", "count", "physical") and q.role == "value":
                c = RawClaim(_kind(q), q.start, subject_span, value=q, clause="reason",
                             measure=q.unit if q.uclass == "count" else None)
                _following_subject(t, q, c, doc)
                claims.append(c)
            prev_end = q.end
            continue
        if q.role == "value":
            current = RawClaim(_kind(q), q.start, subject_span, value=q,
                               measure=q.unit if q.uclass == "count" else None)
            if q.uclass == "count":
                _following_subject(t, q, current, doc)
            if current.subject_from == "prefix" and _is_generic(prefix):
                prev = _previous_clause(t, pstart, claims)
                if prev:
                    current.subject_span, current.subject_from = prev, "previous-clause"
            claims.append(current)
        elif q.role == "previous":
            # "X 比 2025 年预算数 Y 万元减少 Z": Y is X's base, never a claim of its own
            if current is not None and current.previous is None:
                current.previous = q
        elif q.role == "share":
            if current is not None and current.share is None and not _names_subject(prefix):
                current.share = q
            else:
                current = RawClaim("share", q.start, subject_span, share=q)
                claims.append(current)
        else:  # change / rate
            slot = "change" if q.role == "change" else "rate"
            if (current is not None and getattr(current, slot) is None and not _names_subject(prefix)
                    and (slot == "rate" or current.change is None)):
                _attach_change(current, q, slot)
            else:
                lead = pats.base_lead.match(t, pstart, q.cue_start)
                if lead and subject_span:
                    q.base = q.base or P.CLAIM_SPACES.sub("", lead.group("base"))
                    subject_span = _trimmed(t, lead.end(), q.cue_start)
                    prefix = t[lead.end():q.cue_start].strip()
                current = RawClaim("change", q.cue_start, subject_span)
                if not _names_subject(prefix):
                    current.subject_from = "inherit"
                _attach_change(current, q, slot)
                claims.append(current)
        prev_end = q.end

    # 3. "与上年持平" without a figure: direction of the claim before it
    for m in pats.flat.finditer(t):
        if m.start() >= reason_at:
            break
        owner = None
        for c in claims:
            if c.start < m.start() and c.clause is None:
                owner = c
        if owner is not None and owner.direction is None:
            owner.direction = FLAT
            owner.direction_span = (m.start("flat"), m.end("flat"))
            owner.base = P.CLAIM_SPACES.sub("", m.group("base"))

    # 4. enumerations after counts ("下设 6 个处室，分别是：A、B、C"); a count written in
    # Chinese numerals inside a listed name ("研究二所") is part of the name, not a claim
    inside: set[int] = set()
    for i, c in enumerate(claims):
        if c.kind != "count" or c.value is None or id(c) in inside:
            continue
        later = [o for o in claims[i + 1:] if not (o.value is not None and o.kind == "count"
                                                   and not P.CLAIM_ASCII_DIGIT.search(t[o.value.start:o.value.end]))]
        stop = later[0].start if later else min(reason_at, len(t))
        m = P.CLAIM_ENUM_MARKER.search(t, c.value.end, stop)
        # "共计 17 家，包括：行政单位 1 家，…": the list gives figures, not names (TC501 adds
        # those as parts); only a list the next figure does not cut into is a list of names
        if m and later and not P.CLAIM_SENTENCE_END.search(t, m.end(), stop) \
                and not P.CLAIM_ENUM_SPLIT.search(t, m.end(), stop):
            m = None
        if m:
            c.enumerated = _enumeration(t, m.end(), stop)
            if c.enumerated:
                lo, hi = c.enumerated[0][0], c.enumerated[-1][1]
                inside.update(id(o) for o in claims[i + 1:] if o.value is not None and lo <= o.value.start < hi)
    return [c for c in claims if id(c) not in inside]


def _kind(q: RawQuantity) -> str:
    return {"money": "amount", "physical": "amount", "count": "count", "percent": "ratio"}[q.uclass]


def _attach_change(c: RawClaim, q: RawQuantity, slot: str) -> None:
    setattr(c, slot, q)
    if slot == "change":
        c.direction, c.direction_span = q.direction, q.direction_span
    else:
        c.rate_direction = q.direction
        if c.direction is None:
            c.direction, c.direction_span = q.direction, q.direction_span
    if q.base and not c.base:
        c.base = q.base


def _trimmed(t: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and t[start] in " \t":
        start += 1
    while end > start and t[end - 1] in " \t":
        end -= 1
    return (start, end) if end > start else None


def _names_subject(prefix: str) -> bool:
    """Whether the text before a cue names its own subject (not just "其中" or a connector)."""
    s = P.CLAIM_LEADING_NUMBERING.sub("", prefix)
    s = P.CLAIM_CONNECTOR_LEAD.sub("", s)
    s = P.CLAIM_YEAR.sub("", s)
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip()
    s = P.CLAIM_BARE_BUDGET_WORD.sub("", s)
    return bool(P.CLAIM_HAN.search(s))


def _is_generic(prefix: str) -> bool:
    s = P.CLAIM_LEADING_NUMBERING.sub("", prefix)
    s = P.CLAIM_YEAR.sub("", s)
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip(" :：")
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip()
    return bool(P.CLAIM_GENERIC_SUBJECT.match(s))


def _previous_clause(t: str, pstart: int, claims: list[RawClaim]) -> tuple[int, int] | None:
    """The clause before ``pstart`` when it holds no figure ("…行政运行（项）：2024 年预算数为…")."""
    if pstart <= 0:
        return None
    end = pstart - 1
    start = _clause_start(t, end, 0)
    if claims and claims[-1].start >= start:
        return None
    span = _trimmed(t, start, end)
    if span and P.CLAIM_HAN.search(t, span[0], span[1]):
        return span
    return None


def _following_subject(t: str, q: RawQuantity, c: RawClaim, doc) -> None:
    """Counted noun after a measure word ("下设 6 个处室" → 处室), or the noun after a
    reason figure ("新增 1405 万元科技人才专项资金").  A figure followed by punctuation
    ("实有人数 193 人，") keeps its prefix subject.  jieba tokens decide where the noun
    ends; without a pipeline a short Han run stands in."""
    pos = q.end
    if pos >= len(t) or not P.CLAIM_NOUN_START.match(t, pos):
        return
    end = pos
    if doc is not None:
        from bisect import bisect_right

        from textcheck.nlp import token_starts

        starts = token_starts(doc)
        i = max(0, bisect_right(starts, pos) - 1)
        for k in range(i, min(i + 8, len(starts))):
            tok = doc[k]
            tok_end = starts[k] + len(tok.text)
            if tok_end <= pos:
                continue
            if starts[k] < pos:  # measure word fused with the noun by jieba ("个处室")
                end = tok_end
                continue
            if tok.text in _NOUN_STOP or not P.CLAIM_NOUN_TOKEN.match(tok.text):
                break
            if tok_end - pos > 16:
                break
            end = tok_end
    else:
        m = P.CLAIM_NOUN_RUN.match(t[pos:])
        end = pos + (m.end() if m else 0)
        stop = P.CLAIM_NOUN_STOP.search(t[pos:end])
        if stop:
            end = pos + stop.start()
    if end > pos:
        c.subject_span, c.subject_from = (pos, end), "following"


def _enumeration(t: str, start: int, stop: int) -> list[tuple[int, int]]:
    seg_end = stop
    m = P.CLAIM_SENTENCE_END.search(t[start:stop])
    if m:
        seg_end = start + m.start()
    # names joined by "、": a "，" ends the list ("…、人事处，另设机关党委、工会")
    if "、" in t[start:seg_end]:
        comma = P.CLAIM_ENUM_COMMA.search(t, start, seg_end)
        if comma:
            seg_end = comma.start()
    out = []
    pos = start
    for part in P.CLAIM_ENUM_SPLIT.split(t[start:seg_end]):
        s, e = pos, pos + len(part)
        pos = e + 1
        name = part.strip()
        if name.endswith("等"):
            name = name[:-1]
        if name:
            lead = len(part) - len(part.lstrip())
            out.append((s + lead, s + lead + len(name)))
    return out


# --------------------------------------------------------------------------- document level


def extract_claims(document, nlp, lexicon) -> list[Claim]:
    """Every numeric claim of the document's narrative paragraphs, in reading order."""
    from textcheck.nlp import claim_patterns

    pats = claim_patterns(lexicon)
    orgs = _org_names(document)
    toc = {normalize_term(t.text) for t in getattr(document, "toc", ()) or ()}
    work: list[tuple[object, int, LocatedText]] = []  # (paragraph, sentence index, sentence)
    paragraphs = []
    for p in document.paragraphs:
        has_figure = bool(P.CLAIM_HAS_DIGIT.search(p.text.text))
        if has_figure and _skip_paragraph(p, toc):
            continue
        paragraphs.append(p)  # figure-less paragraphs still open/close project blocks and lists
        if not has_figure:
            continue
        for i, s in enumerate(p.sentences()):
            if P.CLAIM_HAS_DIGIT.search(s.text) and pats.has_quantity(s.text):
                work.append((p, i, s))
    if nlp is not None:
        raws = [d._.claims or [] for d in nlp.pipe(_docs(nlp, [s.text for _, _, s in work]))]
    else:
        raws = [sentence_claims(s.text, pats) for _, _, s in work]
    by_para: dict[int, list[tuple[int, LocatedText, list[RawClaim]]]] = {}
    for (p, i, s), raw in zip(work, raws):
        by_para.setdefault(id(p), []).append((i, s, raw))
    return _Assembler(pats, orgs).run(paragraphs, by_para)


def _docs(nlp, texts):
    """Tokenised Docs that already know their text (spaCy rebuilds ``doc.text`` per access)."""
    for t in texts:
        doc = nlp.make_doc(t)
        doc.user_data["tc_text"] = t
        yield doc


def extract_text_claims(text: LocatedText, nlp, lexicon, section: tuple[str, ...] = ()) -> list[Claim]:
    """Claims of a free-standing text (e.g. a 绩效目标表 "项目总体目标" cell)."""
    from textcheck.document import Paragraph

    class _Doc:
        paragraphs = (Paragraph(text, section, 0),)
        headings = ()
        toc = ()
        meta: dict = {}
        tables = ()

    return extract_claims(_Doc(), nlp, lexicon)


def _skip_paragraph(p, toc: set[str]) -> bool:
    if any(normalize_term(h).replace(" ", "") in ("目录",) for h in p.section):
        return True
    return bool(toc) and normalize_term(p.text.text) in toc


def _org_names(document) -> list[str]:
    """Department/unit names to strip from subjects: from meta, tables and headings."""
    names: set[str] = set()
    meta = getattr(document, "meta", {}) or {}
    for key in ("department", "unit", "organisation"):
        v = meta.get(key)
        if isinstance(v, str) and len(v) >= 3:
            names.add(v)
    for t in getattr(document, "tables", ()) or ():
        if getattr(t, "department", None):
            names.add(P.CLAIM_PAREN_OR_SPACE.sub("", t.department))
    for h in getattr(document, "headings", ()) or ():
        for m in P.CLAIM_HEADING_ORG.finditer(h.text.text):
            names.add(m.group("org"))
    for p in document.paragraphs:
        for s in p.section:
            for m in P.CLAIM_HEADING_ORG.finditer(s):
                names.add(m.group("org"))
    names = {n for n in names if len(n) >= 3}
    return sorted(names, key=len, reverse=True)


class _Assembler:
    """Turns raw sentence claims into located Claims and connects sentences and paragraphs."""

    def __init__(self, pats: ClaimPatterns, orgs: list[str]):
        self.pats = pats
        self.orgs = orgs
        self.lexicon = pats.lexicon

    def run(self, paragraphs, by_para) -> list[Claim]:
        out: list[Claim] = []
        project: str | None = None
        project_section: tuple[str, ...] | None = None
        project_total: Claim | None = None
        prev_subject, last_section = "", None
        open_list: dict | None = None  # cross-paragraph list opened by a trailing "其中："
        for p in paragraphs:
            # project blocks: "（一）项目名称：…" as a paragraph or as the innermost heading
            name = _project_name(p)
            if name is not None:
                project, project_section, project_total = name, p.section, None
                open_list = self._close(open_list, out)
                continue
            heading_name = _project_from_section(p)
            if heading_name is not None and (heading_name != project or p.section != project_section):
                project, project_section, project_total = heading_name, p.section, None
            if project is not None and p.section != project_section:
                project, project_total = None, None
            if open_list is not None and p.section != open_list["section"]:
                open_list = self._close(open_list, out)

            entries = by_para.get(id(p), [])
            claims: list[tuple[int, int, Claim, RawClaim]] = []  # (sentence idx, pos, claim, raw)
            if p.section != last_section:
                prev_subject, last_section = "", p.section
            for si, sent, raws in entries:
                for r in raws:
                    c = self._claim(r, sent, p, project, prev_subject)
                    if c is None:
                        continue
                    # "…支出 23513.11 万元，主要用于…。与上年相比增加 410.44 万元，增长 1.78%。":
                    # a change sentence without a subject completes the claim before it.
                    if r.kind == "change" and r.subject_from == "inherit" and claims:
                        k = _last_open_claim(claims)
                        if k is not None and claims[k][0] < si:
                            ps, ppos, prev, praw = claims[k]
                            claims[k] = (ps, ppos, replace(
                                prev, change=c.change, rate=c.rate, direction=c.direction,
                                direction_span=c.direction_span, rate_direction=c.rate_direction,
                                base=c.base or prev.base), praw)
                            continue
                    if project is not None and c.kind == "amount" and c.clause is None and \
                            P.CLAIM_PROJECT_TOTAL_SUBJECT.match(_norm(c.subject)):
                        c = replace(c, subject=project)
                        project_total = c
                    if c.clause is None and c.subject:
                        prev_subject = c.subject
                    claims.append((si, r.start, c, r))

            # cross-paragraph part: the first non-reason claim of this paragraph
            level = _numbering_level(p.text.text)
            if open_list is not None and not _continues_list(open_list, level):
                open_list = self._close(open_list, out)
            if open_list is not None:
                head_part = next((k for k, (_, _, c, _) in enumerate(claims) if c.clause is None), None)
                if head_part is not None:
                    if _uclass(claims[head_part][2]) in open_list["heads"]:
                        # "其中：" then a paragraph enumerating the parts ("A 11 辆、B 1 辆、C 89
                        # 辆；…"): the figures of that first clause are the parts, and the list ends
                        si0, kind0 = claims[head_part][0], _uclass(claims[head_part][2])
                        same = [k for k, (si, _, c, _) in enumerate(claims)
                                if si == si0 and c.clause is None and _uclass(c) == kind0]
                        if not open_list["parts"] and len(same) >= 2:
                            open_list["parts"].extend((claims, k) for k in same)
                            open_list["done"] = True
                        else:
                            open_list["parts"].append((claims, head_part))
                            open_list.setdefault("part_level", level)
                    else:  # a figure of another kind: the list is over
                        open_list = self._close(open_list, out)

            trailing = self._lists(p, entries, claims, project_total, out)
            final = [c for _, _, c, _ in claims]
            out.extend(final)
            if open_list is not None and open_list.get("done"):
                open_list = self._close(open_list, out)
            if trailing is not None:
                open_list = self._close(open_list, out)
                trailing["section"] = p.section
                trailing["level"] = level
                open_list = trailing
        self._close(open_list, out)
        return out

    # ---- lists: "…，其中：" / "包括：" / "资金分配情况："

    def _lists(self, p, entries, claims, project_total, out):
        """Set whole/items for lists inside the paragraph; return a list that stays open."""
        sent_text = {si: halfwidth(sent.text) for si, sent, _ in entries}
        markers = []
        for si, text in sent_text.items():
            for m in P.CLAIM_LIST_MARKER.finditer(text):
                markers.append((si, m.start(), m.end(), m.group(0)))
        markers.sort()
        if not markers:
            return None
        trailing = None
        taken: set[int] = set()  # claims already parts of a list
        breakdowns: list = []
        for k, (si, ms, me, word) in enumerate(markers):
            nxt = markers[k + 1] if k + 1 < len(markers) else None
            if word.startswith("资金分配情况"):
                heads = {"money": project_total} if project_total is not None else {}
                head_idx: list[int] = []
            else:
                head_idx = self._head_indices(claims, si, ms, taken, sent_text)
                heads = {}
                for j in head_idx:  # the nearest figure of each kind before the marker…
                    heads[_uclass(claims[j][2])] = claims[j][2]
                # …unless it closes an enumeration ("总额 X：A a、B b、C c；其中…"): then the figure
                # the enumeration itself belongs to.
                for uclass in list(heads):
                    js = [j for j in head_idx if _uclass(claims[j][2]) == uclass]
                    if not js or any(claims[j][0] != claims[js[0]][0] for j in js):
                        continue
                    k = _enumeration_head(sent_text.get(claims[js[0]][0], ""), [claims[j][3] for j in js])
                    if k is not None:
                        heads[uclass] = claims[js[k]][2]
            if not heads:
                continue
            parts = [j for j, (s, pos, c, r) in enumerate(claims)
                     if (s, pos) > (si, ms) and (nxt is None or (s, pos) < (nxt[0], nxt[1]))
                     and c.clause is None and j not in head_idx]
            # A list ends with its sentence ("。"; clauses cut at "；" or "：" go on), and the
            # figure that leads the next list is that list's total, not a part of this one.
            last = si
            # items separated by "；" go on over the clauses ("其中：在职 67 人；退休 126 人；…");
            # a list whose clause already holds two items ("其中行政 89 人，事业 291 人；离退休
            # 203 人") ends with that clause
            if sum(1 for j in parts if claims[j][0] == si) < 2:
                while last in sent_text and not P.CLAIM_FULL_STOP.search(sent_text[last]) and last + 1 in sent_text:
                    last += 1
            nxt_heads = set(self._head_indices(claims, nxt[0], nxt[1], taken, sent_text)) \
                if nxt and nxt[0] > si else set()
            parts = [j for j in parts if claims[j][0] <= last and j not in nxt_heads]
            # figures in brackets detail the part before them ("车辆费 567.72 万元（购置费 230.55
            # 万元；运行费 337.17 万元）"), and "A a：x、y" lists A's own parts: never siblings
            parts = [j for j in parts if not _in_brackets(sent_text, claims[j][0], claims[j][3])]
            parts = _without_sub_lists(sent_text, claims, parts)
            # only "…，其中：" at the end of a paragraph continues into the next paragraphs
            at_end = not parts and word.startswith("其中") and _marker_at_end(entries, si, me)
            if at_end:
                trailing = {"heads": heads, "head_idx": head_idx, "claims": claims, "parts": [],
                            "marker": word}
                continue
            if not parts:
                continue
            taken.update(parts)
            self._apply(claims, parts, heads, out, breakdowns)
        claims.extend(breakdowns)
        return trailing

    @staticmethod
    def _head_indices(claims, si, ms, taken, sent_text) -> list[int]:
        """Claims a list marker at (sentence si, position ms) may belong to: the figures before
        it in its sentence, else (marker opening its sentence) those of the sentence before —
        not when words name the list's own subject ("…。支出包括：…")."""
        head_idx = [j for j, (s, pos, c, r) in enumerate(claims)
                    if s == si and pos < ms and c.clause is None and j not in taken]
        opens = not P.CLAIM_LIST_OWN_SUBJECT.search(sent_text.get(si, "")[:ms])
        if not head_idx and opens and not any(s == si and pos < ms for s, pos, _, _ in claims):
            head_idx = [j for j, (s, pos, c, r) in enumerate(claims)
                        if s == si - 1 and c.clause is None and j not in taken]
        return head_idx

    def _apply(self, claims, parts, heads, out, breakdowns):
        """Parts get ``whole``; each head gets its breakdown (money) or items (counts)."""
        grouped: dict[str, list[Claim]] = {}
        for j in parts:
            si, pos, c, r = claims[j]
            head = heads.get(_uclass(c))
            if head is None:
                continue
            c = replace(c, whole=head, base=c.base or (head.base if c.direction else None))
            claims[j] = (si, pos, c, r)
            grouped.setdefault(_uclass(c), []).append(c)
        for uclass, items in grouped.items():
            head = heads[uclass]
            if uclass == "count":
                for j, (si, pos, c, r) in enumerate(claims):
                    if c is head:
                        claims[j] = (si, pos, replace(c, items=tuple(items)), r)
                        break
                else:
                    out_idx = next((i for i, c in enumerate(out) if c is head), None)
                    if out_idx is not None:
                        out[out_idx] = replace(head, items=tuple(items))
            else:
                bd = replace(head, kind="breakdown", items=tuple(items), whole=None,
                             exhaustive=_exhaustive_list(head, items))
                if head.project and items[0].sentence is not None and head.subject == head.project:
                    bd = replace(bd, sentence=items[0].sentence)
                breakdowns.append((10 ** 6, 10 ** 6, bd, None))

    def _close(self, open_list, out):
        """A list opened by a trailing "其中：" ends: connect its parts across paragraphs."""
        if not open_list or not open_list["parts"]:
            return None
        heads = open_list["heads"]
        grouped: dict[str, list[Claim]] = {}
        for claims, k in open_list["parts"]:
            c = claims[k][2]
            head = heads.get(_uclass(c))
            if head is None:
                continue
            new = replace(c, whole=head)
            for i, o in enumerate(out):
                if o is c:
                    out[i] = new
                    break
            grouped.setdefault(_uclass(c), []).append(new)
        for uclass, items in grouped.items():
            head = heads[uclass]
            idx = next((i for i, c in enumerate(out) if c is head), None)
            if uclass == "count":
                if idx is not None:
                    out[idx] = replace(head, items=tuple(items))
            else:
                bd = replace(head, kind="breakdown", items=tuple(items), whole=None,
                             exhaustive=_exhaustive_list(head, items))
                if idx is not None:
                    out.insert(idx + 1, bd)
                else:
                    out.append(bd)
        return None

    # ---- one claim

    def _claim(self, r: RawClaim, sent: LocatedText, p, project, prev_subject) -> Claim | None:
        def q(raw: RawQuantity | None) -> Quantity | None:
            if raw is None:
                return None
            return Quantity(raw.number, sent.slice(raw.start, raw.end))

        subject, subject_span, codes = "", None, ()
        if r.subject_span:
            s, e = r.subject_span
            subject, codes, (s, e) = self._subject(sent.text, s, e, p.section)
            if e > s:
                subject_span = sent.slice(s, e)
        if r.subject_from == "inherit" and prev_subject:
            subject = prev_subject
        if P.CLAIM_QUALIFIER_SUBJECT.match(_norm(subject)) and prev_subject:
            subject = prev_subject + subject
        if r.kind == "change" and not subject:
            subject = prev_subject
        if r.kind == "ratio" and not subject:
            return None  # a bare percentage (chart label) says nothing checkable
        year = None
        ym = P.CLAIM_YEAR_NUMBER.search(halfwidth(sent.text), 0, r.start)
        # a year inside the subject names the item ("2023 年替代工作经费"), not the figure's year
        if ym and not (r.subject_span and r.subject_span[0] <= ym.start() < r.subject_span[1]
                       and subject_span is not None and ym.group(1) in subject):
            year = ym.group(1)
        return Claim(
            kind=r.kind,
            subject=subject,
            sentence=sent,
            section=tuple(p.section),
            paragraph=p.index,
            subject_span=subject_span,
            codes=codes,
            value=q(r.value),
            share=q(r.share),
            change=q(r.change),
            rate=q(r.rate),
            previous=q(r.previous),
            direction=r.direction,
            direction_span=sent.slice(*r.direction_span) if r.direction_span else None,
            rate_direction=r.rate_direction,
            base=r.base,
            enumerated=tuple(sent.text[s:e] for s, e in r.enumerated),
            measure=r.measure,
            year=year,
            project=project,
            clause=r.clause,
        )

    def _subject(self, text: str, s: int, e: int, section=()) -> tuple[str, tuple[str, ...], tuple[int, int]]:
        """Cleaned subject, its classification codes, and the span it came from."""
        t = halfwidth(text)
        seg = t[s:e]
        # 类/款/项 path ("科学技术支出（类）…（款）…（项）"), or 款/项 under a "…（类）" heading
        m = P.CLAIM_CLASSIFICATION.search(seg)
        names = []
        if m:
            names = [normalize_term(x) for x in (m.group("lei"), m.group("kuan"), m.group("xiang")) if x]
        else:
            m = P.CLAIM_CLASSIFICATION_KX.search(seg)
            if m:
                lei = next((h.group("lei") for h in map(P.CLAIM_CLASS_HEADING.search, reversed(section)) if h), None)
                names = [normalize_term(x) for x in (lei, m.group("kuan"), m.group("xiang")) if x]
        if m:
            names = [P.CLAIM_LEADING_NUMBERING.sub("", n) for n in names]
            return "/".join(names), self._path_codes(names), (s + m.start(), s + m.end())
        # left cuts: numbering, "其中", department names, years
        cut = 0
        lm = P.CLAIM_LEADING_NUMBERING.match(seg)
        if lm:
            cut = lm.end()
        lc = P.CLAIM_SUBJECT_LEFT_CUT.match(seg, cut)
        if lc:
            cut = lc.end()
        changed = True
        after_org = False
        while changed:
            changed = False
            rest = seg[cut:]
            stripped = rest.lstrip(" ,，")
            if stripped is not rest and len(stripped) != len(rest):
                cut += len(rest) - len(stripped)
                changed = True
                continue
            om = P.CLAIM_ORG_BEFORE_YEAR.match(rest)
            for org in self.orgs:
                o = halfwidth(org)
                if rest.startswith(o):
                    cut += len(o)
                    changed = after_org = True
                    break
            else:
                if om:
                    cut += om.end()
                    changed = after_org = True
                    continue
                for lead in ("本部门", "本单位", "我单位", "我局", "本级", "部门本级"):
                    if rest.startswith(lead) and len(rest) > len(lead) + 1:
                        cut += len(lead)
                        changed = after_org = True
                        break
                else:
                    ym = P.CLAIM_YEAR.match(rest)
                    if ym and (after_org or self._starts_with_term(rest[ym.end():])):
                        cut += ym.end()
                        changed = True
                        after_org = False
        end = len(seg)
        tail = P.CLAIM_SUBJECT_TRAILING.search(seg, cut)
        while tail and tail.start() > cut:
            end = tail.start()
            tail = P.CLAIM_SUBJECT_TRAILING.search(seg[:end], cut)
        sub = seg[cut:end].strip(" :：,，")
        if not sub:
            return "", (), (s, s)
        lead = seg.index(sub, cut) if sub in seg[cut:] else cut
        span = (s + lead, s + lead + len(sub))
        original = text[span[0]:span[1]]
        codes: tuple[str, ...] = ()
        cm = P.CLAIM_CODE_NAME.match(sub)
        if cm and self.lexicon is not None and hasattr(self.lexicon, "function_items"):
            code = cm.group("code")
            if code in self.lexicon.function_items or code in getattr(self.lexicon, "economic_items", {}):
                return normalize_term(cm.group("name")), (code,), span
        name = normalize_term(original)
        if self.lexicon is not None and hasattr(self.lexicon, "function_codes"):
            fc = self.lexicon.function_codes(name)
            if len(fc) == 1:
                codes = (fc[0],)
        return name, codes, span

    def _starts_with_term(self, s: str) -> bool:
        key = normalize_term(s[:24])
        terms = self.pats.term_keys
        return any(key[:n] in terms for n in range(min(len(key), self.pats.term_max), 1, -1))

    def _path_codes(self, names: list[str]) -> tuple[str, ...]:
        lex = self.lexicon
        if lex is None or not hasattr(lex, "function_codes"):
            return ()
        candidates = [c for c in lex.function_codes(names[0]) + lex.function_codes(names[0] + "支出")
                      if len(c) == 3]
        for depth, name in enumerate(names[1:], start=1):
            width = 3 + 2 * depth
            nxt = [c for c in lex.function_codes(name) if len(c) == width and any(c.startswith(p) for p in candidates)]
            if not nxt:
                return ()  # a level the lexicon does not know: no code rather than a shallower one
            candidates = nxt
        return tuple(candidates) if len(candidates) == 1 else ()


def _in_brackets(sent_text: dict, si: int, raw) -> bool:
    """Whether a figure stands inside brackets opened in its sentence or the ones before
    (a bracket may hold "；" and so span sentences)."""
    if raw is None or raw.value is None:
        return False
    depth = 0
    for k in sorted(sent_text):
        if k > si:
            break
        text = sent_text[k] if k < si else sent_text[k][:raw.value.start]
        for ch in text:
            if ch in "(（":
                depth += 1
            elif ch in ")）" and depth:
                depth -= 1
    return depth > 0


def _without_sub_lists(sent_text: dict, claims, parts: list[int]) -> list[int]:
    """Parts without the items of a part's own list: in "其中 A a：x、y、z" x, y and z are A's
    parts (a colon right after A's figure opens them), not A's siblings."""
    out, inside = [], False
    for k, j in enumerate(parts):
        if k and inside:
            prev = claims[parts[k - 1]]
            cur = claims[j]
            if prev[0] == cur[0] and not P.CLAIM_LIST_HEAD_BREAK.search(
                    sent_text.get(cur[0], "")[prev[3].value.end:cur[3].value.start] if prev[3] and cur[3] and
                    prev[3].value and cur[3].value else "，"):
                continue
            inside = False
        out.append(j)
        r = claims[j][3]
        if r is not None and r.value is not None:
            after = sent_text.get(claims[j][0], "")[r.value.end:r.value.end + 1]
            inside = after in ("：", ":")
    return out


def _enumeration_head(text: str, raws) -> int | None:
    """Index of the claim an enumeration ending with ``raws[-1]`` belongs to, or None.

    Walk back over "、" / "：" gaps ("总额 712.49 万元：货物 486.50 万元、工程 0 万元、服务
    225.99 万元") and stop at a clause break (，；。): the first figure reached leads the list.
    """
    if len(raws) < 2 or any(r.value is None for r in raws):
        return None
    k = len(raws) - 1
    while k > 0:
        cur, prev = raws[k], raws[k - 1]
        gap = text[prev.value.end:cur.value.start]  # separator and the next item's name
        if P.CLAIM_LIST_HEAD_BREAK.search(gap) or not P.CLAIM_ENUMERATION_GAP.search(gap):
            break
        k -= 1
    return k if k < len(raws) - 1 else None


def _exhaustive_list(head: Claim, items) -> bool:
    """A list names every part ("资金分配情况：", "包括：", "分别是：") unless it says it names
    the main ones ("主要包括", "…等"); a "其中：" list may name only some parts."""
    texts = {head.sentence.text, *(i.sentence.text for i in items)}
    return any(P.LINK_EXHAUSTIVE_LIST.search(t) for t in texts) and \
        not any(P.CLAIM_LIST_PARTIAL.search(t) for t in texts)


def _last_open_claim(claims) -> int | None:
    """Index of the last stated-value claim whose change is still open (no change, no rate)."""
    for k in range(len(claims) - 1, -1, -1):
        c = claims[k][2]
        if c.clause is not None:
            continue
        if c.value is not None and c.change is None and c.rate is None and c.direction is None:
            # the last item of an enumeration ("包括：A a、B b、C c。比上年增加 x"): the change
            # is the whole list's, and which figure that is the sentence does not say
            same = [o for o in claims if o[0] == claims[k][0] and o[2].clause is None and o[2].value is not None
                    and _uclass(o[2]) == _uclass(c)]
            return k if len(same) == 1 else None
        return None
    return None


def _norm(s: str) -> str:
    return normalize_term(s or "")


def _uclass(c: Claim) -> str:
    q = c.value or c.change or c.share or c.rate
    if q is None:
        return "none"
    u = q.number.unit or ""
    if u.endswith("元"):
        return "money"
    if u in ("%", "％", "个百分点", "百分点"):
        return "percent"
    if c.kind == "count" or c.measure:
        return "count"
    return "physical:" + u


def _numbering_level(text: str) -> int | None:
    """Level of the list numbering a paragraph starts with: 0 "一、", 1 "（一）", 2 "1." / "1、",
    3 "（1）"; None when it starts with none."""
    s = text.lstrip()
    for level, pat in enumerate(P.ROW_NUMBERING):
        if pat.match(s):
            return level
    return None


def _continues_list(open_list: dict, level: int | None) -> bool:
    """Whether a paragraph numbered at ``level`` may still be a part of a list opened by a
    trailing "其中：".  "2.…156.6 万元，其中：" / "（1）…" / "（2）…" / "3.…": the parts keep the
    level of the first part; a paragraph numbered like the head or outer (the sibling "3.")
    ends the list, and so does any other level (or none) after numbered parts."""
    head = open_list.get("level")
    if level is not None and head is not None and level <= head:
        return False
    if "part_level" in open_list and level != open_list["part_level"]:
        return False
    return True


def _marker_at_end(entries, si, me) -> bool:
    for s, sent, _ in entries:
        if s == si:
            rest = sent.text[me:]
            return not P.CLAIM_HAN_OR_DIGIT.search(rest)
    return False


def _project_name(p) -> str | None:
    m = P.CLAIM_PROJECT_NAME.search(halfwidth(p.text.text))
    if m and p.text.text.lstrip().find("项目名称") <= 12:
        return p.text.text[m.start("name"):m.end("name")].strip()
    return None


def _project_from_section(p) -> str | None:
    """Project name when the "（一）项目名称：…" line became the paragraph's innermost heading."""
    if not p.section:
        return None
    h = p.section[-1]
    m = P.CLAIM_PROJECT_NAME.search(halfwidth(h))
    return h[m.start("name"):m.end("name")].strip() if m else None
