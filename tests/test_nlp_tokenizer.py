"""Docs built straight from jieba's tokens are the Docs spaCy's Chinese tokenizer builds."""
import pytest

from conftest import SAMPLE

pytest.importorskip("spacy")


def test_jieba_tokens_make_the_same_docs_as_spacys_chinese_tokenizer():
    from spacy.lang.zh import ChineseTokenizer

    from textcheck.api import get_checker
    from textcheck.nlp import JiebaTokenizer
    from textcheck.readers import read_path

    nlp = get_checker().nlp
    assert isinstance(nlp.tokenizer, JiebaTokenizer)
    reference = ChineseTokenizer(nlp.vocab, segmenter="jieba")
    texts = [p.text.text for p in read_path(str(SAMPLE)).paragraphs]
    texts += [t + " 合计  1,422.65\t万元 " for t in texts[:20]] + [" 前导空格", "", "   "]
    for text in texts:
        ours, theirs = nlp.tokenizer(text), reference(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs], text
        assert ours.text == text
