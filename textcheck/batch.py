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

import glob
import hashlib
import json
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from textcheck import __version__
from textcheck.config import Config
from textcheck.departments import department_key

# Files a folder walk picks up (explicitly named files are always taken).
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".xlsx")
GROUP_MODES = ("meta", "filename", "none")
DASK_CONNECT_TIMEOUT_S = 10


# -- discovery ------------------------------------------------------------

def discover(paths: list[str]) -> list[str]:
    """Files under folders, glob matches and named files; sorted, without duplicates."""
    found: list[str] = []
    for p in paths:
        matches = glob.glob(p, recursive=True) if glob.has_magic(p) else [p]
        for m in matches:
            path = Path(m)
            if path.is_dir():
                found += [str(f) for f in sorted(path.rglob("*"))
                          if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".")]
            else:
                found.append(str(path))  # a missing file is reported as a failed document
    seen: set[str] = set()
    return [f for f in found if not (f in seen or seen.add(f))]


def file_sha256(path: str) -> str | None:
    """The content hash of a regular file; None for anything else (a FIFO would block,
    /dev/zero never ends: the reader then reports why the file cannot be read)."""
    import stat

    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


# -- identification: department and year, cheaply, from the first page(s) ----

def head_text(path: str, max_chars: int = 4000) -> str:
    """The first part of a file's text, without building the document model."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"%PDF"):
            return _pdf_head_text(path)[:max_chars]
        if head.startswith(b"PK"):
            if path.lower().endswith(".xlsx"):
                import openpyxl

                wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
                ws = wb.worksheets[0]
                rows = ws.iter_rows(max_row=15, values_only=True)
                text = "\n".join(" ".join(str(v) for v in row if v is not None) for row in rows)
                wb.close()
                return text[:max_chars]
            import docx

            return "\n".join(p.text for p in docx.Document(path).paragraphs[:60])[:max_chars]
        from textcheck.readers.encoding import decode

        with open(path, "rb") as fh:
            return decode(fh.read(65536), path)[:max_chars]
    except Exception:  # identification is best effort; reading errors surface when checking
        return ""


def _pdf_head_text(path: str, pages: int = 5) -> str:
    """pdfplumber's extract_text of the first pages, on the characters PDFium reads
    (readers/pdfium_source.py: the same characters, several times faster)."""
    from pdfplumber.utils import extract_text

    try:
        from textcheck.readers.pdfium_source import read_pages
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join((page.extract_text() or "") for page in pdf.pages[:pages])
    return "\n".join(extract_text(page.chars) or "" for page in read_pages(path, path, max_pages=pages))


def identify(path: str) -> dict:
    """{"department": …, "year": …} read from the document's own first lines (None when not found)."""
    from textcheck import patterns  # compiled on first use: `textcheck --help` need not

    lines = [ln.strip() for ln in head_text(path).splitlines() if ln.strip()]
    department = year = None
    for i, line in enumerate(lines[:60]):
        compact = line.replace(" ", "")
        m = patterns.DEPARTMENT_FIELD.search(compact)
        if m and not department:
            department = m.group("name")
        m = patterns.DISCLOSURE_TITLE.search(compact)
        if m:
            year = year or m.group("year")
            name = patterns.PART_PREFIX.sub("", m.group("name") or "")
            if not name and i > 0 and not m.group("name"):  # "乌鲁木齐市科学技术局" on the line above "2024 年部门预算公开"
                name = lines[i - 1].replace(" ", "")
            if name and not patterns.YEAR_ONLY.fullmatch(name):
                department = department or name
    if not year:
        for line in lines[:10]:
            m = patterns.YEAR_ONLY.search(line.replace(" ", ""))
            if m:
                year = m.group(0)[:4]
                break
    return {"department": department, "year": year}


# -- grouping the volumes of one disclosure ---------------------------------

def group_files(files: list[str], metas: dict[str, dict], mode: str = "meta") -> list[list[str]]:
    """Groups of files to check as one disclosure.

    meta: same folder, department (however its name is printed: ``department_key``) and year
    read from the files; a file with no year joins the one group of its department that has a
    year (a table volume often prints none) — of several years, the one holding a volume of
    the same file name; files still alone then pair up by file name.
    filename: same folder and file stem once volume words (text/tables/文字/表格…) are removed.
    none: every file alone.
    """
    if mode == "none":
        return [[f] for f in files]
    if mode == "filename":
        by_stem: dict[tuple, list[str]] = {}
        for f in files:
            by_stem.setdefault(_stem_key(f), []).append(f)
        return [sorted(g) for g in by_stem.values()]
    groups: dict[tuple, list[str]] = {}
    loose: list[str] = []
    for f in files:
        meta = metas.get(f, {})
        if meta.get("department") and meta.get("year"):
            groups.setdefault((str(Path(f).parent), department_key(meta["department"]), meta["year"]), []).append(f)
        else:
            loose.append(f)
    alone: list[str] = []
    for f in loose:
        meta = metas.get(f, {})
        homes = [k for k in groups if k[0] == str(Path(f).parent) and department_key(meta.get("department")) == k[1]]
        if len(homes) > 1:  # several years of the department: the one whose volume has this file's name
            homes = [k for k in homes if any(_stem_key(g) == _stem_key(f) for g in groups[k])]
        if meta.get("department") and len(homes) == 1:
            groups[homes[0]].append(f)
        else:
            alone.append(f)
    # Two or more files of one department and year that carry no volume word in their names
    # ("…-text", "…表格") are separate documents (a budget and a final account, two editions),
    # not volumes of one: such a bucket is grouped by file name instead.
    for key in list(groups):
        unmarked = [f for f in groups[key] if _stem_key(f)[1] == Path(f).stem]
        if len(unmarked) >= 2:
            alone.extend(groups.pop(key))
    by_stem = {}
    for f in alone:
        by_stem.setdefault(_stem_key(f), []).append(f)
    result = [sorted(g) for g in groups.values()] + [sorted(g) for g in by_stem.values()]
    return sorted(result)


def _stem_key(path: str) -> tuple[str, str]:
    from textcheck import patterns

    stem = patterns.VOLUME_WORDS.sub("", Path(path).stem).strip("-_ ")
    return (str(Path(path).parent), stem or Path(path).stem)


def department_names(metas: dict[str, dict]) -> dict[str, str]:
    """department_key → the name the scan reports: the one most files print (then the shortest),
    so the volumes and years of one department are one row of the summary."""
    from collections import Counter

    counts = Counter(m["department"] for m in metas.values() if m.get("department"))
    names: dict[str, str] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        names.setdefault(department_key(name), name)
    return names


# -- pairing consecutive years of one department ------------------------------

def pair_years(groups: list[list[str]], metas: dict[str, dict]) -> dict[str, list[str]]:
    """{this year's group key: last year's group} for every disclosure whose department has
    exactly one disclosure of the year before (department and year read from the files, as
    for grouping); the cross-year rules (TC361, TC362) then compare the two."""
    def ident(group):
        department = next((department_key(metas[f]["department"]) for f in group
                           if metas.get(f, {}).get("department")), None)
        year = next((metas[f]["year"] for f in group if metas.get(f, {}).get("year")), None)
        try:
            return department, int(year) if year is not None else None
        except (TypeError, ValueError):
            return department, None

    by_year: dict[tuple, list[list[str]]] = {}
    for g in groups:
        department, year = ident(g)
        if department and year:
            by_year.setdefault((department, year), []).append(g)
    pairs = {}
    for (department, year), these in by_year.items():
        last = by_year.get((department, year - 1), [])
        if len(these) == 1 and len(last) == 1:  # two editions of a year: which one is meant is unknown
            pairs[" + ".join(these[0])] = last[0]
    return pairs


# -- the per-disclosure task (runs in workers) --------------------------------

_worker_checker = None


def _init_worker(config: Config | None) -> None:
    """Pool initializer: build the pipeline once per worker process."""
    global _worker_checker
    import gc

    from textcheck.pipeline import Checker

    _worker_checker = Checker(config)
    _worker_checker.lexicon, _worker_checker.nlp  # build the lexicon and pipeline now, not in the first task
    # The pipeline's objects (jieba's dictionary, lexicons) live as long as the worker:
    # move them out of the collector's generations so each collection does not re-scan
    # them (and, after fork, does not copy their pages).
    gc.freeze()


def _checker(config: Config | None):
    global _worker_checker
    if _worker_checker is None:
        _init_worker(config)
    return _worker_checker


def config_digest(config: Config | None) -> str:
    """A short hash of what in the config changes findings (not fail-on): part of the resume key."""
    if config is None:
        config = Config()
    basis = json.dumps({"select": config.select, "ignore": config.ignore, "severity": config.severity,
                        "tolerance": str(config.tolerance), "lexicons": config.lexicons, "rules": config.rules,
                        "verbose": config.verbose}, sort_keys=True, default=str)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def version_key(config: Config | None) -> str:
    """Stored as the document's tool_version: the tool version and the effective config, so --resume
    re-checks documents after either changes."""
    return f"{__version__}+config.{config_digest(config)}"


def _read_group(files: list[str], payloads: list[bytes] | None, limits):
    from textcheck.readers import combine_documents, read_bytes, read_path

    docs = ([read_bytes(data, f, limits) for f, data in zip(files, payloads)] if payloads
            else [read_path(f, limits) for f in files])
    return combine_documents(docs) if len(docs) > 1 else docs[0]


def check_group(files: list[str], config: Config | None = None, payloads: list[bytes] | None = None,
                previous: list[str] | None = None, previous_payloads: list[bytes] | None = None) -> dict:
    """Check one disclosure (with last year's, ``previous``, when paired); returns a plain dict
    the coordinator stores.  Never raises."""
    from textcheck.errors import TextcheckError

    start = time.perf_counter()
    result = {"path": " + ".join(files), "files": files, "tool_version": version_key(config), "diagnostics": []}
    try:
        limits = config.limits if config else None
        document = _read_group(files, payloads, limits)
        last_year = None
        if previous:
            try:
                last_year = _read_group(previous, previous_payloads, limits)
            except TextcheckError as exc:  # last year's unreadable file is its own record's error
                print(f"textcheck: {exc} (last year's disclosure of {result['path']}: not compared)", file=sys.stderr)
        outcome = _checker(config).check(document, previous=last_year)
        stats = dict(outcome.stats, previous=" + ".join(previous)) if last_year is not None else outcome.stats
        result.update(format=outcome.format, stats=stats,
                      diagnostics=[d.to_dict() for d in outcome.diagnostics],
                      department=document.meta.get("department"), year=document.meta.get("year"))
    except TextcheckError as exc:
        result["error"] = str(exc)
    except Exception as exc:  # a reader/rule bug on one file must not stop the batch
        result["error"] = f"{files[0]}: internal error: {type(exc).__name__}: {exc}"
    result["elapsed_ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


# -- executors ---------------------------------------------------------------

def _run_local(groups, config, jobs, previous=None):
    """Yield results as they complete, each group checked in a worker process that can be stopped.

    The coordinator builds the Checker once; on Linux the workers are forked
    from it and inherit it (a replacement worker starts at once).  A group
    over ``limits.timeout`` has its worker killed and is recorded as timed
    out; a worker that dies (the OOM killer) is replaced and its group retried
    once, then recorded as failed.  Workers end when the coordinator dies.
    """
    if not groups:
        return
    previous = previous or {}
    from textcheck.limits import DEFAULT_LIMITS
    from textcheck.workers import run_tasks

    if sys.platform.startswith("linux"):
        _init_worker(config)  # built and frozen here, inherited by every forked worker
    timeout = (config.limits if config else DEFAULT_LIMITS).timeout
    for group, status, value in run_tasks(groups, check_group, jobs=jobs, timeout=timeout,
                                          initializer=_checker, initargs=(config,),
                                          args_of=lambda g: _task_args(g, config, previous)):
        yield value if status == "ok" else _failed_result(group, status, value)


def _task_args(group: list[str], config, previous: dict) -> tuple:
    """check_group's arguments: last year's files only for a paired disclosure."""
    last = previous.get(" + ".join(group))
    return (group, config) if last is None else (group, config, None, last)


def _failed_result(files: list[str], status: str, detail) -> dict:
    """The stored record of a group whose worker timed out or died (status timeout / error)."""
    path = " + ".join(files)
    if status == "timeout":
        error = f"{path}: check stopped after {detail:g} s (limits.timeout)"
    elif status == "died":
        error = f"{path}: {detail}; recorded as failed"
    else:
        error = f"{path}: internal error: {detail}"
    return {"path": path, "files": files, "tool_version": __version__, "diagnostics": [], "error": error,
            "status": "timeout" if status == "timeout" else "error"}


def _read_payloads(files: list[str]) -> list[bytes] | None:
    try:
        return [Path(f).read_bytes() for f in files]
    except OSError:
        return None  # let the worker-side reader report the error


def _run_dask(groups, config, jobs, scheduler, previous=None):
    """Submit the same per-disclosure task to a Dask distributed cluster.

    The coordinator reads the files and ships their bytes, so workers on other
    machines need no shared filesystem.  Without --scheduler a LocalCluster is started.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError:
        from textcheck.errors import TextcheckError

        raise TextcheckError("--engine dask needs the dask extra: pip install 'textcheck[dask]'") from None
    cluster = None
    if scheduler:
        try:  # a bounded wait: an unreachable scheduler is one line, not a hang or a traceback
            client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            from textcheck.errors import TextcheckError

            raise TextcheckError(f"cannot reach the Dask scheduler {scheduler} within {DASK_CONNECT_TIMEOUT_S} s: "
                                 f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
                                 ) from None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = []
        previous = previous or {}
        for g in groups:
            last = previous.get(" + ".join(g))
            futures.append(client.submit(check_group, g, config, _read_payloads(g), last,
                                         _read_payloads(last) if last else None, pure=False))
        for fut in dask_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- the scan ----------------------------------------------------------------

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


def plan_scan(paths: list[str], group_by: str = "meta", jobs: int = 1) -> tuple[list[list[str]], dict[str, str], dict]:
    """Discover, hash and group; returns (groups, sha256 of each group, identification of each file)."""
    groups, group_sha, metas, _ = plan_scan_with_duplicates(paths, group_by, jobs)
    return groups, group_sha, metas


def _identify_all(files: list[str], jobs: int) -> list[dict]:
    """identify() of every file, in ``jobs`` forked processes when there are several (reading
    the first pages of a PDF is most of a scan's planning)."""
    if jobs <= 1 or len(files) < 2 or not sys.platform.startswith("linux"):
        return [identify(f) for f in files]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(identify, files, chunksize=max(1, len(files) // (4 * jobs))))


def plan_scan_with_duplicates(paths, group_by="meta", jobs=1):
    """plan_scan, and the files left out because an earlier file has the same content (checked once)."""
    files = discover(paths)
    shas = {f: file_sha256(f) for f in files}
    first_of: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for f in files:
        if shas[f] and shas[f] in first_of:
            duplicates[f] = first_of[shas[f]]
        elif shas[f]:
            first_of[shas[f]] = f
    files = [f for f in files if f not in duplicates]
    metas: dict[str, dict] = {}
    if group_by == "meta":
        readable = [f for f in files if shas[f]]
        metas = dict(zip(readable, _identify_all(readable, jobs)))
    groups = group_files(files, metas, group_by)
    group_sha = {}
    for g in groups:
        parts = [shas.get(f) or "missing" for f in g]
        group_sha[" + ".join(g)] = parts[0] if len(parts) == 1 else hashlib.sha256("".join(parts).encode()).hexdigest()
    return groups, group_sha, metas, duplicates


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
        runner = (_run_dask(todo, config, jobs, scheduler, previous) if engine == "dask"
                  else _run_local(todo, config, jobs, previous))
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


# -- CLI ---------------------------------------------------------------------

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
                   help="do not check a department's disclosure against its disclosure of the year before "
                        "(default: paired when department and year are read from the files)")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="summary format")
    from textcheck.cli import add_selection_arguments

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
    from textcheck.cli import resolve_config
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

    console = Console()
    t = Table(title="textcheck scan — 按部门汇总")
    for col in ("部门", "文件", "无法读取", "error", "warning", "info", "主要问题规则"):
        t.add_column(col)
    for name, d in sorted(summary["departments"].items()):
        t.add_row(name, str(d["documents"]), str(d["failed"]), str(d["error"]), str(d["warning"]), str(d["info"]),
                  ", ".join(d["worst_rules"]))
    tot = summary["totals"]
    t.add_row("合计", str(tot["documents"]), str(tot["failed"]), str(tot["error"]), str(tot["warning"]), str(tot["info"]), "")
    console.print(t)
    for name, d in sorted(summary["departments"].items()):
        cross = d.get("cross_year") or {}
        for pair in cross.get("pairs", []):
            console.print(f"跨年度：{name} {pair['path']} 对照上年 {pair['previous']}")
        if cross.get("pairs"):
            console.print(f"跨年度：{name} 共 {len(cross['pairs'])} 组，error {cross['error']}，warning {cross['warning']}")
    if summary["slowest"]:
        console.print("最慢的文件: " + "; ".join(f"{s['path']} ({s['elapsed_ms']:.0f} ms)" for s in summary["slowest"]))
    scan = summary.get("scan")
    if scan:
        console.print(f"本次检查 {scan['checked']} 份，跳过未变化 {scan['skipped']} 份，"
                      f"重复文件 {scan.get('duplicates', 0)} 份，无法读取 {scan['failed']} 份，"
                      f"用时 {scan['elapsed_s']} 秒")


def cmd_report(args) -> int:
    from textcheck.cli import write_output
    from textcheck.store import Store

    from textcheck.cli import check_output_path
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

