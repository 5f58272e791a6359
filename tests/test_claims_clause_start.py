"""_clause_start finds the last clause break from the right: the same start as walking every
CLAIM_CLAUSE_BREAK match of the segment."""
from conftest import SAMPLE
from textcheck import patterns as P
from textcheck.claims.sentence import _clause_start


def _reference(t: str, pos: int, floor: int) -> int:
    seg = t[floor:pos]
    last = floor
    for m in P.CLAIM_CLAUSE_BREAK.finditer(seg):
        last = floor + m.end()
    if last == floor and floor > 0:
        m = P.CLAIM_ITEM_BREAK.match(t, floor, pos)
        if m:
            last = m.end()
    return last


def test_clause_start_equals_the_walk_over_every_break():
    lines = [ln for ln in SAMPLE.read_text("utf-8").split("\n") if ln.strip()][:200]
    lines += ["，", "a,b:c；d;e：f", "、 其中", "", "差旅费 10.00 万元、培训费 5.00 万元"]
    checked = 0
    for t in lines:
        for pos in range(0, len(t) + 2, 3):
            for floor in sorted({0, 1, pos // 2, max(0, pos - 4), pos, pos + 1}):
                assert _clause_start(t, pos, floor) == _reference(t, pos, floor), (t, pos, floor)
                checked += 1
    assert checked > 1000
    assert all(len(ch) == 1 for ch in P.CLAIM_CLAUSE_BREAK_CHARS)
