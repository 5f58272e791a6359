"""A page's characters from PDFium, as pdfplumber's ``char`` dicts.

``text``, ``x0``/``x1``/``top``/``bottom`` (pdfminer's box: the glyph's advance
width, from the font's descent up one font size), ``size`` and ``fontname``.
Blank characters are left out (the reader drops them first thing), as are the
spaces and line breaks PDFium infers; a hyphen PDFium marks as a line-end hyphen
is given back as the "-" it was.
"""
from __future__ import annotations

import ctypes

from textcheck.readers.pdfium_calls import calls as _calls
from textcheck.readers.pdfium_calls import pointer
from textcheck.readers.pdfium_geometry import Mapper, snap

# PDFium marks a hyphen ending a line (GetText gives U+FFFE, GetUnicode U+0002)
_HYPHEN_MARKS = (0xFFFE, 0x0002)


def chars(page, raw, mapper: Mapper, number: int) -> list[dict]:
    """Every non-blank character of the page (a pypdfium2 PdfPage)."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        if count <= 0:
            return []
        return _char_dicts(raw, tp, count, mapper, number)
    finally:
        textpage.close()


def _char_dicts(raw, tp, count: int, mapper: Mapper, number: int) -> list[dict]:
    """The text page's characters (this loop runs for every character of a PDF: what
    is the same for a whole text object or font is looked up once and kept)."""
    codes = _unicode_units(raw, tp, count)
    fn = _calls(raw)
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    objects: dict[int, tuple] = {}  # text object address → _object_info(…) + (its font's widths,)
    # font address → (base font name, descent per unit of size); and (font address, size,
    # matrix) as PDFium gives them → _object_info's answer
    fonts: dict = {}
    widths: dict[int, dict] = {}  # font address → {character: advance width at size 1000}
    snapped: dict[float, float] = {}  # PDFium's single-precision origin → snap(it) (lines share y)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(ox), ctypes.byref(oy)
    text_object, char_origin = fn.Text_GetTextObject, fn.Text_GetCharOrigin
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
        # Blanks carry no text for the reader (it drops them).  PDFium's generated
        # characters (FPDFText_IsGenerated: what it infers, not in the content stream) are
        # spaces and line breaks only, so they go with the blanks (1.2 million characters
        # of the corpus: 175,000 generated, every one of them blank).
        if not text or text.isspace():
            continue
        key = text_object(handle, i) or 0
        info = objects.get(key)
        if info is None:
            info = _object_info(fn, raw, handle, i, key, fonts, mapper)
            info = objects[key] = (*info, widths.setdefault(info[0], {}))
        font, fontname, fontsize, descent, (a, b, c, d), font_widths = info
        w = font_widths.get(code)
        if w is None:
            w = font_widths[code] = _width(fn, raw, tp, i, code, fontsize, font)
        char_origin(handle, i, pox, poy)
        vx, vy = ox.value, oy.value
        x = snapped.get(vx)
        if x is None:
            x = snapped[vx] = snap(vx)
        y = snapped.get(vy)
        if y is None:
            y = snapped[vy] = snap(vy)
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
        append({  # pdfium_source.char_dict, written out
            "object_type": "char", "page_number": number, "text": text, "fontname": fontname,
            "size": y1 - y0, "x0": x0 + dx, "x1": x1 + dx, "y0": y0, "y1": y1,
            "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top,
            "upright": a * d > 0 and b * c <= 0,
        })
    return out


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


def _unicode_units(raw, tp, count: int):
    """All characters' code units in one call (None when they do not map one to one)."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(tp, 0, count, buf)
    if written != count + 1:  # surrogate pairs or a short read: fall back to one call per character
        return None
    return buf


def _object_info(fn, raw, handle: int, index: int, obj: int, fonts: dict, mapper: Mapper) -> tuple:
    """A text object's font, size, descent and text-space → device matrix (a, b, c, d).

    What PDFium gives (font, size, matrix) repeats from object to object (a page
    sets a few fonts at a few sizes, two or three characters per text object):
    what is made of it is kept in ``fonts`` by those raw values."""
    size = ctypes.c_float()
    fn.TextObj_GetFontSize(obj, ctypes.byref(size))
    key = fn.TextObj_GetFont(obj) or 0
    m = raw.FS_MATRIX()
    fn.Text_GetMatrix(handle, index, ctypes.byref(m))
    seen = (key, size.value, m.a, m.b, m.c, m.d)
    info = fonts.get(seen)
    if info is not None:
        return info
    if key not in fonts:
        fonts[key] = _font_info(raw, pointer(raw.FPDF_FONT, key) if key else None)
    name, descent = fonts[key]
    a, b, c, d = snap(m.a), snap(m.b), snap(m.c), snap(m.d)
    # then pdfminer's device matrix (page rotation): row vectors, text space first
    A, B, C, D = mapper.a, mapper.b, mapper.c, mapper.d
    device = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D)
    info = fonts[seen] = (key, name, snap(size.value), descent, device)
    return info


def _font_info(raw, font) -> tuple[str, float]:
    """(base font name, descent per unit of font size: negative, pdfminer's rule)."""
    descent = 0.0
    name = ""
    if font:
        d = ctypes.c_float()
        if raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), d):
            descent = snap(d.value) / 1000.0
        get_name = getattr(raw, "FPDFFont_GetBaseFontName", None)  # PDFium 2024+
        n = get_name(font, None, 0) if get_name else 0
        if n:
            buf = ctypes.create_string_buffer(n)
            raw.FPDFFont_GetBaseFontName(font, buf, n)
            name = buf.value.decode("latin-1")
    return name, -abs(descent)


def _width(fn, raw, tp, index: int, code: int, fontsize: float, font: int) -> float:
    """The character's advance width at font size 1000 (pdfminer's ``adv`` / size × 1000).

    Asked from the font (``font``: the address of its text object's font):
    PDFium's loose box is not it for every font (a non-embedded Adobe CJK font's
    digits come out wider).  When the font cannot map the character back to its
    code, the loose box's width is the next best measure.
    """
    width = ctypes.c_float()
    if font and fn.Font_GetGlyphWidth(font, code, 1000.0, ctypes.byref(width)) and width.value > 0:
        return snap(width.value)
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(tp, index, m)
    if m.b == 0 and m.c == 0 and m.a > 0 and fontsize:
        box = raw.FS_RECTF()
        raw.FPDFText_GetLooseCharBox(tp, index, box)
        return (box.right - box.left) / m.a / fontsize * 1000.0
    return 1000.0
