"""End-to-end check of a ~30-page PDF, against pdfplumber merely extracting its text.

The Jiangsu corpus has no single 30-page file, so the pages of the corpus PDFs
are concatenated (pypdfium2, shipped with pdfplumber) into one document of
``--pages`` pages.  Measured in the same run, median of ``--runs``:

- baseline: pdfplumber opens the file and calls ``extract_text()`` on every page;
- textcheck: read (tables, paragraphs, captions) + every rule (``check_document``).

The checker (lexicons, spaCy pipeline, rules) is built once before timing, as
in a batch or a server; the first-use cost is printed separately.  Ratios are
reported because absolute times drift on shared machines.

    python benchmarks/bench_pdf.py [--pages 30] [--runs 5]
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "corpus" / "pdf"


def build_pdf(pages: int) -> bytes:
    """The corpus PDFs' pages, concatenated (and repeated if needed) up to ``pages``."""
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(str(p)) for p in sorted(CORPUS.glob("*.pdf"))]
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            take = min(len(src), pages - len(out))
            if take <= 0:
                break
            out.import_pages(src, list(range(take)))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def baseline(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def textcheck_run(data: bytes):
    from textcheck.api import check_document
    from textcheck.readers import read_bytes

    return check_document(read_bytes(data, "bench.pdf"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    data = build_pdf(args.pages)
    t0 = time.perf_counter()
    first = textcheck_run(data)  # builds the checker: lexicons, spaCy, rules
    first_s = time.perf_counter() - t0

    base, full = [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        baseline(data)
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = textcheck_run(data)
        full.append(time.perf_counter() - t)
    b, f = statistics.median(base), statistics.median(full)
    stats = result.stats
    print(f"PDF: {args.pages} pages, {len(data) // 1024} KB; {stats.get('tables')} tables, "
          f"{stats.get('claims')} claims, {len(result.diagnostics)} findings")
    print(f"pdfplumber open + extract_text (baseline): median {b:.2f} s over {args.runs} runs")
    print(f"textcheck read + check (end to end):       median {f:.2f} s over {args.runs} runs")
    print(f"ratio textcheck / baseline: {f / b:.1f}x   (first run incl. building the checker: {first_s:.2f} s)")
    return 0 if first is not None else 1


if __name__ == "__main__":
    sys.exit(main())
