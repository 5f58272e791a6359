"""The reviewer page in a real browser: headless Chromium (Debian) driven by Playwright.

A uvicorn server runs the app on a free loopback port in a thread for this
module; the test uploads the sample through the page's file input, waits for
the HTML report in the iframe, checks the highlighted spans, clicks a
diagnostic and checks that its table cell is highlighted.

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

import pytest

from conftest import SAMPLE

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("TEXTCHECK_REQUIRE_BROWSER") == "1"


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
            page = browser.new_page(viewport={"width": 1400, "height": 900})
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
