"""Extraction regression against the hand-checked gold list corpus/gold-claims.yml.

A claim matches a gold entry on line + kind + key figure (the value, or the change
when the claim states no value).  Precision and recall are printed (run with -s);
matched claims are also compared field by field (unit, share, change, rate,
direction, base) and by subject (one normalised subject contains the other).
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
import yaml

from conftest import CORPUS, SAMPLE
from textcheck.claims import extract_claims
from textcheck.lexicon import load_lexicon, normalize_term
from textcheck.nlp import build_pipeline
from textcheck.readers import read_path

GOLD = CORPUS / "gold-claims.yml"


def _dec(v):
    return None if v is None else Decimal(str(v))


def _key_of_gold(g: dict):
    figure = g.get("value") if g.get("value") is not None else g.get("change")
    return (int(g["line"]), g["kind"], _dec(figure))


def _key_of_claim(c):
    q = c.value or c.change
    return (c.location.line, c.kind, q.number.value if q else None)


def _fields(c) -> dict:
    def v(q):
        return q.number.value if q else None

    return {"unit": c.value.number.unit if c.value else None, "share": v(c.share), "change": v(c.change),
            "rate": v(c.rate), "direction": c.direction, "base": c.base}


@pytest.fixture(scope="module")
def extracted():
    gold = yaml.safe_load(GOLD.read_text("utf-8"))
    lex = load_lexicon()
    doc = read_path(SAMPLE)
    claims = extract_claims(doc, build_pipeline(lex), lex)
    lo, hi = gold["scope"]["first_line"], gold["scope"]["last_line"]
    in_scope = [c for c in claims if lo <= c.location.line <= hi]
    return gold["claims"], in_scope


def test_gold_list_is_substantial(extracted):
    gold, _ = extracted
    assert len(gold) >= 60
    assert {g["kind"] for g in gold} >= {"amount", "change", "breakdown", "count"}


def test_precision_and_recall(extracted):
    gold, claims = extracted
    want = Counter(_key_of_gold(g) for g in gold)
    got = Counter(_key_of_claim(c) for c in claims)
    hits = sum((want & got).values())
    precision = hits / max(1, sum(got.values()))
    recall = hits / max(1, sum(want.values()))
    print(f"\nclaims gold: {sum(want.values())}  extracted: {sum(got.values())}  matched: {hits}  "
          f"precision {precision:.3f}  recall {recall:.3f}")
    missing = want - got
    extra = got - want
    if missing:
        print("missing:", sorted(missing, key=str)[:20])
    if extra:
        print("extra:", sorted(extra, key=str)[:20])
    assert recall >= 0.9
    assert precision >= 0.9


def test_matched_claims_agree_field_by_field(extracted):
    gold, claims = extracted
    pool: dict = {}
    for c in claims:
        pool.setdefault(_key_of_claim(c), []).append(c)
    checked = agree = subj_checked = subj_agree = 0
    disagreements = []
    for g in gold:
        cands = pool.get(_key_of_gold(g))
        if not cands:
            continue
        c = cands.pop(0)
        got = _fields(c)
        for name in ("unit", "share", "change", "rate", "direction", "base"):
            want = g.get(name)
            if name in ("share", "change", "rate"):
                want = _dec(want)
            if name == "unit" and g.get("value") is None:
                continue
            checked += 1
            if got[name] == want:
                agree += 1
            else:
                disagreements.append((g["line"], name, want, got[name]))
        gs, cs = normalize_term(g["subject"]), normalize_term(c.subject)
        subj_checked += 1
        if gs and cs and (gs in cs or cs in gs):
            subj_agree += 1
        else:
            disagreements.append((g["line"], "subject", g["subject"], c.subject))
    field_rate = agree / max(1, checked)
    subject_rate = subj_agree / max(1, subj_checked)
    print(f"\nfields agree {agree}/{checked} ({field_rate:.3f}); subjects agree {subj_agree}/{subj_checked} "
          f"({subject_rate:.3f})")
    for d in disagreements[:15]:
        print("  differs:", d)
    assert field_rate >= 0.95
    assert subject_rate >= 0.9


def test_breakdown_items_sum_to_their_stated_whole_on_the_sample(extracted):
    """On the unmodified sample every money breakdown adds up (a real extraction check:
    a wrongly grouped list would not)."""
    _, claims = extracted
    breakdowns = [c for c in claims if c.kind == "breakdown" and c.value is not None]
    assert len(breakdowns) >= 15
    for b in breakdowns:
        total = sum(i.value.number.value for i in b.items if i.value is not None)
        assert total == b.value.number.value, (b.location.line, b.subject, total, b.value.number.value)
