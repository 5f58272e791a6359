"""The linker's indexes built once per document give what the plain scans they replace give.

Each reference below is the scan as it was written before the index (kept here, not in the
code): the fast path must agree with it on every form and table set tried — the seed's tables
and small documents of the other linking tests."""
from decimal import Decimal

import pytest

from textcheck import patterns
from textcheck.claim import CellRef
from textcheck.document import ROW_TOTAL
from textcheck.lexicon import load_lexicon
from textcheck.linking import Linker, TableIndex, name_key, vocabulary
from textcheck.linking.index import _EMPTY_DECIMALS, _line_number_column, _Segment
from textcheck.linking.vocab import _first, _norm, _year_free
from textcheck.numbers import Number
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

# A side-by-side table whose total row totals each block ("公用经费合计" beside "合计").
SIDE = """第二部分 2024 年部门预算公开表

公开05表

一般公共预算基本支出表

单位：万元

人员经费		公用经费	
科目名称	金额	科目名称	金额
工资福利支出	80.00	办公费	10.00
对个人和家庭的补助	5.00	差旅费	2.00
合计	85.00	公用经费合计	12.00
"""


def _documents(sample_text):
    xian = read_text(XIAN, path="x.txt")
    xian.meta["year"] = 2026
    return [read_text(sample_text, path="seed.txt"), read_text(MEETINGS, path="meet.txt"), xian,
            read_text(DEEP, path="deep.txt"), read_text(SIDE, path="side.txt"),
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


class _ReferenceIndex(TableIndex):
    """TableIndex as it was built before rows were sorted once per table and labels decided
    once per distinct text: every row sorted, scanned and its labels normalised on its own."""

    def _index_table(self, t):
        title = _norm(t.title or (self.listed.get(t.number, "") if t.number is not None else ""))
        role = "performance" if t.kind == "performance" else _first(self.voc.table_roles, title)
        self.roles[t.index] = role
        defaults = _first(self.voc.table_defaults, title) or {}
        code_cols = {c.index for c in t.columns if self.voc.code_headers.search(_norm(c.label or ""))}
        self.code_cols[t.index] = code_cols
        self.line_cols[t.index] = frozenset(i for i in {c.index for c in t.columns} if _line_number_column(t, i))
        if t.kind != "performance" and not any(c.value is not None for r in t.rows for c in r.cells):
            return
        skip = {c.index for c in t.columns if self._non_amount(c)} | code_cols
        amount_cols = {c.index for c in t.columns
                       if c.index not in skip and (self.voc.measure(_norm(c.label or "")) or self.voc.fund(_norm(c.label or "")))}
        for row in t.rows:
            seen_text = False
            for c in sorted(row.cells, key=lambda c: c.col):
                if c.col in skip:
                    continue
                if c.value is None:
                    seen_text = seen_text or bool(c.text.text.strip())
                elif seen_text:
                    amount_cols.add(c.col)
        for c in t.columns:
            self.concepts[(t.index, c.index)] = self._column_concept(c, defaults)
        width = max([len(t.columns)] + [c.col + 1 for r in t.rows for c in r.cells])
        zero = Number(Decimal(0), _EMPTY_DECIMALS, t.unit, "")
        for row in t.rows:
            self._reference_row(t, row, amount_cols, width, zero)
        self._index_unlabelled_row(t, amount_cols, zero)

    def _reference_row(self, t, row, amount_cols, width, zero):
        cells = sorted(row.cells, key=lambda c: c.col)
        by_col = {c.col: c for c in cells}
        code_cols, line_cols = self.code_cols[t.index], self.line_cols[t.index]
        text_cols = [c for c in cells if c.value is None and c.col not in code_cols and c.col not in line_cols
                     and (text := c.text.text.strip()) and not patterns.LINK_CODE_CELL.fullmatch(text)]
        merged = self._labels_in_code_columns(t, by_col)
        if merged:
            text_cols = sorted(text_cols + merged, key=lambda c: c.col)
        for i, label_cell in enumerate(text_cols):
            end = text_cols[i + 1].col if i + 1 < len(text_cols) else width
            refs = [CellRef(t, row, col, by_col[col].value if col in by_col and by_col[col].value is not None
                            else zero) for col in range(label_cell.col + 1, end) if col in amount_cols]
            label = label_cell.text.text.strip()
            code = None
            m = patterns.LINK_CODE_PREFIX.match(_norm(label))
            if m:
                code, label = m.group("code"), m.group("name")
            elif i == 0 and row.code:
                code = row.code
            elif i == 0:
                code = next((x for c in cells if c.col in code_cols
                             for x in (c.text.text.strip(),) if len(x) in (3, 5, 7) and x.isdigit()), None)
            key = name_key(label)
            total = (row.kind == ROW_TOTAL and (i == 0 or bool(patterns.LINK_TOTAL_SUFFIX.search(key)))) or \
                bool(self.voc.total_row.search(key))
            before = name_key(text_cols[i - 1].text.text) if i else ""
            seg = _Segment(t, row, label, key, code, tuple(refs), total, before)
            self.segments.append(seg)
            if code:
                self.by_code.setdefault(code, []).append(seg)
            if key:
                self.by_key.setdefault(key, []).append(seg)
                if _year_free(key) != key:
                    self.by_key.setdefault(_year_free(key), []).append(seg)


def _shape(index):
    def seg(s):
        return (s.table.index, s.row.index, s.label, s.key, s.code, s.total, s.before,
                tuple((c.table.index, c.row.index, c.col, c.value) for c in s.cells))
    return ([seg(s) for s in index.segments], {k: [seg(s) for s in v] for k, v in index.by_key.items()},
            {k: [seg(s) for s in v] for k, v in index.by_code.items()}, index.roles, index.concepts,
            index.code_cols, index.line_cols)


def _read_by_routes(seg, index) -> bool:
    """What the fast index keeps: every segment but a 绩效目标表's bare labels (no cells, no
    code, not the project's name)."""
    return index.role(seg.table) != "performance" or bool(seg.cells or seg.code) or seg.before == "项目名称"


def test_table_index_is_the_reference_build(sample_text):
    voc = vocabulary(())
    segments = skipped = 0
    for document in _documents(sample_text):
        fast, reference = TableIndex(document, voc), _ReferenceIndex(document, voc)
        kept = [s for s in reference.segments if _read_by_routes(s, reference)]
        skipped += len(reference.segments) - len(kept)
        reference.segments = kept
        reference.by_key = {k: [s for s in v if _read_by_routes(s, reference)] for k, v in reference.by_key.items()}
        reference.by_key = {k: v for k, v in reference.by_key.items() if v}
        # a 绩效目标表's column concepts are left out (no route reads them:
        # tests/test_linking_lean_index.py links with and without them)
        reference.concepts = {k: v for k, v in reference.concepts.items() if reference.roles[k[0]] != "performance"}
        assert _shape(fast) == _shape(reference)
        segments += len(fast.segments)
    assert segments > 200 and skipped > 500


def test_links_with_the_fast_index_are_the_reference_links(sample_text, monkeypatch):
    # the segments the fast index leaves out change no link of the seed's claims
    from textcheck.api import get_checker
    from textcheck.linking import linker as linker_module

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    claims = [c for c in ctx.claims if c.value is not None]
    assert len(claims) > 100
    fast = Linker(ctx.document, ctx.lexicon)
    with monkeypatch.context() as m:
        m.setattr(linker_module, "TableIndex", _ReferenceIndex)
        reference = Linker(ctx.document, ctx.lexicon)
    assert len(reference.index.segments) > 2 * len(fast.index.segments)  # 绩效目标表 labels
    for claim in claims:
        assert fast.link(claim) == reference.link(claim), claim.subject


def test_lexicon_lookups_kept_per_document_are_the_lexicons_answers(linkers):
    # the item columns index looks every header level up; then ask again: the kept answers
    # are the lexicon's own (a term with no canonical name stays None)
    lexicon = load_lexicon()
    for linker in linkers:
        linker._find_column_cells("会议费", tuple(t.index for t in linker.index.tables))
        for form in _forms(linker)[:300]:
            linker._canonical(form)
            linker._concept_column(form)
        assert linker._canon_of and linker._column_of
        for term, canon in linker._canon_of.items():
            assert canon == lexicon.canonical(name_key(term)) == linker._canonical(term)
        for term, column in linker._column_of.items():
            assert column == lexicon.concept_column(term) == linker._concept_column(term)
    assert any(c is None for linker in linkers for c in linker._canon_of.values())
    assert any(c is not None for linker in linkers for c in linker._canon_of.values())


def test_cell_refs_made_by_the_index_are_cell_refs(sample_text):
    from dataclasses import fields

    from textcheck.linking.index import _cell_ref

    # the fast constructor sets exactly CellRef's fields: a field added to CellRef fails here
    assert [f.name for f in fields(CellRef)] == ["table", "row", "col", "value"]
    assert not hasattr(CellRef, "__post_init__")
    index = TableIndex(read_text(sample_text, path="seed.txt"), vocabulary(()))
    refs = [c for s in index.segments for c in s.cells]
    assert len(refs) > 500
    for ref in refs:
        plain = CellRef(ref.table, ref.row, ref.col, ref.value)
        assert type(ref) is CellRef and ref == plain and hash(ref) == hash(plain) and repr(ref) == repr(plain)
        assert vars(ref) == vars(plain)
    assert _cell_ref(1, 2, 3, 4) == CellRef(1, 2, 3, 4)


@pytest.mark.parametrize("tolerance", [Decimal(0), Decimal("0.05")])
def test_agreeing_cells_are_those_the_agreement_test_accepts(sample_text, tolerance):
    from textcheck.linking import agrees

    document = read_text(sample_text, path="seed.txt")
    linker = Linker(document, load_lexicon(), tolerance=tolerance)
    cells = [c for s in linker.index.segments for c in s.cells]
    numbers = [c.value for c in cells[::7]] + [Number(Decimal("1.0"), 1, "万元", ""), Number(Decimal("12345"), 0, "元", "")]
    hits = 0
    for number in numbers:
        fast = linker._agreeing(number, cells)
        assert fast == tuple(c for c in cells if agrees(number, c, tolerance=tolerance))
        hits += len(fast)
    assert hits > len(numbers)


def test_restating_claims_are_the_same_without_their_cells(sample_text):
    from textcheck.api import get_checker
    from textcheck.linking import restating_cells

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    with_cells = [(claim, cells) for claim, cells in restating_cells(ctx.document, ctx.claims)]
    without = list(restating_cells(ctx.document, ctx.claims, want_cells=False))
    assert [c for c, _ in without] == [c for c, _ in with_cells] and len(without) > 20
    assert all(cells for _, cells in with_cells) and not any(cells for _, cells in without)


def test_cells_in_column_order_are_the_sorted_cells(sample_text):
    from operator import attrgetter

    from textcheck.document import new_cell
    from textcheck.linking.index import _in_column_order

    document = read_text(sample_text, path="seed.txt")
    rows = [r.cells for t in document.tables for r in t.rows]
    # the readers' rows (in order), and the same cells reversed, shuffled and with a repeated column
    some = rows[0] + rows[1]
    text = some[0].text
    twins = (new_cell(text, 0, 2), new_cell(text, 0, 1), new_cell(text, 0, 2), new_cell(text, 0, 0))
    tried = rows + [tuple(reversed(c)) for c in rows] + [some, tuple(reversed(some)), twins, twins[1:], ()]
    for cells in tried:
        got = _in_column_order(cells)
        assert list(got) == sorted(cells, key=attrgetter("col"))
        assert [id(c) for c in got] == [id(c) for c in sorted(cells, key=attrgetter("col"))]
    assert any(_in_column_order(c) is c for c in rows if c)  # in order: no copy


def test_project_segments_told_before_the_memo_are_the_scans(sample_text):
    # a key no project row is indexed under finds none without the memo: every key of the index,
    # with and without a year, and the seed's subjects' forms give what the scan gives
    from textcheck.api import get_checker

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    linker = Linker(ctx.document, ctx.lexicon)
    keys = set(linker.index.by_key) | {"2024年" + k for k in linker.index.by_key} | {""}
    keys |= {name_key(c.subject or "") for c in ctx.claims}
    found = 0
    for key in sorted(keys):
        assert linker._project_segments(key) == linker._find_project_segments(key), key
        found += bool(linker._find_project_segments(key))
    assert found > 10


def test_segment_lists_made_in_one_pass_are_the_filtered_lists(linkers):
    # Linker.__init__ makes the totals, the named segments and the three per-table lists in one
    # pass: the same lists, in the same order, as one filter each
    seen = 0
    for linker in linkers:
        segments = linker.index.segments
        totals = [seg for seg in segments if seg.total]
        named = [seg for seg in segments if seg.cells and not seg.total]
        assert linker._total_segments == totals and linker._named_segments == named
        seen += bool(totals and named)
        for mine, every in ((linker._segments_of, segments), (linker._totals_of, totals), (linker._named_of, named)):
            reference: dict = {}
            for seg in every:
                reference.setdefault(seg.table.index, []).append(seg)
            assert list(mine.items()) == list(reference.items())
    assert seen >= 2


def test_code_cells_told_without_the_pattern_are_its_matches():
    import random

    from textcheck.linking.index import _CodeCells

    rnd = random.Random(3)
    alphabet = list("0123456789 a项-.") + ["１", "٣", "²", "①", "〇", "Ⅻ", "\u0663", "\U0001d7ce"]
    texts = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 9))) for _ in range(20000)}
    texts |= {"", "2", "20", "206", "2060101", "20601011", "２０６", "٢٠٦", "20 6", "²⁰"}
    cells = _CodeCells()
    assert sum(cells[t] for t in texts) > 100
    for text in texts:
        assert cells[text] == bool(patterns.LINK_CODE_CELL.fullmatch(text)), repr(text)
