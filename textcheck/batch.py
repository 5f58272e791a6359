"""Batch scans: ``textcheck scan`` and ``textcheck report``.

    walk PATHS ─▶ hash + identify (department, year) ─▶ group volumes of one disclosure
      ─▶ skip groups already in the store (same content hash and tool version)
      ─▶ check each group (process pool, or a Dask cluster) ─▶ store (one transaction each)
      ─▶ summary per department

Workers build the Checker once (pool initializer / once per Dask worker
process) and return plain dicts; only the coordinating process writes the
store.  An unreadable file is recorded with its error and the scan goes on.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from textcheck.config import Config
from textcheck.departments import department_key
# The scan's parts, one job each (re-exported: ``textcheck.batch`` stays the scan's API).
from textcheck.scan_executors import _run_dask, _run_local  # noqa: F401
from textcheck.scan_plan import (  # noqa: F401
    GROUP_MODES, SUPPORTED_SUFFIXES, department_names, discover, file_sha256, group_files, head_text, identify,
    pair_years, plan_scan, plan_scan_with_duplicates)
from textcheck.scan_task import check_group, config_digest, version_key  # noqa: F401

DASK_CONNECT_TIMEOUT_S = 10


@dataclass
class ScanOutcome:
    checked: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # a file → the earlier file with the same content
    pairs: dict[str, list[str]] = field(default_factory=dict)  # this year's disclosure → last year's files
    elapsed_s: float = 0.0

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.checked if r.get("error")]


def run_scan(paths: list[str], db: str | None = None, jobs: int = 1, engine: str = "local",
             scheduler: str | None = None, config: Config | None = None, resume: bool = True,
             group_by: str = "meta", progress: bool = False, pair: bool = True) -> ScanOutcome:
    from textcheck.store import Store

    start = time.perf_counter()
    groups, group_sha, metas, duplicates = plan_scan_with_duplicates(paths, group_by, jobs)
    # consecutive years of a department: this year's disclosure is checked against last year's,
    # and re-checked (resume) when either changes
    previous = pair_years(groups, metas) if pair and group_by == "meta" else {}
    names = department_names(metas)
    for key, last in previous.items():
        group_sha[key] = hashlib.sha256((group_sha[key] + group_sha[" + ".join(last)]).encode()).hexdigest()
    store = Store(db) if db else None
    outcome = ScanOutcome(duplicates=duplicates, pairs=previous)
    version = version_key(config)
    try:
        todo = []
        for g in groups:
            key = " + ".join(g)
            if store and resume and store.is_current(key, group_sha[key], version):
                outcome.skipped.append(key)
            else:
                todo.append(g)
        # check_group and the Dask wait are looked up here, at call time (tests substitute them)
        runner = (_run_dask(todo, config, jobs, scheduler, previous, task=check_group,
                            connect_timeout=DASK_CONNECT_TIMEOUT_S) if engine == "dask"
                  else _run_local(todo, config, jobs, previous, task=check_group))
        bar = _Progress(len(todo)) if progress else None
        try:
            for result in runner:
                result["sha256"] = group_sha[result["path"]]
                for key in ("department", "year"):  # what the reader did not find, identification may have
                    if not result.get(key):
                        result[key] = next((metas[f][key] for f in result["files"] if metas.get(f, {}).get(key)), None)
                result["department"] = names.get(department_key(result["department"]), result["department"])
                if store:
                    store.write(result)
                    # a copy of a checked file is recorded under its own path with the same findings
                    for dup in (d for d, first in duplicates.items() if result["files"] == [first]):
                        store.write(dict(result, path=dup, files=[dup]))
                outcome.checked.append(result)
                if bar:
                    bar.advance(result)
        finally:
            if bar:
                bar.close()
    finally:
        if store:
            store.close()
    outcome.elapsed_s = time.perf_counter() - start
    return outcome


class _Progress:
    """A rich progress bar with rate and ETA on stderr."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("扫描"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=False)
        self.start = time.perf_counter()
        self.done = 0
        self.task = self.progress.add_task("scan", total=total, rate="")
        self.progress.start()

    def advance(self, _result) -> None:
        self.done += 1
        rate = self.done / max(1e-9, time.perf_counter() - self.start)
        self.progress.update(self.task, advance=1, rate=f"{rate:.1f} 份/秒")

    def close(self) -> None:
        self.progress.stop()
