"""Batch throughput: scan N copies of the sample with 1 and with 2 workers.

Prints documents per second for each and the speed-up (aim: ≥ 1.8× on 2 cores).
Both runs happen in the same process run, so the ratio is meaningful on a
shared, noisy machine where absolute times are not.

    python benchmarks/bench_scan.py [--copies 40] [--json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from textcheck.batch import run_scan

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tc-bench-scan-"))
    try:
        text = SAMPLE.read_text("utf-8")
        for i in range(args.copies):
            # a distinct line per copy so no two files are byte-identical
            (tmp / f"doc-{i:04d}.txt").write_text(text + f"\n副本 {i}\n", "utf-8")
        run_scan([str(next(tmp.iterdir()))], jobs=1, group_by="none")  # warm-up: imports, lexicons, pipeline
        results = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            outcome = run_scan([str(tmp)], jobs=jobs, group_by="none")
            elapsed = time.perf_counter() - start
            assert len(outcome.checked) == args.copies and not outcome.failed
            results[jobs] = {"seconds": round(elapsed, 3), "docs_per_second": round(args.copies / elapsed, 2)}
        speedup = results[1]["seconds"] / results[2]["seconds"]
        out = {"copies": args.copies, "workers_1": results[1], "workers_2": results[2], "speedup": round(speedup, 2)}
        if args.json:
            print(json.dumps(out))
        else:
            print(f"{args.copies} documents")
            for jobs in (1, 2):
                r = results[jobs]
                print(f"  {jobs} worker(s): {r['seconds']:.2f} s, {r['docs_per_second']:.1f} docs/s")
            print(f"  speed-up 2 vs 1 worker: {speedup:.2f}×")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
