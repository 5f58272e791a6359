"""The linker's indexes built once per document give what the plain scans they replace give.

Each reference below is the scan as it was written before the index (kept here, not in the
code): the fast path must agree with it on every form and table set tried — the seed's tables
and small documents of the other linking tests."""
import pytest

from textcheck.document import ROW_TOTAL
from textcheck.lexicon import load_lexicon
from textcheck.linking import Linker, name_key
from textcheck.readers import read_text

from tests.test_linking_routes import MEETINGS, XIAN


def _reference_column_cells(linker, form, table_ids):
    """ItemsMixin._find_column_cells as a scan of every table's header paths."""
    out = []
    for t in linker.index.tables:
        if t.index not in table_ids:
            continue
        totals = [seg for seg in linker._totals_of.get(t.index, ())
                  if seg.row.kind == ROW_TOTAL or not seg.key or linker.voc.total_row.fullmatch(seg.key)]
        grand = [seg for seg in totals if seg.row.kind == ROW_TOTAL] or totals
        if len(grand) != 1 and not all(not seg.key for seg in grand):
            continue
        if any(linker._classification_row(seg.code, seg.label) for seg in linker._segments_of.get(t.index, ())):
            continue
        for col in t.columns:
            keys = [name_key(p) for p in (col.path or (col.label,)) if p]
            hit = linker._item_header(form, keys)
            if hit is None:
                continue
            if hit != len(keys) - 1 and not linker.voc.column_total.fullmatch(keys[-1]):
                continue
            out += [c for seg in grand for c in seg.cells if c.col == col.index]
    return out


# Header levels that name the item twice ("培训费" over "培训费支出": the deeper one decides), a
# part column under an item ("会议费差旅"), an item printed with 用 ("因公出国（境）费用").
DEEP = """第二部分 2024 年部门预算公开表

公开09表

一般公共预算“三公”经费支出表

单位：万元

合计	因公出国（境）费用	会议费		培训费	公务用车购置及运行维护费	
		会议费	会议费差旅	培训费支出	小计	公务用车运行费
100.00	10.00	20.00	5.00	70.00	3.00	3.00
"""


def _documents(sample_text):
    xian = read_text(XIAN, path="x.txt")
    xian.meta["year"] = 2026
    return [read_text(sample_text, path="seed.txt"), read_text(MEETINGS, path="meet.txt"), xian,
            read_text(DEEP, path="deep.txt"),
            read_text(XIAN.replace("201	某局", "201	一般公共服务支出"), path="c.txt")]


def _forms(linker):
    """Every header level and row label of the document, with and without 支出, 用 and 合计."""
    keys = {name_key(p) for t in linker.index.tables for col in t.columns for p in (col.path or (col.label,)) if p}
    keys |= {seg.key for seg in linker.index.segments}
    forms = set()
    for k in keys:
        forms |= {k, k + "支出", k.removesuffix("支出"), k.removesuffix("用"), k + "合计", k[1:], k[:-1]}
    return sorted(f for f in forms if len(f) >= 2)


@pytest.fixture(scope="module")
def linkers(sample_text):
    lexicon = load_lexicon()
    return [Linker(d, lexicon) for d in _documents(sample_text)]


def test_item_columns_index_gives_the_scans_cells(linkers):
    tried = found = 0
    for linker in linkers:
        every = tuple(t.index for t in linker.index.tables)
        table_sets = [every, every[::2], *((i,) for i in every)]
        for form in _forms(linker):
            for ids in table_sets:
                fast = linker._find_column_cells(form, ids)
                assert fast == _reference_column_cells(linker, form, set(ids)), (form, ids)
                tried += 1
                found += bool(fast)
    assert tried > 1000 and found > 20  # the comparison saw real item columns
