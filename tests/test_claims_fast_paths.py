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
    real = A.may_be_digit
    try:
        A.may_be_digit = lambda ch: True
        ref = [asm._subject(t, 0, len(t)) for t in texts]
    finally:
        A.may_be_digit = real
    assert fast == ref
    assert any(codes for _, codes, _ in fast)
