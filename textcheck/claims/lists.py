"""Helpers of the assembler: list numbering levels, list heads and parts, project names."""
from __future__ import annotations

from textcheck import patterns as P
from textcheck.claim import Claim
from textcheck.claims.vocab import halfwidth, normalize_term
from textcheck.numbers import may_be_digit

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
        for m in P.CLAIM_BRACKET.finditer(text):  # the brackets alone, not every character
            if m.group() in "(（":
                depth += 1
            elif depth:
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


_NUMBERING_FIRST = frozenset("一二三四五六七八九十（(")


def _numbering_level(text: str) -> int | None:
    """Level of the list numbering a paragraph starts with: 0 "一、", 1 "（一）", 2 "1." / "1、",
    3 "（1）"; None when it starts with none."""
    # (lstrip copies the text: only for the few that start with white space)
    s = text.lstrip() if text[:1].isspace() else text
    # every style starts with a Chinese numeral, a bracket or a digit: a paragraph that starts
    # with none of them (most do) is told without the four patterns
    if s[:1] not in _NUMBERING_FIRST and not may_be_digit(s[:1]):
        return None
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
    if "项目名称" not in p.text.text:  # what every match holds (halfwidth keeps it): most paragraphs
        return None
    m = P.CLAIM_PROJECT_NAME.search(halfwidth(p.text.text))
    if m and p.text.text.lstrip().find("项目名称") <= 12:
        return p.text.text[m.start("name"):m.end("name")].strip()
    return None


def _project_from_section(p) -> str | None:
    """Project name when the "（一）项目名称：…" line became the paragraph's innermost heading."""
    if not p.section:
        return None
    h = p.section[-1]
    if "项目名称" not in h:  # what every match holds (halfwidth keeps it)
        return None
    m = P.CLAIM_PROJECT_NAME.search(halfwidth(h))
    return h[m.start("name"):m.end("name")].strip() if m else None
