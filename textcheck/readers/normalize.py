"""Normalise conversion artefacts while keeping one source position per character.

Disclosures published as text went through Word → PDF → text (or Markdown)
conversions that leave artefacts nobody wrote on purpose: spaces between CJK
characters and digits ("2024 年", "1,422.65 万元"), LaTeX remnants
(``$\\geq 6\\%$``), HTML tags (``<p>``), Markdown bold (``**x**``), operators
split by a space ("> =95%") and full-width ASCII ("２０２４", "％", "＞＝").
They are removed here, before anything reads the text, so no later stage
reports them as errors.

Each step either drops characters or replaces one source span by new
characters; a kept character keeps its exact source (line, column), a
replacement character takes the position of the first character it replaces.
So ``LocatedText.positions[i]`` always points into the original file.

Full-width forms: ASCII look-alikes (digits, letters, ％ ＋ － ． ／ ＜ ＝ ＞ …)
become half-width so numbers and operators parse one way.  The Chinese
sentence punctuation ，：；！？（） stays full-width: it is the normal form
of Chinese text (not an artefact), sentence splitting and the heading
patterns ("（一）", "其中：") are written against it, and a half-width ","
would be mistaken for a thousands separator.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from typing import Callable, Sequence

from textcheck import patterns
from textcheck.document import LocatedText, Position, located, slot_twin

# Full-width characters that stay as they are (see module docstring).
_KEEP_FULLWIDTH = "！（），：；？"

_FULLWIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FULLWIDTH_TABLE[0x3000] = 0x20  # ideographic space → space (then treated like any space)
_FULLWIDTH_TABLE[0x00A0] = 0x20  # no-break space
_FULLWIDTH_TABLE[0x2002] = 0x20
_FULLWIDTH_TABLE[0x2003] = 0x20

# LaTeX commands seen in converted tables, and what they stand for.
_LATEX_COMMANDS = {
    "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤",
    "neq": "≠", "ne": "≠", "times": "×", "pm": "±", "sim": "~", "approx": "≈", "cdot": "·",
    "%": "%", "$": "$", "{": "", "}": "", ",": "", ";": "", "!": "", " ": "",
}

# patterns.NORMALIZE_FULLWIDTH finds exactly the keys of _FULLWIDTH_TABLE: a text holding
# none translates to itself, and str.translate with a dict (a lookup per character of
# Chinese text) is skipped (tests/test_normalize.py compares the two).


# Position tuples (line, column) shared by every document: line N column C is the same
# pair in every file, so the per-character tuples are built once per process and each
# LocatedText takes a slice (no per-character allocation while reading).  The cache
# stops growing at _MAX_SHARED_POSITIONS pairs (a few MB); beyond it rows are built fresh.
_LINE_ROWS: dict[int, tuple[Position, ...]] = {}
_MAX_SHARED_POSITIONS = 400_000
_shared_positions = 0


def _line_row(line: int, end: int) -> tuple | None:
    """The shared positions of ``line`` indexed by column (slot 0 unused), at least ``end``
    long; None once the shared cache is full."""
    global _shared_positions
    row = _LINE_ROWS.get(line)
    if row is None or len(row) < end:
        if _shared_positions + end > _MAX_SHARED_POSITIONS:
            return None
        old = len(row) if row else 0
        size = max(end, 2 * old, 128)
        row = (0, *zip(repeat(line), range(1, size)))  # index = column; slot 0 unused
        _LINE_ROWS[line] = row
        _shared_positions += size - old
    return row


def line_positions(line: int, start: int, end: int) -> tuple[Position, ...]:
    """``((line, start), (line, start + 1), …, (line, end - 1))`` (columns 1-based)."""
    row = _line_row(line, end) if start >= 1 else None
    if row is None:
        return tuple(zip(repeat(line), range(start, end)))
    return row[start:end]


_EMPTY: dict[int | None, LocatedText] = {}

# A grid line's plain cells are built as document.located builds a LocatedText (slot stores on
# a twin of the same layout, then the class), inline in locate_cells' loop.
_LocatedTextSlots = slot_twin(LocatedText)


def empty_text(page: int | None) -> LocatedText:
    """The empty text on ``page`` (immutable, so one object serves every empty cell)."""
    lt = _EMPTY.get(page)
    if lt is None:
        lt = _EMPTY[page] = LocatedText("", (), page)
    return lt


def locate_line(raw: str, line: int, column: int = 1, page: int | None = None, cell: bool = False) -> LocatedText:
    """``raw`` taken from ``line`` starting at 1-based ``column``, normalised.

    ``cell=True`` for a table cell: spaces between CJK characters are dropped
    too (a narrow column wraps "产出指标" as "产出 指标").
    """
    if not raw or raw.isspace():
        return empty_text(page)
    if not patterns.NORMALIZE_NEEDS_WORK.search(raw):
        # fast path (most cells): only the 1:1 translation and stripping apply
        text = raw.translate(_FULLWIDTH_TABLE) if patterns.NORMALIZE_FULLWIDTH.search(raw) else raw
        stripped = text.strip()
        if not stripped:
            return LocatedText("", (), page)
        start = text.index(stripped[0])
        return located(stripped, line_positions(line, column + start, column + start + len(stripped)), page)
    if column >= 1 and not patterns.GRID_LINE_WORK.search(raw):
        # only spaces and tabs to work on (most such lines: "2024 年…"): the space steps and the
        # stripping, on the shared positions, without normalize's other steps
        row = _line_row(line, column + len(raw))
        if row is not None:
            return _spaced_cell(raw, row, column, page,
                                patterns.CELL_SPACE_DROPS if cell else patterns.TEXT_SPACE_DROPS)
    return normalize(raw, line_positions(line, column, column + len(raw)), page=page, cell=cell)


def locate_cells(raw: str, line: int, column: int = 1, page: int | None = None) -> tuple[LocatedText, ...]:
    """The tab-separated cells of ``raw`` (taken from ``line`` at 1-based ``column``), each as
    ``locate_line(cell, …, cell=True)`` gives it.

    A grid line is decided once, not cell by cell: NORMALIZE_NEEDS_WORK is a one-character
    class, so when the line without its tabs and spaces holds none of its characters, a cell
    without a space is its text (full-width forms translated) at its own columns — no
    whitespace to strip, nothing to drop.  Only cells with a space, or every cell of a line
    with other such characters, go through ``locate_line``."""
    parts = raw.split("\t")
    empty = empty_text(page)  # a blank cell (~half the cells of a grid)
    row = None
    translate = False
    if column >= 1:
        if not patterns.GRID_LINE_WORK.search(raw):
            # one scan (most grid lines): no NORMALIZE_NEEDS_WORK character but spaces and tabs,
            # and no full-width form to translate
            row = _line_row(line, column + len(raw))
        elif not patterns.NORMALIZE_NEEDS_WORK.search(raw.replace("\t", "").replace(" ", "")):
            row = _line_row(line, column + len(raw))
            translate = patterns.NORMALIZE_FULLWIDTH.search(raw) is not None
    cells = []
    c = column
    if row is None:
        for part in parts:
            cells.append(locate_line(part, line, c, page, cell=True) if part and not part.isspace() else empty)
            c += len(part) + 1
        return tuple(cells)
    spaced = " " in raw  # most grid lines hold no space: no cell to ask
    for part in parts:
        if not part:
            cells.append(empty)
            c += 1
            continue
        end = c + len(part)
        if translate:
            part = part.translate(_FULLWIDTH_TABLE)  # 1:1, the columns unchanged
        if spaced and " " in part:
            # only the space steps apply (no other NORMALIZE_NEEDS_WORK character on the line)
            cells.append(_spaced_cell(part, row, c, page) if not part.isspace() else empty)
        else:
            # located(part, row[c:end], page) without its call and length test: the row holds
            # every column of the line, so the slice has one position per character
            lt = _LocatedTextSlots()
            lt.text = part
            lt.positions = row[c:end]
            lt.page = page
            lt.ref = None
            lt.__class__ = LocatedText
            cells.append(lt)
        c = end + 1
    return tuple(cells)


def _spaced_cell(text: str, row: tuple, column: int, page: int | None, pattern=None) -> LocatedText:
    """``normalize(text, row[column:…], cell=True)`` for a cell whose only whitespace is spaces
    and tabs and that holds no other NORMALIZE_NEEDS_WORK character nor a full-width form: the
    space runs the cell's space steps drop, and the surrounding whitespace, go; the kept
    characters keep their columns.  (``pattern``: TEXT_SPACE_DROPS for a line of prose.)

    Stripped first: a dropped run has a character of a look-behind class before it and one of a
    look-ahead class after it, none of them whitespace, so it is inside the stripped text and
    stripping before or after dropping keeps the same characters.  The positions are then
    slices of the shared row, joined (one slice when nothing is dropped), not a list built
    position by position (tests/test_normalize.py compares with normalize)."""
    stripped = text.strip()
    if len(stripped) != len(text):
        column += text.index(stripped[0])  # leading whitespace is not stripped[0]: its first place
        text = stripped
    drops = space_drops(text, pattern or patterns.CELL_SPACE_DROPS)
    if not drops:
        positions = row[column:column + len(text)]
    elif len(drops) == 1:  # most: one run dropped ("2024 年", "产出 指标")
        start, end = drops[0]
        positions = row[column:column + start] + row[column + end:column + len(text)]
        text = text[:start] + text[end:]
    else:
        text, out_p = _without(text, row[column:column + len(text)], drops)
        positions = tuple(out_p)
    # located(text, positions, page) without its call and length test: the row holds every column
    # of the text, and a dropped run takes its characters and their positions alike
    lt = _LocatedTextSlots()
    lt.text = text
    lt.positions = positions
    lt.page = page
    lt.ref = None
    lt.__class__ = LocatedText
    return lt


# The space steps' patterns (TEXT_SPACE_DROPS, CELL_SPACE_DROPS) drop whole runs of [ \t] only,
# each judged by the one character before the run and the one after it: every alternative is
# a single-character look-behind class, [ \t]+, a single-character look-ahead class, and no
# class holds a space or a tab (so a match can neither start inside a run nor end before its
# end).  A plain scan finds the runs; the pattern is asked once per (pattern, character before,
# character after) on a probe "a b", the answer kept in a bounded memo (a pure function of two
# characters; emptied with the other string memos by benchmarks/bench_check.py).  A common Han
# character (U+4E00–U+9FA5) is asked as 中 and an ASCII digit as 0: the patterns' classes hold
# all of either or none (tests/test_normalize.py checks every one).  The runs
# dropped are exactly the pattern's matches, at a fraction of a regex scan with look-behinds
# at every position (tests/test_normalize.py compares them).
@lru_cache(maxsize=8192)
def _drops_between(pattern, pair: str) -> bool:
    """Does ``pattern`` drop a run of spaces between the two characters of ``pair``?"""
    return pattern.search(f"{pair[0]} {pair[1]}") is not None


def space_drops(text: str, pattern) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``text`` (``pattern`` one of the space steps')."""
    scan = text.replace("\t", " ") if "\t" in text else text  # one length: a run of [ \t] is a run of " "
    spans = []
    last = len(scan) - 1
    start = scan.find(" ")
    while start != -1:  # str.find, not a regex scanner and a match object per run (most texts have one or two)
        end = start + 1
        while end <= last and scan[end] == " ":
            end += 1
        # a character on both sides (else no look-behind or look-ahead holds), and the pattern drops between them
        if start and end <= last:
            before, after = text[start - 1], text[end]
            # the patterns read every common Han character as they read 中 and every ASCII digit as
            # 0 (tests/test_normalize.py): so asked, a document's few hundred pairs are ~25 probes
            if "\u4e00" <= before <= "\u9fa5":
                before = "中"
            elif "0" <= before <= "9":
                before = "0"
            if "\u4e00" <= after <= "\u9fa5":
                after = "中"
            elif "0" <= after <= "9":
                after = "0"
            if _drops_between(pattern, before + after):
                spans.append((start, end))
        start = scan.find(" ", end)
    return spans


def _without(text: str, pos: Sequence[Position], spans: list[tuple[int, int]]) -> tuple[str, list[Position]]:
    """``text`` and ``pos`` without the characters of ``spans`` (in order, not overlapping)."""
    out_t: list[str] = []
    out_p: list[Position] = []
    last = 0
    for start, end in spans:
        out_t.append(text[last:start])
        out_p.extend(pos[last:start])
        last = end
    out_t.append(text[last:])
    out_p.extend(pos[last:])
    return "".join(out_t), out_p


def normalize(text: str, positions: Sequence[Position], page: int | None = None, ref: str | None = None,
              cell: bool = False) -> LocatedText:
    """Normalised LocatedText of ``text`` whose characters stand at ``positions``."""
    pos = positions  # only sliced and indexed until the end: a tuple or a list
    if patterns.NORMALIZE_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH_TABLE)  # 1:1, positions unchanged
    # Each step runs only when its trigger character is present: plain
    # substring tests are far cheaper than a regex scan of every cell.
    if "<" in text:
        text, pos = _sub(text, pos, patterns.HTML_TAG, _drop)
    if "$" in text:
        text, pos = _sub(text, pos, patterns.LATEX_INLINE, _latex)
    if "**" in text:
        text, pos = _sub(text, pos, patterns.MARKDOWN_BOLD, _drop)
    if " " in text or "\t" in text:
        # split operators ("> =95%"), CJK–digit spaces and (cells) CJK–CJK spaces, in one scan
        text, pos = _drop_matches(text, pos, patterns.CELL_SPACE_DROPS if cell else patterns.TEXT_SPACE_DROPS)
    # strip surrounding whitespace (positions of kept characters unchanged)
    stripped = text.strip()
    if len(stripped) != len(text):
        start = len(text) - len(text.lstrip())
        text, pos = stripped, pos[start:start + len(stripped)]
    return located(text, tuple(pos), page, ref)


def _drop_matches(text: str, pos: Sequence[Position], pattern) -> tuple[str, Sequence[Position]]:
    """``text`` without the matches of ``pattern`` (a space step's), with the positions of the kept characters."""
    spans = space_drops(text, pattern)
    return _without(text, pos, spans) if spans else (text, pos)


def _sub(text: str, pos: Sequence[Position], pattern, repl: Callable) -> tuple[str, Sequence[Position]]:
    """Apply ``repl`` to every match; repl returns [(char, index into text)]."""
    out_t: list[str] = []
    out_p: list[Position] = []
    last = 0
    for m in pattern.finditer(text):
        out_t.append(text[last:m.start()])
        out_p.extend(pos[last:m.start()])
        for ch, i in repl(m):
            out_t.append(ch)
            out_p.append(pos[i])
        last = m.end()
    if last == 0:
        return text, pos
    out_t.append(text[last:])
    out_p.extend(pos[last:])
    return "".join(out_t), out_p


def _drop(_m) -> list[tuple[str, int]]:
    return []


def _latex(m) -> list[tuple[str, int]]:
    """``$\\geq 6\\%$`` → "≥6%": commands replaced, spaces, braces and $ dropped."""
    out: list[tuple[str, int]] = []
    body_start = m.start("body")
    body = m.group("body")
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            j = i + 1
            while j < len(body) and body[j].isalpha():
                j += 1
            name = body[i + 1:j] if j > i + 1 else body[i + 1:i + 2]
            j = j if j > i + 1 else i + 2
            rep = _LATEX_COMMANDS.get(name)
            if rep is None:
                rep = name  # unknown command: keep its name rather than invent meaning
            for k, c in enumerate(rep):
                out.append((c, body_start + i))
            i = j
            continue
        if ch in " {}":
            i += 1
            continue
        out.append((ch, body_start + i))
        i += 1
    return out
