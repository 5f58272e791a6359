"""DOCX → blocks → Document (python-docx).

Paragraphs and tables are read in document order by walking the body XML
(python-docx's ``document.paragraphs`` and ``document.tables`` lose the
interleaving, and a caption belongs to the table under it).  A heading style
("Heading 2", "标题 2") is passed on as the TextLine's style.  Merged cells
appear once: python-docx repeats a horizontally merged cell in every grid
column it covers and a vertically merged cell in every row, so repeats of the
same cell are left empty.

Locations point into the rendering (one line per paragraph or table row) and
carry a reference a reviewer can find in Word: "段落 12" or "表格 3 行 4 列 2".
"""
from __future__ import annotations

import io

from textcheck.document import Document
from textcheck.errors import ReadError
from textcheck.limits import DEFAULT_LIMITS, Limits
from textcheck.readers.rendering import Rendering


def read_docx(data: bytes, path: str, limits: Limits | None = None) -> Document:
    """Read a .docx file's bytes into a located Document."""
    rendering = docx_rendering(data, path, limits)
    return rendering.to_document(path, "docx", {"line_refs": tuple(rendering.line_refs)})


def docx_rendering(data: bytes, path: str, limits: Limits | None = None) -> Rendering:
    limits = limits or DEFAULT_LIMITS
    try:
        import docx  # python-docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph as DocxParagraph
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ReadError(path, f"reading DOCX needs python-docx ({exc.name} missing): pip install 'textcheck[office]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(path, f"not a readable DOCX (corrupt or not a Word 2007+ file: {type(exc).__name__})") from None
    out = Rendering()
    chars = 0
    paragraph_no = 0
    table_no = 0
    try:
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = DocxParagraph(child, document)
                text = paragraph.text.strip()
                if not text:
                    continue
                paragraph_no += 1
                limits.check_line(path, text)
                chars += len(text)
                limits.check_chars(path, chars)
                out.blank()
                out.text(text, style=_style_name(paragraph), ref=f"段落 {paragraph_no}")
            elif tag == "tbl":
                table_no += 1
                _render_table(DocxTable(child, document), table_no, out, limits, path)
                chars = sum(len(line) for line in out.lines)
                limits.check_chars(path, chars)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, f"not a readable DOCX ({type(exc).__name__}: {exc})") from None
    return out


def _style_name(paragraph) -> str | None:
    try:
        name = paragraph.style.name if paragraph.style is not None else None
    except Exception:  # a style id missing from styles.xml
        return None
    if name and (name.lower().startswith("heading") or name.startswith("标题") or name == "Title"):
        return name
    return None


def _render_table(table, number: int, out: Rendering, limits: Limits = DEFAULT_LIMITS, path: str = "<docx>") -> None:
    out.blank()
    above: list = []
    seen = 0
    for r, row in enumerate(table.rows, start=1):
        cells = list(row.cells)
        seen += len(cells)
        limits.check_grid(path, f"表格 {number}", len(cells), seen)
        texts: list[str] = []
        refs: list[str] = []
        for c, cell in enumerate(cells, start=1):
            tc = cell._tc
            repeated = (c > 1 and cells[c - 2]._tc is tc) or (c - 1 < len(above) and above[c - 1] is tc)
            texts.append("" if repeated else cell.text.strip())
            refs.append(f"表格 {number} 行 {r} 列 {c}")
        above = [cell._tc for cell in cells]
        if not any(texts):
            continue
        limits.check_line(path, "\t".join(texts))
        out.row(texts, source_table=f"表格 {number}", refs=refs, row_ref=f"表格 {number} 行 {r}")
    out.blank()
