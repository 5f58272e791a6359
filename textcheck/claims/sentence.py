"""Claims of one sentence: quantities, their roles from the cue before each (占 → share;
比上年预算增加 → change; 增长 with % → rate; otherwise a stated value), grouped into raw claims."""
from __future__ import annotations

import re
from bisect import bisect_right

from textcheck import patterns as P
from textcheck.claim import DECREASE, FLAT, INCREASE
from textcheck.claims.vocab import _NOUN_STOP, ClaimPatterns, RawClaim, RawQuantity, halfwidth
from textcheck.tokens import token_starts

def _clause_start(t: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos``: after the last separator (or after the "、"
    that follows the previous figure)."""
    # the end of the last break (CLAIM_CLAUSE_BREAK) in t[floor:pos], found from the right
    found = P.CLAIM_CLAUSE_BREAK_LAST.search(t, floor, pos)
    last = found.end() if found is not None else floor
    if last == floor and floor > 0:
        m = P.CLAIM_ITEM_BREAK.match(t, floor, pos)
        if m:
            last = m.end()
    return last


def sentence_claims(text: str, pats: ClaimPatterns, doc=None, quantities=None) -> list[RawClaim]:
    """Raw claims of one sentence (offsets in ``text``).

    ``doc`` is the sentence's spaCy Doc, or a function ``doc_of(pos)`` giving (Doc, offset):
    the Doc of ``text[offset:]`` (offset ≤ pos), or of a part of it reaching at least
    ``NOUN_REACH`` characters past ``pos``, whose tokens are the sentence's from there on.
    Only a figure followed by a noun ever reads tokens (``_following_subject``), so most
    sentences need no Doc at all and the document-level extractor segments just those that
    do, from the block of the figure on (``textcheck.claims.extract._doc_maker``)."""
    t = halfwidth(text)
    qs = quantities if quantities is not None else pats.find_quantities(text)
    if not qs:
        return []
    doc_of = _given(doc) if doc is not None and not callable(doc) else doc
    reason = P.CLAIM_REASON.search(t)
    reason_at = reason.start() if reason else len(t)

    _assign_roles(t, qs, pats)
    claims = _group(t, qs, pats, doc_of, reason)
    _flat_directions(t, claims, pats, reason_at)
    return _enumerations(t, claims, reason_at)


def _assign_roles(t: str, qs: list[RawQuantity], pats: ClaimPatterns) -> None:
    """Each quantity's role from the cue before it (share, change / rate with its direction and
    base, a stated base "比上年 X 万元"), or a stated value."""
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
            # the first of the direction groups that took part (in the pattern's order)
            inc, dec, inc2 = change.group("inc", "dec", "inc2")
            which = "inc" if inc else "dec" if dec else "inc2" if inc2 else "dec2"
            q.direction = INCREASE if which.startswith("inc") else DECREASE
            if change.group("alt"):
                q.direction = None  # "增加(减少)": the template leaves the direction open
            q.direction_span = (prev_end + change.start(which), prev_end + change.end(which))
            base = change.group("base") or change.group("base2")
            if base:
                q.base = P.CLAIM_SPACES.sub("", base)
        prev_end = q.end



def _group(t: str, qs: list[RawQuantity], pats: ClaimPatterns, doc_of, reason) -> list[RawClaim]:
    """Quantities into claims: a stated value opens one, the share/change/rate clauses after it
    attach to it, a change clause with its own subject opens a change claim."""
    reason_at = reason.start() if reason else len(t)
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
                _following_subject(t, q, c, doc_of)
                claims.append(c)
            prev_end = q.end
            continue
        if q.role == "value":
            current = RawClaim(_kind(q), q.start, subject_span, value=q,
                               measure=q.unit if q.uclass == "count" else None)
            if q.uclass == "count":
                _following_subject(t, q, current, doc_of)
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
            named_base = _named_base(t, prefix, current, pats) if slot == "change" else None
            if (current is not None and getattr(current, slot) is None
                    and (not _names_subject(prefix) or named_base)
                    and (slot == "rate" or current.change is None)):
                q.base = q.base or named_base
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

    return claims


def _flat_directions(t: str, claims: list[RawClaim], pats: ClaimPatterns, reason_at: int) -> None:
    """"与上年持平" without a figure: the direction of the claim before it."""
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



def _enumerations(t: str, claims: list[RawClaim], reason_at: int) -> list[RawClaim]:
    """Enumerations after counts ("下设 6 个处室，分别是：A、B、C"); a count written in Chinese
    numerals inside a listed name ("研究二所") is part of the name, not a claim."""
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


_KIND_OF = {"money": "amount", "physical": "amount", "count": "count", "percent": "ratio"}


def _kind(q: RawQuantity) -> str:
    return _KIND_OF[q.uclass]


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


def _named_base(t: str, prefix: str, current: RawClaim | None, pats: ClaimPatterns) -> str | None:
    """The base of "…三公经费预算 175.42 万元，比 2025 年财政拨款“三公”经费年初预算减少 10.13 万元"
    ("2025年年初预算") when the words between its year and its suffix repeat the current claim's
    own subject — the clause compares that claim with last year's, it names no other item."""
    m = pats.named_base.match(prefix) if current is not None and current.subject_span else None
    if m is None:
        return None
    mid = P.CLAIM_QUOTES_OR_SPACE.sub("", m.group("mid"))
    own = P.CLAIM_QUOTES_OR_SPACE.sub("", t[current.subject_span[0]:current.subject_span[1]])
    if len(mid) < 2 or mid not in own:
        return None
    return P.CLAIM_SPACES.sub("", m.group("year") + m.group("suffix"))


def _names_subject(prefix: str) -> bool:
    """Whether the text before a cue names its own subject (not just "其中" or a connector)."""
    if P.CLAIM_KEPT_HAN.search(prefix):  # a Han character no step below deletes (most prefixes)
        return True
    s = P.CLAIM_LEADING_NUMBERING.sub("", prefix)
    s = P.CLAIM_CONNECTOR_LEAD.sub("", s)
    s = P.CLAIM_YEAR.sub("", s)
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip()
    s = P.CLAIM_BARE_BUDGET_WORD.sub("", s)
    return bool(P.CLAIM_HAN.search(s))


def _is_generic(prefix: str) -> bool:
    if P.CLAIM_NOT_GENERIC_HAN.search(prefix):  # a Han character that stays and no generic word holds
        return False
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


def _given(doc):
    """A Doc already made, as the function giving it and its offset (what ``_following_subject``
    calls: the whole sentence's Doc serves every position)."""
    return lambda pos=0: (doc, 0)


# Characters a counted noun after a figure spans at most (``_following_subject`` reads no token
# ending further on; the extractor segments the sentence only that far, claims.extract).
NOUN_REACH = 16


def _following_subject(t: str, q: RawQuantity, c: RawClaim, doc_of) -> None:
    """Counted noun after a measure word ("下设 6 个处室" → 处室), or the noun after a
    reason figure ("新增 1405 万元科技人才专项资金").  A figure followed by punctuation
    ("实有人数 193 人，") keeps its prefix subject.  jieba tokens decide where the noun
    ends (``doc_of(pos)`` gives the Doc of the sentence from jieba's block holding ``pos`` on,
    and that block's offset); without a pipeline a short Han run
    stands in."""
    pos = q.end
    if pos >= len(t) or not P.CLAIM_NOUN_START.match(t, pos):
        return
    end = pos
    if doc_of is not None and _noun_without_tokens(t, pos):
        # a short Han run closed by a character that ends the noun: every segmentation of it
        # ends the noun at the run's end (_noun_without_tokens), so nothing is segmented
        end = P.CLAIM_JIEBA_NOUN_RUN.match(t, pos).end()
    elif doc_of is not None:
        # the Doc of t[off:] or of its start up to NOUN_REACH past pos at least (off ≤ pos: its
        # tokens are the sentence's)
        doc, off = doc_of(pos)
        starts = token_starts(doc)
        i = max(0, bisect_right(starts, pos - off) - 1)
        for k in range(i, min(i + 8, len(starts))):
            tok = doc[k]
            tok_start = starts[k] + off
            tok_end = tok_start + len(tok.text)
            if tok_end <= pos:
                continue
            if tok_start < pos:  # measure word fused with the noun by jieba ("个处室")
                end = tok_end
                continue
            if tok.text in _NOUN_STOP or not P.CLAIM_NOUN_TOKEN.match(tok.text):
                break
            if tok_end - pos > NOUN_REACH:
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


# Tokens a run of Han characters after a figure may be cut into, at most, for the reader of
# tokens (``_following_subject``: eight tokens from the one holding the figure's end) to reach its
# end whatever jieba makes of it.
_SHORT_RUN = 8


def _noun_without_tokens(t: str, pos: int) -> bool:
    """Whether the noun after ``pos`` ends where the run of jieba's Han characters and quote marks
    starting there ends, whatever the tokens: the run is at most ``_SHORT_RUN`` characters (so
    within the tokens read and within ``NOUN_REACH``), holds no word of ``_NOUN_STOP`` (so no
    token of it is one), its tokens are all Han or a quote mark (``CLAIM_NOUN_TOKEN`` takes
    each: jieba cuts word characters in runs, and yields any other character by itself), a token
    begun before ``pos`` ends in it (the run ends the block) and the character after it is a
    token by itself — not a word character nor white space — that ends the noun (or the text
    ends). tests/test_claims_tokens.py compares it with the tokens' answer."""
    m = P.CLAIM_JIEBA_NOUN_RUN.match(t, pos)
    if m is None:
        return False
    k = m.end()
    if k - pos > _SHORT_RUN or _NOUN_STOP_WORDS.search(t, pos, k):
        return False
    if k == len(t):
        return True
    after = t[k]
    return not (after.isspace() or P.CLAIM_JIEBA_WORD_CHAR.match(after)) and (
        after in _NOUN_STOP or not P.CLAIM_NOUN_TOKEN.match(after))


# any word of _NOUN_STOP (a token equal to one is a part of the text equal to one)
_NOUN_STOP_WORDS = re.compile("|".join(re.escape(w) for w in sorted(_NOUN_STOP, key=len, reverse=True)))


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

