"""The service under hostile conditions: overrunning checks are killed, other sites are refused."""
from __future__ import annotations

import os
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from handmade import make_report  # noqa: E402
from textcheck.service import SECURITY_HEADERS, create_app  # noqa: E402

LOCAL = "http://127.0.0.1"
TEXT = "表 1 支出总表\n单位：万元\n项目\t金额\n合计\t1.00\n"


class SlowChecker:
    """Checks instantly, except a document containing SLOW, which never ends on its own."""

    rules = ["R"]
    lexicon = nlp = None

    def check(self, document):
        if any("SLOW" in line for line in document.source_lines):
            while True:
                time.sleep(0.05)
        result = make_report(document.path).documents[0]
        result.sha256 = document.sha256
        return result


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie still answers kill(0); it holds no memory or CPU any more
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split(") ", 1)[1].startswith("Z")


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(checker=SlowChecker(), timeout=1.0, workers=1), base_url=LOCAL) as c:
        yield c


def test_a_check_past_its_time_limit_is_504_and_its_process_is_gone(client):
    pool = client.app.state.pool
    (before,) = pool.pids()
    r = client.post("/v1/check", json={"text": "SLOW\n" + TEXT})
    assert r.status_code == 504 and r.json()["error"]["type"] == "timeout"
    deadline = time.monotonic() + 1.0
    while not _gone(before) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _gone(before), "the worker that ran the overrunning check is still alive"
    (after,) = pool.pids()
    assert after != before
    # the replacement serves the next request
    assert client.post("/v1/check", json={"text": TEXT}).status_code == 200
    assert client.get("/healthz").json()["workers"] == 1


def test_cross_origin_post_is_refused(client):
    evil = client.post("/v1/check", json={"text": TEXT}, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403 and evil.json()["error"]["type"] == "cross-origin"
    null = client.post("/v1/check", json={"text": TEXT}, headers={"Origin": "null"})
    assert null.status_code == 403
    other_port = client.post("/v1/check", json={"text": TEXT}, headers={"Origin": "http://127.0.0.1:9999"})
    assert other_port.status_code == 403
    fetch_meta = client.post("/v1/check", json={"text": TEXT}, headers={"Sec-Fetch-Site": "cross-site"})
    assert fetch_meta.status_code == 403
    same = client.post("/v1/check", json={"text": TEXT},
                       headers={"Origin": LOCAL, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 200, same.text


def test_foreign_host_header_is_refused(client):
    r = client.get("/", headers={"Host": "rebind.attacker.example"})
    assert r.status_code == 400 and r.json()["error"]["type"] == "invalid-host"
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200, host


def test_configured_host_is_served():
    with TestClient(create_app(checker=SlowChecker(), workers=1, allowed_hosts=["review.intra"]),
                    base_url="http://review.intra") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"Host": "other.intra"}).status_code == 400


def test_security_headers_on_pages_reports_and_errors(client):
    for r in (client.get("/"), client.post("/v1/check?format=html", json={"text": TEXT}),
              client.get("/no/such/page"), client.post("/v1/check", content=b"{")):
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value, (r.request.url, name)
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]


@pytest.mark.parametrize("ctype", ["APPLICATION/JSON", "Application/Json; Charset=UTF-8"])
def test_content_type_is_case_insensitive(client, ctype):
    r = client.post("/v1/check", content=f'{{"text": "{TEXT.encode("unicode_escape").decode()}"}}',
                    headers={"Content-Type": ctype})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("body, needle", [
    (b'{"text": "\\ud800 \xe6\x94\xaf\xe5\x87\xba"}', "surrogate"),
    (b"[" * 100000 + b"]" * 100000, "JSON"),
    (b'{"text": "x", "filename": 5}', "filename"),
    (b'{"text": "x", "format": ["text"]}', "format"),
    (b"\xff\xfe{", "JSON"),
])
def test_malformed_json_is_400(client, body, needle):
    r = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400, r.text
    assert needle in r.json()["error"]["message"]
