"""Subjects of claims: the words before a figure cleaned (numbering, "其中", department names,
years, trailing copulas cut) and resolved to classification codes (类/款/项 paths, codes before
names, function names the lexicon knows). Mixed into the assembler (claims.assemble), which
remembers the answers for its document."""
from __future__ import annotations

from textcheck import patterns as P
from textcheck.claims.vocab import halfwidth, normalize_term
from textcheck.numbers import may_be_digit


# Words for the document's own department at a subject's start ("本部门…"), in the order tried.
_SELF_LEADS = ("本部门", "本单位", "我单位", "我局", "本级", "部门本级")


class SubjectCleaner:
    """What the assembler does with a subject's text; needs ``pats``, ``lexicon``,
    ``_orgs_halfwidth`` and a ``_subjects`` dict on the instance."""

    def _subject(self, text: str, s: int, e: int, section=()) -> tuple[str, tuple[str, ...], tuple[int, int]]:
        """Cleaned subject, its classification codes, and the span it came from: what
        ``_subject_of`` finds in ``text[s:e]`` (a function of that text, and of the section for a
        款/项 path), remembered for the document (tests/test_claims_fast_paths.py)."""
        piece = text[s:e]
        key = (piece, section) if "款" in piece else piece
        found = self._subjects.get(key)
        if found is None:
            found = self._subjects[key] = self._subject_of(piece, 0, len(piece), section)
        name, codes, (a, b) = found
        return name, codes, (s + a, s + b)

    def _subject_of(self, text: str, s: int, e: int, section=()) -> tuple[str, tuple[str, ...], tuple[int, int]]:
        """Cleaned subject of ``text[s:e]``, its classification codes, and the span it came from."""
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
        cut = self._left_cut(seg)
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
        # a code starts with a digit: other subjects (nearly all) skip the pattern
        cm = P.CLAIM_CODE_NAME.match(sub) if self.lexicon is not None and may_be_digit(sub[0]) else None
        if cm:
            code = cm.group("code")
            if code in self.lexicon.function_items or code in self.lexicon.economic_items:
                return normalize_term(cm.group("name")), (code,), span
        name = normalize_term(original)
        if self.lexicon is not None:
            # a pure function of the lexicon and the name, remembered per lexicon like path codes
            key = ("function_code", name)
            codes = self.pats.memo.get(key)
            if codes is None:
                fc = self.lexicon.function_codes(name)
                codes = self.pats.remember(key, (fc[0],) if len(fc) == 1 else ())
        return name, codes, span

    def _left_cut(self, seg: str) -> int:
        """Where the subject starts after the left cuts: numbering, "其中", department names, years."""
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
            for o in self._orgs_halfwidth:
                if rest.startswith(o):
                    cut += len(o)
                    changed = after_org = True
                    break
            else:
                om = P.CLAIM_ORG_BEFORE_YEAR.match(rest)
                if om:
                    cut += om.end()
                    changed = after_org = True
                    continue
                # (one startswith of them all first: most subjects start with none)
                for lead in (_SELF_LEADS if rest.startswith(_SELF_LEADS) else ()):
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
        return cut

    def _starts_with_term(self, s: str) -> bool:
        key = normalize_term(s[:24])
        terms = self.pats.term_keys
        return any(key[:n] in terms for n in range(min(len(key), self.pats.term_max), 1, -1))

    def _path_codes(self, names: list[str]) -> tuple[str, ...]:
        """The one code of a 类/款/项 path that starts at the 类 (outermost first); () when the
        lexicon does not know a level (no code rather than a shallower one) or the path is ambiguous."""
        if self.lexicon is None:
            return ()
        # a pure function of the lexicon and the names: remembered per lexicon (a path's
        # last name, "行政运行", is the name of a hundred codes, each compared level by level)
        key = ("path_codes", tuple(names))
        codes = self.pats.memo.get(key)
        if codes is None:
            width = 1 + 2 * len(names)  # the path starts at the 类: 3, 5 or 7 digits
            # a 类 is often written without its trailing 支出 ("科学技术（类）")
            found = {c for lei in (names[0], names[0] + "支出")
                     for c in self.lexicon.function_codes_for_path([lei, *names[1:]]) if len(c) == width}
            codes = self.pats.remember(key, tuple(found) if len(found) == 1 else ())
        return codes
