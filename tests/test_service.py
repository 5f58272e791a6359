"""HTTP service (FastAPI TestClient): check endpoint, formats, limits, errors, start-up."""
from __future__ import annotations

import hashlib
import json
import threading

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from handmade import make_report  # noqa: E402
from textcheck.service import create_app  # noqa: E402

SMALL = "表 1 支出总表\n单位：万元\n项目\t金额\n基本支出\t1,422.65\n合计\t1,422.65\n\n基本支出 1,422.65 万元。\n"


class FakeChecker:
    """Stands in for the Checker where a test needs control over the check itself."""

    def __init__(self, block: threading.Event | None = None):
        self.block = block
        self.rules = ["R"]
        self.lexicon = self.nlp = None
        self.seen = []

    def check(self, document):
        self.seen.append(document)
        if self.block is not None:
            self.block.wait(30)
        result = make_report(document.path).documents[0]
        result.sha256 = document.sha256
        return result


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), base_url="http://127.0.0.1") as c:  # the real pipeline, built once for the module
        yield c


def test_healthz_and_openapi(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)
    assert client.get("/docs").status_code == 200


def test_reviewer_page_is_served(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'type="file"' in r.text and "/v1/check?format=html" in r.text


def test_json_text_returns_the_contract(client):
    r = client.post("/v1/check", json={"text": SMALL, "filename": "small.txt"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["tool"]["name"] == "textcheck" and set(data["summary"]) >= {"error", "warning", "info"}
    (doc,) = data["documents"]
    assert doc["path"] == "small.txt" and doc["error"] is None and doc["format"] == "text"
    assert doc["stats"]["tables"] == 1
    md = client.post("/v1/check", json={"text": SMALL, "format": "markdown"})
    assert md.status_code == 200 and md.json()["documents"][0]["format"] == "markdown"


def test_uploaded_sample_returns_the_contract(client, sample_text):
    data = sample_text.encode("utf-8")
    r = client.post("/v1/check", files={"file": ("budget.txt", data, "text/plain")})
    assert r.status_code == 200, r.text
    doc = r.json()["documents"][0]
    assert doc["path"] == "budget.txt" and doc["error"] is None
    assert doc["sha256"] == hashlib.sha256(data).hexdigest() and doc["format"] == "text"
    assert doc["stats"]["lines"] >= 1096 and doc["stats"]["tables"] >= 11
    assert r.json()["summary"]["error"] == sum(d["severity"] == "error" for d in doc["diagnostics"])


def test_upload_returns_sarif_and_html(client):
    files = {"file": ("small.txt", SMALL.encode("utf-8"), "text/plain")}
    sarif = client.post("/v1/check?format=sarif", files=files)
    assert sarif.status_code == 200 and sarif.headers["content-type"].startswith("application/sarif+json")
    assert sarif.json()["version"] == "2.1.0"
    assert sarif.json()["runs"][0]["artifacts"][0]["location"]["uri"] == "small.txt"
    html = client.post("/v1/check", params={"format": "html"}, files=files)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert html.text.startswith("<!DOCTYPE html>") and 'id="f0-L7"' in html.text and 'id="f0-t0"' in html.text
    jsonl = client.post("/v1/check?format=jsonl", files=files)
    assert jsonl.status_code == 200 and all(json.loads(x)["path"] == "small.txt" for x in jsonl.text.splitlines())


def test_upload_name_is_only_a_label_never_a_server_path(client):
    payload = SMALL.encode("utf-8")
    r = client.post("/v1/check", files={"file": ("../../../etc/passwd", payload, "text/plain")})
    assert r.status_code == 200, r.text
    doc = r.json()["documents"][0]
    assert doc["path"] == "passwd"
    assert doc["sha256"] == hashlib.sha256(payload).hexdigest()  # what was uploaded, not /etc/passwd
    assert doc["stats"]["lines"] >= SMALL.count("\n") and doc["stats"]["tables"] == 1


@pytest.mark.parametrize("name,data,needle", [
    ("a.txt", b"", "empty"),
    ("a.zip", b"PK\x03\x04" + b"\0" * 64, "unsupported"),
], ids=["empty", "zip"])
def test_unreadable_upload_is_a_422_json_error(client, name, data, needle):
    r = client.post("/v1/check", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["type"] == "unreadable-input" and needle in err["message"] and name in err["message"]


@pytest.mark.parametrize("kwargs,status,needle", [
    ({"json": {"txt": "x"}}, 400, '"text"'),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"json": {"text": "x", "format": "pdf"}}, 400, "format"),
    ({"json": {"text": "   "}}, 422, "empty"),
    ({"content": b"x", "headers": {"content-type": "text/plain"}}, 415, "multipart"),
    ({"files": {"other": ("a.txt", b"x", "text/plain")}}, 400, "'file'"),
])
def test_bad_requests_get_clear_json_errors(client, kwargs, status, needle):
    r = client.post("/v1/check", **kwargs)
    assert r.status_code == status, r.text
    assert needle in r.json()["error"]["message"]


def test_unknown_format_is_rejected(client):
    assert client.post("/v1/check?format=pdf", json={"text": SMALL}).status_code == 422


def test_upload_beyond_the_limit_is_413():
    app = create_app(checker=FakeChecker(), max_upload_bytes=2000)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        ok = c.post("/v1/check", files={"file": ("a.txt", SMALL.encode("utf-8"), "text/plain")})
        assert ok.status_code == 200, ok.text
        big = c.post("/v1/check", files={"file": ("a.txt", b"x" * 5000, "text/plain")})
        assert big.status_code == 413 and big.json()["error"]["type"] == "too-large"
        big_json = c.post("/v1/check", json={"text": "x" * 5000})
        assert big_json.status_code == 413


def test_a_check_past_the_time_limit_is_504():
    release = threading.Event()
    app = create_app(checker=FakeChecker(block=release), timeout=0.2, workers=1)
    try:
        with TestClient(app, base_url="http://127.0.0.1") as c:
            r = c.post("/v1/check", json={"text": SMALL})
            assert r.status_code == 504 and r.json()["error"]["type"] == "timeout"
    finally:
        release.set()


def test_pipeline_is_built_once_at_start_up(monkeypatch):
    import textcheck.api

    calls = []
    fake = FakeChecker()

    def get_checker(config=None):
        calls.append(config)
        return fake

    monkeypatch.setattr(textcheck.api, "get_checker", get_checker)
    with TestClient(create_app(), base_url="http://127.0.0.1") as c:
        assert calls == [None]  # built by the lifespan, before any request
        for _ in range(3):
            assert c.post("/v1/check", json={"text": SMALL}).status_code == 200
    assert calls == [None]  # the worker processes that ran the checks inherited it, never rebuilt it
    assert c.app.state.checker is fake


def test_serve_arguments_default_to_loopback():
    import argparse

    from textcheck.service import add_serve_arguments, is_loopback

    p = argparse.ArgumentParser()
    add_serve_arguments(p)
    args = p.parse_args([])
    assert (args.host, args.port, args.max_upload_mb) == ("127.0.0.1", 8000, 20)
    assert is_loopback(args.host) and is_loopback("::1") and not is_loopback("0.0.0.0")


@pytest.mark.parametrize("argv,needle", [
    (["serve", "--port", "0"], "--port"),
    (["serve", "--timeout", "0"], "positive"),
    (["serve", "--config", "/no/such/textcheck.toml"], "not found"),
])
def test_serve_rejects_bad_options_in_one_line(argv, needle, capsys):
    from textcheck import cli

    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and needle in err[0]
