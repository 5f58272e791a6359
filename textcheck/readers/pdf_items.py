"""What the PDF reader finds on a page: lines of text, ruled grids, the page itself."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    """A line of running text on a page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    segments: list = field(default_factory=list)  # (text, x0, x1) pieces split at wide gaps
    chars: list = field(default_factory=list, repr=False)  # the characters, left to right (for char boxes)


@dataclass
class Grid:
    """A table found on a page: its rows of cell strings."""

    rows: list[list[str]]
    top: float
    bottom: float
    columns: list[tuple[float, float]] = field(default_factory=list)  # x-range of each column
    row_chars: list = field(default_factory=list, repr=False)  # each row's characters, cell by cell (char boxes)


@dataclass
class Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # Line and Grid, top to bottom
