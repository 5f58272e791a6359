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

        def doc_of(text=text, calls=calls):
            calls.append(1)
            return nlp.make_doc(text)

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
        E.sentence_claims = lambda text, pats, doc=None: component(nlp.make_doc(text))._.claims
        reference = C.extract_claims(document, nlp, lex)
    finally:
        E.sentence_claims = real
    assert ours == reference
    assert len(ours) > 100
