"""Command line of the batch scan: ``textcheck scan`` (options, summary printed per
department) and ``textcheck report`` (exports from the store without re-checking)."""
from __future__ import annotations

import glob
import json
import os
import sys
from pathlib import Path

from textcheck.scan_plan import GROUP_MODES



def add_scan_arguments(p) -> None:
    p.add_argument("paths", nargs="+", help="files, folders (walked recursively) or globs")
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    p.add_argument("--db", metavar="FILE", default="textcheck-scan.sqlite", help="SQLite results store")
    p.add_argument("--resume", dest="resume", action="store_true", default=True,
                   help="skip documents whose content and tool version are unchanged (default)")
    p.add_argument("--no-resume", dest="resume", action="store_false", help="re-check everything")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool, or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, tcp://host:8786 (default: a local cluster; needs --engine dask)")
    p.add_argument("--group-by", choices=GROUP_MODES, default="meta",
                   help="how volumes of one disclosure are grouped (default: department/year read from the files)")
    p.add_argument("--no-pair-years", dest="pair_years", action="store_false", default=True,
                   help="do not check a department's budget against its budget of the year before, nor a "
                        "final account against the same year's budget (default: paired when department, "
                        "year and kind are read from the files)")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="summary format")
    from textcheck.cli_options import add_selection_arguments

    add_selection_arguments(p)  # --fail-on --config --select --ignore, as for check
    p.add_argument("--no-progress", action="store_true", help="no progress bar (default: shown on a terminal)")
    p.add_argument("--layout-cache", metavar="DIR",
                   help="keep parsed PDF layouts here, so a re-check skips parsing "
                        "(default: DB.layouts next to --db; 'none' turns it off)")


def add_report_arguments(p) -> None:
    p.add_argument("--db", required=True, metavar="FILE", help="SQLite store written by 'textcheck scan'")
    p.add_argument("--format", "-f", choices=("csv", "json", "html", "xlsx"), default="json",
                   help="csv (UTF-8 with BOM, for Excel), json, html (dashboard) or xlsx")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE, atomically (default: stdout)")


SEVERITY_AT_LEAST = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info"),
                     "never": ()}


def _layout_cache_dir(args) -> str | None:
    """Parsed PDF layouts are kept next to the database unless --layout-cache says otherwise."""
    chosen = getattr(args, "layout_cache", None) or f"{args.db}.layouts"
    return None if chosen.lower() == "none" else chosen


def cmd_scan(args) -> int:
    from textcheck.batch import run_scan
    from textcheck.cli_options import resolve_config
    from textcheck.store import Store

    from textcheck.errors import TextcheckError

    if args.jobs < 1:
        raise TextcheckError("--jobs must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise TextcheckError("--scheduler needs --engine dask")
    for p in args.paths:  # a typo in a folder name must not scan nothing and exit 0
        if not (glob.glob(p, recursive=True) if glob.has_magic(p) else os.path.exists(p)):
            raise TextcheckError(f"{p}: no such file or folder")
    _open_store_or_fail(args.db)
    # The same config as check: found upward from the first path, or --config; --select/--ignore on top.
    config = resolve_config(args, start=args.paths[0])
    args.fail_on = config.fail_on
    from textcheck import layout_cache

    with layout_cache.using(_layout_cache_dir(args)):  # workers inherit it, forked or spawned
        outcome = run_scan(args.paths, db=args.db, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                           config=config, resume=args.resume, group_by=args.group_by,
                           progress=not args.no_progress and sys.stderr.isatty(), pair=args.pair_years)
    with Store(args.db) as store:
        summary = store.summary()
        stored = {d["path"]: d for d in store.documents()}
    # Unreadable files skipped as unchanged are still unreadable: count them like this run's.
    failed_skipped = [p for p in outcome.skipped if stored.get(p, {}).get("status") == "error"]
    failed = len(outcome.failed) + len(failed_skipped)
    summary["scan"] = {"checked": len(outcome.checked), "skipped": len(outcome.skipped),
                       "year_pairs": len(outcome.pairs),
                       "duplicates": len(outcome.duplicates), "failed": failed,
                       "elapsed_s": round(outcome.elapsed_s, 2),
                       "documents_per_second": round(len(outcome.checked) / outcome.elapsed_s, 2) if outcome.elapsed_s else None}
    for r in outcome.failed:
        print(f"textcheck: {r['error']}", file=sys.stderr)
    for p in failed_skipped:
        print(f"textcheck: {stored[p]['error']} (unchanged since the last scan)", file=sys.stderr)
    for dup, first in outcome.duplicates.items():
        print(f"textcheck: {dup}: same content as {first}, checked once", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_summary(summary)
    if failed:
        return 2
    levels = SEVERITY_AT_LEAST[args.fail_on]
    reached = any(d["severity"] in levels for r in outcome.checked for d in r["diagnostics"])
    # Skipped (unchanged) documents count too: their findings are still there.
    if not reached and levels and outcome.skipped:
        with Store(args.db) as store:
            docs = {d["path"]: d for d in store.documents()}
        reached = any((docs[p]["errors"] and "error" in levels) or (docs[p]["warnings"] and "warning" in levels)
                      or (docs[p]["infos"] and "info" in levels) for p in outcome.skipped if p in docs)
    return 1 if reached else 0


def print_summary(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    from textcheck.report.scan_exports import AGAINST_NAMES, cross_year_counts

    console = Console()
    t = Table(title="textcheck scan — 按部门汇总")
    for col in ("部门", "文件", "无法读取", "error", "warning", "info", "主要问题规则", "跨年度对照", "跨年度error",
                "跨年度warning"):
        t.add_column(col)
    cross_totals = [0, 0, 0]
    for name, d in sorted(summary["departments"].items()):
        cross = cross_year_counts(d)
        cross_totals = [a + b for a, b in zip(cross_totals, cross)]
        t.add_row(name, str(d["documents"]), str(d["failed"]), str(d["error"]), str(d["warning"]), str(d["info"]),
                  ", ".join(d["worst_rules"]), *map(str, cross))
    tot = summary["totals"]
    t.add_row("合计", str(tot["documents"]), str(tot["failed"]), str(tot["error"]), str(tot["warning"]), str(tot["info"]), "",
              *map(str, cross_totals))
    console.print(t)
    for name, d in sorted(summary["departments"].items()):
        cross = d.get("cross_year") or {}
        for pair in cross.get("pairs", []):
            against = AGAINST_NAMES.get(pair.get("against"), "上年")
            console.print(f"跨年度：{name} {pair['path']} 对照{against} {pair['previous']}")
    if summary["slowest"]:
        console.print("最慢的文件: " + "; ".join(f"{s['path']} ({s['elapsed_ms']:.0f} ms)" for s in summary["slowest"]))
    scan = summary.get("scan")
    if scan:
        console.print(f"本次检查 {scan['checked']} 份，跳过未变化 {scan['skipped']} 份，"
                      f"重复文件 {scan.get('duplicates', 0)} 份，无法读取 {scan['failed']} 份，"
                      f"用时 {scan['elapsed_s']} 秒")


def cmd_report(args) -> int:
    from textcheck.output import write_output
    from textcheck.store import Store

    from textcheck.output import check_output_path
    from textcheck.errors import TextcheckError

    if not Path(args.db).is_file():
        raise TextcheckError(f"{args.db}: no such scan database")
    check_output_path(args.output)
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise TextcheckError("--format xlsx writes a workbook: name it with -o FILE.xlsx")
    _open_store_or_fail(args.db)
    with Store(args.db) as store:
        summary, findings, documents = store.summary(), store.findings(), store.documents()
    if args.format == "json":
        text = json.dumps({"summary": summary, "documents": documents, "findings": findings},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        from textcheck.report import scan_exports

        text = scan_exports.render(args.format, summary, documents, findings)
    write_output(text, args.output)
    return 0


def _open_store_or_fail(db: str) -> None:
    """A file that is not a scan database is one line (sqlite would raise deep inside)."""
    import sqlite3

    from textcheck.errors import TextcheckError
    from textcheck.store import Store

    if db and Path(db).is_dir():
        raise TextcheckError(f"--db {db}: is a folder, name a database file")
    if db and Path(db).exists():
        try:
            Store(db).close()
        except sqlite3.DatabaseError as exc:
            raise TextcheckError(f"--db {db}: not a textcheck scan database ({exc})") from None
