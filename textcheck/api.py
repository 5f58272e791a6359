"""Python API: ``check_text``, ``check_file``, ``check_files``.

The default Checker is built once per process and reused; pass ``config`` to
use another configuration (a Checker is then built for it).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textcheck.config import Config, load_config
from textcheck.errors import TextcheckError
from textcheck.report.diagnostic import DocumentResult, Report

_default = None


def get_checker(config: Config | None = None):
    """The process-wide Checker for ``config`` (built once)."""
    global _default
    from textcheck.pipeline import Checker

    if config is None:
        if _default is None:
            _default = Checker()
        return _default
    return Checker(config)


def check_text(text: str, path: str = "<text>", config: Config | None = None, fmt: str = "text") -> Report:
    """Check a disclosure given as text (plain text or Markdown)."""
    from textcheck.readers import read_text

    document = read_text(text, path=path, fmt=fmt, limits=config.limits if config else None)
    return Report([get_checker(config).check(document)])


def check_document(document, config: Config | None = None) -> DocumentResult:
    return get_checker(config).check(document)


def check_file(path: str | Path, config: Config | None = None) -> Report:
    """Check one file (text, Markdown, HTML, PDF, DOCX, XLSX).

    An unreadable file gives a Report whose DocumentResult has ``error`` set.
    """
    return check_files([path], config=config)


def check_files(paths: Iterable[str | Path], config: Config | None = None, combine: bool = False,
                previous: Iterable[str | Path] = ()) -> Report:
    """Check several files; ``combine=True`` checks them as one disclosure (text + table volumes).

    ``previous``: last year's disclosure of the same department (its volumes, combined), which
    the cross-year rules (TC361, TC362) compare this year's figures with.  An unreadable
    previous document is an error of the check, like an unreadable input."""
    from textcheck.prefetch import read_documents
    from textcheck.readers import combine_documents

    paths = [str(p) for p in paths]
    if config is None and paths:
        found = load_config(start=paths[0])  # textcheck.toml / pyproject.toml above the file
        config = found if found.source else None
    checker = get_checker(config)
    limits = checker.config.limits
    # read while the NLP pipeline is built, when that can run side by side (textcheck.prefetch)
    documents = read_documents(paths, limits, checker)
    previous = [str(p) for p in previous]
    try:
        last_year = read_previous(previous, checker) if previous else None
    except TextcheckError as exc:
        return Report([DocumentResult(path=" + ".join(previous), error=f"--previous: {exc}")])
    if combine and len(paths) > 1:
        failed = next((d for d in documents if isinstance(d, TextcheckError)), None)
        try:
            if failed is not None:
                raise failed
            document = combine_documents(documents)
        except TextcheckError as exc:
            return Report([DocumentResult(path=" + ".join(paths), error=str(exc))])
        return Report([checker.check(document, previous=last_year)])
    results = []
    for p, document in zip(paths, documents):
        try:
            if isinstance(document, TextcheckError):
                raise document
            results.append(checker.check(document, previous=last_year))
        except TextcheckError as exc:
            results.append(DocumentResult(path=p, error=str(exc)))
    return Report(results)


def read_previous(paths: list[str], checker):
    """Last year's disclosure as one Document (several volumes combined)."""
    from textcheck.prefetch import read_documents
    from textcheck.readers import combine_documents

    documents = read_documents(paths, checker.config.limits, checker)
    failed = next((d for d in documents if isinstance(d, TextcheckError)), None)
    if failed is not None:
        raise failed
    return combine_documents(documents) if len(documents) > 1 else documents[0]
