"""Check every disclosure of a folder and print, per document, tables, errors and
warnings by rule, or the crash.

    python benchmarks/corpus_sweep.py [DIR ...] [--jobs 2] [--json out.json] [--all]

Volumes of one disclosure (``x-text.pdf`` + ``x-tables.pdf``, ``x.pdf`` +
``x-project-targets.pdf`` …) are grouped by file stem, as the corpus README says, and
checked combined.  ``--json`` writes every error and warning (``--all``: every finding)
with its location, so two sweeps can be compared (before/after a change) and so the
reviewed-findings file can be kept in step with the corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# File-name suffixes of the extra volumes of one disclosure (corpus naming convention).
VOLUME_SUFFIXES = ("-text", "-tables", "-project-targets", "-overall-targets")
DOCUMENT_SUFFIXES = {".pdf", ".txt", ".md", ".html", ".htm", ".docx", ".xlsx"}


def group_key(path: Path) -> str:
    stem = path.stem
    for suffix in VOLUME_SUFFIXES:
        if stem.endswith(suffix):
            return str(path.parent / stem[: -len(suffix)])
    return str(path.parent / stem)


def discover(dirs: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for d in dirs:
        root = Path(d)
        files = [root] if root.is_file() else sorted(
            p for p in root.rglob("*")
            if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.upper().startswith("README")
        )
        for f in files:
            groups.setdefault(group_key(f), []).append(str(f))
    # text volume before table volume, main document before its attachments
    order = {"-text": 0, "": 1, "-tables": 2, "-project-targets": 3, "-overall-targets": 4}

    def rank(p: str) -> int:
        stem = Path(p).stem
        return next((v for k, v in order.items() if k and stem.endswith(k)), 1)

    return [sorted(g, key=rank) for _, g in sorted(groups.items())]


def source_of(diagnostic: dict, files: list[str]) -> str:
    """The file a finding is in: its reference names the volume ("x-tables.pdf p.3")."""
    ref = diagnostic["location"].get("ref") or Path(files[0]).name
    return ref.split(" p.")[0]


def check_group(files: list[str], keep_all: bool = False) -> dict:
    import textcheck

    started = time.perf_counter()
    out: dict = {"files": [Path(f).name for f in files]}
    try:
        report = textcheck.check_files(files, combine=len(files) > 1)
        result = report.documents[0]
        d = result.to_dict()
        out["error"] = d.get("error")
        out["stats"] = d.get("stats") or {}
        out["findings"] = [
            {
                "code": x["code"],
                "severity": x["severity"],
                "category": x["category"],
                "line": x["location"].get("line"),
                "page": x["location"].get("page"),
                "source": source_of(x, files),
                "ref": x["location"].get("ref"),
                "text": (x["location"].get("text") or "")[:120],
                "message": x["message"],
                "fingerprint": x.get("fingerprint"),
            }
            for x in d.get("diagnostics", [])
            if keep_all or x["severity"] in ("error", "warning")
        ]
    except Exception as exc:  # the sweep records a crash and goes on
        out["error"] = f"CRASH {type(exc).__name__}: {exc}"
        out["traceback"] = traceback.format_exc()
        out["findings"] = []
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=[str(Path(__file__).resolve().parents[2] / "shared" / "corpus")])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", help="write all results to this file")
    ap.add_argument("--all", action="store_true", help="keep info findings too in --json")
    ap.add_argument("--only", help="only groups whose name contains this")
    args = ap.parse_args(argv)

    groups = discover(args.dirs)
    if args.only:
        groups = [g for g in groups if any(args.only in f for f in g)]
    # the largest disclosures first, so no worker is left with a long one at the end;
    # results are reported in the groups' own order
    order = sorted(range(len(groups)), key=lambda k: -sum(Path(f).stat().st_size for f in groups[k]))
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        done = dict(zip(order, pool.map(check_group, [groups[k] for k in order], [args.all] * len(groups))))
    results = [done[k] for k in range(len(groups))]

    totals: Counter = Counter()
    crashes = 0
    for r in results:
        name = " + ".join(r["files"])
        if r.get("error"):
            crashes += r["error"].startswith("CRASH")
            print(f"{name}: {r['error']}")
            continue
        by_rule = Counter((f["code"], f["severity"][0].upper()) for f in r["findings"] if f["severity"] in ("error", "warning"))
        totals.update(f["severity"] for f in r["findings"])
        tables = r["stats"].get("tables", "?")
        rules = ", ".join(f"{c}{s}×{n}" for (c, s), n in sorted(by_rule.items())) or "none"
        print(f"{name}: tables {tables}; {rules}  ({r['seconds']} s)")
    print(f"-- {len(results)} documents, {totals.get('error', 0)} errors, {totals.get('warning', 0)} warnings, {crashes} crashes")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
