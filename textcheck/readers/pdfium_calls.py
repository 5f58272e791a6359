"""The PDFium functions called once per character, text object or path segment, declared
with plain ``void*`` handles.

pypdfium2's bindings declare every handle with its own pointer type, and converting
one on each call costs more than the call itself; reading a page calls these tens of
thousands of times.  Each is declared anew here from the address of pypdfium2's own
function (which stays as it was), so handles pass as plain integers.  Out-parameters
are the caller's ctypes objects, passed with ``ctypes.byref``.

Every call into PDFium still happens under the page source's lock
(``readers/pdfium_source.py``).
"""
from __future__ import annotations

import ctypes

_VP, _INT, _UINT = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint
_PD, _PF, _PI, _PU = (ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_float),
                      ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_uint))


class Calls:
    """Attributes named after the PDFium functions they call (without the ``FPDF`` prefix)."""

    def __init__(self, raw):
        self.FS_MATRIX = raw.FS_MATRIX
        matrix = ctypes.POINTER(raw.FS_MATRIX)

        def declare(name, restype, *argtypes):
            address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        # characters and text objects
        self.Text_GetTextObject = declare("FPDFText_GetTextObject", _VP, _VP, _INT)
        self.Text_GetCharOrigin = declare("FPDFText_GetCharOrigin", _INT, _VP, _INT, _PD, _PD)
        self.Text_GetMatrix = declare("FPDFText_GetMatrix", _INT, _VP, _INT, matrix)
        self.TextObj_GetFontSize = declare("FPDFTextObj_GetFontSize", _INT, _VP, _PF)
        self.TextObj_GetFont = declare("FPDFTextObj_GetFont", _VP, _VP)
        self.Font_GetGlyphWidth = declare("FPDFFont_GetGlyphWidth", _INT, _VP, _UINT, ctypes.c_float, _PF)
        # page objects and paths
        self.Page_CountObjects = declare("FPDFPage_CountObjects", _INT, _VP)
        self.Page_GetObject = declare("FPDFPage_GetObject", _VP, _VP, _INT)
        self.PageObj_GetType = declare("FPDFPageObj_GetType", _INT, _VP)
        self.PageObj_GetMatrix = declare("FPDFPageObj_GetMatrix", _INT, _VP, matrix)
        self.PageObj_GetFillColor = declare("FPDFPageObj_GetFillColor", _INT, _VP, _PU, _PU, _PU, _PU)
        self.FormObj_CountObjects = declare("FPDFFormObj_CountObjects", _INT, _VP)
        self.FormObj_GetObject = declare("FPDFFormObj_GetObject", _VP, _VP, ctypes.c_ulong)
        self.Path_GetDrawMode = declare("FPDFPath_GetDrawMode", _INT, _VP, _PI, _PI)
        self.Path_CountSegments = declare("FPDFPath_CountSegments", _INT, _VP)
        self.Path_GetPathSegment = declare("FPDFPath_GetPathSegment", _VP, _VP, _INT)
        self.PathSegment_GetType = declare("FPDFPathSegment_GetType", _INT, _VP)
        self.PathSegment_GetPoint = declare("FPDFPathSegment_GetPoint", _INT, _VP, _PF, _PF)
        self.PathSegment_GetClose = declare("FPDFPathSegment_GetClose", _INT, _VP)


_CALLS: Calls | None = None


def calls(raw) -> Calls:
    """The declarations (made once per process)."""
    global _CALLS
    if _CALLS is None:
        _CALLS = Calls(raw)
    return _CALLS


def address(pointer) -> int:
    """A pypdfium2 handle (or a plain address) as an integer (0 for NULL)."""
    if pointer is None or isinstance(pointer, int):
        return pointer or 0
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def pointer(kind, value: int):
    """An address as pypdfium2's typed handle ``kind`` (for the calls made rarely)."""
    return ctypes.cast(ctypes.c_void_p(value), kind)
