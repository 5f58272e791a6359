"""The service as a workflow meets it: every error in the {"error": …} envelope, docs offline, logging."""
from __future__ import annotations

import logging
import re
import socket

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from test_service import FakeChecker  # noqa: E402
from textcheck.service import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(checker=FakeChecker()), base_url="http://127.0.0.1") as c:
        yield c


def _envelope(r, status, kind):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert err["status"] == status and err["type"] == kind and err["message"]
    return err["message"]


def test_unknown_path_is_404_in_the_envelope(client):
    assert "/v2/nothing" in _envelope(client.get("/v2/nothing"), 404, "not-found")


def test_wrong_method_is_405_in_the_envelope(client):
    msg = _envelope(client.get("/v1/check"), 405, "method-not-allowed")
    assert "GET" in msg
    assert client.get("/v1/check").headers.get("allow") == "POST"


def test_invalid_query_is_422_in_the_envelope(client):
    msg = _envelope(client.post("/v1/check?format=pdf", json={"text": "x"}), 422, "invalid-request")
    assert "format" in msg


def test_docs_are_served_from_vendored_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # no CDN
    for asset in assets:
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 1000, asset
    redoc = client.get("/redoc")
    js = re.findall(r'src="([^"]+\.js)"', redoc.text)
    assert js and all(a.startswith("/") and client.get(a).status_code == 200 for a in js)


def test_each_request_is_logged_at_info(client, caplog):
    with caplog.at_level(logging.INFO, logger="textcheck.service"):
        client.get("/healthz")
    assert any(re.fullmatch(r"GET /healthz 200 \d+ ms", r.getMessage()) for r in caplog.records)


def test_serve_on_a_busy_port_is_one_line(capsys):
    from textcheck.cli import main

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"127.0.0.1:{port}" in err[0] and "Traceback" not in err[0]
