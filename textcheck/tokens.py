"""Offsets of a spaCy Doc, cached on the Doc: what the pipeline's components (textcheck.nlp)
and the claim extractor (textcheck.claims) both read, kept here so neither imports the other."""
from __future__ import annotations

from itertools import accumulate


def doc_text(doc) -> str:
    """``doc.text`` computed once (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("tc_text")
    if text is None:
        text = doc.user_data["tc_text"] = doc.text
    return text


def set_token_starts(doc, words: list[str], spaces: list[bool]) -> None:
    """Give ``doc``, made from ``words`` and ``spaces``, its tokens' offsets (what ``token_starts``
    would read from the Doc's array): each token starts after the words and spaces before it.
    The tokenizer knows them already (tests/test_claims_doc_span.py compares the two)."""
    doc.user_data["tc_token_starts"] = list(accumulate((len(w) + s for w, s in zip(words, spaces[:-1])),
                                                       initial=0)) if words else []


def token_starts(doc) -> list[int]:
    """Character offset of every token (cached on the Doc; cheaper than char_span)."""
    starts = doc.user_data.get("tc_token_starts")
    if starts is None:
        from spacy.attrs import IDX

        starts = doc.user_data["tc_token_starts"] = doc.to_array(IDX).tolist() if len(doc) else []
    return starts
