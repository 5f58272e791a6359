"""Tests on a text's characters that stand in for normalising it (linking/literals.py) give what
normalising and searching give: required_chars over fuzzed texts, the lean index's test of a
绩效目标表 text (_PerfReads) and the printed-concepts test of the restatement stats against
their plain computations."""
import random
import re
import unicodedata

import pytest

from textcheck.linking import vocabulary
from textcheck.linking.index import PROJECT_NAME_LABEL, _CodePrefixed, _PerfReads
from textcheck.linking.literals import required_chars
from textcheck.linking.stats import _PrintedConcepts
from textcheck.linking.vocab import _norm, name_key, specific_vocabulary
from textcheck.patterns import engine
from textcheck.readers import read_text

# Characters the fuzzed texts are made of: the names and budget words the tests look for, digits
# (full-width too), the quote marks normalize_term drops, the brackets it writes as (), spaces
# (an ideographic one too), punctuation name_key drops, and combining marks.
ALPHABET = list("项目名称年度预算总额资金其中财政拨款费三公经会议培训机关运行政府采购货物工程服务类一二()（）") + \
    list("0123456789０１２") + list("\"'“”‘’「」『』〔〕【】") + [" ", "\u3000", "\t", "\n", "、", "，", "：", "-", "—"] + \
    ["\u0301", "e", "\u00e9", "\uf900"]

PATTERNS = ["年度预算总额|预算总额|资金总额|年度资金总额", "机关运行经费|^运行经费", "政府采购", "三公",
            "^(?:政府采购)?(?:货物|工程|服务)类(?:项目|采购)?(?:预算)?$", "a\\(b", "[〔(]x", "ab?c*", "x{2,3}y",
            "(?:预算)?总额|资金", "^$", "a(?=b)", "(?i)abc", "\\p{Han}费", "[^a]", "(项|目)+名", "预算(?!总)"]


def _texts(n, seed=7):
    rnd = random.Random(seed)
    return [''.join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("source", PATTERNS)
def test_every_match_in_a_normalised_key_holds_a_required_character(source):
    pattern = engine.compile(source)
    need = required_chars(pattern)
    if isinstance(pattern, re.Pattern) and "(?i)" not in source and source not in ("^$", "[^a]"):
        assert need, source  # the analysis knows these
    if need is None:
        return
    for text in _texts(4000) + ["年度预算总额", "（一）年度预算总额", "预算〔总额", "项目 名称"]:
        for key in (name_key(text), _norm(text)):
            m = pattern.search(key)
            if m is not None and unicodedata.is_normalized("NFKC", text):
                assert not need.isdisjoint(text), (source, text, key)
            if m is not None and m.group(0):
                assert not need.isdisjoint(m.group(0)) or not need.isdisjoint("()"), (source, text)


# ASCII digits, parentheses and space → their full-width forms (NFKC maps them back)
_FULL_WIDTH = {**{ord(d): chr(0xFF10 + int(d)) for d in "0123456789"}, ord("("): "（", ord(")"): "）", ord(" "): "\u3000"}


def _reads_reference(voc, text):
    """_PerfReads as written before its character test: the key made, then searched."""
    key = name_key(text)
    stripped = text.strip()
    return key == PROJECT_NAME_LABEL or bool(stripped) and (
        voc.performance_budget.search(key) is not None or _CodePrefixed()[stripped])


def test_perf_reads_without_the_key_are_the_reads_with_it(sample_text):
    voc = vocabulary(())
    doc = read_text(sample_text, path="seed.txt")
    texts = {c.text.text for t in doc.tables for r in t.rows for c in r.cells if c.value is None}
    texts |= set(_texts(6000, seed=11))
    texts |= {"项目名称", " 项目名称 ", "“项目名称”", "项目名 称", "年度预算总额", "其中：年度预算总额", "2130101行政运行",
              " 2130101行政运行", "“2130101行政运行", "〔2020〕6号", "２１３０１０１行政运行", "\u3000项目名称", "资金总额(万元)"}
    # texts NFKC changes (full-width digits, brackets, spaces, compatibility forms): their gate
    # reads the normalised form
    texts |= {"（２１３０１０１）行政运行", "２１３０１０１", "２２项", "项目名\u3000称", "（项目名称）", "年度预算总\uff08额\uff09",
              "“２１３０１０１行政运行", "\u3000２１３０１０１行政运行（万元）", "\u2460项目", "\u2474项目名称", "ｘ２０２４",
              "预算总额（万元）", "\ufe59项目名称\ufe5a", "\u00a0\u00a0", "\u3000", "１.４４万元"}
    texts |= {x.translate(_FULL_WIDTH) for x in list(texts)}
    reads = _PerfReads(voc, _CodePrefixed())
    hits = 0
    for text in texts:
        assert reads[text] == _reads_reference(voc, text), text
        hits += reads[text]
    assert hits > 20  # the seed's 项目名称 and budget labels, and fuzzed ones


def test_printed_concepts_are_those_a_scan_of_every_normalised_text_finds(sample_text):
    from tests.test_linking_lean_index import PROJECTS

    concepts, _ = specific_vocabulary(())
    extra = [engine.compile(p) for p in PATTERNS if p not in ("^$",)]
    for text in (sample_text, PROJECTS):
        doc = read_text(text, path="d.txt")
        texts = {_norm(t.title or "") for t in doc.tables}
        texts |= {_norm(p or "") for t in doc.tables for col in t.columns for p in (col.path or (col.label,))}
        texts |= {_norm(c.text.text) for t in doc.tables for r in t.rows for c in r.cells
                  if c.value is None and c.text.text.strip()}
        texts.discard("")
        printed = _PrintedConcepts(doc)
        for sc in [*concepts, *(type(concepts[0])(p.pattern, p, None) for p in extra)]:
            assert printed[sc] == any(sc.pattern.search(x) for x in texts), sc.name


def test_chars_search_finds_a_text_holding_one_of_the_characters():
    from textcheck.linking.literals import chars_search

    assert chars_search(None) is None
    for need in (frozenset("额"), frozenset("费购公类"), frozenset("]^-\\("), frozenset("(〔【")):
        holds = chars_search(need)
        for text in _texts(2000, seed=5) + ["a]b", "^", "x-y", "\\", "〔2020〕", ""]:
            assert (holds(text) is not None) == (not need.isdisjoint(text)), (need, text)


END_PATTERNS = ["(?:当年)?(?:预算安排|预算数|预算金额|预算总额|预算|金额|数额|资金|总额|规模|科目)$",
                "(?:项目|经费|支出|预算|资金)+$", "费$", "[ab]c?$", "a+$", "(?:a|b)$", "x(?:预算)?$", "^(\\d{4})年$",
                "(?m)a$", "(?:a|)$"]


@pytest.mark.parametrize("source", END_PATTERNS)
def test_a_text_an_end_anchored_pattern_matches_ends_with_one_of_its_end_chars(source):
    import regex as regex_module

    from textcheck.linking.literals import end_chars

    for pattern in (engine.compile(source), regex_module.compile(source)):
        ends = end_chars(pattern)
        if source in ("x(?:预算)?$", "(?:a|)$", "(?m)a$"):
            assert ends is None  # the last item may match nothing: not known
        if ends is None:
            continue
        for text in _texts(3000, seed=13) + ["预算\n", "a\n", "ab", "abc\n", ""]:
            if pattern.search(text) is not None:
                assert text[-1:] in ends or text.endswith("\n"), (source, text)


def test_short_subject_is_the_substitution_repeated_until_it_changes_nothing(sample_text):
    from textcheck.lexicon import load_lexicon
    from textcheck.linking import Linker

    linker = Linker(read_text(sample_text, path="seed.txt"), load_lexicon())
    suffixes = linker.voc.subject_suffixes
    rnd = random.Random(17)
    words = ["预算", "安排", "数", "金额", "总额", "资金", "规模", "科目", "当年", "经费", "支出", "项目", "\n", "额", "a"]
    texts = {"".join(rnd.choice(words) for _ in range(rnd.randint(0, 5))) for _ in range(4000)}
    texts |= {c.text.text for t in linker.index.tables for r in t.rows for c in r.cells}
    for text in texts:
        prev, short = None, text
        while prev != short:
            prev, short = short, suffixes.sub("", short)
        assert linker.short_subject(text) == (short or prev), text


def _stage_of_reference(text):
    """stage_of before its character test: every stage pattern searched."""
    from textcheck.lexicon.linking_words import stage_patterns

    text = _norm(text or "")
    named = {name for name, pat in stage_patterns(()) if pat.search(text)}
    return named.pop() if len(named) == 1 else None


def test_stage_of_with_its_character_test_is_every_pattern_searched(sample_text):
    """The stage words' required characters (regex patterns read through re's parser) decide
    nothing stage_of would have found otherwise: fuzzed texts of the stage words' characters,
    the seed's cell texts and headers, and every stage word with words around it."""
    from textcheck.lexicon.linking_words import stage_patterns
    from textcheck.linking.stages import _stage_chars, stage_of

    assert _stage_chars(()) is not None  # the shipped stage words are plain: the test applies
    doc = read_text(sample_text, path="seed.txt")
    texts = {c.text.text for t in doc.tables for r in t.rows for c in r.cells if c.value is None}
    texts |= {p or "" for t in doc.tables for col in t.columns for p in (col.path or (col.label,))}
    rnd = random.Random(3)
    chars = list("年初预算调整全数执行决一般公共支出收入（）() \u3000") + ["\uff10", "\u00e9"]
    texts |= {"".join(rnd.choice(chars) for _ in range(rnd.randint(0, 10))) for _ in range(4000)}
    words = [w for _, pat in stage_patterns(()) for w in pat.pattern.split("|")]
    texts |= {a + w + b for w in words for a in ("", "支出", "一般公共预算") for b in ("", "数", "决算")}
    found = set()
    for text in texts:
        want = _stage_of_reference(text)
        assert stage_of(text) == want, text
        found.add(want)
    assert found == {None, "budget", "final"}
