"""The document model's shortcuts give what the plain versions give: the readers' fast
constructors (``document.located``, ``document.new_cell``) build the same frozen objects as the
classes' own ``__init__``, and ``Paragraph.sentences`` (one pattern scan, kept per paragraph)
splits as the character-by-character walk it replaced."""
import dataclasses
import pickle
import random

import pytest

from textcheck.document import Cell, LocatedText, Paragraph, located, new_cell, new_cells
from textcheck.numbers import parse_number

CASES = [
    ("", (), None, None),
    ("预算", ((3, 1), (3, 2)), None, None),
    ("1.5", ((7, 4), (7, 5), (9, 1)), 2, "Sheet1!B7"),
]


@pytest.mark.parametrize("text, positions, page, ref", CASES)
def test_located_is_a_located_text(text, positions, page, ref):
    fast, plain = located(text, positions, page, ref), LocatedText(text, positions, page, ref)
    assert type(fast) is LocatedText
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert (fast.text, fast.positions, fast.page, fast.ref) == (text, positions, page, ref)
    assert fast.location == plain.location
    assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"


def test_located_checks_one_position_per_character():
    with pytest.raises(ValueError):
        located("ab", ((1, 1),))


def test_new_cell_is_a_cell():
    lt = located("3,956.08", tuple((4, k) for k in range(1, 9)))
    for args in [(lt, 0, 2), (lt, -1, 0), (lt, 5, 3, parse_number(lt.text))]:
        fast, plain = new_cell(*args), Cell(*args)
        assert type(fast) is Cell
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert fast.location == plain.location
        assert pickle.loads(pickle.dumps(fast)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.value = None


def test_new_cells_are_the_cells_of_the_row():
    """document.new_cells (a row's cells in one loop) builds what Cell(...) builds cell by cell."""
    texts = [located("3,956.08", tuple((4, k) for k in range(1, 9))), located("", ()),
             located("合计", ((4, 11), (4, 12)))]
    for row, values in [(0, None), (-1, None), (7, [parse_number("3,956.08"), None, None]),
                        (2, [None, None, parse_number("12")])]:
        fast = new_cells(texts, row, values)
        plain = tuple(Cell(t, row, k, values[k] if values else None) for k, t in enumerate(texts))
        assert type(fast) is tuple and all(type(c) is Cell for c in fast)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast[0].col = 1
    assert new_cells([], 3) == ()


def _sentences_by_characters(text: LocatedText) -> list[LocatedText]:
    """The reference: walk the characters, cut after each 。！？；, drop blank pieces."""
    out, start, s = [], 0, text.text
    for i, ch in enumerate(s):
        if ch in "。！？；":
            if s[start:i + 1].strip():
                out.append(text.slice(start, i + 1))
            start = i + 1
    if s[start:].strip():
        out.append(text.slice(start, len(s)))
    return out


def test_sentences_split_as_the_character_walk():
    rng = random.Random(7)
    pieces = ["预算", "1,422.65万元", "。", "！", "？", "；", ";", " ", "\u3000", "\n", "，", "“三公”", "a"]
    texts = ["", " ", "。", "。。", " 。 ", "一句。二句", "一句。 "] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(800)]
    for t in texts:
        lt = LocatedText(t, tuple((1, k + 1) for k in range(len(t))), 3, "段落 1")
        p = Paragraph(lt, ("一、说明",), 0)
        expected = _sentences_by_characters(lt)
        assert list(p.sentences()) == expected, t
        assert list(p.sentences()) == expected, t  # the second call: the kept split
        # the bounds claim extraction slices by itself
        assert [lt.slice(a, b) for a, b in p.sentence_bounds()] == expected, t
        assert p == Paragraph(lt, ("一、说明",), 0)  # the kept split is no part of the value


def test_new_row_and_the_reader_blocks_are_their_classes():
    from textcheck.document import ROW_PART, Row, new_row
    from textcheck.readers.blocks import GridRow, TextLine, grid_row, text_line

    lt = located("合计", ((2, 1), (2, 2)), 1)
    cells = (new_cell(lt, 0, 0), new_cell(located("", ()), 0, 1))
    for args, kwargs in [((0, cells, "合计"), {}),
                         ((3, cells, "其中：A", "2060101", 3, ROW_PART, 1, "单位", ("a", "b"), ("201", None)), {})]:
        fast, plain = new_row(*args, **kwargs), Row(*args, **kwargs)
        assert type(fast) is Row and fast == plain and repr(fast) == repr(plain) and hash(fast) == hash(plain)
        assert fast.cell(1) is cells[1] and fast.cell(5) is None
        assert pickle.loads(pickle.dumps(fast)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.label = "x"
    for fast, plain in [(text_line(lt, 2), TextLine(lt, 2)), (grid_row((lt,), None, 7), GridRow((lt,), None, None, 7))]:
        assert type(fast) is type(plain) and fast == plain and repr(fast) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.page = 3


def test_new_location_heading_paragraph_and_column_are_their_classes():
    """The dict-filled (Location, Heading, Paragraph) and slot-twin (Column) constructors build
    what the classes' own __init__ builds: equal, same hash and repr, pickled alike, frozen."""
    from textcheck.document import (Column, Heading, Location, new_column, new_heading, new_location,
                                    new_paragraph)

    lt = located("一、主要职能", tuple((5, k) for k in range(1, 7)), 2, "段落 3")
    pairs = [(new_location(3, 1, 4, 9, 2, "Sheet1!B7"), Location(3, 1, 4, 9, 2, "Sheet1!B7")),
             (new_location(0, 0, 0, 0), Location(0, 0, 0, 0)),
             (new_heading(lt, 2), Heading(lt, 2)),
             (new_paragraph(lt, ("第一部分", "一、主要职能"), 4), Paragraph(lt, ("第一部分", "一、主要职能"), 4)),
             (new_column(3, "合计", ("支出预算", "合计"), "1"), Column(3, "合计", ("支出预算", "合计"), "1")),
             (new_column(0, ""), Column(0, ""))]
    for fast, plain in pairs:
        assert type(fast) is type(plain)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
        if not hasattr(plain, "__slots__"):
            assert list(vars(fast)) == list(vars(plain))  # the same fields, in the same order
        assert pickle.loads(pickle.dumps(fast)) == plain
        field = dataclasses.fields(plain)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, field, None)
    p = new_paragraph(lt, (), 0)
    assert list(p.sentences()) == list(Paragraph(lt, (), 0).sentences())
    # LocatedText.locate builds its Location with new_location: the same Location as before
    assert lt.locate(1, 3) == Location(5, 2, 5, 3, 2, "段落 3")
    assert located("", (), 4).location == Location(0, 0, 0, 0, 4, None)
