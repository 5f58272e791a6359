"""Fuzz (hypothesis): check_text, the number parser and every reader never crash.

A bounded, derandomized run so CI stays fast and stable; ``benchmarks/fuzz_long.py``
runs the same targets for 20,000+ cases each (see benchmarks/README.md).
"""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

import fuzz_targets as T  # noqa: E402

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
SLOW = settings(FAST, max_examples=40)
DOCS = settings(FAST, max_examples=30)  # generating whole documents is the slow part


@FAST
@given(st.one_of(T.NUMBERS, st.text(max_size=30)))
def test_number_parser(text):
    T.number_target(text)


@DOCS
@given(T.DOCUMENTS)
def test_check_text(text):
    T.check_text_target(text)


@DOCS
@given(T.TEXT_BYTES, st.sampled_from(["x.txt", "x.md"]))
def test_text_reader(data, name):
    T.reader_target(data, name)


@DOCS
@given(st.one_of(T.html_documents(), T.DOCUMENTS))
def test_html_reader(text):
    T.reader_target(text.encode("utf-8", "surrogatepass"), "x.html")


@pytest.mark.parametrize("seed, name", [("docx", "x.docx"), ("xlsx", "x.xlsx"), ("pdf", "x.pdf")])
def test_binary_readers(seed, name):
    pytest.importorskip({"docx": "docx", "xlsx": "openpyxl", "pdf": "pdfplumber"}[seed])
    data = getattr(T, f"seed_{seed}")()
    T.reader_target(data, name)  # the seed itself reads

    @SLOW
    @given(T.mutated(data))
    def run(mutant):
        T.reader_target(mutant, name)

    run()
    if seed in ("docx", "xlsx"):  # a valid archive around a damaged part reaches the XML readers

        @SLOW
        @given(T.mutated_member(data))
        def run_member(mutant):
            T.reader_target(mutant, name)

        run_member()
