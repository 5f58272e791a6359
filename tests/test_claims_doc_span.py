"""The Doc the extractor segments for a figure's following noun (claims.extract._doc_maker) starts at
a lone token when the figure is followed by one ("6970万元“两区”…", JiebaTokenizer.block_start) and
ends at the first lone token no noun holds (CLAIM_NOUN_READ_END): the noun read from it must be
the one read from the whole sentence's Doc, at every position a noun may start."""
import random

import pytest

from conftest import SAMPLE

pytest.importorskip("spacy")


def _texts(nlp, lex):
    from textcheck import patterns as P
    from textcheck.claims import claim_patterns
    from textcheck.claims.vocab import _NOUN_STOP
    from textcheck.readers import read_path

    pats = claim_patterns(lex)
    texts = [s.text for p in read_path(str(SAMPLE)).paragraphs for s in p.sentences()
             if P.CLAIM_HAS_DIGIT.search(s.text) and pats.has_quantity(s.text)]
    rng = random.Random(17)
    pieces = ["处室", "科技人才", "专项资金", "单位", "在内", "的", "两区", "建设", "人员", "参加", "经费", "项目",
              "以及", "用于", "，", "。", "、", "；", "：", "！", "“", "”", "《", "》", "\"", "（", "）", "(", ")",
              " ", "  ", "\u3000", "\t", "\n", "\r\n", "\x1c", "\xa0", "A", "5", "-", ".", "%", "#", "㐀", "𠀀",
              "室", "费", "，", ",", "…", "—"] + sorted(w for w in _NOUN_STOP if len(w) > 1)
    for _ in range(1500):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) + "新增6970万元" +
                     "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))))
    return texts


def test_following_nouns_from_the_extractors_docs_are_the_whole_sentences(nlp, lex):
    from textcheck import patterns as P
    from textcheck.claims import extract as E
    from textcheck.claims import sentence as S
    from textcheck.claims.vocab import RawClaim, RawQuantity

    checked = cut = 0
    for text in _texts(nlp, lex):
        whole = nlp.make_doc(text)
        whole.user_data["tc_text"] = text
        doc_of = E._doc_maker(nlp, text)
        for pos in range(1, len(text)):
            if not P.CLAIM_NOUN_START.match(text, pos):
                continue
            q = RawQuantity(pos - 1, pos, None, "万元", "money")
            fast, ref = RawClaim("amount", 0), RawClaim("amount", 0)
            S._following_subject(text, q, fast, doc_of)
            S._following_subject(text, q, ref, lambda p=0: (whole, 0))
            assert (fast.subject_span, fast.subject_from) == (ref.subject_span, ref.subject_from), (text, pos)
            checked += 1
        for pos in range(len(text)):
            doc, off = doc_of(pos)
            part = doc.user_data["tc_text"]
            cut += off + len(part) < len(text)
            # the Doc's tokens are the whole sentence's that start in it
            assert [(t.idx + off, t.text) for t in doc] == [(t.idx, t.text) for t in whole
                                                             if off <= t.idx < off + len(part)], (text, pos)
    assert checked > 3000 and cut > 1000


def test_token_starts_given_by_the_tokenizer_are_the_docs_own(nlp, lex):
    """JiebaTokenizer hands each Doc its tokens' offsets from the words (tokens.set_token_starts):
    the offsets spaCy's own array gives, with and without white space in the text."""
    from spacy.attrs import IDX

    from textcheck.tokens import token_starts

    n = 0
    for text in _texts(nlp, lex)[:800] + ["", " ", "  a  b ", "\r\n", "前 后", "x\u3000y\tz\n"]:
        doc = nlp.make_doc(text)
        assert token_starts(doc) == (doc.to_array(IDX).tolist() if len(doc) else []) == [t.idx for t in doc], text
        n += len(doc)
    assert n > 5000
