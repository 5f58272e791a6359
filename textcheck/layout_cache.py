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
one cannot run code): the page count, then one state per page, written and
read page by page.  They are named by the file's hash and ``FORMAT`` (this
module's layout version, the pdfium source's version and the Python version),
written atomically; an unreadable entry is ignored and rewritten.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ENV = "TEXTCHECK_LAYOUT_CACHE"
# bump when the stored objects change shape or meaning
FORMAT = f"pdfium-3-py{sys.version_info[0]}{sys.version_info[1]}"

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


def load(data: bytes) -> Iterator | None:
    """The stored page states of this PDF, one by one, or None (cache off or no entry).

    An entry that turns out unreadable part way raises ``ValueError`` from the
    iterator (the caller then parses the PDF)."""
    entry = _entry(data)
    if entry is None:
        return None
    try:
        fh = open(entry, "rb")
    except OSError:
        return None
    return _states(fh)


def _states(fh) -> Iterator:
    with fh:
        try:
            count = marshal.load(fh)
            if not isinstance(count, int) or count < 1:
                raise ValueError("not a layout entry")
            for _ in range(count):
                yield marshal.load(fh)
        except (EOFError, TypeError) as exc:
            raise ValueError(f"unreadable layout entry: {exc}") from None


class Writer:
    """Page states written as they come (a long PDF's states are never all in memory);
    the entry appears, atomically, only when ``commit`` is called after the last page."""

    def __init__(self, entry: Path):
        self.entry = entry
        self.count = 0
        self.tmp: Path | None = None
        self.fh = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".marshal")
            self.tmp, self.fh = Path(tmp), os.fdopen(fd, "w+b")
            marshal.dump(0, self.fh)  # page count, rewritten by commit
        except (OSError, ValueError):
            self.abort()

    def add(self, state) -> None:
        if self.fh is None:
            return
        try:
            marshal.dump(state, self.fh)
            self.count += 1
        except (OSError, ValueError):
            self.abort()

    def commit(self) -> None:
        if self.fh is None:
            return
        try:
            self.fh.seek(0)
            marshal.dump(self.count, self.fh)  # same size as the 0 it replaces: an int marshals to 5 bytes
            self.fh.close()
            self.fh = None
            os.replace(self.tmp, self.entry)
        except (OSError, ValueError):
            self.abort()

    def abort(self) -> None:
        if self.fh is not None:
            try:
                self.fh.close()
            except OSError:
                pass
            self.fh = None
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def writer(data: bytes) -> Writer | None:
    """A Writer for this PDF's entry, or None when the cache is off."""
    entry = _entry(data)
    return Writer(entry) if entry is not None else None
