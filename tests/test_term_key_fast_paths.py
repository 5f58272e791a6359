"""The shortcuts of normalize_term, name_key and Lexicon.function_codes_for_path give what their
plain definitions give (the references below are those definitions as written before the
shortcuts), on every line, cell and label of the seed and on random texts built from the
characters the shortcuts test for."""
import random
import sys

from textcheck import patterns
from textcheck.lexicon import KIND_FUNCTION, load_lexicon, normalize_term
from textcheck.lexicon.terms import _MARKS, nfkc
from textcheck.linking.vocab import name_key, name_key_reference
from textcheck.readers import read_text


def normalize_term_reference(s: str) -> str:
    """normalize_term without its letters-and-digits shortcut."""
    if not s:
        return ""
    s = nfkc(s)
    if patterns.TERM_MARKS.search(s):
        for mark, replacement in _MARKS:
            s = s.replace(mark, replacement)
    return "".join(s.split())


# What the shortcuts look at: digits (ASCII, full-width, other scripts), brackets, Chinese
# numerals, 其中 and its colons, marks, spaces, punctuation, compatibility forms, plain Han.
_POOL = list("0123456789０１２３４５６７８９٣߃(（)）一二三四五六七八九十其中:：、.．年度\"'“”‘’「」『』〔〕【】"
             " \t\u3000\u00a0,，-—=≥%《》·ⅠⅡ①㈠㎡ﬁ\uf900\u2f00科技支出行政运行项目经费ab")


def _texts(sample_text):
    doc = read_text(sample_text, path="seed.txt")
    texts = set(sample_text.splitlines())
    for t in doc.tables:
        texts.add(t.title or "")
        for row in t.rows:
            for c in row.cells:
                texts.add(c.text.text)
                texts.add(c.text.text.strip())
        for col in t.columns:
            texts.update(p for p in (col.path or (col.label,)) if p)
    rnd = random.Random(14)
    for _ in range(6000):
        texts.add("".join(rnd.choice(_POOL) for _ in range(rnd.randint(0, 8))))
        texts.add(rnd.choice(("", "其中", "其中：", "1.", "（2）", "三、", "2024年"))
                  + "".join(rnd.choice(_POOL) for _ in range(rnd.randint(0, 5))))
    return sorted(texts)


def test_normalize_term_is_its_reference(sample_text):
    for text in _texts(sample_text):
        assert normalize_term(text) == normalize_term_reference(text), text


def test_name_key_is_its_reference(sample_text):
    for text in _texts(sample_text):
        assert name_key(text) == name_key_reference(text), text


def test_no_letter_or_digit_is_a_space_mark_or_punctuation():
    """What the isalnum shortcuts rest on, over every code point: a text of letters and digits
    holds nothing LINK_NAME_PUNCT removes, no mark normalize_term drops and no white space."""
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if c.isalnum():
            assert not patterns.LINK_NAME_PUNCT.search(c), hex(i)
            assert not patterns.TERM_MARKS.search(c), hex(i)
            assert c.split() == [c], hex(i)


def test_numbering_starts_where_the_shortcut_looks():
    """LINK_LEADING_NUMBERING matches only at a decimal digit, a bracket or a Chinese numeral."""
    from textcheck.linking.vocab import _NUMBERING_STARTS
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if c in _NUMBERING_STARTS or c.isdecimal():
            continue
        assert not patterns.LINK_LEADING_NUMBERING.match(c + "1、一)"), hex(i)


def _codes_for_path_reference(lex, names):
    names = [patterns.LEXICON_LEVEL_MARK.sub("", normalize_term(n)) for n in names]
    if not names or not all(names):
        return []
    out = []
    for code in lex.function_codes(names[-1]):
        prefixes = [code[:n] for n in (3, 5, 7) if n <= len(code)]
        if len(prefixes) >= len(names) and all(
                normalize_term(k) in lex._names_of(KIND_FUNCTION, c) for c, k in zip(prefixes[-len(names):], names)):
            out.append(code)
    return out


def test_function_codes_for_path_is_its_reference():
    lex = load_lexicon()
    codes = sorted({*lex.function_items, *lex.function_variants})
    rnd = random.Random(7)
    paths = []
    for code in codes:
        prefixes = [code[:n] for n in (3, 5, 7) if n <= len(code)]
        names = [rnd.choice([lex.function_items.get(p, ""), *lex.function_variants.get(p, ())] or [""])
                 for p in prefixes]
        for start in range(len(names)):
            paths.append(names[start:])
            paths.append([n + "（项）" for n in names[start:]])
        other = rnd.choice(codes)
        paths.append([lex.function_items.get(other[:3], "x"), *names[1:]])
        # a level no code is named by (the claims try a 类 name with "支出" added), at each level
        for k in range(len(names)):
            paths.append([*names[:k], names[k] + "支出", *names[k + 1:]])
    for names in paths:
        assert lex.function_codes_for_path(names) == _codes_for_path_reference(lex, names), names


def test_year_free_and_labels_are_their_references(sample_text):
    from textcheck.linking.index import _CodePrefixed, _Labels
    from textcheck.linking.vocab import _year_free, vocabulary
    voc = vocabulary()
    labels, prefixed = _Labels(voc), _CodePrefixed()
    texts = _texts(sample_text)
    texts += [p + t for p in ("2024年", "2024年度", "２０２４年", "2060101", "206", "٣٠٣", "20801合计")
              for t in texts[::50]]
    for text in texts:
        key = name_key_reference(text)
        assert _year_free(key) == patterns.LINK_YEAR_PREFIX.sub("", key), text
        assert _year_free(text) == patterns.LINK_YEAR_PREFIX.sub("", text), text
        if not text.strip():
            continue
        m = patterns.LINK_CODE_PREFIX.match(normalize_term(text))
        code, label = (m.group("code"), m.group("name")) if m else (None, text)
        k = name_key_reference(label)
        assert labels[text] == (code, label, k, patterns.LINK_YEAR_PREFIX.sub("", k),
                                bool(voc.total_row.search(k)), bool(patterns.LINK_TOTAL_SUFFIX.search(k))), text
        assert prefixed[text] == (m is not None), text


def test_code_and_year_patterns_start_with_a_decimal_digit():
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if not c.isdecimal():
            assert not patterns.LINK_CODE_PREFIX.match(c + "2060101行政运行"), hex(i)
            assert not patterns.LINK_YEAR_PREFIX.match(c + "2024年"), hex(i)


def test_function_codes_for_path_on_codes_of_any_length():
    """Codes of 4, 6 or 8+ digits (no shipped code has such a length; a lexicon folder may)."""
    from textcheck.lexicon import Lexicon
    lex = Lexicon(function_items={"206": "科学技术支出", "20601": "科学技术管理事务", "2060": "甲",
                                  "206011": "乙", "20601012": "行政运行", "2060101": "行政运行"},
                  function_variants={"20601": ["科技管理"]})
    lex._index_map = {}
    for code, name in lex.function_items.items():
        lex._index_map.setdefault(normalize_term(name), []).append((KIND_FUNCTION, code))
    for names in (["行政运行"], ["科学技术管理事务", "行政运行"], ["科技管理", "行政运行"], ["甲"], ["乙"],
                  ["科学技术支出", "科学技术管理事务", "行政运行"], ["科学技术支出", "甲"], ["科学技术支出", "乙"],
                  ["x", "科学技术管理事务", "行政运行"]):
        assert lex.function_codes_for_path(names) == _codes_for_path_reference(lex, names), names


def test_function_codes_is_its_definition():
    """function_codes reads a per-lexicon index of _index_map's 功能分类 readings: the same
    codes, in the same order, as picking them out of the readings — also after _index_map is
    replaced."""
    def reference(lex, name):
        return [ref for kind, ref in lex._index_map.get(normalize_term(name), ()) if kind == KIND_FUNCTION]

    lex = load_lexicon()
    names = [*lex._index_map, "行政运行", "行政运行（项）", "科学技术支出", "未知的名称", "", "2060101"]
    for name in names:
        assert lex.function_codes(name) == reference(lex, name), name
    from textcheck.lexicon import Lexicon
    other = Lexicon(function_items={"206": "科学技术支出"})
    other._index_map = {"科学技术支出": [(KIND_FUNCTION, "206")]}
    assert other.function_codes("科学技术支出") == ["206"]
    other._index_map = {"科学技术支出": [("concept", "x"), (KIND_FUNCTION, "207"), (KIND_FUNCTION, "206")]}
    assert other.function_codes("科学技术支出") == ["207", "206"] == reference(other, "科学技术支出")
