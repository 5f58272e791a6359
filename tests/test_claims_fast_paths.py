"""Shortcuts of the claim extractor against the unconditional code they stand for."""
import itertools
import random

from conftest import SAMPLE


def _not_a_claim_reference(t, q):
    """vocab._not_a_claim before its pre-tests: both patterns on every figure."""
    from textcheck import patterns as P

    before, after = t[:q.start], t[q.end:]
    if P.CLAIM_APPROX_AFTER.match(after) or P.CLAIM_APPROX_BEFORE.search(before):
        return True
    if before.rstrip().endswith(("第", "*", "×", "=", "/", "〔", "[")):
        return True
    if after.lstrip().startswith(("/", "*", "×", "=")):
        return True
    if q.uclass == "count" and after[:1] in ("月", "日", "年"):
        return True
    return False


def test_the_patterns_white_space_is_str_strips():
    """The pre-tests strip with str.strip: every character the patterns' \\s takes must be one
    str.strip takes too (else a stripped text could end in a character the pattern passes)."""
    from textcheck import patterns as P

    space = P.CLAIM_APPROX_AFTER.pattern[1:P.CLAIM_APPROX_AFTER.pattern.index("]") + 1]
    import re

    pat = re.compile(space)
    for cp in range(0x110000):
        c = chr(cp)
        if pat.match(c):
            assert c.isspace(), hex(cp)


def _texts():
    words = ["以上", "以下", "以内", "左右", "上下", "多", "余", "之间", "至", "-", "—", "~", "～", "约", "近",
             "超过", "不超过", "不低于", "不少于", "不高于", "大约", "≥", "≤", ">=", "<=", ">", "<", "＞", "＜",
             "每人", "人均", "每", "到", "第", "*", "×", "=", "/", "〔", "[", "月", "年", "元", "项目", "支出"]
    spaces = ["", " ", "  ", "\u3000", "\t", "\n", "\x1c", "\xa0"]
    rng = random.Random(7)
    for _ in range(4000):
        left = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randint(0, 3)))
        right = "".join(rng.choice(spaces) + rng.choice(words) for _ in range(rng.randint(0, 3)))
        digit = rng.choice(["", "3", "3 "])
        yield left + digit, rng.choice(["12.5万元", "6个", "5%", "3人"]), right
    for a, b in itertools.product(words, repeat=2):
        yield a, "10万元", b


def test_not_a_claim_equals_the_unconditional_patterns():
    from textcheck.claims.vocab import RawQuantity, _not_a_claim
    from textcheck.numbers import Number
    from decimal import Decimal

    n = 0
    for left, fig, right in _texts():
        t = left + fig + right
        for uclass in ("money", "count"):
            q = RawQuantity(len(left), len(left) + len(fig), Number(Decimal(1), 0, "万元", fig), "万元", uclass)
            assert _not_a_claim(t, q) == _not_a_claim_reference(t, q), (t, uclass)
            n += 1
    assert n > 5000


def test_find_quantities_on_the_sample_equal_the_unconditional_ones(lex):
    """Quantities of every sentence of the sample with the pre-tests and the single-source
    order, against the patterns run on every figure and the merge sort always done."""
    from textcheck.claims import claim_patterns
    from textcheck.claims import vocab as V
    from textcheck.readers import read_path

    pats = claim_patterns(lex)
    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()]
    texts += ["下设三个处室、两个中心，共 5 个单位", "约 5 万元以上的设备 3 台", "0.42 元/度，第 3 次"]
    fast = [pats.find_quantities(t) for t in texts]
    real = V._not_a_claim
    try:
        V._not_a_claim = _not_a_claim_reference
        ref = []
        for t in texts:
            qs = pats.find_quantities(t)
            ref.append(sorted(qs, key=lambda q: (q.start, -q.end)))
    finally:
        V._not_a_claim = real
    assert fast == ref
    assert sum(map(len, fast)) > 100


def test_scan_quantities_is_has_quantity_and_find_quantities(lex):
    """The extractor's one pass (scan_quantities) against the pre-filter and the finder run
    apart, on every sentence of the sample and texts whose figures are all dropped."""
    from textcheck.claims import claim_patterns
    from textcheck.readers import read_path

    pats = claim_patterns(lex)
    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()]
    texts += ["约 5 万元", "第 3 次", "2 万元左右", "一般性支出", "三个处室", "十八届三中全会", "12 月",
              "0.42 元/度", "", "无数字", "共 5 个单位、两家中心"]
    for t in texts:
        matched, found = pats.scan_quantities(t)
        assert matched == pats.has_quantity(t), t
        assert found == pats.find_quantities(t), t
    assert sum(pats.scan_quantities(t)[0] and not pats.scan_quantities(t)[1] for t in texts) >= 3


def test_numbering_level_equals_the_four_patterns():
    """lists._numbering_level's first-character test against the patterns on every text."""
    from textcheck import patterns as P
    from textcheck.claims.lists import _numbering_level
    from textcheck.readers import read_path

    def reference(text):
        s = text.lstrip()
        return next((level for level, pat in enumerate(P.ROW_NUMBERING) if pat.match(s)), None)

    texts = [p.text.text for p in read_path(str(SAMPLE)).paragraphs]
    texts += ["一、总体", "（一）收入", "(二)支出", "1.项目", "12、经费", "3.5万元", "（1）其中", "( 2 )", "１．全角",
              "٣. 阿拉伯", "十二、", "  二、 前有空格", "", " ", "其中：", "〇、", "一般公共预算"]
    assert sum(reference(t) is not None for t in texts) > 5
    for t in texts:
        assert _numbering_level(t) == reference(t), t


def test_subject_codes_equal_the_unconditional_code_pattern(lex):
    """_Assembler._subject asks CLAIM_CODE_NAME only of a subject starting with a digit: the
    same subjects and codes as asking it of every one."""
    from textcheck import patterns as P
    from textcheck.claims import claim_patterns
    from textcheck.claims import assemble as A

    pats = claim_patterns(lex)
    asm = A._Assembler(pats, ["乌鲁木齐市科学技术局"])
    texts = ["2060101行政运行 5 万元", "206 科学技术支出", "30201 办公费", "３０２０１办公费", "基本支出",
             "其中：2050803 培训支出", "办公费", "1.办公费", "乌鲁木齐市科学技术局2024年办公费", "99999 未知"]
    fast = [asm._subject(t, 0, len(t)) for t in texts]
    from textcheck.claims import subjects as S

    real = S.may_be_digit
    try:
        S.may_be_digit = lambda ch: True
        asm._subjects.clear()
        ref = [asm._subject(t, 0, len(t)) for t in texts]
    finally:
        S.may_be_digit = real
    assert fast == ref
    assert any(codes for _, codes, _ in fast)


def test_subjects_remembered_per_document_equal_the_ones_found(lex):
    """_Assembler._subject (remembered per text, and section for a 款/项 path) against
    _subject_of on the whole sentence, for every clause span of the sample's sentences, asked
    twice (found, then remembered), under two sections."""
    from textcheck.claims import claim_patterns
    from textcheck.claims import assemble as A
    from textcheck.readers import read_path

    pats = claim_patterns(lex)
    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()]
    texts += ["法院（款）行政运行（项）支出 5 万元", "其中：法院（款）行政运行（项）", "科学技术支出（类）行政运行（项）"]
    sections = [("（一）公共安全（类）",), ("（二）科学技术（类）", "1.说明")]
    asm = A._Assembler(pats, ["乌鲁木齐市科学技术局"])
    checked = 0
    for t in texts:
        cuts = [0] + [i + 1 for i, ch in enumerate(t) if ch in "，,：:；、"] + [len(t)]
        spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] + [(0, len(t))]
        for section in sections:
            for s, e in spans:
                want = asm._subject_of(t, s, e, section)
                assert asm._subject(t, s, e, section) == want, (t, s, e)
                assert asm._subject(t, s, e, section) == want, (t, s, e)
                checked += 1
    assert checked > 1000
    assert any("款" in k[0] for k in asm._subjects if isinstance(k, tuple))


def test_first_year_of_the_sentence_is_the_search_before_each_figure():
    """_Assembler._claim takes the sentence's first CLAIM_YEAR_NUMBER match when it ends before
    the figure: the answer of the search up to the figure, at every position of varied texts."""
    from textcheck import patterns as P
    from textcheck.claims.vocab import halfwidth
    from textcheck.readers import read_path

    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()]
    texts += ["20242025年预算 5 万元", "2024 年 2025年", "12345 年度", "２０２４ 年支出", "2024\n年", "年2024年",
              "预算 2024年", "1 2024  年 3"]
    checked = 0
    for text in texts:
        t = halfwidth(text)
        first = P.CLAIM_YEAR_NUMBER.search(t)
        for pos in range(len(t) + 1):
            ref = P.CLAIM_YEAR_NUMBER.search(t, 0, pos)
            fast = first if first is not None and first.end() <= pos else None
            assert (ref and (ref.span(), ref.group(1))) == (fast and (fast.span(), fast.group(1))), (text, pos)
            checked += ref is not None
    assert checked > 100


def test_project_name_equals_the_unguarded_pattern():
    """lists._project_name tests for "项目名称" before its pattern: the same names."""
    from textcheck.claims.lists import _project_name
    from textcheck.claims.vocab import halfwidth
    from textcheck.readers import read_path
    from textcheck import patterns as P

    def reference(p):
        m = P.CLAIM_PROJECT_NAME.search(halfwidth(p.text.text))
        if m and p.text.text.lstrip().find("项目名称") <= 12:
            return p.text.text[m.start("name"):m.end("name")].strip()
        return None

    from textcheck.document import Paragraph
    from textcheck.readers import read_text

    paras = list(read_path(str(SAMPLE)).paragraphs)
    paras += list(read_text("（一）项目名称：科技专项\n\n项目名称 ： 人才计划 \n\n本项目名称：略\n\n项目名称：\n",
                            path="x.txt").paragraphs)
    assert sum(reference(p) is not None for p in paras) >= 2
    for p in paras:
        assert _project_name(p) == reference(p), p.text.text


def test_new_number_equals_the_dataclass_init():
    """numbers.new_number (the extractor's figures) builds the Number the frozen __init__ builds."""
    import dataclasses
    from decimal import Decimal

    import pytest

    from textcheck.numbers import Number, new_number

    cases = [(Decimal("1422.65"), 2, "万元", "1,422.65 万元"), (Decimal(6), 0, "个", "6 个"), (Decimal("0"), 0, None, ""),
             (Decimal("35.77"), 2, "%", "35.77%")]
    for args in cases:
        ours, theirs = new_number(*args), Number(*args)
        assert ours == theirs and ours.__dict__ == theirs.__dict__ and hash(ours) == hash(theirs)
        assert type(ours) is Number and ours.interval == theirs.interval and str(ours) == str(theirs)
    assert new_number(Decimal(1), 0) == Number(Decimal(1), 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_number(Decimal(1), 0).value = Decimal(2)


# The plain spellings of the patterns patterns/claims.py writes character set first.
_HAS_DIGIT_PLAIN = r"[0-9０-９]|[二两三四五六七八九十百][个人名家项次场座篇份台辆件套期轮位所户条]"
_NUMBER_PLAIN = r"(?<![\d.,])\d+(?:,\d+)*(?:\.\d+)?(?![\d])"
_CN_NUMERAL_PLAIN = (r"(?<![第零〇一二两三四五六七八九十百千\d])(?:[二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*"
                     r"|一[零〇一二两三四五六七八九十百千]+)")


def _pattern_texts():
    from textcheck.readers import read_path

    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()]
    rng = random.Random(14)
    alphabet = list("0123456789０１２３４５６７８９.,，第零〇一二两三四五六七八九十百千万个人名家项次%％ 　\n年元支出约") + \
        ["万元", "个百分点", "亿元", "人次", "平方米", "场次"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(6000)]
    return texts + ["", "1", "一", "十一个", "第一个", "一一个", "1.5万元", "1,2,3.4.5 万元", "九千零二个", "２０２４年１２.５万元"]


def test_character_set_first_patterns_match_their_plain_spellings(lex):
    """CLAIM_HAS_DIGIT, the quantity and the Chinese-numeral count pattern (written with a
    character set first) against their plain spellings compiled by regex: the same matches,
    spans and groups on the sample's sentences and random texts of digits, numerals and units."""
    import regex

    from textcheck import patterns as P
    from textcheck.claims import claim_patterns

    pats = claim_patterns(lex)
    q_units = pats.quantity.pattern[pats.quantity.pattern.index("(?P<unit>"):]
    c_units = pats.cn_count.pattern[pats.cn_count.pattern.index("(?P<unit>"):]
    pairs = [(P.CLAIM_HAS_DIGIT, regex.compile(_HAS_DIGIT_PLAIN)),
             (pats.quantity, regex.compile(rf"(?P<num>{_NUMBER_PLAIN})\s*{q_units}")),
             (pats.cn_count, regex.compile(rf"(?P<num>{_CN_NUMERAL_PLAIN}){c_units}"))]

    def found(pattern, text):
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    hits = [0, 0, 0]
    for text in _pattern_texts():
        for k, (ours, plain) in enumerate(pairs):
            want = found(plain, text)
            assert found(ours, text) == want, (k, text)
            hits[k] += bool(want)
    assert min(hits) > 200


def test_paragraph_without_a_list_word_has_no_list_marker_in_any_sentence():
    """_Assembler._lists answers None for a paragraph whose text holds none of CLAIM_LIST_MARKER's
    words: then no sentence of it, half-width or not, holds a match of the bare pattern."""
    from textcheck import patterns as P
    from textcheck.claims.vocab import halfwidth
    from textcheck.readers import read_path, read_text

    paras = list(read_path(str(SAMPLE)).paragraphs)
    paras += list(read_text("支出 5 万元，其中：A 1 万元。\n\n主要包括 : 甲 1 万元；乙 2 万元。\n\n"
                            "分别为：３个，４个。\n\n资金分配情况：略。\n\n包括：一。\n", path="x.txt").paragraphs)
    bare = P.CLAIM_LIST_MARKER.pattern
    guarded = with_marker = 0
    for p in paras:
        found = any(bare.search(halfwidth(s.text)) for s in p.sentences())
        if not P.CLAIM_LIST_MARKER.may_match(p.text.text):
            assert not found, p.text.text
            guarded += 1
        with_marker += found
        # the same of any start of the text (run's numbered paragraphs, _listed's text before a figure)
        for end in range(len(p.text.text) + 1):
            head = p.text.text[:end]
            if not P.CLAIM_LIST_MARKER.may_match(head):
                assert not bare.search(halfwidth(head)), head
    assert guarded > 50 and with_marker >= 5


def _names_subject_reference(prefix):
    from textcheck import patterns as P

    s = P.CLAIM_LEADING_NUMBERING.sub("", prefix)
    s = P.CLAIM_CONNECTOR_LEAD.sub("", s)
    s = P.CLAIM_YEAR.sub("", s)
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip()
    s = P.CLAIM_BARE_BUDGET_WORD.sub("", s)
    return bool(P.CLAIM_HAN.search(s))


def _is_generic_reference(prefix):
    from textcheck import patterns as P

    s = P.CLAIM_LEADING_NUMBERING.sub("", prefix)
    s = P.CLAIM_YEAR.sub("", s)
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip(" :：")
    s = P.CLAIM_SUBJECT_TRAILING.sub("", s).strip()
    return bool(P.CLAIM_GENERIC_SUBJECT.match(s))


def test_prefix_tests_with_their_han_guards_equal_the_unguarded_ones():
    """sentence._names_subject / _is_generic answer from one search when the prefix holds a Han
    character none of their deletions removes: the answers of the unguarded steps, on every
    clause piece of the sample's sentences and random prefixes of their words."""
    from textcheck.claims import sentence as S
    from textcheck.claims.vocab import halfwidth
    from textcheck.readers import read_path

    prefixes = set()
    for p in read_path(str(SAMPLE)).paragraphs:
        for s in p.sentences():
            t = halfwidth(s.text)
            cuts = [0] + [i + 1 for i, ch in enumerate(t) if ch in "，,：:；、"] + [len(t)]
            for a, b in zip(cuts, cuts[1:]):
                for k in range(a, b + 1):
                    prefixes.add(t[a:k])
    rng = random.Random(7)
    words = ["其中", "另外", "此外", "同时", "其", "均", "分别", "合计", "共计", "2024年", "2024 年度的", "年初",
             "预算", "预算数", "本年", "当年", "全年", "预算安排", "预算金额", "金额", "总计", "数额", "规模", "安排",
             "为", "是", "达到", "约", "了", "的", "一、", "（二）", "3.", " ", "：", "基本", "支出", "费", "十二、",
             "٢٠٢٤年", "合计为", "(1)"]
    prefixes |= {"".join(rng.choice(words) for _ in range(rng.randint(0, 5))) for _ in range(20000)}
    counts = {True: 0, False: 0}
    for prefix in prefixes:
        want = _names_subject_reference(prefix)
        assert S._names_subject(prefix) == want, prefix
        generic = _is_generic_reference(prefix)
        assert S._is_generic(prefix) == generic, prefix
        counts[want] += 1
        counts[generic] += 1
    assert min(counts.values()) > 1000


def test_left_cut_of_subjects_starting_with_the_departments_own_words(lex):
    """SubjectCleaner._left_cut tries its self-leads ("本部门", "我局" …) only after one startswith
    of them all: the cuts the loop over every lead gave (as computed before the test was added)."""
    from textcheck.claims import claim_patterns
    from textcheck.claims.assemble import _Assembler

    asm = _Assembler(claim_patterns(lex), ["乌鲁木齐市科学技术局"])
    texts = ["本部门2024年办公费", "本单位", "本单位x", "本单位xy", "我局2024年一般公共预算支出", "本级支出", "部门本级2024年支出",
             "我单位 2024 年度基本支出", "本部门乌鲁木齐市科学技术局2024年办公费", "其中：本级人员经费", "基本支出",
             "2024年本部门", "乌鲁木齐市科学技术局本级"]
    assert [asm._left_cut(t) for t in texts] == [8, 0, 0, 3, 7, 2, 9, 11, 18, 2, 0, 5, 10]


def test_halfwidth_equals_the_translation_table():
    """vocab.halfwidth (each full-width form the text holds replaced) is str.translate with the
    full-width table, on the sample's paragraphs and sentences and random mixes of every form."""
    from textcheck.claims import vocab as V
    from textcheck.readers import read_path

    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = 0x20
    paras = read_path(str(SAMPLE)).paragraphs
    texts = [p.text.text for p in paras] + [s.text for p in paras for s in p.sentences()]
    rng = random.Random(5)
    forms = [chr(c) for c in range(0xFF01, 0xFF5F)] + ["\u3000", "a", "1", " ", "预", "算", "\uff5f", "\uff00", "\u3001"]
    texts += ["".join(rng.choice(forms) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += ["", "\u3000", "".join(forms)]
    for t in texts:
        assert V.halfwidth.__wrapped__(t) == t.translate(table), t


def test_contents_entries_skipped_as_by_their_keys(lex):
    """extract._skip_paragraph answers "not an entry" for a paragraph holding "。" when no entry's
    key does, without normalising it: the answers of comparing every paragraph's key."""
    from textcheck.claims.extract import _skip_paragraph
    from textcheck.claims.vocab import normalize_term
    from textcheck.readers import read_path, read_text

    from textcheck.document import LocatedText, Paragraph

    document = read_path(str(SAMPLE))
    made = ["一、说明。", "二、 情况 说明", "三、“总体”情况。", "附：表 1。", "一、说明 。", "说明"]
    paras = list(document.paragraphs) + [
        Paragraph(LocatedText(t, tuple((1, k + 1) for k in range(len(t)))), ("第一部分",), 0) for t in made]
    tocs = [{normalize_term(t.text) for t in document.toc}, {"一、说明。", "三、总体情况。"}, {"二、情况说明"}, set()]
    skipped = 0
    for toc in tocs:
        stops = any("。" in k for k in toc)
        for p in paras:
            want = any(normalize_term(h).replace(" ", "") == "目录" for h in p.section) or \
                normalize_term(p.text.text) in toc
            assert _skip_paragraph(p, toc, {}, stops) == want, (p.text.text, toc)
            skipped += want
    assert skipped >= 3


def test_remembered_subject_tests_answer_as_the_functions(lex):
    """context.generic_subject and _measure_only are remembered per text: the answers of the
    functions themselves, on every clause piece of the sample and made-up subjects."""
    from textcheck.claims import context as X
    from textcheck.readers import read_path

    texts = ["", "2026年预算数", "年初预算数", "2024 年预算安排", "因公出国（境）费用", "支出决算", "预算数为",
             "年初预算为", "合计", "２０２４年度的预算", None]
    for p in read_path(str(SAMPLE)).paragraphs:
        for piece in p.text.text.replace("。", "，").split("，"):
            texts += [piece, piece[:8], piece[-8:]]
    for fn in (X.generic_subject, X._measure_only):
        fn.cache_clear()
        for t in texts:
            if t is None and fn is X._measure_only:
                continue
            assert fn(t) == fn.__wrapped__(t), (fn.__name__, t)
            assert fn(t) == fn.__wrapped__(t), (fn.__name__, t)  # (the remembered answer)
    assert any(X.generic_subject(t) for t in texts) and not all(X.generic_subject(t) for t in texts)


def test_a_claim_is_put_out_once(nlp, lex):
    """The assembler finds a list part in its output from the end (assemble._close): right only
    while no claim object stands there twice — on the sample and on texts with lists that
    stay open across paragraphs."""
    from textcheck.claims import extract_claims
    from textcheck.claims import assemble as A
    from textcheck.readers import read_path, read_text

    seen = []
    real = A._Assembler._close

    def close(self, open_list, out):
        seen.append(len(out) == len({id(c) for c in out}))
        result = real(self, open_list, out)
        seen.append(len(out) == len({id(c) for c in out}))
        return result

    A._Assembler._close = close
    try:
        out = extract_claims(read_path(str(SAMPLE)), nlp, lex)
        text = ("一、收入预算情况\n2024 年收入预算 300 万元，其中：\n（1）财政拨款 200 万元；\n（2）事业收入 100 万元。\n"
                "二、支出情况\n基本支出 50 万元，其中：\n人员经费 30 万元。\n公用经费 20 万元。\n")
        out2 = extract_claims(read_text(text, path="t.txt"), nlp, lex)
    finally:
        A._Assembler._close = real
    assert seen and all(seen)
    for claims in (out, out2):
        assert len(claims) == len({id(c) for c in claims})
    assert any(c.whole is not None for c in out2)


def test_figures_with_quiet_neighbours_are_claims():
    """scan_quantities asks _not_a_claim only about a figure one of whose neighbours is a
    character it looks at or white space: for every other figure the unconditional tests answer
    False (made-up texts around figures, every character of the sample as a neighbour)."""
    from decimal import Decimal

    from textcheck.claims import vocab as V
    from textcheck.claims.vocab import RawQuantity
    from textcheck.numbers import Number

    def quiet(t, s, e):
        before, after = t[s - 1:s] if s else "", t[e:e + 1]
        return not (before in V._NEIGHBOUR_BEFORE or after in V._NEIGHBOUR_AFTER or before.isspace()
                    or after.isspace())

    cases = list(_texts())
    chars = sorted(set(SAMPLE.read_text("utf-8")) | set("以左上多余之至-—~～约近过于少高≥≤=><＞＜人均每到第*×/〔[月日年"))
    cases += [(a, "10万元", b) for a in chars for b in ("", "，", "以上", "年")]
    cases += [(a, "3个", b) for a in ("", "共", "第") for b in chars]
    quiet_seen = 0
    for left, fig, right in cases:
        t = left + fig + right
        s, e = len(left), len(left) + len(fig)
        if not quiet(t, s, e):
            continue
        quiet_seen += 1
        for uclass in ("money", "count", "percent"):
            q = RawQuantity(s, e, Number(Decimal(1), 0, "万元", fig), "万元", uclass)
            assert not _not_a_claim_reference(t, q), (t, uclass)
    assert quiet_seen > 1000
