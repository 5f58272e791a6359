"""Parsed PDF layouts kept on disk, keyed by the file's SHA-256.

Interpreting a PDF's content streams (characters, ruling lines, rectangles)
is the largest part of reading it.  When a directory is set, the pdfium
source (``readers/pdf_pages.py``) stores each PDF's page objects here and a
later read of the same bytes loads them instead of parsing again.  Only the
parsing is skipped: lines, paragraphs and tables are rebuilt from the
objects every time, so a change to the reconstruction never meets stale
results.

Off unless a directory is given: ``configure(directory)`` or
``$TEXTCHECK_LAYOUT_CACHE``.  ``textcheck scan`` turns it on next to its
database (see ``textcheck.batch``).

Entries are ``marshal`` data (plain lists, dicts, strings and numbers: loading
one cannot run code), named by the file's hash and ``FORMAT`` (this module's
layout version, the pdfium source's version and the Python version), written
atomically; an unreadable entry is ignored and rewritten.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ENV = "TEXTCHECK_LAYOUT_CACHE"
# bump when the stored objects change shape or meaning
FORMAT = f"pdfium-2-py{sys.version_info[0]}{sys.version_info[1]}"

_directory: str | None = None


def configure(directory: str | os.PathLike | None) -> None:
    """Use ``directory`` for the cache in this process (None: back to $TEXTCHECK_LAYOUT_CACHE)."""
    global _directory
    _directory = str(directory) if directory else None


@contextmanager
def using(chosen: str | os.PathLike | None):
    """Within the block, the cache is ``chosen`` (None: off), in this process and in the
    environment child processes inherit; both are restored afterwards."""
    global _directory
    saved_dir, saved_env = _directory, os.environ.get(ENV)
    _directory = str(chosen) if chosen else None
    if chosen:
        os.environ[ENV] = str(chosen)
    else:
        os.environ.pop(ENV, None)
    try:
        yield
    finally:
        _directory = saved_dir
        if saved_env is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = saved_env


def directory() -> Path | None:
    """The cache directory in use, or None when caching is off."""
    chosen = _directory or os.environ.get(ENV)
    return Path(chosen) if chosen else None


def _entry(data: bytes) -> Path | None:
    root = directory()
    if root is None:
        return None
    sha = hashlib.sha256(data).hexdigest()
    return root / sha[:2] / f"{sha}.{FORMAT}.marshal"


def load(data: bytes):
    """The stored page states of this PDF, or None (cache off, miss, or unreadable entry)."""
    entry = _entry(data)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(data: bytes, states) -> None:
    """Keep the page states of this PDF (best effort: a cache that cannot be written is skipped)."""
    entry = _entry(data)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(states, fh)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return
