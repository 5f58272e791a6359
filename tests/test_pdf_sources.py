"""The PDF reader reads the same Document through PDFium as through pdfplumber.

readers/pdfium_source.py gives the reconstruction PDFium's characters, lines,
rectangles and curves in pdfplumber's shape; these tests compare what the
reader makes of each corpus PDF with each source: the text rendering (every
line, with its page), the tables (rows, cells, values, columns), paragraphs
and headings.  pdfminer is slow, so by default each PDF is compared on a
sample of its pages (the first three and five spread over the rest, cut into
a PDF of their own); TEXTCHECK_PDF_IDENTITY=full compares whole documents
(about seven minutes on a busy two-core machine).
"""
import io
import os
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

from textcheck.errors import ReadError  # noqa: E402
from textcheck.readers.pdf import read_pdf  # noqa: E402

PDF_DIR = Path(__file__).resolve().parent.parent / "corpus" / "pdf"
FULL = os.environ.get("TEXTCHECK_PDF_IDENTITY") == "full"
SAMPLE_PAGES = 8

def _sample(path: Path) -> bytes:
    data = path.read_bytes()
    if FULL:
        return data
    src = pdfium.PdfDocument(data)
    n = len(src)
    if n <= SAMPLE_PAGES:
        return data
    spread = SAMPLE_PAGES - 3
    pages = sorted({0, 1, 2, *(3 + (n - 4) * k // (spread - 1) for k in range(spread))})
    out = pdfium.PdfDocument.new()
    out.import_pages(src, pages)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _read(data: bytes, name: str, source: str):
    try:
        return read_pdf(data, name, source=source)
    except ReadError as exc:  # a sample of blank or scanned pages: both must say so
        return str(exc)


def _tables(doc) -> list:
    """What a table says, without where it stands in the rendering."""
    return [(t.id, t.title, t.unit, t.kind, t.department, t.number,
             [(c.label, c.path, c.number, c.concept) for c in t.columns],
             [[c.text.text for c in h] for h in t.header],
             [(r.label, r.code, r.level, r.kind, r.parent, r.group,
               [(c.text.text, c.col, c.value) for c in r.cells]) for r in t.rows])
            for t in doc.tables]


def _first_difference(a: tuple, b: tuple) -> str:
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"line {k + 1}: pdfplumber {x!r} / pdfium {y!r}"
    return f"{len(a)} / {len(b)} lines"


@pytest.mark.parametrize("path", sorted(PDF_DIR.glob("*.pdf")), ids=lambda p: p.name)
def test_pdfium_reads_the_document_pdfplumber_reads(path):
    data = _sample(path)
    ref = _read(data, path.name, "pdfplumber")
    got = _read(data, path.name, "pdfium")
    if isinstance(ref, str) or isinstance(got, str):
        assert got == ref
        return
    assert got.meta["pages"] == ref.meta["pages"]
    assert _tables(got) == _tables(ref)  # rows, cells, values, columns, captions, units
    text_ref = [line for line in ref.source_lines if line]
    text_got = [line for line in got.source_lines if line]
    assert text_got == text_ref, _first_difference(tuple(text_ref), tuple(text_got))
    assert got.source_lines == ref.source_lines, _first_difference(ref.source_lines, got.source_lines)
    assert got.meta["line_pages"] == ref.meta["line_pages"]
    assert got.tables == ref.tables  # now with every cell's location too
    assert got.paragraphs == ref.paragraphs and got.headings == ref.headings


def test_half_points_fall_the_same_way_for_both_sources():
    """A body line ending on k + 0.5: pdfminer's double-precision sum and PDFium's single
    precision differ in the last digits, never in the margin they give."""
    from textcheck.readers.pdf_render import point

    for written in (514.5, 1044.5, 72.5, 73.5):
        assert point(written + 2e-13) == point(written - 1e-4) == point(written + 1e-4) == point(written)
    assert point(514.5) == 514 and point(514.51) == 515 and point(514.49) == 514


def test_the_sample_has_tables_and_text():
    """The default sampling still exercises both halves of a disclosure."""
    tables = paragraphs = 0
    for path in sorted(PDF_DIR.glob("*.pdf"))[:12]:
        doc = _read(_sample(path), path.name, "pdfium")
        if not isinstance(doc, str):
            tables += sum(len(t.rows) for t in doc.tables)
            paragraphs += len(doc.paragraphs)
    assert tables > 300 and paragraphs > 50


def test_source_is_selectable(monkeypatch):
    from textcheck.readers import pdf_pages

    assert pdf_pages.selected_source() == "pdfium"
    monkeypatch.setenv("TEXTCHECK_PDF_SOURCE", "pdfplumber")
    assert pdf_pages.selected_source() == "pdfplumber"
    assert pdf_pages.selected_source("pdfium") == "pdfium"
    with pytest.raises(ValueError):
        pdf_pages.selected_source("mupdf")
