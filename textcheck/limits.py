"""Resource limits: what a reader may commit before it refuses the input.

Untrusted input reaches the readers through the CLI, ``scan`` and the HTTP
service, so every reader checks these limits *before* it commits memory or
time: bytes read (special files refused), PDF pages, the unpacked size and
entry count of a DOCX/XLSX (zip-bomb guard), HTML row/column spans, columns
and cells per table, characters per line.  A limit reached is a
``LimitError``: one line naming the limit's config key, exit status 2.

The defaults are far above any real disclosure (the largest corpus PDF has
187 pages) and keep each check of a hostile input well under 1 GB.  They are
set in the config file's ``[limits]`` table (``max-file-mb = 50``); ``timeout``
is the per-document time limit of ``textcheck scan`` (the service has
``--timeout``).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from textcheck.errors import ConfigError, ReadError


class LimitError(ReadError):
    """An input over a configured limit; the message names the limit's key."""

    def __init__(self, path: str, what: str, key: str, limit):
        super().__init__(path, f"{what}, over the limit of {limit:,} (limits.{key})")
        self.key = key


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 100.0  # bytes read from one file (the service also caps the upload)
    max_pages: int = 2000  # PDF pages
    max_unzipped_mb: float = 300.0  # total unpacked size of a DOCX/XLSX
    max_zip_entries: int = 10_000  # members of a DOCX/XLSX
    max_chars: int = 2_000_000  # characters of one document (each costs ~250 bytes once located and parsed)
    max_line_chars: int = 50_000  # characters of one line (text) or one rendered line
    # characters of one paragraph (lines re-joined): claim extraction's cost grows faster
    # than a paragraph's length (~1 s at 20,000 characters full of amounts)
    max_paragraph_chars: int = 20_000
    max_table_columns: int = 1_000  # grid columns of one table
    max_table_cells: int = 500_000  # grid cells of one table (after spans are expanded)
    max_span: int = 100  # HTML colspan/rowspan (larger values are capped, not refused)
    timeout: float = 600.0  # seconds one document may take in `textcheck scan`

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)

    def check_chars(self, path: str, count: int) -> None:
        if count > self.max_chars:
            raise LimitError(path, f"document has {count:,} characters", "max-chars", self.max_chars)

    def check_line(self, path: str, line: str, lineno: int | None = None) -> None:
        if len(line) > self.max_line_chars:
            where = f"line {lineno}" if lineno else "a line"
            raise LimitError(path, f"{where} has {len(line):,} characters", "max-line-chars", self.max_line_chars)

    def check_paragraphs(self, path: str, document) -> None:
        for paragraph in document.paragraphs:
            size = len(paragraph.text.text)
            if size > self.max_paragraph_chars:
                line = paragraph.text.location.line if paragraph.text.location else None
                where = f"the paragraph at line {line}" if line else "a paragraph"
                raise LimitError(path, f"{where} has {size:,} characters", "max-paragraph-chars",
                                 self.max_paragraph_chars)

    def check_grid(self, path: str, table: str, columns: int, cells: int) -> None:
        if columns > self.max_table_columns:
            raise LimitError(path, f"{table} has {columns:,} columns", "max-table-columns", self.max_table_columns)
        if cells > self.max_table_cells:
            raise LimitError(path, f"{table} has {cells:,} cells", "max-table-cells", self.max_table_cells)


DEFAULT_LIMITS = Limits()


def _key(name: str) -> str:
    return name.replace("_", "-")


KEYS = {_key(f.name): f for f in fields(Limits)}


def limits_from_mapping(data: dict, where: str = "") -> Limits:
    """Validate the ``[limits]`` table: known keys, positive numbers."""
    if not isinstance(data, dict):
        raise ConfigError(f"'tool.textcheck.limits' must be a table{where}")
    values = {}
    for key, value in data.items():
        f = KEYS.get(key)
        if f is None:
            raise ConfigError(f"unknown key 'tool.textcheck.limits.{key}'{where} "
                              f"(known: {', '.join(sorted(KEYS))})")
        wanted = int if f.type in ("int", int) else float
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 \
                or (wanted is int and not float(value).is_integer()):
            kind = "a positive whole number" if wanted is int else "a positive number"
            raise ConfigError(f"'tool.textcheck.limits.{key}' must be {kind}, not {value!r}{where}")
        values[f.name] = wanted(value)
    return Limits(**values)
