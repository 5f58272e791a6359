"""A page's paths from PDFium, as pdfplumber's ``line``, ``rect`` and ``curve`` dicts.

Paths are split at each ``m`` into pdfminer's ``line`` (one segment), ``rect``
(a closed axis-aligned four-sided loop) and ``curve`` (anything else; a Bézier
segment keeps only its end point, as pdfminer does), with ``stroke``, ``fill``
and ``non_stroking_color`` (white is (1, 1, 1) whatever the colour space was).
Form XObjects are opened, their matrices applied.
"""
from __future__ import annotations

import ctypes
from typing import Iterator

from textcheck.readers.pdfium_calls import calls as _calls
from textcheck.readers.pdfium_geometry import Mapper, multiply, snap


def paths(page, raw, mapper: Mapper, number: int, objects: dict) -> None:
    """Add the page's (a pypdfium2 PdfPage) lines, rects and curves to ``objects``."""
    fn = _calls(raw)
    kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO)
    page_handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    for i in range(fn.Page_CountObjects(page_handle)):
        for obj, matrix in _path_objects(fn, kinds, fn.Page_GetObject(page_handle, i), None):
            _path(fn, kinds, obj, matrix, mapper, number, objects)


def _path_objects(fn, kinds: tuple, obj: int, outer) -> Iterator[tuple]:
    """The path objects in ``obj`` (itself, or those of a form XObject, opened), with the
    matrix to page space.  Text and image objects, most of a page, are passed over
    before their matrix is read."""
    path, form = kinds[0], kinds[1]
    kind = fn.PageObj_GetType(obj)
    if kind != path and kind != form:
        return
    m = fn.FS_MATRIX()
    fn.PageObj_GetMatrix(obj, ctypes.byref(m))
    matrix = (snap(m.a), snap(m.b), snap(m.c), snap(m.d), snap(m.e), snap(m.f))
    if outer is not None:
        matrix = multiply(matrix, outer)
    if kind == form:
        for k in range(fn.FormObj_CountObjects(obj)):
            yield from _path_objects(fn, kinds, fn.FormObj_GetObject(obj, k), matrix)
        return
    yield obj, matrix


def _path(fn, kinds: tuple, obj: int, matrix, mapper: Mapper, number: int, objects: dict) -> None:
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    fn.Path_GetDrawMode(obj, ctypes.byref(fillmode), ctypes.byref(stroke))
    fill, stroke = fillmode.value != 0, bool(stroke.value)
    if not fill and not stroke:
        return
    color = _fill_color(fn, obj)
    for shape_text, points in _subpaths(fn, kinds, obj, matrix, mapper):
        _emit(shape_text, points, stroke, fill, color, mapper, number, objects)


def _subpaths(fn, kinds: tuple, obj: int, matrix, mapper: Mapper) -> list[tuple[str, list]]:
    """pdfminer's shape letters and device points of each subpath."""
    _, _, moveto, bezierto = kinds
    a, b, c, d, e, f = matrix
    fx, fy = ctypes.c_float(), ctypes.c_float()
    pfx, pfy = ctypes.byref(fx), ctypes.byref(fy)
    subpaths: list[tuple[str, list]] = []
    shape: list[str] = []
    pts: list = []
    bezier = 0
    for k in range(fn.Path_CountSegments(obj)):
        seg = fn.Path_GetPathSegment(obj, k)
        kind = fn.PathSegment_GetType(seg)
        fn.PathSegment_GetPoint(seg, pfx, pfy)
        x, y = snap(fx.value), snap(fy.value)
        point = mapper.device(a * x + c * y + e, b * x + d * y + f)
        if kind == moveto:
            if shape:
                subpaths.append(("".join(shape), pts))
            shape, pts, bezier = ["m"], [point], 0
        elif kind == bezierto:
            bezier += 1
            if bezier == 3:  # one "c": pdfminer keeps its end point only
                shape.append("c")
                pts.append(point)
                bezier = 0
        else:
            shape.append("l")
            pts.append(point)
        if fn.PathSegment_GetClose(seg) and shape:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        subpaths.append(("".join(shape), pts))
    return subpaths


def _fill_color(fn, obj: int) -> tuple:
    r, g, b, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not fn.PageObj_GetFillColor(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(alpha)):
        return ()
    rgb = (r.value, g.value, b.value)
    if rgb == (255, 255, 255):
        return (1, 1, 1)
    return tuple(v / 255 for v in rgb)


def _emit(shape: str, pts: list, stroke: bool, fill: bool, color, mapper: Mapper, number: int,
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


def _component(kind: str, pts: list, stroke, fill, color, mapper: Mapper, number: int,
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
