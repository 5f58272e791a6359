"""PDF pages for the HTML report: page images rendered server-side and boxes around figures.

The PDF reader keeps, for each rendered line, the box of every character
(``Document.meta["char_boxes"]``: line → (page, ((column, x0, top, x1, bottom), …))
in PDF points from the page's top-left).  A span of a line — the flagged figure,
the table cell of the evidence — is boxed by the union of its characters' boxes,
expressed in percent of the page so the box scales with the image.

Pages are rendered with pypdfium2 (Apache-2.0/BSD, installed with pdfplumber) to
PNG and inlined as data URIs: the report stays one self-contained file.  Only
pages a finding points at are rendered, at most ``MAX_PAGES``.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass

PAGE_WIDTH_PX = 900  # rendered width: legible figures at a reasonable file size
MAX_PAGES = 60


@dataclass(frozen=True)
class Box:
    page: int
    source: int  # which file: 0 for a single document, else the index of its part (combined volumes)
    left: float  # percent of the page width / height
    top: float
    width: float
    height: float
    kind: str  # "flag" (the flagged span) or "cell" (table-cell evidence) or "figure"
    points: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (for tests and tooltips)


def source_of(meta: dict, line: int) -> tuple[int, tuple]:
    """(part index, page sizes) of the file a rendered line comes from (combined volumes have parts)."""
    for k, part in enumerate(meta.get("parts") or ()):
        if part["first_line"] <= line <= part["last_line"]:
            return k, tuple(part.get("page_sizes") or ())
    return 0, tuple(meta.get("page_sizes") or ())


def span_box(meta: dict, line: int, first_col: int, last_col: int, kind: str) -> Box | None:
    """The box of columns [first_col, last_col] of a rendered line, or None without char boxes."""
    entry = (meta.get("char_boxes") or {}).get(line)
    if not entry:
        return None
    source, sizes = source_of(meta, line)
    page, chars = entry
    picked = [c for c in chars if first_col <= c[0] <= last_col]
    if not picked or not (1 <= page <= len(sizes)):
        return None
    width, height = sizes[page - 1]
    x0, top = min(c[1] for c in picked), min(c[2] for c in picked)
    x1, bottom = max(c[3] for c in picked), max(c[4] for c in picked)
    pad = 1.5  # points around the characters, so the frame does not cover them
    x0, top, x1, bottom = x0 - pad, top - pad, x1 + pad, bottom + pad
    return Box(page, source, 100 * x0 / width, 100 * top / height, 100 * (x1 - x0) / width, 100 * (bottom - top) / height,
               kind, (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)))


def diagnostic_boxes(meta: dict, diagnostic) -> list[Box]:
    """Boxes of a finding: its flagged span and each table cell (or figure) of its evidence with a position."""
    boxes: list[Box] = []
    loc = diagnostic.location
    if loc.line and loc.column:
        last = loc.end_column if loc.end_line in (None, loc.line) and loc.end_column else loc.column + len(diagnostic.text)
        box = span_box(meta, loc.line, loc.column, max(loc.column, last), "flag")
        if box:
            boxes.append(box)
    for r in diagnostic.related:
        if r.kind not in ("table-cell", "figure") or not r.line or not r.source_column or not r.text:
            continue
        box = span_box(meta, r.line, r.source_column, r.source_column + len(r.text) - 1,
                       "cell" if r.kind == "table-cell" else "figure")
        if box and box not in boxes and not (r.kind == "figure" and any(b.kind == "flag" and b.page == box.page
                                                                         and b.points == box.points for b in boxes)):
            boxes.append(box)
    return boxes


def render_pages(data: bytes, pages: set[int]) -> dict[int, str]:
    """PNG data URIs of the given 1-based pages (empty when the PDF cannot be rendered)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return {}
    images: dict[int, str] = {}
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 — the report still works without page images
        return {}
    try:
        for number in sorted(pages)[:MAX_PAGES]:
            if not (1 <= number <= len(pdf)):
                continue
            page = pdf[number - 1]
            scale = PAGE_WIDTH_PX / max(1.0, page.get_width())
            image = page.render(scale=scale).to_pil()
            buf = io.BytesIO()
            image.convert("L").save(buf, format="PNG", optimize=True)
            images[number] = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
            page.close()
    finally:
        pdf.close()
    return images
