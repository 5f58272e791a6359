"""Narrative mutations: take claims the checker links and finds consistent, break one figure
or word of the sentence in the Document model, re-check, and see whether a finding lands on
the mutated line.  Used by tests/test_narrative_mutations.py; ``python tests/narrative_mutations.py``
prints the catch rates per document and kind.

Mutations (generic, never document-specific):
  amount     a confidently linked, agreeing amount: its first significant digit ±1
             (beyond rounding: only amounts with three or more significant digits)
  percent    a growth rate stated with its change and amount: first significant digit ±1
  direction  the direction word of a change stated with amount, change and rate
             (增加↔减少, 增长↔下降)
  share      a share ("占 x%") of a confidently linked amount: first significant digit ±1
  unit       "万元" of a confidently linked, agreeing amount written as "元"
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["amount", "change", "share", "count", "unit"]
KINDS = ("amount", "percent", "direction", "share", "unit")
FLIP = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "下降"}


@dataclass(frozen=True)
class Mutation:
    kind: str
    paragraph: int  # Document.paragraphs index
    start: int  # offset in the paragraph text
    end: int
    new: str
    line: int  # source line of the mutated text
    before: str  # the sentence, for messages

    def apply(self, document):
        paras = list(document.paragraphs)
        p = paras[self.paragraph]
        t = p.text
        old_pos = t.positions[self.start:self.end]
        # one position per new character: reuse the old ones, the last repeated if longer
        pos = tuple(old_pos[min(i, len(old_pos) - 1)] for i in range(len(self.new))) if old_pos else ()
        text = replace(t, text=t.text[:self.start] + self.new + t.text[self.end:],
                       positions=t.positions[:self.start] + pos + t.positions[self.end:])
        paras[self.paragraph] = replace(p, text=text)
        return replace(document, paragraphs=tuple(paras))


def _offset(paragraph, span) -> int | None:
    """Offset of a claim span (a slice of the paragraph text) in its paragraph."""
    if not span.positions:
        return None
    try:
        i = paragraph.text.positions.index(span.positions[0])
    except ValueError:
        return None
    return i if paragraph.text.text[i:i + len(span.text)] == span.text else None


def _bump_first_digit(text: str) -> str | None:
    """The first non-zero digit ±1 ("1,422.65" → "2,422.65", "9.5" → "8.5")."""
    for i, ch in enumerate(text):
        if ch in "123456789":
            d = int(ch)
            return text[:i] + str(d + 1 if d < 9 else d - 1) + text[i + 1:]
    return None


def _digits(number) -> int:
    return len(format(abs(number.value), "f").replace(".", "").strip("0"))


def mutations(document, ctx, per_kind: int = 6) -> list[Mutation]:
    """Up to ``per_kind`` mutations of each kind, spread evenly over the candidates."""
    from textcheck.linking import CONFIDENT

    paras = document.paragraphs
    found: dict[str, list[Mutation]] = {k: [] for k in KINDS}
    seen_lines: set[tuple[str, int]] = set()

    def add(kind, claim, span, new):
        p = paras[claim.paragraph] if 0 <= claim.paragraph < len(paras) else None
        if p is None or new is None or new == span.text:
            return
        off = _offset(p, span)
        if off is None:
            return
        line = span.positions[0][0]
        if (kind, line) in seen_lines:  # one mutation per kind and line: findings are per line
            return
        seen_lines.add((kind, line))
        found[kind].append(Mutation(kind, claim.paragraph, off, off + len(span.text), new, line, claim.sentence.text))

    for link in ctx.links:
        c = link.claim
        if c.kind == "breakdown" or c.value is None:
            continue
        good = link.confidence == CONFIDENT and bool(link.agreeing)
        money = c.value.number.unit in ("元", "万元", "亿元", "千元")
        if good and money and _digits(c.value.number) >= 3:
            add("amount", c, c.value.span, _bump_first_digit(c.value.span.text))
            if "万元" in c.value.span.text:
                add("unit", c, c.value.span, c.value.span.text.replace("万元", "元"))
        if good and c.share is not None and _digits(c.share.number) >= 2:
            add("share", c, c.share.span, _bump_first_digit(c.share.span.text))
        if c.change is not None and c.rate is not None and money and c.change.number.value \
                and _digits(c.rate.number) >= 2:
            add("percent", c, c.rate.span, _bump_first_digit(c.rate.span.text))
            if c.direction_span is not None and c.direction_span.text in FLIP:
                add("direction", c, c.direction_span, FLIP[c.direction_span.text])
    out = []
    for kind, ms in found.items():
        if len(ms) > per_kind:
            step = len(ms) / per_kind
            ms = [ms[int(i * step)] for i in range(per_kind)]
        out += ms
    return out


def _findings(result):
    return {(d.code, d.location.line, d.message) for d in result.diagnostics
            if d.severity in ("error", "warning") and d.category in CATEGORIES}


def run(document, per_kind: int = 6):
    """[(mutation, caught)] for one document (a fresh context per mutated copy)."""
    from textcheck.config import Config
    from textcheck.pipeline import Checker

    checker = Checker(Config(select=list(CATEGORIES)))
    base = checker.check(document)
    before = _findings(base)
    ctx = checker.context(document)
    out = []
    for m in mutations(document, ctx, per_kind):
        after = _findings(checker.check(m.apply(document)))
        caught = any(line == m.line for _, line, _ in after - before)
        out.append((m, caught))
    return out


def load(paths):
    from textcheck.readers import combine_documents, read_path

    docs = [read_path(ROOT / p) for p in paths]
    return docs[0] if len(docs) == 1 else combine_documents(docs)


# Documents of different templates (region, level, year, budget / final account, one or two volumes).
DOCUMENTS = {
    "urumqi-kejiju-2024": ["corpus/urumqi-kejiju-2024-budget.txt"],
    "jiangsu-npc-2019": ["corpus/pdf/jiangsu-npc-2019-budget-text.pdf", "corpus/pdf/jiangsu-npc-2019-budget-tables.pdf"],
    "wuxi-jiaoyuju-2026": ["corpus/pdf/wuxi-jiaoyuju-2026-budget.pdf"],
    "hangzhou-gonganju-2026": ["corpus/pdf/hangzhou-gonganju-2026-budget.pdf"],
    "guojia-xinfangju-2024": ["corpus/pdf/guojia-xinfangju-2024-final-account.pdf"],
    "chongqing-xuanchuanbu-2026": ["corpus/pdf/chongqing-xuanchuanbu-2026-budget.pdf"],
    "jiangsu-court-2017": ["corpus/pdf/jiangsu-court-2017-budget.pdf"],
}


if __name__ == "__main__":
    from collections import Counter

    names = sys.argv[1:] or list(DOCUMENTS)
    total, hit = Counter(), Counter()
    for name in names:
        results = run(load(DOCUMENTS[name]))
        t, h = Counter(m.kind for m, _ in results), Counter(m.kind for m, ok in results if ok)
        total += t
        hit += h
        print(name, {k: f"{h[k]}/{t[k]}" for k in KINDS if t[k]})
        for m, ok in results:
            if not ok:
                print("   missed", m.kind, m.line, repr(m.new), "|", m.before[:90])
    print("all", {k: f"{hit[k]}/{total[k]}" for k in KINDS}, f"{sum(hit.values())}/{sum(total.values())}")
