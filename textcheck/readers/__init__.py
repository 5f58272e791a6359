"""Readers: a file becomes a located Document.  Readers never judge.

The reader is chosen by content (magic bytes) first and extension second.
Every failure is a ``ReadError`` with a one-line reason.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from textcheck.document import Document
from textcheck.errors import ReadError

# Inputs larger than this are refused with a clear message rather than read.
MAX_INPUT_BYTES = 200 * 1024 * 1024


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
    return "text"


def read_bytes(data: bytes, path: str) -> Document:
    """Read a file's bytes into a Document, choosing the reader by content."""
    if not data:
        raise ReadError(path, "empty file")
    fmt = sniff_format(data, path)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        from textcheck.readers.pdf import read_pdf

        doc = read_pdf(data, path)
    elif fmt == "docx":
        from textcheck.readers.docx import read_docx

        doc = read_docx(data, path)
    elif fmt == "xlsx":
        from textcheck.readers.xlsx import read_xlsx

        doc = read_xlsx(data, path)
    elif fmt == "html":
        from textcheck.readers.html import read_html
        from textcheck.readers.encoding import decode

        doc = read_html(decode(data, path), path)
    elif fmt in ("zip", "ole"):
        raise ReadError(path, "unsupported file type (zip/legacy Office); save as .docx, .xlsx, .pdf or text")
    else:
        from textcheck.readers.encoding import decode

        from dataclasses import replace

        from textcheck.readers.encoding import detect

        text, encoding = detect(data, path)
        doc = read_text(text, path=path, fmt=fmt)
        doc = replace(doc, meta={**doc.meta, "encoding": encoding})
    return _with_sha(doc, sha)


def read_path(path: str | Path) -> Document:
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError(str(path), "is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise ReadError(str(path), f"file too large ({size // (1024 * 1024)} MB > {MAX_INPUT_BYTES // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except PermissionError:
        raise ReadError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise ReadError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from None
    return read_bytes(data, str(path))


def read_text(text: str, path: str = "<text>", fmt: str = "text") -> Document:
    """Parse already-decoded text (plain text or Markdown)."""
    from textcheck.readers.text import parse_text

    doc = parse_text(text, path=path, fmt=fmt)
    if not doc.sha256:
        doc = _with_sha(doc, hashlib.sha256(text.encode("utf-8")).hexdigest())
    return doc


def combine_documents(documents: list[Document]) -> Document:
    """Several files of one disclosure (text volume + table volume) as one Document."""
    from textcheck.readers.combine import combine

    return combine(documents)


def _with_sha(doc: Document, sha: str) -> Document:
    from dataclasses import replace

    return replace(doc, sha256=sha)
