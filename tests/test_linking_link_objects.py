"""new_link / replace_link build the SubjectLink its dataclass __init__ / dataclasses.replace build."""
import dataclasses

import pytest

from textcheck.claim import Claim
from textcheck.linking.model import SubjectLink, new_link, replace_link


def _claim(subject="x"):
    return Claim(kind="amount", subject=subject, sentence=None)


FIELD_SETS = [
    {},
    {"confidence": "none", "scope": ("fiscal",), "notes": ("a",)},
    {"candidates": (1, 2), "agreeing": (2,), "confidence": "confident", "notes": ("n",), "key": "label:x",
     "scope": ("income", "fiscal"), "route": "label", "primary": (1,), "share_wholes": (3,)},
    {"route": "project", "key": "project:y", "confidence": "ambiguous"},
]


@pytest.mark.parametrize("fields", FIELD_SETS)
def test_new_link_is_the_dataclass_init(fields):
    claim = _claim()
    ours, theirs = new_link(claim=claim, **fields), SubjectLink(claim, **fields)
    assert type(ours) is SubjectLink
    assert ours == theirs and ours.__dict__ == theirs.__dict__ and hash(ours) == hash(theirs)
    assert list(ours.__dict__) == [f.name for f in dataclasses.fields(SubjectLink)]  # field order too
    assert ours.linked == theirs.linked
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.route = "x"


@pytest.mark.parametrize("fields", FIELD_SETS)
def test_replace_link_is_dataclasses_replace(fields):
    link = SubjectLink(_claim(), **fields)
    for changes in [{}, {"claim": _claim("y"), "agreeing": ()}, {"confidence": "ambiguous", "notes": ("z",)}]:
        ours, theirs = replace_link(link, **changes), dataclasses.replace(link, **changes)
        assert ours == theirs and ours.__dict__ == theirs.__dict__ and ours is not link
        assert list(ours.__dict__) == [f.name for f in dataclasses.fields(SubjectLink)]


def test_bad_fields_are_refused_as_the_dataclass_refuses_them():
    with pytest.raises(TypeError):
        new_link(claim=_claim(), no_such_field=1)
    with pytest.raises(TypeError):
        new_link(route="label")  # no claim
    with pytest.raises(TypeError):
        replace_link(SubjectLink(_claim()), no_such_field=1)
