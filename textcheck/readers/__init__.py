"""Readers: a file becomes a located Document.  Readers never judge.

The reader is chosen by content (magic bytes) first and extension second.
Every failure is a ``ReadError`` with a one-line reason.
"""
from __future__ import annotations

import hashlib
import io
import os
import stat
from pathlib import Path

from textcheck.document import Document
from textcheck.errors import ReadError, TextcheckError
from textcheck.limits import DEFAULT_LIMITS, LimitError, Limits
from textcheck.readers.collector import collector_paused


def sniff_format(data: bytes, name: str = "") -> str:
    """Format from content: pdf, docx, xlsx, html, markdown or text."""
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:200000]:
            return "docx"
        if b"xl/" in data[:200000]:
            return "xlsx"
        lower = name.lower()
        if lower.endswith(".docx"):
            return "docx"
        if lower.endswith(".xlsx"):
            return "xlsx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc/.xls
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if not lower.endswith(_TEXT_SUFFIXES) and _looks_like_html(head, lower):
        return "html"  # a web page saved as .jsp / .aspx / .php / .do or without a suffix
    return "text"


# Files named like this are read as text or Markdown whatever they start with.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".csv", ".tsv")
# Server-page suffixes: a page saved from a government site often keeps its script's name.
_WEB_PAGE_SUFFIXES = (".jsp", ".jspx", ".asp", ".aspx", ".php", ".shtml", ".xhtml", ".do", ".action", ".cgi")
# Tags an HTML document (or a saved fragment of one) starts with.
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<link", b"<script",
               b"<style", b"<div", b"<table", b"<p>", b"<p ", b"<center", b"<form")
# Preambles before the first tag: XML declaration, comments, server-side directives.
_PREAMBLES = ((b"<?xml", b"?>"), (b"<!--", b"-->"), (b"<%", b"%>"), (b"<?php", b"?>"))


def _looks_like_html(head: bytes, lower_name: str) -> bool:
    """Is this an HTML page by its content: its first tag (after an XML declaration, comments
    and server-side directives) is an HTML tag, or a server-page file holds an <html>,
    <body> or <table> tag near its start."""
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for _ in range(20):
        for start, end in _PREAMBLES:
            if s.startswith(start):
                cut = s.find(end, len(start))
                if cut < 0:
                    return False
                s = s[cut + len(end):].lstrip(b" \t\r\n")
                break
        else:
            break
    if s.startswith(_HTML_START):
        return True
    return lower_name.endswith(_WEB_PAGE_SUFFIXES) and any(t in head.lower() for t in (b"<html", b"<body", b"<table"))


def read_bytes(data: bytes, path: str, limits: Limits | None = None) -> Document:
    """Read a file's bytes into a Document, choosing the reader by content.

    ``limits`` (default: ``DEFAULT_LIMITS``) are checked before a reader commits
    memory; a limit reached is a ``LimitError`` naming it.  A reader that fails
    in an unforeseen way makes this one input unreadable (a ``ReadError`` asking
    for a report), not the whole run; with TEXTCHECK_STRICT=1 (the tests) the
    error propagates so the bug is seen.
    """
    limits = limits or DEFAULT_LIMITS
    try:
        with collector_paused():  # a reader keeps what it builds (readers/collector.py)
            document = _read_bytes(data, path, limits)
            limits.check_paragraphs(path, document)
            return document
    except TextcheckError:
        raise
    except Exception as exc:
        if os.environ.get("TEXTCHECK_STRICT") == "1":
            raise
        if isinstance(exc, MemoryError):
            raise ReadError(path, "too large to read in the memory available (lower it or raise the limit)") from None
        if isinstance(exc, RecursionError):
            raise ReadError(path, "could not be read: structure nested too deeply") from None
        reason = (str(exc).splitlines() or [""])[0][:200]
        raise ReadError(path, f"could not be read: internal error {type(exc).__name__}: {reason} "
                              "(please report this file)") from None


def _read_bytes(data: bytes, path: str, limits: Limits) -> Document:
    if not data:
        raise ReadError(path, "empty file")
    if len(data) > limits.max_file_bytes:
        raise LimitError(path, f"file has {len(data):,} bytes", "max-file-mb", limits.max_file_mb)
    fmt = sniff_format(data, path)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        from textcheck.readers.pdf import read_pdf

        _check_pdf_pages(data, path, limits)
        doc = read_pdf(data, path)
    elif fmt == "docx":
        from textcheck.readers.docx import read_docx

        check_zip(data, path, limits)
        doc = read_docx(data, path, limits)
    elif fmt == "xlsx":
        from textcheck.readers.xlsx import read_xlsx

        check_zip(data, path, limits)
        doc = read_xlsx(data, path, limits)
    elif fmt == "html":
        from textcheck.readers.encoding import decode
        from textcheck.readers.html import read_html

        doc = read_html(decode(data, path), path, limits)
    elif fmt in ("zip", "ole"):
        raise ReadError(path, "unsupported file type (zip/legacy Office); save as .docx, .xlsx, .pdf or text")
    else:
        from dataclasses import replace

        from textcheck.readers.encoding import detect

        text, encoding = detect(data, path)
        # as read_text, but hashed once below: the file's own hash replaces the text's
        doc = _read_decoded(_without_lone_surrogates(text), path, fmt, limits)
        doc = replace(doc, meta={**doc.meta, "encoding": encoding})
    return _with_sha(doc, sha)


def read_path(path: str | Path, limits: Limits | None = None) -> Document:
    """Read a file by name.  Only regular files are read (a FIFO would block, a
    device such as /dev/zero never ends), and never more than the size limit."""
    limits = limits or DEFAULT_LIMITS
    name = str(path)
    try:
        st = os.stat(path)  # follows symlinks: the file the user named
        if stat.S_ISDIR(st.st_mode):
            raise ReadError(name, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(name, f"not a regular file ({_file_kind(st.st_mode)}); save it as a file first")
        if st.st_size > limits.max_file_bytes:
            raise LimitError(name, f"file has {st.st_size:,} bytes", "max-file-mb", limits.max_file_mb)
        with open(path, "rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)  # the file may grow while it is read
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(name, "is a folder, not a file") from None
    except (OSError, ValueError) as exc:  # ELOOP, ENAMETOOLONG, EIO, a NUL in the name …
        raise ReadError(name, getattr(exc, "strerror", None) or str(exc)) from None
    return read_bytes(data, name, limits)


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


def check_zip(data: bytes, path: str, limits: Limits) -> None:
    """Zip-bomb guard for DOCX/XLSX, from the central directory alone.

    zipfile never unpacks more than a member's declared size (a lying header
    ends in a CRC error), so the declared sizes bound what the Office readers
    can inflate.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(path, f"not a readable Office file (corrupt zip: {type(exc).__name__})") from None
    if len(members) > limits.max_zip_entries:
        raise LimitError(path, f"archive has {len(members):,} entries", "max-zip-entries", limits.max_zip_entries)
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unzipped_bytes:
        raise LimitError(path, f"archive unpacks to {unpacked / 1048576:,.0f} MB", "max-unzipped-mb",
                         limits.max_unzipped_mb)


def _check_pdf_pages(data: bytes, path: str, limits: Limits) -> None:
    """Refuse a PDF with too many pages before pdfplumber reads any of them."""
    try:
        import pypdfium2  # installed with pdfplumber; counts pages without parsing them
    except ImportError:  # pragma: no cover - the pdf reader reports the missing extra
        return
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # noqa: BLE001 — damaged files are the PDF reader's to report
        return
    try:
        pages = len(document)
    finally:
        document.close()
    if pages > limits.max_pages:
        raise LimitError(path, f"PDF has {pages:,} pages", "max-pages", limits.max_pages)


def read_text(text: str, path: str = "<text>", fmt: str = "text", limits: Limits | None = None) -> Document:
    """Parse already-decoded text (plain text or Markdown)."""
    with collector_paused():  # a reader keeps what it builds (readers/collector.py)
        text, encoded = _utf8(text)
        doc = _read_decoded(text, path, fmt, limits)
        if not doc.sha256:
            doc = _with_sha(doc, hashlib.sha256(encoded).hexdigest())
        return doc


def _read_decoded(text: str, path: str, fmt: str, limits: Limits | None) -> Document:
    """A Document of decoded text (no lone surrogates), its paragraphs within the limits; no hash yet."""
    from textcheck.readers.text import parse_text

    doc = parse_text(text, path=path, fmt=fmt, limits=limits)
    (limits or DEFAULT_LIMITS).check_paragraphs(path, doc)
    return doc


def _without_lone_surrogates(text: str) -> str:
    """A str from the API may hold lone surrogates ("\\ud800"), which no encoder accepts:
    each becomes U+FFFD (one character for one, so every position stays)."""
    return _utf8(text)[0]


def _utf8(text: str) -> tuple[str, bytes]:
    """``_without_lone_surrogates(text)`` and its UTF-8 bytes: the test that finds a lone
    surrogate is the encoding the document's hash needs, so the text is encoded once."""
    try:
        return text, text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
        return text, text.encode("utf-8")


def combine_documents(documents: list[Document]) -> Document:
    """Several files of one disclosure (text volume + table volume) as one Document."""
    from textcheck.readers.combine import combine

    return combine(documents)


def relocate(diagnostics: list, document: Document) -> list:
    """Each diagnostic with the page and reference (volume, page, paragraph, cell) of the
    line it points at: only the reader knows where a document's lines came from."""
    from textcheck.readers.combine import relocate as _relocate

    return _relocate(diagnostics, document)


def _with_sha(doc: Document, sha: str) -> Document:
    from dataclasses import replace

    return replace(doc, sha256=sha)
