"""Several files of one disclosure (a text volume and a table volume) as one Document.

Jiangsu publishes the narrative (情况说明) and the tables (公开01表 … 公开12表)
as two PDFs; the narrative's figures can only be checked against tables from
the other file.  ``combine`` concatenates the parts' renderings and shifts
every location by the lines before it, so line numbers point into the
combined rendering, while each location's ``ref`` names the part's file (and
page: "…-tables.pdf p.3"), so a reviewer is sent into the right file.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import PurePath

from textcheck.document import Document, Location, LocatedText
from textcheck.errors import ReadError


def combine(documents: list[Document]) -> Document:
    """One Document of several parts; narrative volumes first, then table volumes."""
    if not documents:
        raise ReadError("<combine>", "nothing to combine")
    if len(documents) == 1:
        return documents[0]
    # Text volumes before table volumes: a sentence is checked against any table
    # either way, but the combined rendering reads like the printed disclosure.
    parts = sorted(documents, key=lambda d: (1 if d.tables and not d.paragraphs else 0))
    lines: list[str] = []
    line_pages: list[int | None] = []
    line_refs: list[str | None] = []
    headings, paragraphs, tables, toc = [], [], [], []
    part_meta = []
    char_boxes: dict = {}  # PDF parts' char boxes, moved to the combined lines (report/pdf_pages.py)
    for doc in parts:
        offset = len(lines)
        name = PurePath(doc.path).name
        shift = _Shifter(offset, name)
        pages = list(doc.meta.get("line_pages") or [None] * len(doc.source_lines))
        lines.extend(doc.source_lines)
        line_pages.extend(pages)
        line_refs.extend(_ref(name, p) for p in pages)
        headings.extend(shift(h) for h in doc.headings)
        for p in doc.paragraphs:
            paragraphs.append(dataclasses.replace(shift(p), index=len(paragraphs)))
        for t in doc.tables:
            tables.append(dataclasses.replace(shift(t), index=len(tables)))
        toc.extend(shift(e) for e in doc.toc)
        part_meta.append({"path": doc.path, "format": doc.format, "first_line": offset + 1,
                          "last_line": len(lines), "pages": doc.meta.get("pages")})
        if doc.meta.get("char_boxes"):
            char_boxes.update({line + offset: boxes for line, boxes in doc.meta["char_boxes"].items()})
            part_meta[-1]["page_sizes"] = doc.meta.get("page_sizes")
    meta = {"parts": part_meta, "line_pages": tuple(line_pages), "line_refs": tuple(line_refs)}
    if char_boxes:
        meta["char_boxes"] = char_boxes
    for key in ("department", "year", "kind"):
        value = next((d.meta[key] for d in parts if d.meta.get(key)), None)
        if value is not None:
            meta[key] = value
    pages = [d.meta.get("pages") for d in parts]
    if all(pages):
        meta["pages"] = sum(pages)
    sha = hashlib.sha256("".join(d.sha256 for d in parts).encode()).hexdigest()
    fmt = parts[0].format if len({d.format for d in parts}) == 1 else "mixed"
    return Document(path=" + ".join(d.path for d in parts), format=fmt, source_lines=tuple(lines),
                    headings=tuple(headings), paragraphs=tuple(paragraphs), tables=tuple(tables),
                    toc=tuple(toc), sha256=sha, meta=meta)


def _ref(name: str, page: int | None) -> str:
    return f"{name} p.{page}" if page else name


class _Shifter:
    """Copies a model object with every location moved down by ``offset`` lines and tagged with its file."""

    def __init__(self, offset: int, name: str):
        self.offset = offset
        self.name = name

    def __call__(self, obj):
        if isinstance(obj, LocatedText):
            positions = tuple((line + self.offset, col) for line, col in obj.positions)
            return LocatedText(obj.text, positions, obj.page, self._tag(obj.ref, obj.page))
        if isinstance(obj, Location):
            return dataclasses.replace(obj, line=obj.line + self.offset if obj.line else obj.line,
                                       end_line=obj.end_line + self.offset if obj.end_line else obj.end_line,
                                       ref=self._tag(obj.ref, obj.page))
        if isinstance(obj, tuple):
            return tuple(self(x) for x in obj)
        if isinstance(obj, list):
            return [self(x) for x in obj]
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and _has_locations(type(obj)):
            changes = {f.name: self(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
            return dataclasses.replace(obj, **changes)
        return obj

    def _tag(self, ref: str | None, page: int | None) -> str:
        own = _ref(self.name, page)
        return f"{own} {ref}" if ref else own


_LOCATED_TYPES: dict[type, bool] = {}


def _has_locations(cls: type) -> bool:
    """Only descend into the document model's own types (Numbers etc. are copied as they are)."""
    if cls not in _LOCATED_TYPES:
        _LOCATED_TYPES[cls] = cls.__module__ == "textcheck.document"
    return _LOCATED_TYPES[cls]


def page_of_line(document: Document, line: int | None) -> tuple[int | None, str | None]:
    """(page, ref) of a rendered line, from the reader's per-line map (None when unknown)."""
    if not line:
        return None, None
    pages = document.meta.get("line_pages")
    refs = document.meta.get("line_refs")
    page = pages[line - 1] if pages and 0 < line <= len(pages) else None
    ref = refs[line - 1] if refs and 0 < line <= len(refs) else None
    return page, ref


def relocate(diagnostics: list, document: Document) -> list:
    """Give each diagnostic (and its evidence) the page and reference of the line it points at.

    A paragraph re-joined across a page break keeps one page in its
    LocatedText; the per-line map knows on which page each of its lines was
    printed, so a finding in the second half is reported on the right page.
    A location a rule built by hand without a reference gets the line's
    ("段落 12", "Sheet1!7"), so a DOCX/XLSX finding always names where it is.
    """
    if not document.meta.get("line_pages") and not document.meta.get("line_refs"):
        return diagnostics
    out = []
    for d in diagnostics:
        loc = _relocated(d.location, d.location.line, document)
        related = tuple(_relocated(r, r.line, document) for r in d.related)
        out.append(dataclasses.replace(d, location=loc, related=related))
    return out


def _relocated(obj, line: int | None, document: Document):
    page, ref = page_of_line(document, line)
    if page is not None:  # PDF lines: the page, and in a combined document "file p.N"
        return dataclasses.replace(obj, page=page, ref=ref if ref is not None else obj.ref)
    if ref is not None and not obj.ref:
        return dataclasses.replace(obj, ref=ref)
    return obj
