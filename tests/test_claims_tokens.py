"""Extraction segments a sentence only when a claim reads its tokens: the raw claims are those
the tc_claims component gives on the sentence's whole Doc."""
import pytest

from conftest import SAMPLE

pytest.importorskip("spacy")

# sentences whose figures are followed by nouns (tokens read) and by punctuation (not read)
MORE = ["下设 6 个处室，分别是：办公室、财务处、人事处。", "实有人数 193 人，其中在职 67 人。",
        "主要原因是新增 1405 万元科技人才专项资金。", "本部门下属 2 家预算单位在内，共 3 项工作。",
        "支出 12.5 万元，比上年增加 1 万元，增长 8.7%。", "三个城市、两区共 5 台车辆未能按原计划支出。"]


def _sentences(nlp, lex):
    from textcheck import patterns as P
    from textcheck.claims import claim_patterns
    from textcheck.readers import read_path

    pats = claim_patterns(lex)
    out = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()
           if P.CLAIM_HAS_DIGIT.search(s.text) and pats.has_quantity(s.text)]
    return out + MORE


def test_doc_on_demand_gives_the_claims_of_the_whole_doc(nlp, lex):
    from textcheck.claims import claim_patterns, sentence_claims

    pats = claim_patterns(lex)
    component = nlp.get_pipe("tc_claims")
    made = 0
    for text in _sentences(nlp, lex):
        calls = []

        def doc_of(pos=0, text=text, calls=calls):
            calls.append(1)
            return nlp.make_doc(text), 0

        lazy = sentence_claims(text, pats, doc=doc_of)
        whole = component(nlp.make_doc(text))._.claims
        assert lazy == whole, text
        made += bool(calls)
    # the point of it: most sentences are never segmented, some are
    assert 0 < made < len(_sentences(nlp, lex)) / 2


def test_document_claims_equal_the_components_on_every_sentence(nlp, lex):
    """extract_claims (Docs on demand) against the same assembly fed the component's claims."""
    from textcheck import claims as C
    from textcheck.claims import extract as E
    from textcheck.readers import read_path

    document = read_path(str(SAMPLE))
    ours = C.extract_claims(document, nlp, lex)
    component = nlp.get_pipe("tc_claims")
    real = E.sentence_claims
    try:
        # (the quantities the extractor found with its pre-filter are not handed on: the component
        # finds its own)
        E.sentence_claims = lambda text, pats, doc=None, quantities=None: component(nlp.make_doc(text))._.claims
        reference = C.extract_claims(document, nlp, lex)
    finally:
        E.sentence_claims = real
    assert ours == reference
    assert len(ours) > 100


def test_tokens_from_a_block_start_are_the_whole_texts(nlp, lex):
    """JiebaTokenizer.block_start: the Doc of the text from the block holding any position on
    has the whole text's tokens from there on (jieba segments each block by itself) — on the
    sample's sentences, with spaces, full-width forms, Latin, quotes and line breaks."""
    tok = nlp.tokenizer
    extra = ["下设 6 个处室，分别是：“办公室”、财务处。", "共 3 项 ABC工程 与 2 个《项目》\r\n合计",
             "２０２４年 支出１２.５万元  用于  购置 设备", "  前后有空格 的 句子  ", "A-1 类 #2 项_x 5%增长"]
    checked = 0
    for text in _sentences(nlp, lex) + extra:
        whole = nlp.make_doc(text)
        pairs = [(t.idx, t.text, t.whitespace_) for t in whole]
        for pos in range(len(text)):
            start = tok.block_start(text, pos)
            assert 0 <= start <= pos
            part = nlp.make_doc(text[start:])
            assert [(t.idx + start, t.text, t.whitespace_) for t in part] == [p for p in pairs if p[0] >= start], \
                (text, pos)
            # a token starts at the block start: the one holding pos is found in the part too
            assert any(p[0] == start for p in pairs) or start == len(text)
            checked += 1
    assert checked > 1000


def test_document_claims_with_block_docs_equal_whole_sentence_docs(nlp, lex):
    """extract_claims (a Doc from the figure's block on) against whole-sentence Docs."""
    from textcheck import claims as C
    from textcheck.claims import extract as E
    from textcheck.readers import read_path

    document = read_path(str(SAMPLE))
    ours = C.extract_claims(document, nlp, lex)
    real = E._doc_maker

    def whole(nlp_, text):
        made = []

        def doc_of(pos=0):
            if not made:
                made.append(nlp_.make_doc(text))
            return made[0], 0
        return doc_of

    try:
        E._doc_maker = whole
        reference = C.extract_claims(document, nlp, lex)
    finally:
        E._doc_maker = real
    assert ours == reference


def test_tokens_of_a_block_span_are_the_whole_texts(nlp, lex):
    """JiebaTokenizer.block_span: the Doc of the text from the block holding a position up to the
    end of the first block reaching ``reach`` has the whole text's tokens that start in it, and
    that end is at ``reach`` or past it (or the text's end) — every token a reader up to
    ``reach`` sees is the whole text's."""
    tok = nlp.tokenizer
    extra = ["下设 6 个处室，分别是：“办公室”、财务处。", "共 3 项 ABC工程 与 2 个《项目》\r\n合计",
             "２０２４年 支出１２.５万元  用于  购置 设备", "  前后有空格 的 句子  ", "A-1 类 #2 项_x 5%增长",
             "新增 3 个“三公”经费项目和“科技创新”专项资金，共计 5 家单位参与。"]
    checked = 0
    for text in _sentences(nlp, lex) + extra:
        whole = [(t.idx, t.text) for t in nlp.make_doc(text)]
        for pos in range(len(text)):
            for reach in (pos + 1, pos + 16, pos + 40):
                start, end = tok.block_span(text, pos, reach)
                assert start == tok.block_start(text, pos)
                assert end >= min(reach, len(text)) and end <= len(text)
                part = [(t.idx + start, t.text) for t in nlp.make_doc(text[start:end])]
                assert part == [p for p in whole if start <= p[0] < end], (text, pos, reach)
                checked += 1
    assert checked > 3000


def test_nouns_told_without_tokens_are_the_tokens_nouns(nlp, lex):
    """_following_subject's shortcut (a short Han run closed by a character that ends the noun,
    _noun_without_tokens) against the tokens' answer: on the sample's sentences and random texts
    at every position a noun may start, with the Doc made as the extractor makes it."""
    import random

    import jieba

    from textcheck import patterns as P
    from textcheck.claims import extract as E
    from textcheck.claims import sentence as S
    from textcheck.claims.vocab import RawClaim, RawQuantity, _NOUN_STOP

    # the patterns spell jieba's word characters; its runs of Han are \p{Han} to CLAIM_NOUN_TOKEN
    for cp in range(0x110000):
        c = chr(cp)
        assert bool(jieba.re_han_default.fullmatch(c)) == bool(P.CLAIM_JIEBA_WORD_CHAR.fullmatch(c)), hex(cp)
    assert all(P.CLAIM_NOUN_TOKEN.match(chr(cp)) for cp in range(0x4E00, 0x9FD6))
    assert all(P.CLAIM_NOUN_TOKEN.match(c) and not P.CLAIM_JIEBA_WORD_CHAR.match(c) for c in "“”\"《》")
    rng = random.Random(11)
    pieces = ["处室", "科技人才", "专项资金", "单位", "在内", "的", "和", "人员", "参加", "经费", "项目", "预算",
              "以及", "用于", "办公室", "三区", "，", "。", "、", "“", "”", "《", "》", "\"", " ", "\u3000", "A", "5", "-",
              ".", "%", "(", ")", "：", "室", "费", "及", "其中", "分别"] + sorted(w for w in _NOUN_STOP if len(w) > 1)
    texts = list(_sentences(nlp, lex))
    for _ in range(1500):
        texts.append("下设6个" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7))))
    real = S._noun_without_tokens
    checked = told = 0
    for text in texts:
        for pos in range(1, len(text)):
            if not P.CLAIM_NOUN_START.match(text, pos):
                continue
            q = RawQuantity(pos - 1, pos, None, "个", "count")
            fast, ref = RawClaim("count", 0), RawClaim("count", 0)
            S._following_subject(text, q, fast, E._doc_maker(nlp, text))
            try:
                S._noun_without_tokens = lambda t, p: False
                S._following_subject(text, q, ref, E._doc_maker(nlp, text))
            finally:
                S._noun_without_tokens = real
            assert (fast.subject_span, fast.subject_from) == (ref.subject_span, ref.subject_from), (text, pos)
            checked += 1
            told += real(text, pos)
    assert checked > 5000 and told > 500
