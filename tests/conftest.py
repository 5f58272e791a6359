import os
from pathlib import Path

import pytest

# A rule that raises inside the test suite is a bug: let it propagate.
os.environ["TEXTCHECK_STRICT"] = "1"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "urumqi-kejiju-2024-budget.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text("utf-8")


@pytest.fixture(scope="session")
def sample_lines(sample_text) -> list[str]:
    return sample_text.split("\n")


@pytest.fixture(scope="session")
def lex():
    """The shipped lexicon, loaded once for the tests that build claims by hand."""
    from textcheck.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def nlp(lex):
    """The NLP pipeline on the shipped lexicon, built once."""
    from textcheck.nlp import build_pipeline

    return build_pipeline(lex)


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """1-based line number of the nth line containing ``needle`` (helper for defect tests)."""
    hits = [i + 1 for i, line in enumerate(text.split("\n")) if needle in line]
    assert len(hits) > nth, f"{needle!r} not found {nth + 1} times"
    return hits[nth]


def replace_once(text: str, old: str, new: str, nth: int = 0) -> str:
    """Replace the nth occurrence of ``old`` (it must exist): builds a defective copy."""
    idx = -1
    for _ in range(nth + 1):
        idx = text.index(old, idx + 1)
    return text[:idx] + new + text[idx + len(old):]
