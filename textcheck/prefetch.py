"""Read the files while the NLP pipeline is being built: the two largest costs of a cold
PDF check, side by side on two cores.

A fresh `textcheck check report.pdf` spends about as long building the NLP
pipeline (importing spaCy, loading jieba's dictionary) as reading the PDF, and
neither needs the other.  When a PDF is among the files, the pipeline is not
built yet and another core is free, the files are read in a forked process
while this one builds the pipeline; the Documents come back pickled.  Anywhere
else (one core, no fork, the pipeline already built, text files only, no rule
reading the narrative) the files are read here, one after the other, as before.
"""
from __future__ import annotations

import os
import sys

from textcheck.errors import TextcheckError

# rule categories whose rules read the narrative's claims (and so need the pipeline)
NARRATIVE_CATEGORIES = frozenset({"amount", "change", "share", "count"})


def read_documents(paths: list[str], limits, checker) -> list:
    """Each path's Document, or the TextcheckError that reading it raised, in order."""
    if _worth_forking(paths, checker):
        documents = _read_in_child(paths, limits, checker)
        if documents is not None:
            return documents
    return [_read_one(p, limits) for p in paths]


def _read_one(path: str, limits):
    from textcheck.readers import read_path

    try:
        return read_path(path, limits)
    except TextcheckError as exc:
        return exc


def _worth_forking(paths: list[str], checker) -> bool:
    if not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2 or "nlp" in vars(checker):
        return False
    built = sys.modules.get("textcheck.nlp")
    if built is not None and built._PIPELINES:  # a pipeline of this process: building is cheap now
        return False
    if os.environ.get("TEXTCHECK_PREFETCH", "1") == "0":
        return False
    if not any(rule.category in NARRATIVE_CATEGORIES for rule in checker.rules):
        return False
    return any(_is_pdf(p) for p in paths)


def _is_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"%PDF" in fh.read(1024)
    except OSError:
        return False


def _read_in_child(paths: list[str], limits, checker) -> list | None:
    """Read in a forked process while building the pipeline here; None if the child failed."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        future = pool.submit(_read_for_parent, paths, limits)
    except (OSError, ValueError):
        return None
    try:
        checker.nlp  # built here meanwhile (its time is kept out of the document's elapsed_ms)
        outcome = future.result()
    except Exception:  # the child died or could not send its result: read here instead
        return None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return [TextcheckError(item[1]) if isinstance(item, tuple) else item for item in outcome]


def _read_for_parent(paths: list[str], limits) -> list:
    """(in the child) Documents, and errors as ("error", message): an exception's own
    pickling would need its constructor's arguments."""
    out = []
    for p in paths:
        item = _read_one(p, limits)
        out.append(("error", str(item)) if isinstance(item, TextcheckError) else item)
    return out
