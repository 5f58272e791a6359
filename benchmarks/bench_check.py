"""Checking one document in-process, against `jieba.lcut` of the same text.

The Checker (lexicons, spaCy pipeline, rules) is built once; each run reads the
sample from its text and checks it with a fresh Context, as a long-running
service or batch worker would.  In the same process run, jieba (initialised
first) segments the same text.  Both are medians of N runs; the ratio
check / lcut is the figure to watch — absolute times drift on shared machines.

    python benchmarks/bench_check.py [--runs 15] [--file PATH] [--select sum] [--json] [--stages]
                                     [--keep-memos]

Each timed run starts with textcheck's bounded string memos emptied (``lru_cache`` of
normalised terms, name keys, titles; the claim patterns' lexicon memo), so a run never
profits from having seen the same text in an earlier run; ``--keep-memos`` keeps them, as
a batch of documents sharing vocabulary would.

``read+check`` is the whole job from the file on disk (``read_path``: bytes,
encoding, sha256, parse; then ``Checker.check``); its ratio to ``jieba.lcut``
of the same text is the figure the issue sets (target ≤ 1.0; the goal beyond it ≤ 0.5).  ``--stages``
adds the per-stage breakdown (read, tables, claims, links, performance, rules),
each stage timed on a fresh Context so it is computed, not cached.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def median_ms(fn, runs: int, setup=None) -> float:
    """Median of ``fn``'s times; ``setup`` (untimed) runs before each."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_median_ms(fn, baseline, runs: int, setup=None) -> tuple[float, float]:
    """Medians of ``fn`` and ``baseline`` timed alternately (one of each per run); ``setup``
    (untimed) runs before each ``fn``."""
    a, b = [], []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        a.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        baseline()
        b.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="runs per measurement (median is reported)")
    ap.add_argument("--file", default=str(SAMPLE), help="document to check (default: the bundled sample)")
    ap.add_argument("--select", action="append", default=[], metavar="CODE",
                    help="check only these rules/categories (e.g. --select sum)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--stages", action="store_true",
                    help="also time each stage: read, tables, claims, links, performance, rules")
    ap.add_argument("--keep-memos", action="store_true",
                    help="keep textcheck's process-wide string memos between runs (a batch's view); "
                         "by default they are emptied before each timed check, so a run never "
                         "profits from having seen the same text before")
    args = ap.parse_args(argv)

    import jieba

    from textcheck.config import Config
    from textcheck.pipeline import Checker
    from textcheck.readers import read_text

    text = Path(args.file).read_text("utf-8")
    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary loaded before timing, as the Checker is built before timing

    start = time.perf_counter()
    checker = Checker(Config(select=[s for a in args.select for s in a.split(",") if s]))
    checker.nlp  # noqa: B018 - build the pipeline and lexicons now, not inside the first run
    build_ms = (time.perf_counter() - start) * 1000

    # Emptying the memos is set-up, not checking: it runs before each timed run, untimed.
    def check():
        return checker.check(read_text(text, path=args.file))

    check()  # warm-up: first-use imports (the memos are found among the modules imported by now)
    forget = (lambda: None) if args.keep_memos else _memo_clearer(checker)
    check_ms = median_ms(check, args.runs, setup=forget)
    lcut_ms = median_ms(lambda: jieba.lcut(text), args.runs)
    # Breakdown: reading alone, and the selected rules alone on a read document
    # (a fresh Context each run, so every analysis is recomputed; no report stats).

    document = read_text(text, path=args.file)
    read_ms = median_ms(lambda: read_text(text, path=args.file), args.runs)

    def rules_only():
        ctx = checker.context(document)
        for rule in checker.rules:
            list(rule.check(ctx))

    rules_ms = median_ms(rules_only, args.runs, setup=forget)
    # The whole job from the file: read_path (bytes, encoding, sha256, parse) + check.
    from textcheck.readers import read_path

    # Interleaved with lcut, run by run, so both see the same machine load.
    def read_check():
        return checker.check(read_path(args.file))

    read_check_ms, lcut_paired_ms = paired_median_ms(read_check, lambda: jieba.lcut(text), args.runs,
                                                     setup=forget)
    stages = _stage_medians(checker, args.file, args.runs, forget) if args.stages else None
    result = checker.check(read_text(text, path=args.file))
    out = {
        "file": args.file,
        "chars": len(text),
        "runs": args.runs,
        "select": args.select or ["all"],
        "memos": "kept" if args.keep_memos else "emptied before each run",
        "checker_build_ms": round(build_ms, 1),
        "check_median_ms": round(check_ms, 2),
        "jieba_lcut_median_ms": round(lcut_ms, 2),
        "read_median_ms": round(read_ms, 2),
        "rules_median_ms": round(rules_ms, 2),
        "ratio_check_to_lcut": round(check_ms / lcut_ms, 2) if lcut_ms else None,
        "diagnostics": len(result.diagnostics),
        "read_check_median_ms": round(read_check_ms, 2),
        "jieba_lcut_paired_median_ms": round(lcut_paired_ms, 2),
        "ratio_read_check_to_lcut": round(read_check_ms / lcut_paired_ms, 2) if lcut_paired_ms else None,
    }
    if stages is not None:
        out["stages_ms"] = stages
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        _print(out, args.runs)
    return out


def _memo_clearer(checker):
    """A function emptying every bounded string memo of textcheck's modules (``lru_cache``
    of normalize_term, name keys, titles …) and the claim patterns' lexicon memo.  Unbounded
    caches hold per-process set-up (the parsed lexicon files), which a warm check keeps."""
    import functools
    import sys

    from textcheck.claims.vocab import claim_patterns

    caches = []
    for name, module in list(sys.modules.items()):
        if name == "textcheck" or name.startswith("textcheck."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper) and value.cache_info().maxsize \
                        and value.cache_info().maxsize > 64 and value not in caches:
                    caches.append(value)
    memo = getattr(claim_patterns(checker.lexicon), "memo", None)

    def forget():
        for cache in caches:
            cache.cache_clear()
        if memo is not None:
            memo.clear()

    return forget


def _print(out: dict, runs: int) -> None:
    print(f"file            {out['file']} ({out['chars']} chars)")
    print(f"string memos    {out['memos']}")
    print(f"checker build   {out['checker_build_ms']:.1f} ms (once per process)")
    print(f"check           {out['check_median_ms']:.2f} ms (median of {runs})")
    print(f"  of which read {out['read_median_ms']:.2f} ms, rules alone {out['rules_median_ms']:.2f} ms")
    print(f"jieba.lcut      {out['jieba_lcut_median_ms']:.2f} ms (median of {runs})")
    print(f"ratio           {out['ratio_check_to_lcut']}× jieba.lcut of the same text")
    print(f"read+check      {out['read_check_median_ms']:.2f} ms from the file, jieba.lcut "
          f"{out['jieba_lcut_paired_median_ms']:.2f} ms, run by run (medians of {runs})")
    print(f"ratio           {out['ratio_read_check_to_lcut']}× jieba.lcut (read+check / lcut; target ≤ 1.0, the goal beyond it 0.5)")
    if "stages_ms" in out:
        print("stages (median ms, each on a fresh Context):")
        for name, ms in out["stages_ms"].items():
            print(f"  {name:<14}{ms:8.2f}")


STAGES = ("tables", "claims", "links", "performance")


def _stage_medians(checker, path: str, runs: int, forget) -> dict:
    """Median time of each stage: the analyses in pipeline order, then all rules together.
    As in the timed check: the memos emptied before each run (unless --keep-memos), and the
    collector paused after reading, as ``Checker.check`` pauses it."""
    import gc
    import statistics

    from textcheck.readers import read_path

    times: dict[str, list[float]] = {name: [] for name in ("read", *STAGES, "rules")}
    for _ in range(runs):
        forget()
        start = time.perf_counter()
        document = read_path(path)
        times["read"].append(time.perf_counter() - start)
        ctx = checker.context(document)
        gc.disable()
        try:
            for name in STAGES:  # each computed here, so the rules below find them cached
                start = time.perf_counter()
                getattr(ctx, name)
                times[name].append(time.perf_counter() - start)
            start = time.perf_counter()
            for rule in checker.rules:
                list(rule.check(ctx))
            times["rules"].append(time.perf_counter() - start)
        finally:
            gc.enable()
    return {name: round(statistics.median(v) * 1000, 2) for name, v in times.items()}


if __name__ == "__main__":
    main()
