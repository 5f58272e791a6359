"""Cold start: whole processes, timed side by side, medians of interleaved runs.

- ``textcheck check SEED`` (a fresh process: imports, lexicons, jieba and spaCy,
  reading and every rule) against ``python -c "import jieba; jieba.initialize()"``,
  the least any jieba-based checker pays before its first sentence.
  Target: check ≤ baseline + 0.3 s.
- ``textcheck rules`` and ``textcheck --version`` against ``python -c pass``
  (the interpreter alone).  Target: rules ≤ 0.3 s.

Each round runs every command once, in turn, so all see the same load; the
medians over ``--runs`` rounds are reported with the differences and ratios.
Wall time on a shared machine drifts, so CPU time (user + system, from
``os.wait4``) is reported too.

    python benchmarks/bench_startup.py [--runs 7] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from warmup import ensure_bytecode

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "urumqi-kejiju-2024-budget.txt"


def commands() -> dict[str, list[str]]:
    py = sys.executable
    return {
        "python": [py, "-c", "pass"],
        "jieba_init": [py, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"],
        "check": [py, "-m", "textcheck", "check", "--fail-on", "never", "-f", "json", str(SEED)],
        "rules": [py, "-m", "textcheck", "rules"],
        "version": [py, "-m", "textcheck", "--version"],
    }


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ensure_bytecode()
    cmds = commands()
    for cmd in cmds.values():  # warm the file cache (and .pyc files) once
        run(cmd)
    wall: dict[str, list[float]] = {k: [] for k in cmds}
    cpu: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            w, c = run(cmd)
            wall[name].append(w)
            cpu[name].append(c)
    med = {k: round(statistics.median(v), 3) for k, v in wall.items()}
    med_cpu = {k: round(statistics.median(v), 3) for k, v in cpu.items()}
    out = {
        "runs": args.runs,
        "wall_median_s": med,
        "cpu_median_s": med_cpu,
        "check_minus_jieba_init_s": round(med["check"] - med["jieba_init"], 3),
        "check_minus_jieba_init_cpu_s": round(med_cpu["check"] - med_cpu["jieba_init"], 3),
        "ratio_check_to_jieba_init": round(med["check"] / med["jieba_init"], 2),
        "rules_s": med["rules"],
        "rules_minus_python_s": round(med["rules"] - med["python"], 3),
    }
    if args.json:
        print(json.dumps(out))
        return out
    print(f"cold start, medians of {args.runs} interleaved rounds (wall / CPU seconds):")
    for name in cmds:
        print(f"  {name:<11} {med[name]:6.3f} / {med_cpu[name]:6.3f}")
    print(f"check - jieba.initialize(): {out['check_minus_jieba_init_s']:+.3f} s wall, "
          f"{out['check_minus_jieba_init_cpu_s']:+.3f} s CPU (target ≤ +0.3 s); "
          f"ratio {out['ratio_check_to_jieba_init']:.2f}×")
    print(f"rules: {med['rules']:.3f} s wall, {med_cpu['rules']:.3f} s CPU (target ≤ 0.3 s); "
          f"the interpreter alone: {med['python']:.3f} s")
    return out


if __name__ == "__main__":
    main()
