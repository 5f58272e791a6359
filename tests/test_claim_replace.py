"""replace_claim builds the Claim dataclasses.replace builds."""
import dataclasses

import pytest

from textcheck.claim import Claim, replace_claim


def test_claim_has_only_fields_and_no_post_init():
    assert not hasattr(Claim, "__post_init__")
    c = Claim(kind="amount", subject="x", sentence=None)
    assert set(c.__dict__) == {f.name for f in dataclasses.fields(Claim)}


def test_replace_claim_equals_dataclasses_replace(sample_text, lex, nlp):
    from textcheck.claims import extract_claims
    from textcheck.readers import read_text

    claims = extract_claims(read_text(sample_text, path="s.txt"), nlp, lex)
    assert len(claims) > 100
    changes = [{}, {"subject": "其他"}, {"kind": "breakdown", "items": tuple(claims[:3]), "whole": None},
               {"whole": claims[0], "base": "上年"}, {"change": None, "rate": None, "direction": "flat"}]
    for c in claims:
        for ch in changes:
            ours, theirs = replace_claim(c, **ch), dataclasses.replace(c, **ch)
            assert ours == theirs and ours.__dict__ == theirs.__dict__ and hash(ours) == hash(theirs)
            assert ours is not c and type(ours) is Claim
    with pytest.raises(TypeError):
        replace_claim(claims[0], no_such_field=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        replace_claim(claims[0]).subject = "y"


def test_new_claim_equals_the_dataclass_init(sample_text, lex, nlp):
    from textcheck.claim import new_claim
    from textcheck.claims import extract_claims
    from textcheck.readers import read_text

    claims = extract_claims(read_text(sample_text, path="s.txt"), nlp, lex)
    for c in claims:
        given = {f.name: getattr(c, f.name) for f in dataclasses.fields(Claim)}
        for fields in (given, {k: given[k] for k in ("kind", "subject", "sentence", "value", "year")}):
            ours, theirs = new_claim(**fields), Claim(**fields)
            assert ours == theirs and list(ours.__dict__.items()) == list(theirs.__dict__.items())
            assert hash(ours) == hash(theirs) and repr(ours) == repr(theirs)
    with pytest.raises(TypeError):
        new_claim(kind="amount", subject="x")  # no sentence
    with pytest.raises(TypeError):
        new_claim(kind="amount", subject="x", sentence=None, no_such_field=1)


def test_new_sentence_claim_equals_the_dataclass_init(sample_text, lex, nlp):
    from textcheck.claim import new_sentence_claim
    from textcheck.claims import extract_claims
    from textcheck.readers import read_text

    names = ("kind", "subject", "sentence", "section", "paragraph", "subject_span", "codes", "value", "share",
             "change", "rate", "previous", "direction", "direction_span", "rate_direction", "base", "enumerated",
             "measure", "year", "project", "clause")
    # the positional order is new_sentence_claim's signature, and it names every field but the five
    # it leaves at their defaults
    import inspect

    assert tuple(inspect.signature(new_sentence_claim).parameters) == names
    assert {f.name for f in dataclasses.fields(Claim)} - set(names) == {
        "whole", "items", "exhaustive", "inherited", "subject_from"}
    claims = extract_claims(read_text(sample_text, path="s.txt"), nlp, lex)
    assert len(claims) > 100
    for c in claims:
        fields = {k: getattr(c, k) for k in names}
        ours, theirs = new_sentence_claim(*fields.values()), Claim(**fields)
        assert type(ours) is Claim and ours == theirs
        assert list(ours.__dict__.items()) == list(theirs.__dict__.items())
        assert hash(ours) == hash(theirs) and repr(ours) == repr(theirs)


def test_new_quantity_equals_the_dataclass_init(sample_text, lex, nlp):
    from textcheck.claim import Quantity, new_quantity
    from textcheck.claims import extract_claims
    from textcheck.readers import read_text

    claims = extract_claims(read_text(sample_text, path="s.txt"), nlp, lex)
    quantities = [q for c in claims for q in (c.value, c.share, c.change, c.rate, c.previous) if q is not None]
    assert len(quantities) > 100
    for q in quantities:
        ours, theirs = new_quantity(q.number, q.span), Quantity(q.number, q.span)
        assert ours == theirs and ours.__dict__ == theirs.__dict__ and hash(ours) == hash(theirs)
        assert type(ours) is Quantity
    with pytest.raises(dataclasses.FrozenInstanceError):
        quantities[0].number = None
