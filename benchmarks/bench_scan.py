"""Batch throughput and memory: `textcheck scan` with 1 and with 2 workers.

Each round scans the same documents twice, once with ``--jobs 1`` and once
with ``--jobs 2``, each a whole `textcheck scan` process (planning, the
department/year identification, checking, the store; no resume, no layout
cache), so both see the same load.  Reported: medians over ``--runs`` rounds,
the speed-up (aim ≥ 1.8× on 2 cores) and the peak RSS of one worker (aim ≤ 250
MB; with ``--jobs 1`` too the groups are checked in a worker process, the largest
child of the scan; the scan process's own peak is reported as the coordinator's).
``--files 52`` takes the whole corpus: with few documents the coordinator's start-up
(building the pipeline before forking) weighs on the speed-up.

Documents: ``--corpus`` takes ``--files`` PDFs of corpus/pdf spread over the
size range (default); ``--seed`` takes ``--copies`` copies of the seed text.

    python benchmarks/bench_scan.py [--runs 5] [--files 8 | --seed --copies 40] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warmup import ensure_bytecode

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "urumqi-kejiju-2024-budget.txt"
CORPUS = ROOT / "corpus" / "pdf"

SCAN = """
import json, resource, sys, time
from textcheck.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - start
print(json.dumps({"code": code, "elapsed": elapsed,
                  "self_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def prepare(folder: Path, args) -> int:
    if args.seed:
        text = SEED.read_text("utf-8")
        for i in range(args.copies):  # a distinct line per copy so no two files are byte-identical
            (folder / f"doc-{i:04d}.txt").write_text(text + f"\n副本 {i}\n", "utf-8")
        return args.copies
    pdfs = sorted(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    step = max(1, len(pdfs) // args.files)
    chosen = pdfs[::step][: args.files]
    for p in chosen:
        shutil.copy(p, folder / p.name)
    return len(chosen)


def scan(folder: Path, jobs: int, tmp: Path) -> dict:
    db = tmp / f"scan-{jobs}-{time.monotonic_ns()}.sqlite"
    cmd = [sys.executable, "-c", SCAN, "scan", str(folder), "--db", str(db), "--jobs", str(jobs),
           "--no-resume", "--no-progress", "--layout-cache", "none", "--fail-on", "never", "--group-by", "none"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        # CPU of the scan and every worker it reaped: what the work cost whatever the load
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    lines = [ln for ln in stdout.splitlines() if ln.startswith("{\"code\"")]
    if code != 0 or not lines:
        raise SystemExit(f"scan failed ({code}): {stderr[-2000:]}")
    result = json.loads(lines[-1])
    # every group is checked in a worker process, with --jobs 1 too (the coordinator only plans
    # and stores): the largest child is the worker; the coordinator's own peak is reported apart
    worker_kb = result["children_rss_kb"]
    return {"seconds": result["elapsed"], "worker_rss_mb": worker_kb / 1024,
            "coordinator_rss_mb": result["self_rss_kb"] / 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime}


CONTROL = "sum(range(4 * 10 ** 7))"  # pure CPU, about half a second


def control() -> float:
    """What two cores give right now: one CPU-bound process's wall time over that of two
    run side by side (2.0 with two free cores, 1.0 with one)."""
    def timed(count: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", CONTROL]) for _ in range(count)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    one = timed(1)
    return 2 * one / timed(2)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--seed", action="store_true", help="copies of the seed text instead of corpus PDFs")
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ensure_bytecode()
    tmp = Path(tempfile.mkdtemp(prefix="tc-bench-scan-"))
    try:
        folder = tmp / "docs"
        folder.mkdir()
        count = prepare(folder, args)
        scan(folder, 1, tmp)  # warm-up: file cache, .pyc, jieba's dictionary cache
        runs: dict[int, list[dict]] = {1: [], 2: []}
        load_before = os.getloadavg()[0]
        controls = []
        for _ in range(args.runs):
            for jobs in (1, 2):
                runs[jobs].append(scan(folder, jobs, tmp))
            controls.append(control())
        med = {j: statistics.median(r["seconds"] for r in rs) for j, rs in runs.items()}
        cpu = {j: statistics.median(r["cpu_seconds"] for r in rs) for j, rs in runs.items()}
        rss = {j: max(r["worker_rss_mb"] for r in rs) for j, rs in runs.items()}
        coordinator = {j: max(r["coordinator_rss_mb"] for r in rs) for j, rs in runs.items()}
        out = {"documents": count, "kind": "seed copies" if args.seed else "corpus PDFs", "runs": args.runs,
               "seconds_median": {str(j): round(s, 2) for j, s in med.items()},
               "cpu_seconds_median": {str(j): round(s, 2) for j, s in cpu.items()},
               "speedup": round(med[1] / med[2], 2),
               "control_speedup": round(statistics.median(controls), 2),
               "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
               "peak_worker_rss_mb": {str(j): round(v) for j, v in rss.items()},
               "peak_coordinator_rss_mb": {str(j): round(v) for j, v in coordinator.items()}}
        if args.json:
            print(json.dumps(out))
        else:
            print(f"{count} {out['kind']}, medians of {args.runs} interleaved rounds (whole scan processes)")
            for jobs in (1, 2):
                print(f"  --jobs {jobs}: {med[jobs]:.2f} s, {count / med[jobs]:.2f} docs/s, CPU {cpu[jobs]:.2f} s, "
                      f"peak worker RSS {rss[jobs]:.0f} MB (coordinator {coordinator[jobs]:.0f} MB)")
            print(f"  load average {out['load_average'][0]} before, {out['load_average'][1]} after "
                  f"(on {os.cpu_count()} cores: a speed-up needs a free core)")
            print(f"  control: two CPU-bound processes side by side run {out['control_speedup']:.2f}× "
                  f"as fast as one, in the same rounds (2.0 = two free cores)")
            print(f"  speed-up 2 vs 1 worker: {out['speedup']:.2f}× (aim ≥ 1.8×); peak RSS per worker "
                  f"{max(rss.values()):.0f} MB (aim ≤ 250 MB)")
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
