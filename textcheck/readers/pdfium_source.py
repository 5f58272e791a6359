"""A PDF's page objects read with pypdfium2, in the shape pdfplumber gives them.

The PDF reader (``readers/pdf.py``) rebuilds lines, paragraphs and tables from
each page's characters, ruling lines, rectangles and curves.  pdfplumber gets
those from pdfminer, a pure-Python PDF interpreter that costs most of a PDF
check.  pypdfium2 (Apache-2.0/BSD-3-Clause, installed with pdfplumber) wraps
PDFium, the C++ engine of Chrome: it interprets the same content streams
several times faster.  This module turns PDFium's objects into the dicts
pdfplumber would have produced, so the reconstruction cannot tell the sources
apart (``tests/test_pdf_sources.py`` compares both on every corpus PDF):

- characters (``readers/pdfium_chars.py``): ``text``, ``x0``/``x1``/``top``/
  ``bottom`` (pdfminer's box), ``size`` and ``fontname``;
- paths (``readers/pdfium_paths.py``): pdfminer's ``line``, ``rect`` and
  ``curve`` with ``stroke``, ``fill`` and ``non_stroking_color``;
- coordinates as pdfplumber's (``readers/pdfium_geometry.py``): the page's
  /Rotate and MediaBox origin applied the way pdfminer applies them,
  ``top``/``bottom`` measured from the top.

Tables are still found by pdfplumber's table finder: ``PdfiumPage`` is a
pdfplumber ``Container`` whose objects are already there, so ``filter``,
``horizontal_edges`` and ``find_tables`` are pdfplumber's own code working on
these objects.

What differs, and why it does not matter to the reader:

- blank characters are left out (the reader drops them first thing), as are
  the spaces and line breaks PDFium infers; a hyphen PDFium marks as a line-end
  hyphen is given back as the "-" it was;
- PDFium computes in single precision.  Its inputs are taken back to the
  decimals they were written with (``pdfium_geometry.snap``) and the boxes computed in double
  precision as pdfminer does, so coordinates agree to about 1e-4 pt.  Where the
  reader bins coordinates to whole points it snaps them to a thousandth
  first, so k + 0.5 falls the same way for both (``point`` in readers/pdf_render.py).

PDFium is not thread-safe: every call into it happens under ``_LOCK``; the
functions called per character or path segment are declared for plain
addresses in ``readers/pdfium_calls.py``.
"""
from __future__ import annotations

import threading
from typing import Callable, Iterator

from textcheck.errors import ReadError
from textcheck.readers.pdfium_chars import chars as _chars
from textcheck.readers.pdfium_geometry import ROTATIONS, Mapper, snap
from textcheck.readers.pdfium_paths import paths as _paths

_LOCK = threading.RLock()


def _container_base():
    try:
        from pdfplumber.container import Container
    except ImportError:  # pragma: no cover - depends on the install
        return object
    return Container


class PdfiumPage(_container_base()):
    """One page's objects (pdfplumber dicts) with the pdfplumber page methods the reader uses."""

    def __init__(self, number: int, width: float, height: float, bbox: tuple, objects: dict):
        self.page_number = number
        self.width = width
        self.height = height
        self.bbox = bbox
        self._objects = objects

    @property
    def objects(self) -> dict:
        return self._objects

    def filter(self, test: Callable[[dict], bool]) -> "PdfiumPage":
        kept = {kind: [o for o in objs if test(o)] for kind, objs in self._objects.items()}
        return PdfiumPage(self.page_number, self.width, self.height, self.bbox, kept)

    def find_tables(self, table_settings=None) -> list:
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(table_settings)).tables

    def close(self) -> None:
        self.flush_cache()

    def to_state(self) -> tuple:
        """Plain data for the layout cache (``PdfiumPage.from_state`` rebuilds the page).

        Characters, by far the most objects, are stored column by column: a
        tenth of the size of their dicts and quicker to load."""
        objects = dict(self._objects)
        chars = objects.pop("char", [])
        columns = tuple([c[key] for c in chars] for key in _CHAR_COLUMNS)
        return (self.page_number, self.width, self.height, tuple(self.bbox), columns, objects)

    @staticmethod
    def check_state(state) -> None:
        """ValueError (or TypeError) unless ``state`` reads as a page's state."""
        number, width, height, bbox, columns, objects = state
        if not isinstance(objects, dict) or not all(isinstance(v, list) for v in objects.values()):
            raise ValueError("not a page's objects")
        if len(columns) != len(_CHAR_COLUMNS) or len({len(col) for col in columns}) > 1:
            raise ValueError("not a page's characters")

    @classmethod
    def from_state(cls, state: tuple) -> "PdfiumPage":
        cls.check_state(state)
        number, width, height, bbox, columns, objects = state
        if columns[0]:
            objects = {"char": [_char_dict(number, *values) for values in zip(*columns)], **objects}
        return cls(number, width, height, tuple(bbox), objects)


_CHAR_COLUMNS = ("text", "fontname", "size", "x0", "x1", "y0", "y1", "top", "bottom", "width", "height", "upright")


def _char_dict(number, text, fontname, size, x0, x1, y0, y1, top, bottom, width, height, upright) -> dict:
    return {
        "object_type": "char", "page_number": number, "text": text, "fontname": fontname,
        "size": size, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
        "top": top, "bottom": bottom, "doctop": top, "width": width, "height": height, "upright": upright,
    }


def read_pages(data: bytes | str, path: str, max_pages: int | None = None) -> list[PdfiumPage]:
    """Every page of the PDF (or the first ``max_pages``) as a PdfiumPage; ``data`` is the
    file's bytes or its path.  ReadError when the PDF cannot be read."""
    return list(iter_pages(data, path, max_pages))


def iter_pages(data: bytes | str, path: str, max_pages: int | None = None) -> Iterator[PdfiumPage]:
    """The pages one by one (a long PDF never has all its pages' objects in memory at once).

    PDFium is called under ``_LOCK`` only while a page is read, never while the
    caller works on a page it was given."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ReadError(path, f"reading PDF needs pypdfium2 ({exc.name} missing): pip install 'textcheck[pdf]'") from None
    with _LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise ReadError(path, _open_failure(exc, raw)) from None
    try:
        with _LOCK:
            count = len(doc)
        if count == 0:
            raise ReadError(path, "not a readable PDF (truncated or damaged: no pages found)")
        for index in range(count if max_pages is None else min(count, max_pages)):
            try:
                with _LOCK:
                    page = _read_page(doc, index, raw)
            except Exception as exc:
                raise ReadError(path, f"not a readable PDF (truncated or damaged: {type(exc).__name__})") from None
            yield page
    finally:
        with _LOCK:
            doc.close()


def _open_failure(exc, raw) -> str:
    code = getattr(exc, "err_code", None)
    if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
        return "encrypted PDF (password protected); save an unprotected copy"
    return "not a readable PDF (truncated or damaged)"


def _read_page(doc, index: int, raw) -> PdfiumPage:
    page = doc[index]
    try:
        rotation = page.get_rotation() % 360
        mx0, my0, mx1, my1 = (snap(v) for v in page.get_mediabox())
        ctm = ROTATIONS.get(rotation, ROTATIONS[0])(mx0, my0, mx1, my1)
        # pdfplumber's page box: the MediaBox turned by /Rotate, measured from the top
        if rotation in (90, 270):
            bx0, by0, bx1, by1 = my0, mx0, my1, mx1
        else:
            bx0, by0, bx1, by1 = mx0, my0, mx1, my1
        height = by1 - by0
        bbox = (bx0, height - by1, bx1, height - by0)
        mapper = Mapper(ctm, height, bbox[0], bbox[1])
        objects: dict[str, list[dict]] = {}
        chars = _chars(page, raw, mapper, index + 1)
        if chars:
            objects["char"] = chars
        _paths(page, raw, mapper, index + 1, objects)
        return PdfiumPage(index + 1, bx1 - bx0, height, bbox, objects)
    finally:
        page.close()
