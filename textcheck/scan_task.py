"""The per-disclosure task of a scan (runs in worker processes): read the volumes, check them
(against last year's disclosure when paired), return a plain dict the coordinator stores."""
from __future__ import annotations

import hashlib
import json
import sys
import time

from textcheck import __version__
from textcheck.config import Config



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
