"""A PDF's page objects read with pypdfium2, in the shape pdfplumber gives them.

The PDF reader (``readers/pdf.py``) rebuilds lines, paragraphs and tables from
each page's characters, ruling lines, rectangles and curves.  pdfplumber gets
those from pdfminer, a pure-Python PDF interpreter that costs most of a PDF
check.  pypdfium2 (Apache-2.0/BSD-3-Clause, installed with pdfplumber) wraps
PDFium, the C++ engine of Chrome: it interprets the same content streams
several times faster.  This module turns PDFium's objects into the dicts
pdfplumber would have produced, so the reconstruction cannot tell the sources
apart (``tests/test_pdf_sources.py`` compares both on every corpus PDF):

- characters: ``text``, ``x0``/``x1``/``top``/``bottom`` (pdfminer's box: the
  glyph's advance width, from the font's descent up one font size), ``size``
  and ``fontname``;
- paths split at each ``m`` into pdfminer's ``line`` (one segment), ``rect``
  (a closed axis-aligned four-sided loop) and ``curve`` (anything else; a
  Bézier segment keeps only its end point, as pdfminer does), with ``stroke``,
  ``fill`` and ``non_stroking_color`` (white is (1, 1, 1) whatever the colour
  space was);
- coordinates as pdfplumber's: the page's /Rotate and MediaBox origin applied
  the way pdfminer applies them, ``top``/``bottom`` measured from the top.

Tables are still found by pdfplumber's table finder: ``PdfiumPage`` is a
pdfplumber ``Container`` whose objects are already there, so ``filter``,
``horizontal_edges`` and ``find_tables`` are pdfplumber's own code working on
these objects.

What differs, and why it does not matter to the reader:

- blank characters are left out (the reader drops them first thing), as are
  the spaces and line breaks PDFium infers; a hyphen PDFium marks as a line-end
  hyphen is given back as the "-" it was;
- PDFium computes in single precision.  Its inputs are taken back to the
  decimals they were written with (``_f``) and the boxes computed in double
  precision as pdfminer does, so coordinates agree to about 1e-4 pt.  Where the
  reader bins coordinates to whole points it snaps them to a thousandth
  first, so k + 0.5 falls the same way for both (``_point`` in readers/pdf.py).

PDFium is not thread-safe: every call into it happens under ``_LOCK``.
"""
from __future__ import annotations

import ctypes
import threading
from typing import Callable, Iterator

from textcheck.errors import ReadError

_LOCK = threading.RLock()

# pdfminer's device matrix for each /Rotate value, from the MediaBox (x0, y0, x1, y1)
_ROTATIONS: dict[int, Callable] = {
    0: lambda x0, y0, x1, y1: (1, 0, 0, 1, -x0, -y0),
    90: lambda x0, y0, x1, y1: (0, -1, 1, 0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1, 0, 0, -1, x1, y1),
    270: lambda x0, y0, x1, y1: (0, 1, -1, 0, y1, -x0),
}


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


def _f(value: float) -> float:
    """A single-precision number from PDFium as the decimal it most likely was (7 digits).

    PDFium computes in single precision: 273.23 comes out as 273.2300109…, 514.5
    as 514.49994…  pdfminer computes in double precision from the numbers as
    written.  Taking PDFium's inputs (origins, sizes, matrices, path points) back
    to 7 significant digits and doing the arithmetic in double precision gives
    the values pdfminer gives, so tests such as ``round(x1)`` or ``a == b``
    fall the same way for both sources.
    """
    return float(f"{value:.7g}")


def _read_page(doc, index: int, raw) -> PdfiumPage:
    page = doc[index]
    try:
        rotation = page.get_rotation() % 360
        mx0, my0, mx1, my1 = (_f(v) for v in page.get_mediabox())
        ctm = _ROTATIONS.get(rotation, _ROTATIONS[0])(mx0, my0, mx1, my1)
        # pdfplumber's page box: the MediaBox turned by /Rotate, measured from the top
        if rotation in (90, 270):
            bx0, by0, bx1, by1 = my0, mx0, my1, mx1
        else:
            bx0, by0, bx1, by1 = mx0, my0, mx1, my1
        height = by1 - by0
        bbox = (bx0, height - by1, bx1, height - by0)
        mapper = _Mapper(ctm, height, bbox[0], bbox[1])
        objects: dict[str, list[dict]] = {}
        chars = _chars(page, raw, mapper, index + 1)
        if chars:
            objects["char"] = chars
        _paths(page, raw, mapper, index + 1, objects)
        return PdfiumPage(index + 1, bx1 - bx0, height, bbox, objects)
    finally:
        page.close()


class _Mapper:
    """PDF user space → pdfplumber's coordinates (x from the left, top from the top)."""

    __slots__ = ("a", "b", "c", "d", "e", "f", "height", "dx", "dy")

    def __init__(self, ctm, height: float, dx: float, dy: float):
        self.a, self.b, self.c, self.d, self.e, self.f = ctm
        self.height, self.dx, self.dy = height, dx, dy

    def device(self, x: float, y: float) -> tuple[float, float]:
        """pdfminer's device coordinates (y up) of a point."""
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f


# ---------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------


def _chars(page, raw, mapper: _Mapper, number: int) -> list[dict]:
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        if count <= 0:
            return []
        codes = _unicode_units(raw, tp, count)
        calls = _calls(raw)
        handle = _address(tp)
        objects: dict[int, tuple] = {}  # text object address → (font, name, size, descent, matrix to device)
        fonts: dict[int, tuple] = {}  # font address → (base font name, descent per unit of size)
        widths: dict[tuple, float] = {}  # (font address, character) → advance width at size 1000
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pox, poy = ctypes.byref(ox), ctypes.byref(oy)
        is_generated, text_object, char_origin = calls.is_generated, calls.text_object, calls.char_origin
        is_hyphen = getattr(raw, "FPDFText_IsHyphen", None)
        height, dx, dy = mapper.height, mapper.dx, mapper.dy
        ma, mb, mc, md, me, mf = mapper.a, mapper.b, mapper.c, mapper.d, mapper.e, mapper.f
        out: list[dict] = []
        append = out.append
        for i in range(count):
            code = codes[i] if codes is not None else raw.FPDFText_GetUnicode(tp, i)
            if code in _HYPHEN_MARKS and is_hyphen is not None and is_hyphen(tp, i) == 1:
                code = _hyphen(raw, tp, i)
            text = chr(code) if code else ""
            # blanks carry no text for the reader (it drops them), and PDFium's generated
            # characters (spaces and line breaks it infers) are not in the content stream
            if not text or text.isspace() or is_generated(handle, i) == 1:
                continue
            key = text_object(handle, i) or 0
            info = objects.get(key)
            if info is None:
                info = objects[key] = _object_info(raw, tp, i, fonts, mapper)
            font, fontname, fontsize, descent, (a, b, c, d) = info
            w = widths.get((font, code))
            if w is None:
                w = widths[(font, code)] = _width(raw, tp, i, code, fontsize)
            char_origin(handle, i, pox, poy)
            x, y = _f(ox.value), _f(oy.value)
            # pdfminer's LTChar: the box (0, descent) to (advance, descent + size) in text
            # space, through the character's matrix, on pdfminer's device (page rotation)
            adv = w * fontsize / 1000.0
            lo = descent * fontsize
            hi = lo + fontsize
            X = ma * x + mc * y + me
            Y = mb * x + md * y + mf
            if b == 0 and c == 0:  # upright (or turned by 180°): two corners span the box
                x0, x1 = X, X + a * adv
                y0, y1 = Y + d * lo, Y + d * hi
            else:
                xs = (X + c * lo, X + a * adv + c * lo, X + c * hi, X + a * adv + c * hi)
                ys = (Y + d * lo, Y + b * adv + d * lo, Y + d * hi, Y + b * adv + d * hi)
                x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
            top = height - y1 + dy
            bottom = height - y0 + dy
            append(_char_dict(number, text, fontname, y1 - y0, x0 + dx, x1 + dx, y0, y1, top, bottom,
                              x1 - x0, bottom - top, a * d > 0 and b * c <= 0))
        return out
    finally:
        textpage.close()


class _Calls:
    """The three PDFium functions called for every character, declared with plain
    ``void*`` arguments: converting pypdfium2's typed pointers on each call costs
    more than the call itself."""

    def __init__(self, raw):
        lib = None
        try:
            from pypdfium2_raw.bindings import _libs

            lib = _libs["pdfium"]
        except Exception:  # another pypdfium2 layout: use its typed functions
            pass
        if lib is None:
            self.is_generated = lambda tp, i: raw.FPDFText_IsGenerated(_pointer(raw.FPDF_TEXTPAGE, tp), i)
            self.text_object = lambda tp, i: _address(raw.FPDFText_GetTextObject(_pointer(raw.FPDF_TEXTPAGE, tp), i))
            self.char_origin = lambda tp, i, x, y: raw.FPDFText_GetCharOrigin(_pointer(raw.FPDF_TEXTPAGE, tp), i, x, y)
            return
        vp, n, dp = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
        # lib[name] makes a new function object: pypdfium2's own declarations stay untouched
        self.is_generated = _declare(lib["FPDFText_IsGenerated"], n, vp, n)
        self.text_object = _declare(lib["FPDFText_GetTextObject"], vp, vp, n)
        self.char_origin = _declare(lib["FPDFText_GetCharOrigin"], n, vp, n, dp, dp)


def _declare(function, restype, *argtypes):
    function.restype = restype
    function.argtypes = argtypes
    return function


def _pointer(kind, address: int):
    return ctypes.cast(ctypes.c_void_p(address), kind)


_CALLS: _Calls | None = None


def _calls(raw) -> _Calls:
    global _CALLS
    if _CALLS is None:
        _CALLS = _Calls(raw)
    return _CALLS


# PDFium marks a hyphen ending a line (GetText gives U+FFFE, GetUnicode U+0002)
_HYPHEN_MARKS = (0xFFFE, 0x0002)


def _hyphen(raw, tp, index: int) -> int:
    """The hyphen as printed: "-" unless its text object holds a soft hyphen (U+00AD) and no "-"."""
    obj = raw.FPDFText_GetTextObject(tp, index)
    n = raw.FPDFTextObj_GetText(obj, tp, None, 0)
    if n > 2:
        buf = (ctypes.c_ushort * (n // 2))()
        raw.FPDFTextObj_GetText(obj, tp, buf, n)
        units = set(buf)
        if 0xAD in units and 0x2D not in units:
            return 0xAD
    return 0x2D


def _address(pointer) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _unicode_units(raw, tp, count: int):
    """All characters' code units in one call (None when they do not map one to one)."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(tp, 0, count, buf)
    if written != count + 1:  # surrogate pairs or a short read: fall back to one call per character
        return None
    return buf


def _object_info(raw, tp, index: int, fonts: dict, mapper: _Mapper) -> tuple:
    """A text object's font, size, descent and text-space → device matrix (a, b, c, d)."""
    obj = raw.FPDFText_GetTextObject(tp, index)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size)
    font = raw.FPDFTextObj_GetFont(obj)
    key = _address(font)
    if key not in fonts:
        fonts[key] = _font_info(raw, font)
    name, descent = fonts[key]
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(tp, index, m)
    a, b, c, d = _f(m.a), _f(m.b), _f(m.c), _f(m.d)
    # then pdfminer's device matrix (page rotation): row vectors, text space first
    A, B, C, D = mapper.a, mapper.b, mapper.c, mapper.d
    device = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D)
    return key, name, _f(size.value), descent, device


def _font_info(raw, font) -> tuple[str, float]:
    """(base font name, descent per unit of font size: negative, pdfminer's rule)."""
    descent = 0.0
    name = ""
    if font:
        d = ctypes.c_float()
        if raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), d):
            descent = _f(d.value) / 1000.0
        get_name = getattr(raw, "FPDFFont_GetBaseFontName", None)  # PDFium 2024+
        n = get_name(font, None, 0) if get_name else 0
        if n:
            buf = ctypes.create_string_buffer(n)
            raw.FPDFFont_GetBaseFontName(font, buf, n)
            name = buf.value.decode("latin-1")
    return name, -abs(descent)


def _width(raw, tp, index: int, code: int, fontsize: float) -> float:
    """The character's advance width at font size 1000 (pdfminer's ``adv`` / size × 1000).

    Asked from the font: PDFium's loose box is not it for every font (a
    non-embedded Adobe CJK font's digits come out wider).  When the font
    cannot map the character back to its code, the loose box's width is the
    next best measure.
    """
    font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(tp, index))
    width = ctypes.c_float()
    if font and raw.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1000.0), width) and width.value > 0:
        return _f(width.value)
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(tp, index, m)
    if m.b == 0 and m.c == 0 and m.a > 0 and fontsize:
        box = raw.FS_RECTF()
        raw.FPDFText_GetLooseCharBox(tp, index, box)
        return (box.right - box.left) / m.a / fontsize * 1000.0
    return 1000.0


# ---------------------------------------------------------------------------
# Paths: lines, rectangles, curves
# ---------------------------------------------------------------------------


def _paths(page, raw, mapper: _Mapper, number: int, objects: dict) -> None:
    for obj, matrix in _page_objects(raw, page.raw):
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
            _path(raw, obj, matrix, mapper, number, objects)


def _page_objects(raw, page) -> Iterator[tuple]:
    """Every object of the page, form XObjects opened, with the matrix to page space."""
    count = raw.FPDFPage_CountObjects(page)
    for i in range(count):
        obj = raw.FPDFPage_GetObject(page, i)
        yield from _object_tree(raw, obj, None)


def _object_tree(raw, obj, outer) -> Iterator[tuple]:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    matrix = (_f(m.a), _f(m.b), _f(m.c), _f(m.d), _f(m.e), _f(m.f))
    if outer is not None:
        matrix = _multiply(matrix, outer)
    if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
        for k in range(raw.FPDFFormObj_CountObjects(obj)):
            yield from _object_tree(raw, raw.FPDFFormObj_GetObject(obj, k), matrix)
        return
    yield obj, matrix


def _multiply(m1, m2):
    """m1 then m2 (row-vector convention, as PDF matrices)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _path(raw, obj, matrix, mapper: _Mapper, number: int, objects: dict) -> None:
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fillmode, stroke)
    fill, stroke = fillmode.value != 0, bool(stroke.value)
    if not fill and not stroke:
        return
    color = _fill_color(raw, obj)
    a, b, c, d, e, f = matrix
    fx, fy = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[str, list]] = []  # pdfminer's shape letters and device points per subpath
    shape: list[str] = []
    pts: list = []
    bezier = 0
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        kind = raw.FPDFPathSegment_GetType(seg)
        raw.FPDFPathSegment_GetPoint(seg, fx, fy)
        x, y = _f(fx.value), _f(fy.value)
        point = mapper.device(a * x + c * y + e, b * x + d * y + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                subpaths.append(("".join(shape), pts))
            shape, pts, bezier = ["m"], [point], 0
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier == 3:  # one "c": pdfminer keeps its end point only
                shape.append("c")
                pts.append(point)
                bezier = 0
        else:
            shape.append("l")
            pts.append(point)
        if raw.FPDFPathSegment_GetClose(seg) and shape:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        subpaths.append(("".join(shape), pts))
    for shape_text, points in subpaths:
        _emit(shape_text, points, stroke, fill, color, mapper, number, objects)


def _fill_color(raw, obj) -> tuple:
    r, g, b, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not raw.FPDFPageObj_GetFillColor(obj, r, g, b, alpha):
        return ()
    rgb = (r.value, g.value, b.value)
    if rgb == (255, 255, 255):
        return (1, 1, 1)
    return tuple(v / 255 for v in rgb)


def _emit(shape: str, pts: list, stroke: bool, fill: bool, color, mapper: _Mapper, number: int,
          objects: dict) -> None:
    """pdfminer's classification of one subpath (converter.paint_path)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("mlh", "ml"):
        _add(objects, "line", _component("line", pts[:2], stroke, fill, color, mapper, number))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            corners = [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
            _add(objects, "rect", _component("rect", corners, stroke, fill, color, mapper, number))
            return
    if shape.startswith("m") and len(pts) > 1:
        _add(objects, "curve", _component("curve", pts, stroke, fill, color, mapper, number, keep_pts=True))


def _add(objects: dict, kind: str, obj: dict) -> None:
    objects.setdefault(kind, []).append(obj)


def _component(kind: str, pts: list, stroke, fill, color, mapper: _Mapper, number: int,
               keep_pts: bool = False) -> dict:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = mapper.height - y1 + mapper.dy
    bottom = mapper.height - y0 + mapper.dy
    out = {
        "object_type": kind, "page_number": number,
        "x0": x0 + mapper.dx, "x1": x1 + mapper.dx, "y0": y0, "y1": y1, "top": top, "bottom": bottom,
        "doctop": top, "width": x1 - x0, "height": bottom - top,
        "stroke": stroke, "fill": fill, "non_stroking_color": color,
    }
    if keep_pts:
        out["pts"] = [(x + mapper.dx, mapper.height - y + mapper.dy) for x, y in pts]
    return out
