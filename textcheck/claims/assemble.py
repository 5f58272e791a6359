"""Raw sentence claims → located Claims, connected across sentences and paragraphs: subjects
cleaned and resolved (names, 类/款/项 paths and codes), "…，其中：" lists, project blocks and
enumerations after counts."""
from __future__ import annotations


from textcheck import patterns as P
from textcheck.claim import Claim, Quantity, new_quantity, new_sentence_claim, replace_claim
from textcheck.claims.context import (ParagraphContext, amount_before, paragraph_change_owner, restates_change,
                                      with_context_subject)
from textcheck.claims.lists import (_continues_list, _enumeration_head, _exhaustive_list, _in_brackets,
                                    _last_open_claim, _marker_at_end, _norm, _numbering_level, _project_from_section,
                                    _project_name, _uclass, _without_sub_lists)
from textcheck.claims.subjects import SubjectCleaner
from textcheck.claims.vocab import ClaimPatterns, RawClaim, RawQuantity, halfwidth
from textcheck.document import LocatedText, located


class _Assembler(SubjectCleaner):
    """Turns raw sentence claims into located Claims and connects sentences and paragraphs."""

    def __init__(self, pats: ClaimPatterns, orgs: list[str]):
        self.pats = pats
        self.orgs = orgs
        self._orgs_halfwidth = [halfwidth(o) for o in orgs]  # as _left_cut compares them, once
        self.lexicon = pats.lexicon
        # _subject's answers for this document's subject texts (a third of them repeat:
        # "预算安排规模", "差旅费" …); keyed by the text (and section when it holds "款")
        self._subjects: dict = {}

    def run(self, paragraphs, by_para) -> list[Claim]:
        out: list[Claim] = []
        project: str | None = None
        project_section: tuple[str, ...] | None = None
        project_total: Claim | None = None
        prev_subject, last_section = "", None
        open_list: dict | None = None  # cross-paragraph list opened by a trailing "其中："
        before, before_claims = None, []  # the paragraph just before and its claims
        item_list = False  # the last numbered paragraph of the section opened a list ("2.A x,主要包括：…")
        heading_of, heading_name = None, None  # the last section asked for a project name, its answer
        for p in paragraphs:
            same = before is not None and before.section == p.section
            level = _numbering_level(p.text.text)  # the paragraph's list numbering, read once
            numbered = level is not None
            item_list = same and item_list and not numbered
            entries = by_para.get(id(p))
            ctx = None
            if entries:  # (a paragraph without figures yields no claims: no context to read)
                # the list goes on: a trailing "其中：" list, or unnumbered paragraphs after a numbered
                # item whose list the PDF broke into paragraphs ("…主要包括：A a；" ¶ "B b；" ¶ "C c。")
                continues = item_list or (open_list is not None and p.section == open_list["section"]
                                          and _continues_list(open_list, level))
                ctx = ParagraphContext(before if same else None, not same, before_claims if same else [],
                                       out, open_list is None, continues, level)
            if numbered:  # (the list words are Han, which halfwidth keeps: tested on the text as it is)
                item_list = P.CLAIM_LIST_MARKER.may_match(p.text.text) and \
                    bool(P.CLAIM_LIST_MARKER.search(halfwidth(p.text.text)))
            before, before_claims = p, []
            # project blocks: "（一）项目名称：…" as a paragraph or as the innermost heading
            name = _project_name(p)
            if name is not None:
                project, project_section, project_total = name, p.section, None
                open_list = self._close(open_list, out)
                continue
            if p.section is not heading_of:  # a function of the section, which paragraphs share
                heading_of, heading_name = p.section, _project_from_section(p)
            if heading_name is not None and (heading_name != project or p.section != project_section):
                project, project_section, project_total = heading_name, p.section, None
            if project is not None and p.section != project_section:
                project, project_total = None, None
            if open_list is not None and p.section != open_list["section"]:
                open_list = self._close(open_list, out)

            if p.section != last_section:
                prev_subject, last_section = "", p.section
            claims = []
            if entries:
                claims, prev_subject, project_total = self._paragraph_claims(p, entries, project, prev_subject,
                                                                             project_total, ctx)
            before_claims = claims
            # cross-paragraph part: the first non-reason claim of this paragraph
            if open_list is not None and not _continues_list(open_list, level):
                open_list = self._close(open_list, out)
            if open_list is not None:
                open_list = self._continue_list(open_list, claims, level, out)

            trailing = self._lists(p, entries, claims, project_total, out) if entries else None
            out.extend([c for _, _, c, _ in claims])
            if open_list is not None and open_list.get("done"):
                open_list = self._close(open_list, out)
            if trailing is not None:
                open_list = self._close(open_list, out)
                trailing["section"] = p.section
                trailing["level"] = level
                open_list = trailing
        self._close(open_list, out)
        return out

    def _paragraph_claims(self, p, entries, project, prev_subject, project_total, ctx: ParagraphContext):
        """(claims as (sentence idx, pos, claim, raw), the last subject, the project's total claim)."""
        claims: list[tuple[int, int, Claim, RawClaim]] = []
        changed: Claim | None = None  # the claim that took the last change, while nothing followed it
        for si, sent, raws in entries:
            first_year = P.CLAIM_YEAR_NUMBER.search(halfwidth(sent.text)) if raws else None
            for r in raws:
                c = self._claim(r, sent, p, project, prev_subject, first_year)
                if c is None:
                    continue
                if project is None:
                    c = with_context_subject(self, c, r, (si, sent, raws), claims, p, ctx)
                # "…增减相抵后与上年相比减少 710.87 万元": the net change just stated, again
                if restates_change(changed, c, r):
                    continue
                # "…支出 1289.52 万元…。" ¶ "与上年相比减少 710.87 万元…": the paragraph before
                if not claims and si == 0 and ctx.numbering is None:
                    owner = paragraph_change_owner(ctx, c, r, self._lead_base(c, r))
                    if owner is not None:
                        changed = owner
                        continue
                # "…支出 23513.11 万元，主要用于…。与上年相比增加 410.44 万元，增长 1.78%。":
                # a change sentence without a subject completes the claim before it.
                if r.kind == "change" and r.subject_from == "inherit" and claims:
                    k = _last_open_claim(claims)
                    if k is not None and claims[k][0] < si and not _listed(p, claims, k, ctx):
                        ps, ppos, prev, praw = claims[k]
                        claims[k] = (ps, ppos, replace_claim(
                            prev, change=c.change, rate=c.rate, direction=c.direction,
                            direction_span=c.direction_span, rate_direction=c.rate_direction,
                            base=c.base or prev.base), praw)
                        changed = claims[k][2]
                        continue
                k = amount_before(claims, si, c, r)
                if k is not None and not _listed(p, claims, k, ctx):  # "…总计 A 万元，与上年相比…各增加 X 万元"
                    ps, ppos, prev, praw = claims[k]
                    claims[k] = (ps, ppos, replace_claim(
                        prev, change=c.change, rate=c.rate, direction=c.direction,
                        direction_span=c.direction_span, rate_direction=c.rate_direction,
                        base=c.base or prev.base or self._lead_base(c, r), inherited="amount"), praw)
                    changed = claims[k][2]
                    continue
                if project is not None and c.kind == "amount" and c.clause is None and \
                        P.CLAIM_PROJECT_TOTAL_SUBJECT.match(_norm(c.subject)):
                    c = replace_claim(c, subject=project)
                    project_total = c
                if c.clause is None and c.subject:
                    prev_subject = c.subject
                if c.clause is None:
                    changed = c if c.change is not None else None
                claims.append((si, r.start, c, r))
        return claims, prev_subject, project_total

    def _continue_list(self, open_list: dict, claims, level, out) -> dict | None:
        """A list opened by a trailing "其中：" takes this paragraph's first claim as a part, or
        ends (the list stays open, is done, or is closed: the returned value)."""
        head_part = next((k for k, (_, _, c, _) in enumerate(claims) if c.clause is None), None)
        if head_part is None:
            return open_list
        if _uclass(claims[head_part][2]) not in open_list["heads"]:
            return self._close(open_list, out)  # a figure of another kind: the list is over
        # "其中：" then a paragraph enumerating the parts ("A 11 辆、B 1 辆、C 89 辆；…"): the
        # figures of that first clause are the parts, and the list ends
        si0, kind0 = claims[head_part][0], _uclass(claims[head_part][2])
        same = [k for k, (si, _, c, _) in enumerate(claims)
                if si == si0 and c.clause is None and _uclass(c) == kind0]
        if not open_list["parts"] and len(same) >= 2:
            open_list["parts"].extend((claims, k) for k in same)
            open_list["done"] = True
        else:
            open_list["parts"].append((claims, head_part))
            open_list.setdefault("part_level", level)
        return open_list

    # ---- lists: "…，其中：" / "包括：" / "资金分配情况："

    def _lists(self, p, entries, claims, project_total, out):
        """Set whole/items for lists inside the paragraph; return a list that stays open."""
        # every marker holds one of the pattern's words (Han, which halfwidth keeps), and the
        # sentences are pieces of the paragraph: one test of its text for most paragraphs
        if not P.CLAIM_LIST_MARKER.may_match(p.text.text):
            return None
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
            c = replace_claim(c, whole=head, base=c.base or (head.base if c.direction else None))
            claims[j] = (si, pos, c, r)
            grouped.setdefault(_uclass(c), []).append(c)
        for uclass, items in grouped.items():
            head = heads[uclass]
            if uclass == "count":
                for j, (si, pos, c, r) in enumerate(claims):
                    if c is head:
                        claims[j] = (si, pos, replace_claim(c, items=tuple(items)), r)
                        break
                else:
                    out_idx = next((i for i, c in enumerate(out) if c is head), None)
                    if out_idx is not None:
                        out[out_idx] = replace_claim(head, items=tuple(items))
            else:
                bd = replace_claim(head, kind="breakdown", items=tuple(items), whole=None,
                             exhaustive=_exhaustive_list(head, items))
                if head.project and items[0].sentence is not None and head.subject == head.project:
                    bd = replace_claim(bd, sentence=items[0].sentence)
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
            new = replace_claim(c, whole=head)
            # a part was put out with its paragraph, after the head: searched from the end (a
            # claim stands in ``out`` once at most — every entry is a claim made for it — so the
            # last place holding it is the first)
            for i in range(len(out) - 1, -1, -1):
                if out[i] is c:
                    out[i] = new
                    break
            grouped.setdefault(_uclass(c), []).append(new)
        for uclass, items in grouped.items():
            head = heads[uclass]
            idx = next((i for i, c in enumerate(out) if c is head), None)
            if uclass == "count":
                if idx is not None:
                    out[idx] = replace_claim(head, items=tuple(items))
            else:
                bd = replace_claim(head, kind="breakdown", items=tuple(items), whole=None,
                             exhaustive=_exhaustive_list(head, items))
                if idx is not None:
                    out.insert(idx + 1, bd)
                else:
                    out.append(bd)
        return None

    def _lead_base(self, c: Claim, r: RawClaim) -> str | None:
        """The base a change clause opens with ("与上年相比，财政拨款支出增加…": 上年)."""
        lead = self.pats.base_lead.search(c.sentence.text, 0, r.change.start) if r.change else None
        return P.CLAIM_SPACES.sub("", lead.group("base")) if lead else None

    # ---- one claim

    def _claim(self, r: RawClaim, sent: LocatedText, p, project, prev_subject, first_year=None) -> Claim | None:
        """``first_year``: the sentence's first CLAIM_YEAR_NUMBER match (None when it has none),
        found once per sentence: the search up to a figure finds that match when it ends before
        the figure and nothing otherwise (matches never overlap: each is four digits, spaces, 年)."""
        # the located spans of the sentence's parts, made here rather than by LocatedText.slice
        # (the same located(), a call less for each of some 400 spans a document)
        text, positions, page, ref = sent.text, sent.positions, sent.page, sent.ref

        def q(raw: RawQuantity) -> Quantity:
            a, b = raw.start, raw.end
            return new_quantity(raw.number, located(text[a:b], positions[a:b], page, ref))

        subject, subject_span, codes = "", None, ()
        if r.subject_span:
            s, e = r.subject_span
            subject, codes, (s, e) = self._subject(text, s, e, p.section)
            if e > s:
                subject_span = located(text[s:e], positions[s:e], page, ref)
        if r.subject_from == "inherit" and prev_subject:
            subject = prev_subject
        if P.CLAIM_QUALIFIER_SUBJECT.match(_norm(subject)) and prev_subject:
            subject = prev_subject + subject
        subject = _whole_measure_subject(subject, sent.text, r.subject_span)
        if r.kind == "change" and not subject:
            subject = prev_subject
        if r.kind == "ratio" and not subject:
            return None  # a bare percentage (chart label) says nothing checkable
        year = None
        ym = first_year if first_year is not None and first_year.end() <= r.start else None
        # a year inside the subject names the item ("2023 年替代工作经费"), not the figure's year
        if ym and not (r.subject_span and r.subject_span[0] <= ym.start() < r.subject_span[1]
                       and subject_span is not None and ym.group(1) in subject):
            year = ym.group(1)
        # (every field in Claim's order, positionally: claim.new_sentence_claim)
        return new_sentence_claim(
            r.kind, subject, sent, tuple(p.section), p.index, subject_span, codes,
            None if r.value is None else q(r.value),
            None if r.share is None else q(r.share),
            None if r.change is None else q(r.change),
            None if r.rate is None else q(r.rate),
            None if r.previous is None else q(r.previous),
            r.direction,
            sent.slice(*r.direction_span) if r.direction_span else None,
            r.rate_direction,
            r.base,
            tuple(sent.text[s:e] for s, e in r.enumerated) if r.enumerated else (),
            r.measure, year, project, r.clause)


def _listed(p, claims, k, ctx) -> bool:
    """Whether claim ``k`` may be a part of a list: a list marker ("其中", "主要包括：") stands
    before it in its paragraph, or its paragraph continues a list opened before. A
    change clause after a list is the whole's ("…主要包括：A a；…；G g。较上年减少 x，减幅 y"), and
    which figure that is the sentence does not say: the part before it never takes the change."""
    if ctx.list_continues:
        return True
    ps, ppos, c, _ = claims[k]
    text = p.text.text
    at = text.find(c.sentence.text)
    end = at + ppos if at >= 0 else len(text)
    return P.CLAIM_LIST_MARKER.may_match(text[:end]) and bool(P.CLAIM_LIST_MARKER.search(halfwidth(text[:end])))


def _whole_measure_subject(subject: str, text: str, span: tuple[int, int] | None) -> str:
    """"所有项目支出预算纳入部门预算绩效管理，涉及预算资金 X": funds "involved" name nothing of
    their own; the measure the sentence quantifies with 所有/全部 before them is what X is."""
    if span is None or not P.CLAIM_INVOLVED_FUNDS.match(_norm(subject)):
        return subject
    found = {m.group(1) for m in P.CLAIM_WHOLE_MEASURE.finditer(halfwidth(text), 0, span[0])}
    return found.pop() if len(found) == 1 else subject
