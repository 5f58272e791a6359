"""Linear in the document: the seed checked once and repeated ten times.

In one process (the Checker built once, as a batch worker or the server has
it), each round reads and checks the seed (1×) and the seed's text repeated
ten times (10×: ten times the tables, paragraphs and claims), one after the
other.  The ratio of the medians should be ≤ 11 (a quadratic step, or a
garbage collector re-scanning every live object, shows up here first).
Absolute times drift on a shared machine; the ratio is measured in the same run.

    python benchmarks/bench_scaling.py [--runs 5] [--times 10] [--json]
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--times", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from textcheck.pipeline import Checker
    from textcheck.readers import read_text

    text = SEED.read_text("utf-8")
    long_text = "\n\n".join([text] * args.times)
    checker = Checker()
    first = checker.check(read_text(text, path="seed.txt"))  # builds lexicon and pipeline
    long_result = checker.check(read_text(long_text, path="seed-x.txt"))
    one, many = [], []
    collections_one = collections_many = 0
    for _ in range(args.runs):
        before = sum(s["collections"] for s in gc.get_stats())
        start = time.perf_counter()
        checker.check(read_text(text, path="seed.txt"))
        one.append(time.perf_counter() - start)
        middle = sum(s["collections"] for s in gc.get_stats())
        start = time.perf_counter()
        checker.check(read_text(long_text, path="seed-x.txt"))
        many.append(time.perf_counter() - start)
        collections_one += middle - before
        collections_many += sum(s["collections"] for s in gc.get_stats()) - middle
    a, b = statistics.median(one), statistics.median(many)
    out = {"runs": args.runs, "times": args.times,
           "one_median_s": round(a, 3), "many_median_s": round(b, 3), "ratio": round(b / a, 2),
           "claims": [first.stats["claims"], long_result.stats["claims"]],
           "gc_collections_per_run": [collections_one // args.runs, collections_many // args.runs]}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"seed ×1: {a:.3f} s, ×{args.times}: {b:.3f} s (medians of {args.runs} interleaved runs, read + check)")
        print(f"ratio {out['ratio']:.2f} (target ≤ {args.times * 1.1:.0f}); claims {out['claims'][0]} → "
              f"{out['claims'][1]}; collections per run {out['gc_collections_per_run']}")
    return out


if __name__ == "__main__":
    main()
