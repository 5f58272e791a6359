"""Where the PDF reader gets each page's objects: PDFium (default) or pdfplumber.

``readers/pdf.py`` rebuilds lines, paragraphs and tables from a page's
characters, ruling lines, rectangles and curves, read through pdfplumber's
page interface (``chars``, ``lines``, ``rects``, ``curves``, ``filter``,
``find_tables``).  Two sources give that interface:

- ``pdfium`` (default): ``readers/pdfium_source.py``, PDFium's objects in
  pdfplumber's shape, several times faster than pdfminer; its parsed pages
  can be kept in the layout cache (``textcheck/layout_cache.py``);
- ``pdfplumber``: pdfplumber's own pages (pdfminer), kept as the reference
  the pdfium source is tested against and as a fallback.

Choose with ``TEXTCHECK_PDF_SOURCE=pdfplumber`` (or ``source=`` here).
"""
from __future__ import annotations

import io
import os
from typing import Iterator

from textcheck.errors import ReadError

SOURCES = ("pdfium", "pdfplumber")
DEFAULT_SOURCE = "pdfium"
SOURCE_ENV = "TEXTCHECK_PDF_SOURCE"


def selected_source(source: str | None = None) -> str:
    """The source to read with: the argument, else $TEXTCHECK_PDF_SOURCE, else pdfium."""
    name = (source or os.environ.get(SOURCE_ENV) or DEFAULT_SOURCE).strip().lower()
    if name not in SOURCES:
        raise ValueError(f"unknown PDF source {name!r} (choose {' or '.join(SOURCES)})")
    return name


def page_objects(data: bytes, path: str, source: str | None = None) -> Iterator:
    """The PDF's pages, first to last, each with ``page_number`` and pdfplumber's page interface.

    Raises ReadError for a PDF that cannot be opened (encrypted, truncated, damaged).
    The caller closes each page once it has read it.
    """
    if selected_source(source) == "pdfplumber":
        yield from _plumber_pages(data, path)
        return
    from textcheck import layout_cache
    from textcheck.readers.pdfium_source import PdfiumPage, iter_pages

    cached = _cached_states(layout_cache.load(data), PdfiumPage)
    if cached is not None:
        yield from (PdfiumPage.from_state(state) for state in cached)  # one page's objects at a time
        return
    writer = layout_cache.writer(data)
    complete = False
    try:
        for page in iter_pages(data, path):
            if writer is not None:
                writer.add(page.to_state())
            yield page
        complete = True
    finally:
        if writer is not None:
            writer.commit() if complete else writer.abort()


def _cached_states(states, page_class) -> list | None:
    """The page states of a cache entry, or None when there is none or it does not read as
    pages.  Read and checked whole before the first page is used, so a damaged entry is
    found out before anything was built on it (the states are compact; each page's
    objects are built only when it is its turn)."""
    if states is None:
        return None
    try:
        states = list(states)
        for state in states:
            page_class.check_state(state)
    except (TypeError, ValueError):
        return None
    return states or None


def _plumber_pages(data: bytes, path: str) -> Iterator:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ReadError(path, f"reading PDF needs pdfplumber ({exc.name} missing): pip install 'textcheck[pdf]'") from None
    encrypted = "encrypted PDF (password protected); save an unprotected copy"
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError(path, encrypted) from None
    except PDFSyntaxError:
        raise ReadError(path, "not a readable PDF (truncated or damaged)") from None
    with pdf:
        try:
            pages = pdf.pages
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise ReadError(path, encrypted) from None
        for page in pages:
            try:
                page.objects  # parse now, so a pdfminer failure is reported as this page's
            except (PDFPasswordIncorrect, PDFEncryptionError):
                raise ReadError(path, encrypted) from None
            yield page
