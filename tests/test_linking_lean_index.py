"""The linker's lean index (TableIndex(lean=True): the 绩效目标表 rows no route reads left out)
and the linker's per-subject memos give the links the full index and the plain computations give.

The claims are the seed's own and hand-built ones naming every label of the documents' tables
(as tests/test_linking_government_classes.py builds them), in sections of every kind: what the
lean index leaves out must change no link whatever a sentence names."""
import dataclasses

import pytest

from textcheck import patterns
from textcheck.claim import Claim, Quantity
from textcheck.document import LocatedText
from textcheck.lexicon import load_lexicon
from textcheck.linking import Linker, TableIndex, vocabulary
from textcheck.linking import linker as linker_module
from textcheck.linking.index import PROJECT_NAME_LABEL
from textcheck.linking.stages import stage_of
from textcheck.linking.vocab import _first, _norm, specific_vocabulary
from textcheck.readers import read_text

from tests.test_linking_government_classes import PERFORMANCE

# A 项目支出绩效目标表 whose target rows print a code before a label and an amount beside it
# (the code route reads such a row), a name that recurs in the project table, and a second
# project table.
PROJECTS = """某某局2025年部门预算

第二部分 2025 年部门预算公开表

表 7

一般公共预算项目支出情况表

单位：万元

项目名称	合计	一般公共预算
城市运行保障经费	120.00	120.00
科技创新专项	80.00	80.00
合计	200.00	200.00

表 9

项目支出绩效目标表

单位：万元

项目名称		城市运行保障经费			项目负责人	
项目资金(万元)		年度预算总额	120.00	其中：财政拨款	120.00	
产出指标	数量指标	保障设施数量	≥10个	历史标准	12个	10
	质量指标	2130101行政运行	≥90%	计划标准	95%	10
效益指标	社会效益指标	运行保障水平	有效提升	计划标准	有效提升	20

表 10

项目支出绩效目标表

单位：万元

项目名称		科技创新专项			项目负责人	
项目资金(万元)		资金总额	80.00	其中：财政拨款	80.00	
产出指标	数量指标	立项数量	≥5项	历史标准	6项	10
满意度指标	满意度指标	服务对象满意度	≥90%	计划标准	100%	10
"""

SECTIONS = [(), ("六、其他重要事项的情况说明", "（六）预算绩效目标说明"), ("三、项目支出预算情况说明",),
            ("一、收支预算总体情况说明",), ("二、项目支出绩效目标", "（一）城市运行保障经费")]


def _documents(sample_text):
    return [read_text(sample_text, path="seed.txt"), read_text(PERFORMANCE, path="p.txt"),
            read_text(PROJECTS, path="j.txt")]


def _amount(subject: str, number, section, whole=None) -> Claim:
    text = f"{subject}{number.text or number.value}万元"
    sentence = LocatedText(text, tuple((1, i + 1) for i in range(len(text))))
    return Claim(kind="amount", subject=subject, sentence=sentence, section=section, whole=whole,
                 value=Quantity(number, sentence.slice(len(subject), len(text))))


def _full(document, lexicon) -> Linker:
    """A Linker on the full index (every 绩效目标表 row, and those tables' column concepts)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(linker_module, "TableIndex", lambda d, voc, lean=False: _with_performance_concepts(TableIndex(d, voc)))
    try:
        return Linker(document, lexicon)
    finally:
        mp.undo()


def _with_performance_concepts(index: TableIndex) -> TableIndex:
    """The index with the column concepts of its 绩效目标表 too (the index leaves them out)."""
    for t in index.tables:
        if index.role(t) == "performance":
            title = _norm(t.title or (index.listed.get(t.number, "") if t.number is not None else ""))
            defaults = _first(index.voc.table_defaults, title) or {}
            for c in t.columns:
                index.concepts[(t.index, c.index)] = index._column_concept(c, defaults)
    return index


def _read_by_routes(seg, index) -> bool:
    """The 绩效目标表 segments a route reads: the project name's (项目名称 before it), a budget
    row's, one with a code, every one of a department-whole table's."""
    return bool(seg.code) or seg.before == PROJECT_NAME_LABEL or \
        bool(seg.cells and index.voc.performance_budget.search(seg.key)) or \
        bool(patterns.PERF_DEPARTMENT_TITLE.search(_norm(seg.table.title or "")))


def _shape(seg):
    return (seg.table.index, seg.row.index, seg.label, seg.key, seg.code, seg.total, seg.before, seg.cells)


def test_the_lean_index_is_the_full_index_without_unread_performance_rows(sample_text):
    voc = vocabulary(())
    left_out = 0
    for document in _documents(sample_text):
        full, lean = TableIndex(document, voc), TableIndex(document, voc, lean=True)
        assert not any(full.roles[t] == "performance" for t, _ in full.concepts)
        if any(t.kind == "performance" for t in full.tables):
            assert _with_performance_concepts(TableIndex(document, voc)).concepts != full.concepts
        performance = {t.index for t in full.tables if t.kind == "performance"}
        kept_rows = {(s.table.index, s.row.index) for s in lean.segments}
        # every other table's segments as they were; a 绩效目标表's kept rows whole, in order
        expect = [s for s in full.segments if s.table.index not in performance
                  or (s.table.index, s.row.index) in kept_rows]
        assert [_shape(s) for s in lean.segments] == [_shape(s) for s in expect]
        for index in (lean.by_key, lean.by_code):
            every = full.by_key if index is lean.by_key else full.by_code
            assert {k: [_shape(s) for s in v] for k, v in index.items()} == \
                {k: [_shape(s) for s in v if s in expect] for k, v in every.items() if any(s in expect for s in v)}
        # nothing a route reads is left out
        read = [s for s in full.segments if s.table.index in performance and _read_by_routes(s, full)]
        assert all(s in expect for s in read)
        assert (lean.roles, lean.concepts, lean.code_cols, lean.line_cols) == \
            (full.roles, full.concepts, full.code_cols, full.line_cols)
        left_out += len(full.segments) - len(lean.segments)
    assert left_out > 100  # the seed's target rows


def test_links_on_the_lean_index_are_the_full_index_links(sample_text):
    from textcheck.api import get_checker

    lexicon = load_lexicon()
    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    seed_claims = [c for c in ctx.claims if c.value is not None]
    compared = linked = 0
    for document in _documents(sample_text):
        lean, full = Linker(document, lexicon), _full(document, lexicon)
        assert len(full.index.segments) >= len(lean.index.segments)
        claims = list(seed_claims) if document.path == "seed.txt" else []
        for seg in full.index.segments:  # every label of every table, as a subject, in every kind of section
            if not seg.cells or not seg.label:
                continue
            for section in SECTIONS:
                claim = _amount(seg.label, seg.cells[0].value, section)
                claims += [claim, _amount("其中：财政拨款", seg.cells[-1].value, section, whole=claim)]
        for claim in claims:
            a, b = lean.link(claim), full.link(claim)
            assert a == b, (document.path, claim.subject, claim.section)
            compared += 1
            linked += a.linked
    assert compared > 2000 and linked > 500


def test_per_subject_memos_are_the_plain_computations(sample_text):
    from textcheck.api import get_checker

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    linker = Linker(ctx.document, ctx.lexicon)
    for claim in ctx.claims:
        if claim.value is not None:
            linker.link(claim)
    subjects = {c.subject or "" for c in ctx.claims} | {"上年结转结余的一般公共预算收入", "一般公共预算支出决算", ""}
    concepts, _ = specific_vocabulary(())
    for raw in sorted(subjects):
        subject = linker.clean_subject(raw)
        assert subject == linker._clean_subject(raw) == linker.clean_subject(raw)
        assert linker._words(subject) == (stage_of(subject), linker._flow(subject),
                                          bool(linker.voc.carryover.search(subject)))
        assert linker.specific_concept(subject) == next((c for c in concepts if c.pattern.search(subject)), None)
    assert any(linker._words(linker.clean_subject(s))[2] for s in subjects)
    assert any(linker.specific_concept(linker.clean_subject(s)) for s in subjects)


def test_the_concept_index_is_every_labelled_segment_outside_performance_tables(sample_text):
    lexicon = load_lexicon()
    for document in _documents(sample_text):
        linker = _full(document, lexicon)
        expect: dict[str, list] = {}
        for seg in linker.index.segments:
            canon = linker._canonical(seg.label) if seg.cells else None
            if canon and linker.index.role(seg.table) != "performance":
                expect.setdefault(canon, []).append(seg)
        assert linker._by_canonical() == expect


def test_the_lean_index_is_full_when_a_lexicon_reads_performance_totals(sample_text, monkeypatch):
    # a lexicon making a 绩效目标表's total a fund's or a narrow concept's: every row is indexed
    document = read_text(sample_text, path="seed.txt")
    lexicon = load_lexicon()
    lean = Linker(document, lexicon)
    voc = dataclasses.replace(lean.voc, fund_tables={**lean.voc.fund_tables, "general": "performance"})
    monkeypatch.setattr(linker_module, "vocabulary", lambda extra_dirs=(): voc)
    whole = Linker(document, lexicon)
    assert len(whole.index.segments) == len(TableIndex(document, voc).segments) > len(lean.index.segments)


def _reference_project_segments(linker, key):
    """routes._project_segments without its rule-out by the project keys."""
    from textcheck.document import ROW_SUBTOTAL, ROW_TOTAL
    from textcheck.linking.cells import _uniq
    from textcheck.linking.vocab import _year_free

    if not key:
        return []
    out = []
    for seg in _uniq(linker.index.by_key.get(key, []) + linker.index.by_key.get(_year_free(key), [])):
        role = linker.index.role(seg.table)
        if role == "performance":
            if seg.before == PROJECT_NAME_LABEL:
                out.extend(linker._performance_budget(seg.table))
        elif role in ("project", "carryover") and not seg.code and seg.row.kind not in (ROW_TOTAL, ROW_SUBTOTAL):
            out.append(seg)
    return _uniq(out)


def test_project_rows_ruled_out_by_key_are_none_the_lookup_finds(sample_text):
    lexicon = load_lexicon()
    found = 0
    for document in _documents(sample_text):
        linker = Linker(document, lexicon)
        keys = {k for s in linker.index.segments for k in (s.key, "2024年" + s.key, s.key[1:], s.key + "项目")}
        for key in sorted(keys | {"", "2025年城市运行保障经费"}):
            fast = linker._project_segments(key)
            assert fast == _reference_project_segments(linker, key), key
            found += bool(fast)
    assert found > 30


def test_subject_codes_are_the_patterns_codes():
    linker = Linker(read_text(PROJECTS, path="j.txt"), load_lexicon())
    for subject in ["行政运行（2130101）", "2130101-行政运行", "行政运行(213 01 01)", "２１３０１０１－行政运行",
                    "城市运行保障经费", "", "2025年城市运行保障经费", "农林水支出（类）农业农村（款）行政运行（项）",
                    "农林水支出/农业农村/行政运行", "一、行政运行（213）"]:
        text = _norm(subject)
        assert linker.subject_codes(subject) == {m.group("code") for m in patterns.LINK_SUBJECT_CODE.finditer(text)}
    assert linker.subject_codes("２１３０１０１－行政运行") == {"2130101"}



def test_column_lookups_ruled_out_by_the_headers_are_none_the_index_finds(sample_text):
    from tests.test_linking_fast_paths import _forms

    lexicon = load_lexicon()
    tried = found = 0
    for document in _documents(sample_text):
        linker = Linker(document, lexicon)
        every = tuple(t.index for t in linker.index.tables)
        for ids in (every, every[::2], every[:3]):
            for form in _forms(linker):
                fast = linker._column_cells(form, ids)
                assert fast == linker._find_column_cells(form, ids), (form, ids)
                tried += 1
                found += bool(fast)
    assert tried > 1000 and found > 10
