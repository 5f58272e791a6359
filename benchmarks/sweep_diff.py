"""Compare two ``corpus_sweep.py --json`` files: the findings one has and the other lacks,
per document, and changed stats or crashes.  Exit status 1 when they differ, so a refactor
can be checked with one command:

    python benchmarks/corpus_sweep.py corpus/pdf --all --json before.json   # on the old code
    python benchmarks/corpus_sweep.py corpus/pdf --all --json after.json    # on the new code
    python benchmarks/sweep_diff.py before.json after.json

Timing fields (``seconds``, ``stats.elapsed_ms``) always differ and are ignored.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

# Measured, not computed: they differ between two runs of the same code.
TIMING_STATS = {"elapsed_ms"}
FINDING_KEYS = ("code", "severity", "line", "page", "source", "ref", "text", "message", "fingerprint")


def _by_document(results: list[dict]) -> dict[str, dict]:
    return {" + ".join(r["files"]): r for r in results}


def _finding_key(f: dict) -> tuple:
    return tuple(str(f.get(k)) for k in FINDING_KEYS)


def _stats(r: dict) -> dict:
    return {k: v for k, v in (r.get("stats") or {}).items() if k not in TIMING_STATS}


def document_differences(before: dict, after: dict) -> list[str]:
    """Lines describing how one document's results differ (empty when they agree)."""
    out = []
    if before.get("error") != after.get("error"):
        out.append(f"  error: {before.get('error')!r} → {after.get('error')!r}")
    if _stats(before) != _stats(after):
        keys = sorted(set(_stats(before)) | set(_stats(after)))
        out += [f"  stats.{k}: {_stats(before).get(k)!r} → {_stats(after).get(k)!r}"
                for k in keys if _stats(before).get(k) != _stats(after).get(k)]
    old = Counter(_finding_key(f) for f in before.get("findings") or [])
    new = Counter(_finding_key(f) for f in after.get("findings") or [])
    out += [f"  - {k[0]} {k[1]} {k[4]}:{k[2]} {k[7]}" for k in sorted((old - new).elements())]
    out += [f"  + {k[0]} {k[1]} {k[4]}:{k[2]} {k[7]}" for k in sorted((new - old).elements())]
    return out


def compare(before: list[dict], after: list[dict]) -> list[str]:
    old, new = _by_document(before), _by_document(after)
    out = []
    for name in sorted(set(old) | set(new)):
        if name not in new or name not in old:
            out.append(f"{name}: only in {'before' if name in old else 'after'}")
            continue
        lines = document_differences(old[name], new[name])
        if lines:
            out += [f"{name}:"] + lines
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    args = ap.parse_args(argv)
    before = json.loads(Path(args.before).read_text(encoding="utf-8"))
    after = json.loads(Path(args.after).read_text(encoding="utf-8"))
    lines = compare(before, after)
    total = sum(len(r.get("findings") or []) for r in after)
    print("\n".join(lines) if lines else f"identical: {len(after)} documents, {total} findings")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
