"""How much of the narrative that restates a table is linked (``stats`` of a document)."""
from __future__ import annotations

from decimal import Decimal

from textcheck.claim import CellRef
from textcheck.document import Table
from textcheck.lexicon.terms import nfkc
from textcheck.linking.cells import links_by_claim
from textcheck.linking.literals import chars_search, required_chars
from textcheck.linking.model import CONFIDENT
from textcheck.linking.vocab import _norm, specific_chars, specific_vocabulary
from textcheck.numbers import MONEY_UNITS, Number


def restatement_stats(document, claims, links, extra_dirs: tuple[str, ...] = ()) -> dict:
    """How much of the narrative that restates a table is linked (``stats`` of a document).

    A claim *restates a table figure* when its stated money amount equals, within rounding,
    some amount cell of the document's tables — whatever its subject says — and the amount
    is distinctive enough that the match is no coincidence: four significant digits or more
    once trailing zeros are dropped (116.36, 3,977.09, 1405; not 0, 12.00, 600.00, 5.21).
    Of those: how many are linked (any confidence but none) and how many confidently.
    Breakdown records repeat their total's claim: not counted.

    Except a claim whose subject names a narrow concept (机关运行经费, 政府采购, “三公”经费,
    培训费, 会议费: ``specific_concepts`` of lexicons/linking.yml) that no table of the document
    prints — not in a title, a row label or a column header.  Its amount equals some cell by
    coincidence or by a definition the tables do not show (机关运行经费 = the 公用经费 of the
    administrative units), so it restates no table figure; ``restating_unprinted`` counts them.
    """
    by_claim = links_by_claim(links)
    restating = linked = confident = unprinted = 0
    printed = _PrintedConcepts(document)
    concepts, _ = specific_vocabulary(extra_dirs)
    holds = chars_search(specific_chars(extra_dirs))  # a subject holding none of them names no concept
    for claim, _ in restating_cells(document, claims, want_cells=False):
        # names_unprinted(claim, unprinted_concepts(document)), the tables' texts read only for
        # a concept a restating claim names (most claims name none)
        subject = _norm(claim.subject or "")
        if subject and (holds is None or holds(subject)) and \
                any(sc.pattern.search(subject) and not printed[sc] for sc in concepts):
            unprinted += 1
            continue
        restating += 1
        link = by_claim.get(id(claim))
        if link is not None and link.linked:
            linked += 1
            confident += link.confidence == CONFIDENT
    return {"restating_claims": restating, "restating_linked": linked, "restating_confident": confident,
            "restating_unprinted": unprinted}


def unprinted_concepts(document, extra_dirs: tuple[str, ...] = ()) -> tuple:
    """The narrow concepts (``specific_concepts``) that no table of the document prints in its
    title, a row label or a column header."""
    concepts, _ = specific_vocabulary(extra_dirs)
    printed = _PrintedConcepts(document)
    return tuple(sc for sc in concepts if not printed[sc])


class _PrintedConcepts(dict):
    """Concept → whether a table of the document prints it (title, header or row label); the
    tables' texts are gathered on the first question, and normalised only where the concept
    can be: a text whose NFKC form holds none of the characters every match of the concept's
    pattern needs does not hold one once normalised either (literals.py; NFKC of most texts
    is the text itself, told by a quick check)."""

    def __init__(self, document):
        super().__init__()
        self.document = document
        self.texts: list[tuple[str, str]] | None = None  # (text, its NFKC form)

    def __missing__(self, sc) -> bool:
        if self.texts is None:
            texts = set()
            for t in self.document.tables:
                texts.add(t.title or "")
                texts.update(p or "" for col in t.columns for p in (col.path or (col.label,)))
                texts.update({c.text.text for r in t.rows for c in r.cells if c.value is None})
            self.texts = [(x, nfkc(x)) for x in texts]
        holds = chars_search(required_chars(sc.pattern))
        texts = [x for x, form in self.texts if holds is None or holds(form)]
        # (a text that is empty once normalised prints nothing, whatever the pattern matches)
        hit = self[sc] = any(sc.pattern.search(n) for x in texts if (n := _norm(x)))
        return hit


def names_unprinted(claim, concepts) -> bool:
    """Whether the claim's subject names one of these (unprinted) concepts."""
    subject = _norm(claim.subject or "")
    return bool(subject) and any(sc.pattern.search(subject) for sc in concepts)


def restating_cells(document, claims, want_cells: bool = True):
    """(claim, the money cells it equals) for each claim that restates a table figure
    (``restatement_stats``); the cells are listed only when ``want_cells``."""
    from bisect import bisect_left, bisect_right

    if want_cells:
        money = sorted(((_in_yuan(c.value, t), id(c)), CellRef(t, r, c.col, c.value))
                       for t in document.tables for r in t.rows for c in r.cells
                       if c.value is not None and c.value.value
                       and (c.value.unit or t.unit or "万元") in MONEY_UNITS)
        keys = [k for (k, _), _ in money]
    else:  # the amounts alone, sorted the same (no CellRef per money cell of the document)
        money = []
        keys = sorted(v.value * _YUAN[unit] for t in document.tables for r in t.rows for c in r.cells
                      if (v := c.value) is not None and v.value and (unit := v.unit or t.unit or "万元") in _YUAN)
    for claim in claims:
        v = claim.value
        if claim.kind == "breakdown" or v is None or v.number.unit not in MONEY_UNITS or _digits(v.number) < 4:
            continue
        iv = v.number.interval_in("元")
        i = bisect_left(keys, iv.lo)
        if i >= len(keys) or keys[i] > iv.hi:
            continue
        yield claim, ([ref for _, ref in money[i:bisect_right(keys, iv.hi)]] if want_cells else [])


def _in_yuan(number: Number, table: Table) -> Decimal:
    return number.value * _YUAN[number.unit or table.unit or "万元"]


# yuan per unit (MONEY_UNITS[unit] / MONEY_UNITS["元"], divided once)
_YUAN = {unit: factor / MONEY_UNITS["元"] for unit, factor in MONEY_UNITS.items()}


def _digits(number: Number) -> int:
    """Significant digits of a stated amount without trailing zeros: 116.36 → 5, 600.00 → 1."""
    return len(format(abs(number.value), "f").replace(".", "").strip("0"))
