"""HTML → blocks → Document (standard library ``html.parser``).

Portals publish disclosures as HTML pages.  Block elements (p, div, li, h1–h6,
br-separated lines, caption) become text lines, headings keep their tag as
style; ``<table>`` becomes grid rows with ``rowspan``/``colspan`` expanded onto
the grid, so every cell stands in its column.  A spanned cell's text is kept
once, in its first grid position (the covered positions are empty), so an
amount is never counted twice.  Scripts, styles and comments are skipped.

The rendering has one line per text block and per table row; locations point
into it (the page's own line numbers are lost in markup and entities).
"""
from __future__ import annotations

from html.parser import HTMLParser

from textcheck.document import Document
from textcheck.errors import ReadError
from textcheck.limits import DEFAULT_LIMITS, Limits
from textcheck.readers.rendering import Rendering

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "section", "article",
               "header", "footer", "blockquote", "pre", "title", "dt", "dd", "tr", "table", "ul", "ol", "body"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read_html(text: str, path: str, limits: Limits | None = None) -> Document:
    """Read decoded HTML into a located Document."""
    return html_rendering(text, path, limits).to_document(path, "html")


def html_rendering(text: str, path: str, limits: Limits | None = None) -> Rendering:
    limits = limits or DEFAULT_LIMITS
    limits.check_chars(path, len(text))  # markup included: the rendering is never longer
    parser = _Parser(limits.max_span)
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a safety net
        raise ReadError(path, f"not readable HTML ({type(exc).__name__}: {exc})") from None
    out = Rendering()
    table_no = 0
    for kind, payload, style in parser.items:
        if kind in ("text", "soft"):
            limits.check_line(path, payload)
            if kind == "text":
                out.blank()  # a blank line ends the paragraph; after a <br> the line just wraps
            out.text(payload, style=style)
        else:
            table_no += 1
            out.blank()
            for row in _expand(payload, limits, path, f"table {table_no}"):
                if any(row):
                    out.row(row, source_table=f"table {table_no}")
            out.blank()
    return out


class _Parser(HTMLParser):
    def __init__(self, max_span: int = DEFAULT_LIMITS.max_span):
        super().__init__(convert_charrefs=True)
        self.max_span = max_span
        # ("text" | "soft", str, style) / ("table", rows, None); "soft" follows a <br>
        self.items: list[tuple[str, object, str | None]] = []
        self.buffer: list[str] = []
        self.style: str | None = None
        self.soft = False  # the pending text follows a <br>
        self.skip = 0
        # table stack: each is {"rows": [[(text, colspan, rowspan)]], "cell": list[str] | None, "span": (c, r)}
        self.tables: list[dict] = []

    # -- text outside tables ---------------------------------------------------
    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            self.items.append(("soft" if self.soft else "text", text, self.style))
            self.soft = False
        self.style = None

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if tag == "table":  # nested table: read its text into the enclosing cell
                self.tables.append({"rows": [], "cell": None, "span": (1, 1), "nested": True})
            elif tag == "tr":
                t["rows"].append([])
            elif tag in ("td", "th"):
                a = dict(attrs)
                t["cell"] = []
                t["span"] = (_span(a.get("colspan"), self.max_span), _span(a.get("rowspan"), self.max_span))
                if not t["rows"]:
                    t["rows"].append([])
            elif tag == "br" and t["cell"] is not None:
                t["cell"].append(" ")
            return
        if tag == "table":
            self._flush()
            self.tables.append({"rows": [], "cell": None, "span": (1, 1), "nested": False})
            return
        if tag == "br":
            self._flush()
            self.soft = True  # the next line continues the same block: no paragraph break
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            self.soft = False
            if tag in _HEADINGS:
                self.style = tag

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if tag in ("td", "th") and t["cell"] is not None:
                text = " ".join("".join(t["cell"]).split())
                t["rows"][-1].append((text, *t["span"]))
                t["cell"] = None
            elif tag == "table":
                done = self.tables.pop()
                if done.get("nested") and self.tables:
                    outer = self.tables[-1]
                    flat = " ".join(c[0] for r in done["rows"] for c in r if c[0])
                    if outer["cell"] is not None:
                        outer["cell"].append(" " + flat)
                else:
                    self.items.append(("table", done["rows"], None))
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if t["cell"] is not None:
                t["cell"].append(data)
            return
        self.buffer.append(data)

    def close(self):
        super().close()
        while self.tables:  # unclosed <table>: keep what was read
            done = self.tables.pop()
            if not done.get("nested"):
                self.items.append(("table", done["rows"], None))
        self._flush()


def _span(value, cap: int = DEFAULT_LIMITS.max_span) -> int:
    """A colspan/rowspan attribute, capped (a real table never spans hundreds)."""
    try:
        return max(1, min(int(str(value).strip()[:12]), cap))
    except (TypeError, ValueError):
        return 1


def _expand(rows: list[list[tuple[str, int, int]]], limits: Limits = DEFAULT_LIMITS, path: str = "<html>",
            name: str = "table") -> list[list[str]]:
    """Rows of (text, colspan, rowspan) → a rectangular grid; spanned text kept once.

    Every grid position, written or covered by a rowspan, counts against
    ``limits.max_table_cells`` before it is allocated, so spans cannot blow up.
    """
    grid: list[list[str]] = []
    covered: set[tuple[int, int]] = set()
    budget = limits.max_table_cells
    used = 0
    width = 0
    for r, row in enumerate(rows):
        out: list[str] = []
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in covered:
                out.append("")
                c += 1
            used += colspan * rowspan
            if used > budget or c + colspan > limits.max_table_columns:
                limits.check_grid(path, name, max(width, c + colspan), max(used, 0))
            for dc in range(colspan):
                out.append(text if dc == 0 else "")
                for dr in range(1, rowspan):
                    covered.add((r + dr, c + dc))
            c += colspan
        while (r, c) in covered:
            out.append("")
            c += 1
        width = max(width, len(out))
        grid.append(out)
    limits.check_grid(path, name, width, width * len(grid))
    return [r + [""] * (width - len(r)) for r in grid]
