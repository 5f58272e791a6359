"""The PDF reader keeps of each page item's characters only their text and box
(readers/pdf.py ``_slim_chars``): every page is read before any is rendered, so the full
source characters were most of a long PDF's peak memory.  What rendering makes of the slim
characters must be exactly what it made of the full ones."""
from __future__ import annotations

from pathlib import Path

import pytest

import textcheck.readers.pdf as pdf_reader
from textcheck.readers import read_path
from textcheck.readers.pdf_items import Grid, Line

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "pdf"
SAMPLES = ("shanghai-jiaotongzhiyuan-2026-budget.pdf", "hangzhou-gonganju-2026-budget.pdf")


@pytest.mark.parametrize("name", SAMPLES)
def test_slim_characters_render_the_same_document(name, monkeypatch):
    path = CORPUS / name
    slim = read_path(str(path))
    monkeypatch.setattr(pdf_reader, "_slim_chars", lambda items: None)
    full = read_path(str(path))
    assert slim.meta["char_boxes"] == full.meta["char_boxes"]
    assert slim.meta["char_boxes"]  # the boxes are there to compare
    assert repr(slim) == repr(full)


def test_page_items_keep_only_the_box_fields():
    pages = pdf_reader._extract_pages((CORPUS / SAMPLES[0]).read_bytes(), SAMPLES[0])
    kept = [c for p in pages for it in p.items
            for c in (it.chars if isinstance(it, Line) else
                      [c for row in it.row_chars for c in row] if isinstance(it, Grid) else [])]
    assert kept
    assert all(tuple(c) == pdf_reader.BOX_KEYS for c in kept)
