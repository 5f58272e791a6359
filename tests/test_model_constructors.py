"""The readers' fast constructors (``document.located``, ``document.new_cell``) build the same
frozen objects as the classes' own ``__init__``."""
import dataclasses
import pickle

import pytest

from textcheck.document import Cell, LocatedText, located, new_cell
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
