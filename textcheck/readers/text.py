"""Plain text and Markdown → blocks → Document.

Line and column numbers are the file's own: line N is the N-th physical line
(1-based), column C the C-th character of that line (1-based; a tab counts as
one character, a UTF-8 BOM is not counted).

Tables in converted text come in three shapes, all turned into ``GridRow``s:

- a line with at least one tab: cells split on tabs (Word/Excel → text);
- Markdown pipe tables (``| a | b |`` with a ``|---|`` separator row);
- simple HTML ``<table>`` markup embedded in the text (read with html.parser).

Every other non-blank line is a ``TextLine``; a form feed is a ``PageBreak``.
Blank lines produce no block: ``readers.structure`` sees the gap in the line
numbers, which is all it needs (sentences and table rows broken at a page end).
"""
from __future__ import annotations

from html.parser import HTMLParser

from textcheck import patterns
from textcheck.document import Document, LocatedText
from textcheck.errors import ReadError
from textcheck.limits import DEFAULT_LIMITS, Limits
from textcheck.readers.blocks import Block, GridRow, PageBreak, TextLine, grid_row, text_line
from textcheck.readers.normalize import locate_cells, locate_line, normalize
from textcheck.readers.structure import build_document


# Every character keeps a (line, column) position (~70 bytes each in CPython),
# so text beyond this size is refused with a clear message instead of
# exhausting memory.  Budget disclosures are far smaller (the sample: 32 000).
MAX_TEXT_CHARS = 8_000_000


def parse_text(text: str, path: str = "<text>", fmt: str = "text", meta: dict | None = None,
               limits: Limits | None = None) -> Document:
    """Parse decoded text (plain or Markdown) into a located Document."""
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(path, f"text too large to check ({len(text):,} characters > {MAX_TEXT_CHARS:,}); "
                              "split the document into volumes")
    if text.startswith("\ufeff"):
        text = text[1:]
    limits = limits or DEFAULT_LIMITS
    limits.check_chars(path, len(text))
    lines = split_lines(text)
    check_lines(lines, path, limits)
    blocks = text_blocks(lines, fmt=fmt, limits=limits, path=path)
    return build_document(blocks, path=path, fmt=fmt, source_lines=tuple(lines), meta=meta)


def check_lines(lines: list[str], path: str, limits: Limits) -> None:
    """Line length and tab-separated columns within the limits (both cost time
    and memory faster than linearly further down the pipeline)."""
    max_chars, max_columns = limits.max_line_chars, limits.max_table_columns
    if not lines or max(map(len, lines)) <= min(max_chars, max_columns):
        return  # every line too short to exceed either limit (most documents): one pass in C
    for number, line in enumerate(lines, start=1):
        if len(line) <= max_columns and len(line) <= max_chars:
            continue  # too short to exceed either limit (most lines)
        if len(line) > max_chars:
            limits.check_line(path, line, number)
        for separator in ("\t", "|"):  # tab-separated and Markdown pipe table rows
            if separator in line and line.count(separator) > max_columns:
                limits.check_grid(path, f"line {number}", line.count(separator), 0)


def split_lines(text: str) -> list[str]:
    """Physical lines: LF, CRLF, or (old Mac) lone CR line ends."""
    if "\n" not in text and "\r" in text:
        return text.split("\r")
    lines = text.split("\n")
    if "\r" in text:
        lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    return lines


def text_blocks(lines: list[str], fmt: str = "text", limits: Limits = DEFAULT_LIMITS,
                path: str = "<text>") -> list[Block]:
    """Blocks of a list of physical lines (index 0 = line 1)."""
    has_pages = "\f" in "".join(lines)  # one scan in C, not a test per line
    page = 1 if has_pages else None
    blocks: list[Block] = []
    n = len(lines)
    i = 0
    while i < n:
        raw = lines[i]
        lineno = i + 1
        if "\f" in raw:
            # text before and after a form feed stays on its own page
            col = 1
            parts = raw.split("\f")
            for k, part in enumerate(parts):
                if k:
                    page = (page or 1) + 1
                    blocks.append(PageBreak(page))
                if part.strip():
                    blocks.extend(_line_blocks(part, lineno, col, page))
                col += len(part) + 1
            i += 1
            continue
        if not raw or raw.isspace():  # a blank line (tested without a stripped copy of every line)
            i += 1
            continue
        if "|" in raw and raw.lstrip().startswith("|") and _is_pipe_table_start(lines, i):
            j = i
            while j < n and lines[j].strip().startswith("|"):
                if not patterns.MD_TABLE_SEPARATOR.match(lines[j]):
                    blocks.append(GridRow(_pipe_cells(lines[j], j + 1, page), page, None, j + 1))
                j += 1
            i = j
            continue
        if "<" in raw and "<table" in raw.lower():
            end = _html_table_end(lines, i)
            if end is not None:
                table = _html_table_blocks(lines, i, end, page, len(blocks))
                _check_grid_rows(table, limits, path, f"the table on line {i + 1}")
                blocks.extend(table)
                i = end + 1
                continue
        if "\t" in raw:  # _line_blocks inlined for the common line (one call and list less per line)
            blocks.append(grid_row(locate_cells(raw, lineno, 1, page), page, lineno))
        else:
            lt = locate_line(raw, lineno, 1, page)
            if lt.text:
                blocks.append(text_line(lt, page))
        i += 1
    return blocks


def _line_blocks(raw: str, lineno: int, col: int, page: int | None) -> list[Block]:
    if "\t" in raw:
        return [GridRow(locate_cells(raw, lineno, col, page), page, None, lineno)]
    lt = locate_line(raw, lineno, col, page)
    return [TextLine(lt, page)] if lt.text else []


# Markdown pipe tables -------------------------------------------------------

def _is_pipe_table_start(lines: list[str], i: int) -> bool:
    """A run of "|" lines that contains a |---| separator row."""
    j = i
    while j < len(lines) and lines[j].strip().startswith("|"):
        if patterns.MD_TABLE_SEPARATOR.match(lines[j]):
            return True
        j += 1
    return False


def _pipe_cells(raw: str, lineno: int, page: int | None) -> tuple[LocatedText, ...]:
    """Cells of "| a | b |": split on unescaped pipes, outer pipes dropped."""
    bounds = [k for k, ch in enumerate(raw) if ch == "|" and (k == 0 or raw[k - 1] != "\\")]
    first = bounds[0]
    last_nonblank = len(raw.rstrip()) - 1
    if bounds[-1] != last_nonblank:  # row without closing pipe
        bounds.append(len(raw))
    cells = []
    for a, b in zip(bounds, bounds[1:]):
        part = raw[a + 1:b].replace("\\|", "|")  # escaped pipe (rare): keep, positions approximate
        if part != raw[a + 1:b]:
            cells.append(normalize(part, [(lineno, a + 2 + k) for k in range(len(part))], page, cell=True))
        else:
            cells.append(locate_line(part, lineno, a + 2, page, cell=True))
    del first
    return tuple(cells)


# HTML tables embedded in text --------------------------------------------------

def _check_grid_rows(blocks: list[Block], limits: Limits, path: str, name: str) -> None:
    """An embedded HTML table's colspans can widen it far beyond its text: count its columns."""
    widths = [len(b.cells) for b in blocks if isinstance(b, GridRow)]
    if widths:
        limits.check_grid(path, name, max(widths), sum(widths))


def _html_table_end(lines: list[str], i: int) -> int | None:
    """Index of the line closing the <table> opened on line i (None if unclosed)."""
    depth = 0
    for j in range(i, min(len(lines), i + 5000)):
        low = lines[j].lower()
        depth += low.count("<table")
        depth -= low.count("</table")
        if depth <= 0 and j >= i and "</table" in low:
            return j
    return None


class _TableParser(HTMLParser):
    """Collects rows of cells; each cell is a list of (char, (line, column))."""

    def __init__(self, first_line: int, lines: list[str]):
        super().__init__(convert_charrefs=False)
        self.first_line = first_line
        self.lines = lines
        self.rows: list[list[list[tuple[str, tuple[int, int]]]]] = []
        self.cell: list | None = None
        self.spans: list[list[tuple[int, int]]] = []  # (colspan, rowspan) per cell
        self.depth = 0

    def _pos(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
        elif tag == "tr" and self.depth == 1:
            self.rows.append([])
            self.spans.append([])
        elif tag in ("td", "th") and self.depth == 1:
            if not self.rows:
                self.rows.append([])
                self.spans.append([])
            self.cell = []
            self.rows[-1].append(self.cell)
            a = dict(attrs)
            col = (a.get("colspan") or "1").strip()
            row = (a.get("rowspan") or "1").strip()
            self.spans[-1].append((max(1, min(int(col), 200)) if col.isdigit() else 1,
                                   max(1, min(int(row), 10000)) if row.isdigit() else 1))
        elif tag == "br" and self.cell is not None:
            self.cell.append((" ", self._pos()))

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is None:
            return
        line, col = self._pos()
        for ch in data:
            if ch == "\n":
                line, col = line + 1, 1
                self.cell.append((" ", (line - 1, col)))
                continue
            self.cell.append((ch, (line, col)))
            col += 1

    def handle_entityref(self, name):
        if self.cell is not None:
            from html import unescape

            self.cell.append((unescape(f"&{name};"), self._pos()))

    def handle_charref(self, name):
        if self.cell is not None:
            from html import unescape

            self.cell.append((unescape(f"&#{name};"), self._pos()))


def _html_table_blocks(lines: list[str], start: int, end: int, page: int | None, serial: int) -> list[Block]:
    """GridRows of one embedded HTML table (text before/after it on the same lines is ignored)."""
    parser = _TableParser(start + 1, lines)
    parser.feed("\n".join(lines[start:end + 1]))
    parser.close()
    blocks: list[Block] = []
    source = f"html-table-{start + 1}"
    covered: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for row, spans in zip(parser.rows, parser.spans):
        cells: list[LocatedText] = []

        def skip_covered() -> None:
            while covered.get(len(cells), 0) > 0:
                covered[len(cells)] -= 1
                cells.append(LocatedText("", (), page))

        for cell, (span, rowspan) in zip(row, spans):
            skip_covered()
            if rowspan > 1:
                for k in range(span):
                    covered[len(cells) + k] = rowspan - 1
            chars = [c for c, _ in cell]
            text = "".join(chars)
            if len(text) != len(cell):  # an entity that expanded to several characters
                flat = [(ch, p) for c, p in cell for ch in c]
                text = "".join(ch for ch, _ in flat)
                positions = [p for _, p in flat]
            else:
                positions = [p for _, p in cell]
            cells.append(normalize(text, positions, page, cell=True))
            for _ in range(span - 1):  # a spanning cell: the covered columns are empty
                cells.append(LocatedText("", (), page))
        skip_covered()
        if cells:
            blocks.append(GridRow(tuple(cells), page, source))
    return blocks
