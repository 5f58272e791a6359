"""List, per disclosure, the narrative amounts that restate a table figure but are not linked.

For each unlinked restating claim (``stats.restating_claims`` minus ``restating_linked``; claims
naming a concept no table prints are not restating, see restatement_stats;
textcheck.linking.restatement_stats) it prints the subject, the section, the linker's notes
and the table cells the amount equals (table, role, row, column), so the causes can be
grouped across the corpus:

    python benchmarks/unlinked_claims.py corpus/pdf [--only NAME] [--jobs 2] [--json out.json]
        [--confident]   # list restating claims that are linked but not confident instead
"""
from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sweep import discover, group_key  # noqa: E402


def _document(files: list[str]):
    from textcheck.api import get_checker
    from textcheck.prefetch import read_documents
    from textcheck.readers import combine_documents

    checker = get_checker()
    docs = read_documents(files, checker.config.limits, checker)
    return checker, (combine_documents(docs) if len(docs) > 1 else docs[0])


def examine(files: list[str], confident: bool = False) -> dict:
    from textcheck.linking import CONFIDENT, cell_label, links_by_claim, restating_cells
    from textcheck.linking.stats import names_unprinted, unprinted_concepts

    checker, document = _document(files)
    ctx = checker.context(document)
    claims, links = ctx.claims, ctx.links
    by_claim = links_by_claim(links)
    index = ctx_index(document, ctx)
    out = []
    total = 0
    absent = unprinted_concepts(document, ctx.lexicon.extra_dirs)
    for claim, cells in restating_cells(document, claims):
        if names_unprinted(claim, absent):
            continue  # no table prints its concept: it restates no table figure (restatement_stats)
        total += 1
        link = by_claim.get(id(claim))
        linked = link is not None and link.linked
        if confident:
            if not linked or link.confidence == CONFIDENT:
                continue
        elif linked:
            continue
        out.append({
            "subject": claim.subject,
            "kind": claim.kind,
            "value": claim.value.span.text,
            "section": list(claim.section[-2:]),
            "sentence": claim.sentence.text[:160],
            "whole": claim.whole.subject if claim.whole is not None else None,
            "notes": list(link.notes) if link is not None else ["no link"],
            "confidence": link.confidence if link is not None else None,
            "candidates": len(link.candidates) if link is not None else 0,
            "equals": [f"{c.table.name}[{index.role(c.table)}] “{cell_label(c)}” / "
                       f"“{(c.table.column(c.col).label if c.table.column(c.col) else '')}”"
                       for c in cells[:4]],
        })
    return {"name": Path(group_key(Path(files[0]))).name, "restating": total, "missing": out}


def ctx_index(document, ctx):
    from textcheck.linking import TableIndex, vocabulary

    return TableIndex(document, vocabulary(tuple(getattr(ctx.lexicon, "extra_dirs", ()) or ())))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=["corpus/pdf"])
    ap.add_argument("--only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json")
    ap.add_argument("--confident", action="store_true")
    args = ap.parse_args(argv)
    groups = discover(args.dirs)
    if args.only:
        groups = [g for g in groups if any(args.only in f for f in g)]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(examine, groups, [args.confident] * len(groups)))
    for r in results:
        print(f"== {r['name']}: {r['restating'] - len(r['missing'])}/{r['restating']}")
        for m in r["missing"]:
            print(f"  [{m['subject']}] {m['value']} ({m['kind']}, {m['confidence']}, {m['candidates']} cand) "
                  f"§{' > '.join(m['section'])} notes={m['notes']} whole={m['whole']}")
            print(f"     {m['sentence']}")
            for e in m["equals"]:
                print(f"     = {e}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
