"""The shortcuts of the table analysis, the 绩效目标表 records, the layout facts and number
parsing give what the plain computation gives."""
from __future__ import annotations

import random
from pathlib import Path

from textcheck.readers import read_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED = CORPUS / "urumqi-kejiju-2024-budget.txt"
DOCS = [SEED, *sorted((CORPUS / "derived").glob("*.md"))]


def _lines() -> list[str]:
    return [ln for path in DOCS for ln in path.read_text("utf-8").splitlines()]


def test_entry_keys_at_once_are_each_lines_entry_key():
    from textcheck.layout_toc import entry_key, entry_keys

    lines = [ln for ln in _lines() if ln.strip()]
    # a line that NFKC could join to its neighbour were the separator not a blocking starter:
    # combining marks and half-width voiced marks at a line's start, Hangul jamo across lines
    tricky = ["\u0301abc", "ｶ", "ﾞ", "a\u0308", "ᄀ", "ᅡ", "가", "e", "\u0327", "- 一、目录 ....12",
              "  “三公”经费。", "第一部分：", "1.5", "一、 部门职责  3", "\x1f", "（一）机构设置；", "²"]
    rng = random.Random(3)
    samples = [lines, tricky, tricky[::-1], [], [""], ["", " "], ["a\x00b", "c"], ["x", "\x00"]]
    samples += [rng.sample(tricky + lines[:200], 40) for _ in range(30)]
    for batch in samples:
        assert entry_keys(batch) == [entry_key(s) for s in batch], batch[:5]


def test_short_body_lines_are_the_short_lines_with_their_entry_keys():
    from textcheck.layout_facts import Layout
    from textcheck.layout_toc import _MAX_TITLE_LINE, entry_key

    for path in DOCS:
        doc = read_path(path)
        layout = Layout(doc)
        toc = layout.toc_lines
        expected = []
        for no, line in enumerate(doc.source_lines, 1):
            if no in toc or "\t" in line or not line.strip():
                continue
            key = entry_key(line)
            if len(key) <= _MAX_TITLE_LINE:
                expected.append((no, line, key))
        assert layout.short_body_lines == tuple(expected), path.name


def test_performance_number_memo_gives_parse_number():
    from textcheck.numbers import parse_number
    from textcheck.performance import _number

    texts = ["10", "10", "0.00", "950.00", "1,234.5", "（5.00）", "-2", "90%", "合计", "", "10", "1,2345"]
    texts += [c for ln in _lines() if "\t" in ln for c in ln.split("\t")]
    memo: dict = {}
    for s in texts + texts:
        assert _number(s, memo) == parse_number(s), repr(s)


def test_performance_tables_of_a_document_are_each_table_parsed_alone():
    """One document's memos (targets, numbers) shared by its tables change nothing."""
    from textcheck.lexicon import load_lexicon
    from textcheck.performance import is_performance_table, parse_performance_table, parse_performance_tables

    lexicon = load_lexicon()
    measures = tuple(lexicon.measure_words)
    for path in DOCS:
        doc = read_path(path)
        alone = [parse_performance_table(t, measures) for t in doc.tables if is_performance_table(t)]
        assert parse_performance_tables(doc, lexicon) == alone, path.name


def test_row_structure_with_the_tables_numbers_is_row_structure_without():
    from textcheck.arithmetic import ColumnNumbers, column_cells
    from textcheck.lexicon.columns import column_lexicon
    from textcheck.table_model import BlockAnalysis
    from textcheck.table_rows import row_structure, valued_rows, _has_values
    from textcheck.tables import analyse

    lex = column_lexicon(())
    for path in DOCS:
        doc = read_path(path)
        for ta in analyse(doc).tables:
            rows = ta.table.rows
            width = max([c.col + 1 for r in rows for c in r.cells], default=0)
            numbers = ColumnNumbers(rows, column_cells(rows, width))
            for b in ta.blocks:
                assert valued_rows(rows, b, numbers) == {r.index for r in rows if _has_values(r, b)}
                fast, slow = (BlockAnalysis(b.start, b.end, b.columns, b.labels, b.codes, b.direction)
                              for _ in range(2))
                row_structure(ta, lex, fast, numbers)
                row_structure(ta, lex, slow)
                assert fast == slow, (path.name, ta.table.id)


def test_parse_number_reads_the_groups_by_position_as_by_name():
    from textcheck import patterns
    from textcheck.numbers import parse_number

    # numbers.parse_number unpacks m.groups() as (paren, neg, int, frac, pct)
    samples = ["10", "-2.46", "（5.00）", "(1,234.50%)", "1,779.40%", "−3", "－0.5", "3,9561.08", "0.00", "12%",
               "(7)", "（-1,000）", "1,000,000.123", "٣", "１２", "abc", "", " 7 "]
    samples += [c.strip() for ln in _lines() if "\t" in ln for c in ln.split("\t")]
    names = ("paren", "neg", "int", "frac", "pct")
    assert tuple(sorted(patterns.CELL_NUMBER.groupindex, key=patterns.CELL_NUMBER.groupindex.get)) == names
    assert patterns.CELL_NUMBER.groups == len(names)
    for s in samples:
        m = patterns.CELL_NUMBER.fullmatch(s.strip())
        if m is not None:
            assert m.groups() == m.group(*names), s
        else:
            assert parse_number(s) is None, s


def test_new_quantity_is_a_quantity_built_by_its_init():
    import pickle

    from textcheck.table_model import Quantity, new_quantity
    from textcheck.tables import analyse

    doc = read_path(SEED)
    analysis = analyse(doc)
    assert analysis.quantities
    for q in analysis.quantities:
        fields = (q.key, q.table, q.row, q.col, q.row_label, q.column_label, q.number)
        plain = Quantity(*fields)
        fast = new_quantity(*fields)
        assert type(fast) is Quantity and fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain
    import dataclasses

    import pytest
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.quantities[0].col = 3


def test_heading_keys_are_each_headings_entry_key():
    from textcheck.layout_facts import Layout
    from textcheck.layout_toc import entry_key

    for path in DOCS:
        doc = read_path(path)
        layout = Layout(doc)
        toc = layout.toc_lines
        expected = {entry_key(h.text.text): h.text for h in doc.headings if h.text.location.line not in toc}
        got = layout.heading_keys
        assert got == expected and list(got) == list(expected), path.name
        assert all(got[k] is expected[k] for k in got)


def test_tc903_finds_the_statements_only_when_a_table_needs_them_with_the_same_findings():
    """TC903 reads the empty-table and nothing statements only for an empty table without a note:
    the findings are those of reading them first."""
    import yaml

    from textcheck.api import get_checker
    from textcheck.readers import read_text

    checker = get_checker()
    rule = next(r for r in checker.rules if r.code == "TC903")
    fixtures = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules" / "TC903.yml").read_text("utf-8"))
    docs = [read_text(case["text"], path="case.txt") for case in fixtures["cases"]]
    docs += [read_path(p) for p in DOCS]
    for doc in docs:
        lazy = checker.context(doc)
        found = [(d.message, d.key) for d in rule.check(lazy)]
        eager = checker.context(doc)
        eager.layout.empty_statements, eager.layout.nothing_statements  # noqa: B018 - read first
        assert found == [(d.message, d.key) for d in rule.check(eager)]
    assert list(rule.check(checker.context(docs[0])))  # the first case: an empty table, no statement


def test_first_statement_asks_the_joined_statements_first_with_the_same_answer():
    from textcheck.families import _STATEMENTS_SEPARATOR, empty_statements, families, first_statement, title_key
    from textcheck.lexicon import load_lexicon

    fams, _ = families(load_lexicon())
    keys = [entry.keys for f in fams for entry in f.tables]
    keys += [("", "a\x00b"), ("\x00",), ("为空表",), ()]
    docs = [read_path(p) for p in DOCS]
    samples = [empty_statements(d) for d in docs]
    samples += [[], [""], ["a", "b"], ["a\x00b"], [title_key("一般公共预算“三公”经费支出表为空表")],
                [title_key(f"{t}为空表") for t in ("政府性基金预算支出表", "国有资本经营预算支出表")]]
    for statements in samples:
        joined = _STATEMENTS_SEPARATOR.join(statements)
        for ks in keys:
            expected = next((st for st in statements if any(k and k in st for k in ks)), None)
            assert first_statement(ks, statements, joined) == expected, (ks, statements)


def test_row_codes_from_labels_as_if_every_label_were_matched():
    """block_row_code asks CODE_AND_NAME only of labels starting with one of its first characters
    or a space: squash drops nothing str.isspace keeps, so a label starting otherwise cannot match."""
    import random
    import sys

    from textcheck import patterns
    from textcheck.document import Row
    from textcheck.lexicon.terms import squash
    from textcheck.table_rows import block_row_code

    assert all(chr(i).isspace() for i in range(sys.maxunicode + 1)
               if not 0xD800 <= i <= 0xDFFF and patterns.WHITESPACE.fullmatch(chr(i)))
    rng = random.Random(17)
    starts = ["", "2", "201", "20101", "2010101", "【", "[", "０", "１", "9", " ", "\u3000", "\u2003", "一、", "合计",
              "其中：", "(", "（", "x", "-"]
    tails = ["", "01", "]", "】", " ", "-", "—", "行政运行", "万元", "人", "人次", "年", "1", "款"]
    labels = {a + b + c for a in starts for b in tails for c in tails}
    labels |= {"".join(rng.choice(starts + tails) for _ in range(rng.randint(1, 5))) for _ in range(3000)}
    row = Row(0, (), label="")
    for label in labels:
        m = patterns.CODE_AND_NAME.match(squash(label)) if label else None
        expected = m.group("code") if m else None
        assert block_row_code(row, set(), label, None) == expected, repr(label)


def test_rows_ruled_out_by_their_first_cell_are_no_number_rows(sample_text):
    """tables.analyse_table asks is_number_row only of body rows not_number_row leaves."""
    import random

    from textcheck.document import Cell, LocatedText
    from textcheck.lexicon.terms import squash
    from textcheck.readers import read_text
    from textcheck.table_headers import is_number_row, not_number_row

    rows = [r.cells for t in read_text(sample_text, path="seed.txt").tables for r in t.rows]
    rows += [tuple(t.header[k]) for t in read_text(sample_text, path="seed.txt").tables for k in range(len(t.header))]
    texts = ["", " ", "\u3000", "1", "2", "１", "※", "*", "栏次", "行次", "1=2+3", " 1", "合计", "201", "1,422.65", "-",
             "＝", "12", "123", "a"]
    rng = random.Random(19)
    for _ in range(3000):
        cells = tuple(Cell(LocatedText(t, tuple((1, k + 1) for k in range(len(t)))), 0, col)
                      for col, t in enumerate(rng.choice(texts) for _ in range(rng.randint(0, 4))))
        rows.append(cells)
    ruled_out = 0
    for cells in rows:
        full = is_number_row(squash(c.text.text) for c in cells)
        if not_number_row(cells):
            ruled_out += 1
            assert not full, [c.text.text for c in cells]
    assert ruled_out > 100


def _quantities_reference(ta, lex):
    """table_quantities.cross_table_quantities as it was: every condition asked per row and column."""
    from textcheck.table_model import new_quantity

    subject = ta.profile.get("subject")
    if not subject:
        return []
    out = []
    for block in ta.blocks:
        direction = block.direction or ta.profile.get("direction")
        if direction == "both":
            direction = None
        known = [(col, ta.column_fund.get(col), ta.column_measure.get(col)) for col in block.columns]
        known = [(col, fund, measure) for col, fund, measure in known if fund and measure]
        if not known:
            continue
        in_parts = {i for p in block.part_sets for i in p.parts}
        for i, row in enumerate(ta.table.rows):
            if row.index == block.total_row:
                row_key = ("total",)
            elif direction is not None and row.index in block.codes and not block.groups \
                    and row.index not in in_parts:
                row_key = ("code", block.codes[row.index])
            else:
                continue
            for col, fund, measure in known:
                if row_key == ("total",) and fund in lex.balanced_funds:
                    key_dir = None
                elif direction is None:
                    continue
                else:
                    key_dir = direction
                n = ta.column_numbers(col)[i]
                if n is None:
                    continue
                out.append(new_quantity((subject, fund, measure, row_key, key_dir), ta.table, row, col,
                                        block.labels.get(row.index, row.label), ta.column_name(col), n))
    return out


def test_cross_table_quantities_as_the_reference():
    from pathlib import Path

    from textcheck.lexicon.columns import column_lexicon
    from textcheck.readers import read_path
    from textcheck.tables import analyse
    from textcheck.table_quantities import cross_table_quantities

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    lex = column_lexicon(())
    found = 0
    for path in [corpus / "urumqi-kejiju-2024-budget.txt", *sorted((corpus / "derived").glob("*.md"))]:
        analysis = analyse(read_path(str(path)))
        for ta in analysis.tables:
            quantities = cross_table_quantities(ta, lex)
            assert quantities == _quantities_reference(ta, lex), (path.name, ta.table.id)
            found += len(quantities)
    assert found > 100
