"""Compare two ``corpus_sweep.py --json`` files: same documents, same findings, same stats.

Performance work must change no result: this prints every document whose
findings, read error or statistics (timings left out) differ, and exits 1 if
any does.

    python benchmarks/compare_sweeps.py before.json after.json
"""
from __future__ import annotations

import argparse
import json

# statistics that measure time, not results
TIMINGS = frozenset({"elapsed_ms", "seconds"})


def _key(result: dict) -> tuple:
    return tuple(result["files"])


def _comparable(result: dict) -> dict:
    stats = {k: v for k, v in (result.get("stats") or {}).items() if k not in TIMINGS}
    return {"error": result.get("error"), "stats": stats, "findings": result.get("findings")}


def differences(before: list[dict], after: list[dict]) -> list[str]:
    """One line per document that differs (or is missing from one side)."""
    old = {_key(r): _comparable(r) for r in before}
    new = {_key(r): _comparable(r) for r in after}
    out = []
    for key in sorted(old.keys() | new.keys()):
        if key not in new or key not in old:
            out.append(f"{', '.join(key)}: only in {'before' if key in old else 'after'}")
            continue
        for part in ("error", "stats", "findings"):
            if old[key][part] != new[key][part]:
                out.append(f"{', '.join(key)}: {part} differ")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    args = ap.parse_args(argv)
    with open(args.before, encoding="utf-8") as fh:
        before = json.load(fh)
    with open(args.after, encoding="utf-8") as fh:
        after = json.load(fh)
    diff = differences(before, after)
    for line in diff:
        print(line)
    print(f"{len(before)} documents before, {len(after)} after: "
          + ("identical" if not diff else f"{len(diff)} differences"))
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
