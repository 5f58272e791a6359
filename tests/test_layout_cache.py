"""The parsed-layout cache: a PDF read twice is parsed once, and reads the same."""
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from textcheck import layout_cache  # noqa: E402
from textcheck.readers import pdfium_source  # noqa: E402
from textcheck.readers.pdf import read_pdf  # noqa: E402

PDF = Path(__file__).resolve().parent.parent / "corpus" / "pdf" / "jiangsu-npc-2019-budget-tables.pdf"


@pytest.fixture
def cache_dir(tmp_path):
    layout_cache.configure(tmp_path / "layouts")
    yield tmp_path / "layouts"
    layout_cache.configure(None)


def _entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.marshal")) if root.exists() else []


def test_second_read_comes_from_the_cache(cache_dir, monkeypatch):
    data = PDF.read_bytes()
    first = read_pdf(data, PDF.name)
    (entry,) = _entries(cache_dir)
    assert entry.name.startswith(layout_cache.hashlib.sha256(data).hexdigest())

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(pdfium_source, "iter_pages", no_parsing)
    again = read_pdf(data, PDF.name)
    assert again.source_lines == first.source_lines and again.tables == first.tables


def test_off_unless_a_directory_is_given(tmp_path, monkeypatch):
    monkeypatch.delenv(layout_cache.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert layout_cache.directory() is None
    read_pdf(PDF.read_bytes(), PDF.name)
    assert _entries(tmp_path) == []


def test_environment_variable_turns_it_on(tmp_path, monkeypatch):
    monkeypatch.setenv(layout_cache.ENV, str(tmp_path / "env-cache"))
    read_pdf(PDF.read_bytes(), PDF.name)
    assert len(_entries(tmp_path / "env-cache")) == 1


def test_a_damaged_entry_is_parsed_again_and_rewritten(cache_dir):
    data = PDF.read_bytes()
    first = read_pdf(data, PDF.name)
    (entry,) = _entries(cache_dir)
    entry.write_bytes(b"\x00garbage")
    again = read_pdf(data, PDF.name)
    assert again.source_lines == first.source_lines
    assert len(list(layout_cache.load(data))) == first.meta["pages"]  # rewritten whole


def test_pdfplumber_source_does_not_use_the_cache(cache_dir):
    read_pdf(PDF.read_bytes(), PDF.name, source="pdfplumber")
    assert _entries(cache_dir) == []


def test_an_entry_that_is_no_layout_is_ignored(cache_dir):
    import marshal

    data = PDF.read_bytes()
    first = read_pdf(data, PDF.name)
    (entry,) = _entries(cache_dir)
    entry.write_bytes(marshal.dumps(1) + marshal.dumps([("not", "a", "page")]))
    assert read_pdf(data, PDF.name).tables == first.tables


def test_scan_keeps_layouts_next_to_its_database(tmp_path, monkeypatch):
    import shutil

    from textcheck.cli import main

    monkeypatch.delenv(layout_cache.ENV, raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PDF, folder / PDF.name)
    db = tmp_path / "scan.sqlite"
    assert main(["scan", str(folder), "--db", str(db), "--jobs", "1", "--no-progress", "--fail-on", "never"]) == 0
    assert len(_entries(tmp_path / "scan.sqlite.layouts")) == 1
    assert layout_cache.directory() is None  # the scan's choice ends with the scan
    off = tmp_path / "off.sqlite"
    assert main(["scan", str(folder), "--db", str(off), "--jobs", "1", "--no-progress", "--fail-on", "never",
                 "--layout-cache", "none"]) == 0
    assert not (tmp_path / "off.sqlite.layouts").exists()


def test_a_read_stopped_part_way_leaves_no_entry(cache_dir):
    from textcheck.readers.pdf_pages import page_objects

    data = PDF.read_bytes()
    pages = page_objects(data, PDF.name)
    next(pages)
    pages.close()  # the reader gave up after the first page
    assert _entries(cache_dir) == [] and not list(cache_dir.rglob(".tmp-*"))
