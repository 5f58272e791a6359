"""Route lookups answered from a per-document index or a character test give what the scans
they replace give: a 类/款/项 path's codes (RoutesMixin._codes_from_path), the narrow concept a
subject names (specific_concept) and the characters any of several patterns needs."""
import random

import pytest

from textcheck import patterns
from textcheck.lexicon import load_lexicon
from textcheck.linking import Linker, name_key
from textcheck.linking.cells import _same_item
from textcheck.linking.literals import required_any, required_chars
from textcheck.linking.vocab import specific_chars, specific_vocabulary
from textcheck.patterns import engine

from tests.test_linking_fast_paths import _documents


@pytest.fixture(scope="module")
def linkers(sample_text):
    lexicon = load_lexicon()
    return [Linker(d, lexicon) for d in _documents(sample_text)]


def _reference_codes_from_path(linker, parts):
    """_codes_from_path as a scan of every code of the index (before its per-document index)."""
    parts = [name_key(patterns.LINK_LEVEL_MARK.sub("", p)) for p in parts]
    leaf = parts[-1]
    found = set()
    for code, segs in linker.index.by_code.items():
        if not any(_same_item(s.key, leaf) for s in segs):
            continue
        ancestors = [code[:n] for n in (3, 5) if n < len(code)]
        names = [s.key for a in ancestors for s in linker.index.by_code.get(a, [])]
        if linker.lexicon is not None:
            names += [name_key(linker.lexicon.function_items.get(a, "")) for a in ancestors]
        if all(any(_same_item(n, p) for n in names) for p in parts[:-1]):
            found.add(code)
    if not found and linker.lexicon is not None:
        for code in linker.lexicon.function_codes(parts[-1]):
            path = [name_key(n) for n in linker.lexicon.function_path(code)]
            if len(path) >= len(parts) and all(_same_item(a, b) for a, b in zip(path[-len(parts):], parts)):
                found.add(code)
    return found


def test_codes_of_a_path_are_those_a_scan_of_every_code_finds(linkers):
    tried = found = 0
    for linker in linkers:
        names = {s.key for segs in linker.index.by_code.values() for s in segs}
        names |= {n + "支出" for n in names} | {n.removesuffix("支出") for n in names} | {"", "支出", "其他"}
        parents = [""] + sorted({s.key for code, segs in linker.index.by_code.items() if len(code) < 7 for s in segs})
        for leaf in sorted(names):
            for parent in parents[:6]:
                parts = [p for p in (parent, leaf) if p] or [leaf]
                fast = linker._codes_from_path(parts)
                assert fast == _reference_codes_from_path(linker, parts), parts
                tried += 1
                found += bool(fast)
    assert tried > 500 and found > 50


def test_specific_concept_is_the_first_concept_whose_pattern_matches(linkers, sample_text):
    concepts, _ = specific_vocabulary(())
    linker = linkers[0]
    rnd = random.Random(3)
    words = ["机关运行经费", "运行经费", "政府采购", "三公", "会议费", "培训费", "货物类", "服务类项目", "一般公共预算", "支出",
             "项目", "费", "购", "公", "类", "2024年", "（", "）"]
    subjects = {linker.clean_subject(c) for c in sample_text.splitlines() if len(c) < 30}
    subjects |= {"".join(rnd.choice(words) for _ in range(rnd.randint(0, 4))) for _ in range(3000)}
    named = 0
    for subject in subjects:
        fast = linker.specific_concept(subject)
        assert fast == next((c for c in concepts if c.pattern.search(subject)), None), subject
        named += fast is not None
    assert named > 100


def test_required_any_is_the_union_of_each_patterns_characters():
    sources = ["机关运行经费|^运行经费", "政府采购", "三公"]
    pats = [engine.compile(s) for s in sources]
    assert required_any(pats) == frozenset().union(*(required_chars(p) for p in pats)) == frozenset("费购公")
    assert required_any([*pats, engine.compile("^$")]) is None  # one pattern without a set: none
    assert specific_chars(()) == required_any(c.pattern for c in specific_vocabulary(())[0])


def _reference_block_year_row(linker, t, year, unit):
    """YearRowsMixin._block_year_row without its per-document test of the tables' labels."""
    from textcheck.document import ROW_TOTAL
    from textcheck.linking.vocab import _norm

    if any(r.kind == ROW_TOTAL for r in t.rows):
        return None
    if not any((m := patterns.LINK_YEAR_ROW.match(_norm(r.label or ""))) and m.group(1) == year for r in t.rows):
        return None
    saved = linker._year_labelled
    every: dict = {}
    for x in linker.index.tables:
        every.setdefault(x.index, []).extend(x.rows)
    linker._year_labelled = lambda index: every.get(index, [])
    try:
        return linker._block_year_row(t, year, unit)
    finally:
        linker._year_labelled = saved


def test_year_rows_found_without_normalising_other_labels_are_the_scans(linkers):
    from test_linking_blocks import BLOCKS

    from textcheck.readers import read_text

    docs = [linker.document for linker in linkers] + [read_text(BLOCKS, path="blocks.txt"),
                                                      read_text(BLOCKS.replace("年", "年 "), path="b2.txt")]
    found = 0
    for doc in docs:
        linker = Linker(doc, load_lexicon())
        units = [None, *list(linker._unit_rows())[:3]]
        for t in linker.index.tables:
            for year in ("2024", "2025", "2026"):
                for unit in units:
                    fast = linker._block_year_row(t, year, unit)
                    assert fast is _reference_block_year_row(linker, t, year, unit)
                    found += fast is not None
    assert found >= 2


def test_name_key_of_a_text_of_letters_and_digits_is_its_reference():
    from textcheck.linking.vocab import name_key_reference

    rnd = random.Random(9)
    alphabet = list("其中一二三四五六七八九十项目经费预算财政拨款abcXYZ0123") + ["ａ", "１", "①", "Ⅻ", "〇", "十", "﨑"]
    texts = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 8))) for _ in range(5000)}
    texts |= {"其中财政拨款", "一般公共预算", "2024年预算", "一二三", "ａｂｃ", "①行政运行", "Ⅻ", "十大工程", "其中", "其"}
    for text in texts:
        name_key.cache_clear()
        assert name_key(text) == name_key_reference(text), text


def test_clean_subject_is_the_plain_substitutions(linkers, sample_text):
    from textcheck.linking.vocab import _norm

    linker = linkers[0]

    def reference(subject):
        s = _norm(subject or "")
        for d in linker.departments:
            s = s.replace(d, "")
        s = patterns.LINK_SUBJECT_NOISE.sub("", s)
        s = patterns.LINK_LEADING_NUMBERING.sub("", s)
        return patterns.LINK_CLASSIFICATION_LEAD.sub("", s) or s

    rnd = random.Random(21)
    words = ["2024年", "2024年度的", "本年", "当年", "全年", "本部门", "本单位", "我单位", "部门", "门", "位", "年",
             "（一）", "1、", "(2)", "十、", "１.", "按功能分类", "按经济分类为", "按", "一般公共预算", "支出",
             *linker.departments]
    subjects = {line.strip() for line in sample_text.splitlines() if 0 < len(line.strip()) < 40}
    subjects |= {"".join(rnd.choice(words) for _ in range(rnd.randint(0, 5))) for _ in range(3000)}
    for subject in subjects:
        assert linker._clean_subject(subject) == reference(subject), subject


def _reference_label_segments(linker, subject):
    """_find_label_segments as it was: the key's and the concept's segments without repeats
    (first seen first), then those with cells outside 绩效目标表."""
    from textcheck.linking.cells import _uniq

    segs = list(linker.index.by_key.get(name_key(subject), []))
    canon = linker._canonical(subject)
    if canon:
        segs += linker._by_canonical().get(canon, [])
    return [s for s in _uniq(segs) if s.cells and linker.index.role(s.table) != "performance"]


def test_label_segments_equal_the_filtered_union(linkers):
    """The concept's segments appended unfiltered (they are filtered when indexed) give the same
    segments, in the same order, as filtering the union: for every label, header word and concept
    name the documents print, and their shortened forms."""
    checked = 0
    for linker in linkers:
        subjects = {s.label for s in linker.index.segments} | set(linker.index.by_key)
        subjects |= {s[1:] for s in list(subjects) if len(s) > 2} | {s[:-1] for s in list(subjects) if len(s) > 2}
        for subject in sorted(subjects):
            got = linker._find_label_segments(subject)
            want = _reference_label_segments(linker, subject)
            assert [id(s) for s in got] == [id(s) for s in want], subject
            checked += bool(want)
    assert checked > 50


def test_year_rows_asked_per_table_are_the_documents_year_rows(linkers):
    # has_year_rows and year_row_cells look only at the tables asked about, each once per year and
    # unit: the same answers as the year rows of every table, filtered after (the scan before)
    from test_linking_blocks import BLOCKS

    from textcheck.readers import read_text

    docs = [linker.document for linker in linkers] + [read_text(BLOCKS, path="blocks.txt")]
    found = 0
    for doc in docs:
        linker = Linker(doc, load_lexicon())
        plain = Linker(doc, load_lexicon())  # every block row looked up again, no memo
        plain._year_row = plain._block_year_row
        units = [None, *list(linker._unit_rows())[:3]]
        every = [t.index for t in linker.index.tables]
        for year in (None, "2024", "2025", "2026"):
            for unit in units:
                own = year or str(doc.meta.get("year") or "")
                rows = [(t, r) for t in linker.index.tables
                        for r in ((linker._block_year_row(t, own, unit) if own else None),) if r is not None]
                for ids in [set(every), set(every[::2]), *({i} for i in every)]:
                    assert linker.has_year_rows(ids, year, unit) == any(t.index in ids for t, _ in rows)
                    cells = linker.year_row_cells(linker._total_header, ids, year, None, unit)
                    assert cells == plain.year_row_cells(plain._total_header, ids, year, None, unit)
                    assert {(c.table.index, c.row.index) for c in cells} <= \
                        {(t.index, r.index) for t, r in rows if t.index in ids}
                    found += bool(cells)
    assert found >= 2


def test_own_norm_is_the_normalised_comparison():
    # own_norm(t) answers _norm(t) == t, telling letters and digits NFKC leaves alone without
    # normalising them: random texts of letters, digits, marks, full-width and compatibility forms
    from textcheck.lexicon.terms import normalize_term
    from textcheck.linking.vocab import own_norm

    rnd = random.Random(14)
    alphabet = list("项目经费预算abcXYZ0123 （）()“”\"'") + ["ａ", "１", "①", "Ⅻ", "〇", "﨑", "\u3000", "\u0301", "ｶ", "\n"]
    texts = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6))) for _ in range(5000)}
    texts |= {"", "行政运行", "2024年预算", "ａｂｃ", "①", "Ⅻ", "e\u0301", "\u00e9"}
    assert sum(own_norm(t) for t in texts) > 100 and sum(not own_norm(t) for t in texts) > 100
    for text in texts:
        assert own_norm(text) == (normalize_term(text) == text), repr(text)


def test_scope_told_per_heading_is_the_scan_of_the_sections_headings(linkers, sample_text):
    # ScopeMixin reads each heading once (sections nest: an outer heading is read for every section
    # under it); a section's scope is the scan of its headings, innermost first, as before
    from textcheck.api import get_checker
    from textcheck.linking.vocab import _norm
    from textcheck.readers import read_text

    def reference(linker, section):
        generic = None
        for heading in reversed(section):
            text = _norm(heading)
            if linker.voc.scope_skip.search(text):
                continue
            for pat, roles, is_generic in linker.voc.section_roles:
                if pat.search(text):
                    if not is_generic:
                        return roles
                    generic = generic or roles
                    break
        return generic

    ctx = get_checker().context(read_text(sample_text, path="seed.txt"))
    sections = {c.section for c in ctx.claims} | {t.section for t in ctx.document.tables}
    headings = sorted({h for s in sections for h in s})
    rnd = random.Random(5)
    sections |= {tuple(rnd.sample(headings, k)) for k in (1, 2, 3) for _ in range(200)}
    told = 0
    for linker in linkers:
        for section in sorted(sections):
            assert linker.scope(section) == reference(linker, section), section
            told += linker.scope(section) is not None
    assert told > 50
