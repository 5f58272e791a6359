"""PDF end to end, whole processes: `textcheck check FILE` against pdfplumber's own
open-and-extract-text of the same file.

For each corpus PDF of 20–60 pages (``--files`` of them, spread over the size
range), every round runs, one after the other so both see the same load:

- baseline: ``python -c "pdfplumber.open(FILE); page.extract_text() for every page"``;
- textcheck: ``python -m textcheck check FILE -f json`` (start-up, reading,
  every rule, the report), with ``--source`` pages (default pdfium;
  ``pdfplumber`` shows the reader before this benchmark's issue).

Medians over ``--runs`` rounds per file, their ratio, and the median of the
per-file ratios (the figure to watch: target ≤ 0.6).  Wall time; CPU time
(user + system) is printed alongside because the machine is shared.

    python benchmarks/bench_pdf.py [--runs 5] [--files 6] [--source pdfium] [--json]
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
CORPUS = ROOT / "corpus" / "pdf"

BASELINE = ("import sys, pdfplumber\n"
            "with pdfplumber.open(sys.argv[1]) as pdf:\n"
            "    n = sum(len(page.extract_text() or '') for page in pdf.pages)\n")


def pick_files(count: int, low: int = 20, high: int = 60) -> list[Path]:
    """``count`` corpus PDFs of ``low``–``high`` pages, spread from the smallest file to the largest."""
    import pypdfium2 as pdfium

    fitting = []
    for path in sorted(CORPUS.glob("*.pdf")):
        doc = pdfium.PdfDocument(str(path))
        pages = len(doc)
        doc.close()
        if low <= pages <= high:
            fitting.append((path.stat().st_size, path))
    fitting.sort()
    if len(fitting) <= count:
        return [p for _, p in fitting]
    step = (len(fitting) - 1) / (count - 1) if count > 1 else 0
    return [fitting[round(k * step)][1] for k in range(count)]


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=6)
    ap.add_argument("--source", choices=("pdfium", "pdfplumber"), default="pdfium")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ensure_bytecode()
    env = dict(os.environ, TEXTCHECK_PDF_SOURCE=args.source)
    env.pop("TEXTCHECK_LAYOUT_CACHE", None)  # every run parses: the cache is measured elsewhere
    files = pick_files(args.files)
    py = sys.executable
    results = []
    for path in files:
        base_cmd = [py, "-c", BASELINE, str(path)]
        tc_cmd = [py, "-m", "textcheck", "check", "--fail-on", "never", "-f", "json", "-o", os.devnull, str(path)]
        run(tc_cmd, env)  # warm the file cache and jieba's dictionary cache
        base, base_cpu, tc, tc_cpu = [], [], [], []
        for _ in range(args.runs):
            w, c = run(base_cmd, env)
            base.append(w)
            base_cpu.append(c)
            w, c = run(tc_cmd, env)
            tc.append(w)
            tc_cpu.append(c)
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(path)))
        row = {"file": path.name, "pages": pages,
               "pdfplumber_s": round(statistics.median(base), 2), "textcheck_s": round(statistics.median(tc), 2),
               "pdfplumber_cpu_s": round(statistics.median(base_cpu), 2),
               "textcheck_cpu_s": round(statistics.median(tc_cpu), 2)}
        row["ratio"] = round(row["textcheck_s"] / row["pdfplumber_s"], 2)
        row["ratio_cpu"] = round(row["textcheck_cpu_s"] / row["pdfplumber_cpu_s"], 2)
        results.append(row)
        if not args.json:
            print(f"{row['file']:<48} {pages:>3} p  pdfplumber {row['pdfplumber_s']:6.2f} s  "
                  f"textcheck {row['textcheck_s']:6.2f} s  ratio {row['ratio']:.2f}  (CPU {row['ratio_cpu']:.2f})",
                  flush=True)
    out = {"runs": args.runs, "source": args.source, "files": results,
           "median_ratio": round(statistics.median(r["ratio"] for r in results), 2),
           "median_ratio_cpu": round(statistics.median(r["ratio_cpu"] for r in results), 2)}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"median ratio textcheck / pdfplumber, whole processes ({args.source} pages, medians of "
              f"{args.runs} interleaved runs): {out['median_ratio']:.2f} wall, {out['median_ratio_cpu']:.2f} CPU "
              f"(target ≤ 0.6)")
    return out


if __name__ == "__main__":
    main()
