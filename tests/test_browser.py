"""The reviewer page in a real browser: headless Chromium (Debian) driven by Playwright.

A uvicorn server runs the app on a free loopback port in a thread for this
module; the tests upload the sample and a PDF (printed by the same Chromium from
a disclosure with a known defect) through the page's file input, wait for the
HTML report in the iframe, click findings and check what the reviewer sees: the
highlighted span and table cell, and for the PDF the page image with a box drawn
at the contradicted cell's coordinates, scrolled into view.  Screenshots at
1366×768 go to $TEXTCHECK_SCREENSHOTS (default: the test's tmp folder).

Skipped when Chromium or Playwright is missing, unless TEXTCHECK_REQUIRE_BROWSER=1
(set by .ci/run), where a missing browser is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time

from pathlib import Path

import pytest
import yaml

from conftest import SAMPLE

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("TEXTCHECK_REQUIRE_BROWSER") == "1"
VIEWPORT = {"width": 1366, "height": 768}
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"browser test required (TEXTCHECK_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser_path():
    path = _chromium()
    if not path:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed")
    return path


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from textcheck.service import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120  # start-up builds the pipeline
    while not srv.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(15)


def test_upload_shows_highlighted_report_and_clicking_highlights_the_cell(browser_path, server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(120_000)
            page.goto(server + "/")
            page.set_input_files("#file", str(SAMPLE))
            page.wait_for_selector("body[data-state=done]")
            assert "已检查" in page.inner_text("#status")

            report = page.frame_locator("#report")
            diags = report.locator("li.diag")
            expect(diags.first).to_be_visible()
            marks = report.locator("mark[data-diag]")
            assert marks.count() > 0, "no highlighted span in the report"
            assert diags.count() > 0

            # a diagnostic with a linked table cell: click it, its cell lights up
            item = report.locator('li.diag:not([data-cells=""])').first
            expect(item).to_be_visible()
            did = item.get_attribute("data-diag")
            cell_id = item.get_attribute("data-cells").split()[0]
            cell = report.locator(f'[id="{cell_id}"]')
            expect(cell).not_to_have_class(re.compile(r"\bhl-cell\b"))
            item.click()
            expect(cell).to_have_class(re.compile(r"\bhl-cell\b"))
            expect(item).to_have_class(re.compile(r"\bactive\b"))
            own_marks = report.locator(f'mark[data-diag~="{did}"]')
            if own_marks.count():
                expect(own_marks.first).to_have_class(re.compile(r"\bactive\b"))
            expect(cell).to_be_in_viewport()

            # clicking another diagnostic moves the highlight
            other = report.locator(f'li.diag:not([data-cells=""]):not([data-diag="{did}"])')
            if other.count():
                other_cells = set(other.first.get_attribute("data-cells").split())
                other.first.click()
                if cell_id not in other_cells:
                    expect(cell).not_to_have_class(re.compile(r"\bhl-cell\b"))
        finally:
            browser.close()


def test_unreadable_upload_shows_the_error(browser_path, server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(60_000)
            page.goto(server + "/")
            page.set_input_files("#file", str(bad))
            expect(page.locator("#status.error")).to_contain_text("422")
            expect(page.locator("#status")).to_contain_text("empty")
        finally:
            browser.close()


def _screens(tmp_path) -> Path:
    folder = Path(os.environ.get("TEXTCHECK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _defective_pdf(browser, path: Path) -> Path:
    """The TC201 failing fixture printed to PDF by Chromium: a ruled table and a narrative that disagrees."""
    cases = yaml.safe_load((FIXTURES / "TC201.yml").read_text("utf-8"))["cases"]
    text = next(c["text"] for c in cases if c["name"] == "amount-differs-from-table")
    text = text.replace("表 3\n\n部门支出总体情况表", "表 3 部门支出总体情况表")
    parts, rows = [], []

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            parts.append("<table>" + "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r + [""] * (width - len(r)))
                                             + "</tr>" for r in rows) + "</table>")
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        if line.strip():
            parts.append(f"<p>{line}</p>")
    flush()
    page = browser.new_page()
    page.set_content('<html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;'
                     "font-size:14px}table{border-collapse:collapse}td{border:1px solid #000;padding:2px 6px}"
                     "</style></head><body>" + "".join(parts) + "</body></html>")
    page.pdf(path=str(path), format="A4")
    page.close()
    return path


def _cell_word(pdf: Path, text: str, row_label: str):
    """Where pdfplumber (independently of textcheck) finds ``text`` in the row labelled ``row_label``."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        label = next(w for w in words if w["text"] == row_label)
        hits = [w for w in words if w["text"] == text]
        word = min(hits, key=lambda w: abs(w["top"] - label["top"]))
        return word, float(page.width)


def test_pdf_upload_shows_the_page_with_the_cell_boxed(browser_path, server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    screens = _screens(tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            pdf = _defective_pdf(browser, tmp_path / "budget.pdf")
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(120_000)
            page.goto(server + "/")
            page.screenshot(path=str(screens / "page-empty.png"))
            page.set_input_files("#file", str(pdf))
            page.wait_for_selector("body[data-state=done]")
            expect(page.locator("#drop")).to_have_class(re.compile(r"\bcollapsed\b"))
            report = page.frame_locator("#report")
            item = report.locator('li.diag[data-code="TC201"]')
            expect(item).to_have_count(1)
            assert item.get_attribute("data-pages") == "1"
            did = item.get_attribute("data-diag")
            # errors come first in the list
            assert report.locator("li.diag").first.get_attribute("data-severity") == "error"
            figure = report.locator('figure.page[data-page="1"]')
            expect(figure).to_be_hidden()
            page.screenshot(path=str(screens / "pdf-report.png"))

            item.click()
            expect(figure).to_be_visible()
            image = figure.locator("img")
            assert image.evaluate("img => img.complete && img.naturalWidth > 0")
            box = report.locator(f'.box.on[data-diag="{did}"][data-kind="cell"]')
            expect(box).to_be_visible()
            expect(box).to_be_in_viewport()
            page.screenshot(path=str(screens / "pdf-clicked.png"))

            # the box stands where the cell's figure is printed: compare with pdfplumber's word position
            word, page_width = _cell_word(pdf, "1,422.65", "总计")
            img, drawn = image.bounding_box(), box.bounding_box()
            scale = page_width / img["width"]  # PDF points per CSS pixel
            centre_x = (drawn["x"] + drawn["width"] / 2 - img["x"]) * scale
            centre_y = (drawn["y"] + drawn["height"] / 2 - img["y"]) * scale
            assert abs(centre_x - (word["x0"] + word["x1"]) / 2) < 3, (centre_x, word)
            assert abs(centre_y - (word["top"] + word["bottom"]) / 2) < 3, (centre_y, word)
            assert abs(drawn["width"] * scale - (word["x1"] - word["x0"])) < 8
            # and the flagged narrative figure is boxed on the same page
            expect(report.locator(f'.box.on[data-diag="{did}"][data-kind="flag"]')).to_have_count(1)

            # filters: hiding errors hides the finding, showing them again brings it back
            chip = report.locator('.chip[data-filter-severity="error"]')
            chip.click()
            expect(item).to_be_hidden()
            chip.click()
            expect(item).to_be_visible()
        finally:
            browser.close()
