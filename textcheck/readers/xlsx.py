"""XLSX → blocks → Document (openpyxl, read-only, cached values).

Each sheet is read top to bottom.  A row with one filled cell is a text line
(the caption "表 3", the title, "编制部门：…", "单位：万元" at the top of a
sheet); a row with two or more is a table row.  An empty row ends a table, so
a sheet may hold several.  Formulas are not evaluated: the values Excel cached
when the file was saved are read (``data_only``), and each number is written
as Excel displays it (decimals and thousands separators from the cell's
number format), converted through ``Decimal`` so no float noise reaches the
checks.  Locations carry the cell reference ("Sheet1!B7").
"""
from __future__ import annotations

import datetime as _dt
import io
import warnings
from decimal import Decimal, InvalidOperation

from textcheck.document import Document
from textcheck.errors import ReadError
from textcheck.limits import DEFAULT_LIMITS, Limits
from textcheck.readers.rendering import Rendering


def read_xlsx(data: bytes, path: str, limits: Limits | None = None) -> Document:
    """Read an .xlsx file's bytes into a located Document."""
    rendering = xlsx_rendering(data, path, limits)
    return rendering.to_document(path, "xlsx", {"line_refs": tuple(rendering.line_refs)})


def xlsx_rendering(data: bytes, path: str, limits: Limits | None = None) -> Rendering:
    limits = limits or DEFAULT_LIMITS
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ReadError(path, f"reading XLSX needs openpyxl ({exc.name} missing): pip install 'textcheck[office]'") from None
    try:
        with warnings.catch_warnings():  # openpyxl warns about damaged parts on stderr: not our one line
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ReadError(path, f"not a readable XLSX (corrupt or not an Excel 2007+ file: {type(exc).__name__})") from None
    out = Rendering()
    try:
        for sheet in book.worksheets:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                _render_sheet(sheet, out, get_column_letter, limits, path)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, f"not a readable XLSX ({type(exc).__name__}: {exc})") from None
    finally:
        book.close()
    return out


def _render_sheet(sheet, out: Rendering, letter, limits: Limits = DEFAULT_LIMITS, path: str = "<xlsx>") -> None:
    name = sheet.title
    # The <dimension> a sheet declares can claim 1,048,576 × 16,384 cells for
    # two real ones: read the cells that are there, each row as long as its
    # last real cell, and count every row and cell against the limit.
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    rows: list[tuple[int, list[str]]] = []
    seen = 0
    chars = 0
    for r, row in enumerate(sheet.iter_rows(), start=1):
        seen += len(row) + 1
        if seen > limits.max_table_cells or len(row) > limits.max_table_columns:
            limits.check_grid(path, f"sheet {name}", len(row), seen)
        values = [cell_text(cell) for cell in row]
        chars += sum(map(len, values))
        limits.check_chars(path, chars)
        rows.append((r, values))
    width = max((max((i + 1 for i, v in enumerate(vals) if v), default=0) for _, vals in rows), default=0)
    block = 0
    in_table = False
    out.blank()
    for r, vals in rows:
        vals = (vals + [""] * width)[:width]
        filled = [(i, v) for i, v in enumerate(vals) if v]
        if not filled:
            if in_table:
                block += 1
                in_table = False
            out.blank()
            continue
        if len(filled) == 1 and not in_table:
            i, v = filled[0]
            out.blank()
            limits.check_line(path, v)
            out.text(v, ref=f"{name}!{letter(i + 1)}{r}")
            continue
        limits.check_line(path, "\t".join(vals))
        refs = [f"{name}!{letter(i + 1)}{r}" for i in range(width)]
        out.row(vals, source_table=f"{name}#{block}", refs=refs, row_ref=f"{name}!{r}")
        in_table = True
    out.blank()


def cell_text(cell) -> str:
    """A cell's value as Excel shows it (numbers through Decimal, never float noise)."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, getattr(cell, "number_format", "General") or "General")
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def format_number(value: int | float, number_format: str) -> str:
    """Format a cached number the way its number format displays it."""
    try:
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    section = number_format.split(";")[0]
    percent = "%" in section
    if percent:
        d = d * 100
    if section.lower() == "general" or "0" not in section:
        # General: Excel shows up to ~10 significant digits; drop binary float noise
        d = d.quantize(Decimal("1e-10")).normalize() if d != d.to_integral_value() else d.quantize(Decimal(1))
        text = format(d, "f")
    else:
        decimals = 0
        if "." in section:
            after = section.split(".", 1)[1]
            decimals = len(after) - len(after.lstrip("0#"))
        q = Decimal(1).scaleb(-decimals)
        d = d.quantize(q)
        text = f"{d:,.{decimals}f}" if "," in section else f"{d:.{decimals}f}"
    return text + ("%" if percent else "")
