"""Subjects from context: a claim whose own clause names no item takes it from what stands
just before it — never from further away, never across a section boundary.

* "（一）因公出国（境）费用。2026 年预算数 109.22 万元": the clause says only a year and a
  measure word ("2026 年预算数"); the numbered lead sentence before it names the item.
* "1.因公出国（境）费用" as a paragraph of its own, then "2026 年预算数 …": the lead paragraph.
* "（二）公务接待费" as the section heading, then "2026 年预算安排 14.09 万元": the heading,
  for the first paragraph under it only.
* heading "（一）机关运行经费：2025 年长沙市公安局机关运行经费" then the paragraph
  "2045.01 万元，…": the heading holds the start of the sentence (text after its colon), so the
  subject is that text plus whatever the paragraph says before the figure.

A lead names an item only when it is short, has no figure and none of the words of a
descriptive title or of running text (``CLAIM_LEAD_NOT_A_NAME``), and is numbered; when the
nearest context is not such a name the claim keeps its generic subject (and the linker leaves
it unlinked).  The claim records where its subject came from (``Claim.subject_from``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from textcheck import patterns as P
from textcheck.claim import Claim, replace_claim
from textcheck.claims.lists import _norm, _numbering_level
from textcheck.claims.vocab import RawClaim, halfwidth
from textcheck.lexicon.linking_words import stage_patterns

_MAX_NAME = 30  # characters: a lead longer than this is running text, not an item's name
_MAX_PATH_NAME = 60  # … unless it is a 类/款/项 path, whose names are long by themselves
_STOPS = "。；;！？!?"


@dataclass
class ParagraphContext:
    """What stands before a paragraph: the paragraph just before it in the same section (or
    None), whether it is the first paragraph of its section, that paragraph's claims (as the
    assembler holds them), the claims out so far, whether no cross-paragraph list is open,
    whether the open one goes on into this paragraph, and the paragraph's own numbering level."""

    before: object | None = None
    first_in_section: bool = False
    before_claims: list = field(default_factory=list)
    out: list = field(default_factory=list)
    no_open_list: bool = True
    list_continues: bool = False  # a list opened by a paragraph before may take this one's first figure
    numbering: int | None = None  # the paragraph's own list numbering level (lists._numbering_level)


# generic_subject and _measure_only are pure functions of a short subject text, asked again for
# the same words (each figure of a sentence asks about every other one): remembered (bounded)
@lru_cache(maxsize=4096)
def generic_subject(subject: str) -> bool:
    """A subject of a year and measure words only ("2026年预算数", "年初预算数", "")."""
    s = P.CLAIM_YEAR.sub("", halfwidth(subject or "")).strip()
    return bool(P.CLAIM_GENERIC_SUBJECT.match(s))


def lead_name(text: str) -> str | None:
    """The item a numbered, figure-less lead names ("（一）因公出国（境）费用。" → 因公出国（境）费用)."""
    t = halfwidth(text).strip()
    m = P.CLAIM_LEADING_NUMBERING.match(t)
    if not m or _numbering_level(t) is None:
        return None
    name = t[m.end():].strip().rstrip(_STOPS + "：: ").strip()
    longest = _MAX_PATH_NAME if P.CLAIM_LEAD_LEVEL_PATH.search(name) else _MAX_NAME
    if not 2 <= len(name) <= longest or P.CLAIM_LEAD_NOT_A_NAME.search(name):
        return None
    return name


def _colon_split(heading: str) -> tuple[str, str] | None:
    """(title, tail) of a heading "（一）机关运行经费：2025 年…机关运行经费"; None without a colon."""
    h = halfwidth(heading)
    i = min((k for k in (h.find("："), h.find(":")) if k >= 0), default=-1)
    if i < 0:
        return None
    return h[:i], h[i + 1:].strip()


def heading_tail(section: tuple[str, ...]) -> str | None:
    """The start of a sentence the innermost heading holds after its colon, when the heading
    ends mid-sentence (no stop, no figure but a year, no words of a title or of running text):
    the paragraph continues it."""
    if not section:
        return None
    split = _colon_split(section[-1])
    if split is None or not split[1]:
        return None
    tail = split[1]
    # "…：说明如下：" / "…：详见下表。" end or describe; the start of a sentence names its subject
    if tail[-1] in _STOPS + "：:" or P.CLAIM_LEAD_NOT_A_NAME.search(P.CLAIM_YEAR.sub("", tail)):
        return None
    return tail


def _heading_name(section: tuple[str, ...]) -> str | None:
    if not section:
        return None
    split = _colon_split(section[-1])
    return lead_name(split[0] if split is not None else section[-1])


def context_name(p, si: int, ctx: ParagraphContext) -> tuple[str, str] | None:
    """(name, "lead" | "heading") for a generic claim opening sentence ``si`` of paragraph
    ``p``: the nearest context decides — the sentence before, else the paragraph before (same
    section), else the heading of a section's first paragraph; a nearest context that names
    no item gives nothing."""
    if si > 0:
        # the sentence's text from its bounds (located sentences would be built for all of them)
        bounds = p.sentence_bounds()
        before = p.text.text[bounds[si - 1][0]:bounds[si - 1][1]] if si - 1 < len(bounds) else ""
        name = lead_name(before)
        return (name, "lead") if name else None
    if ctx.before is not None:
        text = ctx.before.text.text
        if P.CLAIM_HAS_DIGIT.search(P.CLAIM_LEADING_NUMBERING.sub("", halfwidth(text))):
            return None
        name = lead_name(text)
        return (name, "lead") if name else None
    if ctx.first_in_section:
        name = _heading_name(tuple(p.section))
        return (name, "heading") if name else None
    return None


def opens_sentence(claims, si: int, r: RawClaim, sentence_text: str) -> bool:
    """The claim is the first of its sentence and nothing but its own subject stands before it."""
    if any(s == si for s, _, _, _ in claims):
        return False
    start = r.subject_span[0] if r.subject_span else r.start
    return not halfwidth(sentence_text)[:start].strip()


@lru_cache(maxsize=4096)
def _measure_only(text: str) -> bool:
    s = P.CLAIM_YEAR.sub("", halfwidth(text))
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip(" ,，:：")
    return bool(P.CLAIM_GENERIC_SUBJECT.match(s) or P.CLAIM_STAGE_ONLY_SUBJECT.match(s))


def _measures_compete(r: RawClaim, sentence_text: str, raws) -> bool:
    """Another figure of the sentence names only a measure too ("年初预算为 A，支出决算为 B"):
    two figures of one item, and which of them the tables hold the sentence does not say."""
    for o in raws:
        if o is r or o.clause is not None or o.kind != "amount" or o.value is None:
            continue
        if o.subject_span is None or _measure_only(sentence_text[o.subject_span[0]:o.subject_span[1]]):
            return True
    return False


def with_context_subject(asm, c: Claim, r: RawClaim, sentence, claims, p, ctx: ParagraphContext) -> Claim:
    """``c`` with its subject taken from context when its own clause names no item; ``sentence``
    is (index, text, raw claims) of its sentence."""
    si, sent, raws = sentence
    if c.kind != "amount" or c.value is None or c.clause is not None or r.subject_from != "prefix":
        return c
    stage = None
    if _measures_compete(r, sent.text, raws):
        # "年初预算为 A，支出决算为 B" after the item's lead: each figure is the item's at its own
        # stage, and the stage word (kept in the subject) tells the linker which column holds it
        stage = _distinct_stage(r, sent.text, raws)
        if stage is None:
            return c
    if not opens_stage_sentence(claims, si, r, c.sentence.text, stage):
        return c
    section = tuple(p.section)
    if si == 0 and ctx.first_in_section and ctx.numbering is None:
        tail = heading_tail(section)
        if tail is not None:  # the heading holds the sentence's start
            own = c.sentence.text[:r.subject_span[1]] if r.subject_span else ""
            text = tail + own
            subject = asm._subject(text, 0, len(text), section)[0]
            if subject and not generic_subject(subject):
                return replace_claim(c, subject=subject, subject_from="heading", codes=())
    if stage is None and not generic_subject(c.subject):
        return c
    found = context_name(p, si, ctx)
    if found is None:
        return c
    name, source = found
    subject, codes, _ = asm._subject(name, 0, len(name), section)
    if not subject or generic_subject(subject):
        return c
    if stage is not None:
        subject += stage
    return replace_claim(c, subject=subject, codes=codes, subject_from=source)


def opens_stage_sentence(claims, si: int, r: RawClaim, sentence_text: str, stage: str | None) -> bool:
    """``opens_sentence``; of a sentence of stage figures ("年初预算为 A，支出决算为 B"), every
    figure takes the item, not only the first."""
    if stage is None:
        return opens_sentence(claims, si, r, sentence_text)
    return True


def _own_words(r: RawClaim, sentence_text: str) -> str:
    return sentence_text[r.subject_span[0]:r.subject_span[1]] if r.subject_span else ""


def _stage_word(text: str) -> str | None:
    """The one stage word (``stage_words`` of lexicons/linking.yml: 年初预算, 决算 …) a measure-only
    subject holds, as written; None when it holds none or more than one stage."""
    found = {name: m.group(0) for name, pat in stage_patterns() for m in [pat.search(_norm(text))] if m}
    return next(iter(found.values())) if len(found) == 1 else None


def _distinct_stage(r: RawClaim, sentence_text: str, raws) -> str | None:
    """The stage word of ``r`` when every measure-only figure of the sentence names a stage and
    no two name the same one (each figure is then the item's at its stage); else None."""
    own = _stage_word(_own_words(r, sentence_text))
    if own is None:
        return None
    seen = set()
    for o in raws:
        if o.clause is not None or o.kind != "amount" or o.value is None:
            continue
        words = _own_words(o, sentence_text)
        if not _measure_only(words):
            continue
        word = _stage_word(words)
        if word is None or stage_of_word(word) in seen:
            return None
        seen.add(stage_of_word(word))
    return own if len(seen) > 1 else None


def stage_of_word(word: str) -> str | None:
    return next((name for name, pat in stage_patterns() if pat.search(word)), None)


def paragraph_change_owner(ctx: ParagraphContext, c: Claim, r: RawClaim, lead_base: str | None) -> Claim | None:
    """A change clause opening a paragraph with no amount of its own ("与上年相比减少 710.87 万元")
    takes the last amount of the paragraph just before it (same section, no list open), under
    the checks of a change inherited inside a paragraph (``amount_before``): that
    claim is the one amount of the last sentence there, has no change, is no list part or head,
    and the clause names no other item.  The joined claim replaces it in both lists; returned."""
    prev_claims = ctx.before_claims
    if ctx.before is None or not prev_claims or not ctx.no_open_list:
        return None
    last_sentence = len(ctx.before.sentence_bounds()) - 1
    if prev_claims[-1][0] != last_sentence or prev_claims[-1][2].whole is not None:
        return None
    if amount_before(prev_claims, last_sentence + 1, c, r) is None:
        return None
    ps, ppos, prev, praw = prev_claims[-1]
    idx = next((i for i, o in enumerate(ctx.out) if o is prev), None)
    if idx is None:
        return None
    joined = replace_claim(prev, change=c.change, rate=c.rate, direction=c.direction, direction_span=c.direction_span,
                     rate_direction=c.rate_direction, base=c.base or prev.base or lead_base, inherited="amount")
    ctx.out[idx] = joined
    prev_claims[-1] = (ps, ppos, joined, praw)
    return joined


def restates_change(changed: Claim | None, c: Claim, r: RawClaim) -> bool:
    """A change clause with no amount that says again the change just given to ``changed``:
    the same signed amount (and rate, if any), naming no other item ("增减相抵后与上年相比减少
    710.87 万元" after "…与上年相比减少 710.87 万元"). It joins that claim (adds nothing)."""
    if changed is None or r.kind != "change" or c.value is not None or c.change is None or changed.change is None:
        return False
    if c.previous is not None or c.direction != changed.direction or c.direction is None:
        return False
    a, b = c.change.number, changed.change.number
    if a.value != b.value or a.unit != b.unit:
        return False
    if c.rate is not None and (changed.rate is None or c.rate.number.value != changed.rate.number.value):
        return False
    if r.subject_from == "inherit" or r.subject_span is None:
        return True
    own = _norm(c.subject)
    return bool(P.CLAIM_NET_CHANGE_LEAD.match(own)) or (len(own) >= 2 and _change_key(own) in _change_key(changed.subject))


# Words that do not tell two names of one total apart: "收入、支出预算总计" and "收、支预算总计各".
_SAME_TOTAL = (("收入、支出", "收支"), ("收、支", "收支"), ("收入和支出", "收支"), ("各", ""), ("总计", ""),
               ("合计", ""), ("总", ""), ("预算", ""))


def _change_key(subject: str) -> str:
    key = _norm(subject)
    for old, new in _SAME_TOTAL:
        key = key.replace(old, new)
    return key


def amount_before(claims, si: int, c: Claim, r: RawClaim) -> int | None:
    """Index of the claim whose amount a change clause with none of its own takes: the claim
    just before it, in the same sentence or the sentence before, with an amount and no change
    of its own, about the same item (the clause names none, or a name the claim's contains)."""
    if r.kind != "change" or c.value is not None or c.change is None or c.previous is not None or not claims:
        return None
    ps, _, prev, _ = claims[-1]
    if ps not in (si, si - 1) or prev.kind != "amount" or prev.value is None or prev.clause is not None:
        return None
    if prev.change is not None or prev.rate is not None or prev.direction is not None or prev.previous is not None:
        return None
    # the one amount of its sentence: after "其中：一般公共预算 A 万元，事业收入 B 万元" the change
    # is the whole's, which the last part's amount is not
    if sum(1 for s, _, o, _ in claims if s == ps and o.clause is None and o.value is not None) != 1:
        return None
    if r.subject_span is not None and r.subject_from != "inherit":
        own, whole = _change_key(c.subject), _change_key(prev.subject)
        if len(own) < 2 or own not in whole:
            return None
    return len(claims) - 1
