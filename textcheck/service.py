"""HTTP API and reviewer web page: ``textcheck serve``.

Endpoints (OpenAPI docs at ``/docs``):

- ``POST /v1/check`` — an uploaded file (multipart field ``file``; any format
  the readers support) or JSON ``{"text": "…", "filename": "a.md", "format":
  "text"|"markdown"}``; returns the contract JSON, or ``?format=sarif|html|…``.
- ``GET /healthz`` — liveness and the number of rules loaded.
- ``GET /`` — the reviewer page: choose or drop a file, see the HTML report.

Limits, because the service may face untrusted input: the request body is
capped (default 20 MB → 413); each check runs in a worker *process*
(``textcheck/workers.py``) with a time limit — past it the worker is killed
and replaced, so an overrunning check stops using CPU and memory at once
(→ 504); the readers' limits (``[limits]`` in the config) apply; and a
request can never name a server file — there are no path parameters and an
uploaded file's name is used only as a label.  Unreadable input is a 422
JSON error with the reader's one-line reason; a malformed body a 400.

Browsers: a page on another site must not be able to use a reviewer's local
service.  Requests whose Host is not a loopback name, an address the service
listens on or an ``--allow-host`` are refused (DNS rebinding), and so are
POSTs whose Origin is another origin; every response carries security
headers (CSP with ``frame-ancestors 'none'``, ``X-Content-Type-Options``,
``Referrer-Policy``).

The Checker (lexicons, NLP pipeline, rules) is built once, at start-up, in
the app's lifespan; the worker processes are forked from it and inherit it.
"""
# No "from __future__ import annotations": FastAPI must see the real Request type of
# handlers defined inside create_app (fastapi is imported lazily, it is an extra).

import asyncio
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import PureWindowsPath

from textcheck import __version__
from textcheck.service_errors import RequestError, add_error_envelopes, error_response
from textcheck.service_security import SECURITY_HEADERS, add_browser_protection, host_allowed, is_loopback  # noqa: F401

DEFAULT_MAX_UPLOAD_MB = 20
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_WORKERS = 2
MEDIA_TYPES = {
    "json": "application/json", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8",
    "jsonl": "application/x-ndjson", "text": "text/plain; charset=utf-8", "github": "text/plain; charset=utf-8",
}


def _safe_name(name: str | None, default: str = "upload") -> str:
    """The uploaded file's base name, used only as a label (never opened on the server)."""
    base = PureWindowsPath(name or "").name  # splits on both / and \
    base = "".join(ch for ch in base if ch.isprintable()).strip()[:200]
    return base or default


async def _read_body(request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RequestError(413, "too-large", f"request body of {int(declared)} bytes exceeds the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, "too-large", f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _parse_input(request, body: bytes) -> tuple[str, object]:
    """("bytes", (data, name)) for an upload, ("text", (text, name, fmt)) for JSON."""
    ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()  # media types ignore case
    if ctype == "multipart/form-data":
        from starlette.datastructures import UploadFile
        from starlette.formparsers import MultiPartException, MultiPartParser

        async def stream():
            yield body

        try:
            form = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=10,
                                         max_part_size=len(body) + 1).parse()
        except MultiPartException as exc:
            raise RequestError(400, "bad-request", f"invalid multipart body: {exc.message}") from None
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise RequestError(400, "bad-request", "multipart body needs a file field named 'file'")
        data = await upload.read()
        await form.close()
        return "bytes", (data, _safe_name(upload.filename))
    if ctype in ("application/json", "") or (ctype.startswith("application/") and ctype.endswith("+json")):
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            raise RequestError(400, "bad-request", f"body is not valid JSON: {exc}") from None
        except RecursionError:
            raise RequestError(400, "bad-request", "body is not valid JSON: nested too deeply") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise RequestError(400, "bad-request", 'JSON body must be an object with a "text" string')
        fmt = payload.get("format", "text")
        if fmt not in ("text", "markdown"):
            raise RequestError(400, "bad-request", '"format" must be "text" or "markdown"')
        filename = payload.get("filename")
        if filename is not None and not isinstance(filename, str):
            raise RequestError(400, "bad-request", '"filename" must be a string')
        text = payload["text"]
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # "\ud800" is valid JSON but no character
            raise RequestError(400, "bad-request", '"text" contains a lone surrogate (\\ud800–\\udfff), '
                                                    "which is not a character") from None
        return "text", (text, _safe_name(filename, "<text>"), fmt)
    raise RequestError(415, "unsupported-media-type",
                        "send multipart/form-data with a 'file' field or application/json with a 'text' field")


def _check(checker, kind: str, value):
    """Read and check; reader errors (limits included) surface as 422."""
    from textcheck.errors import TextcheckError
    from textcheck.readers import read_bytes, read_text
    from textcheck.report.diagnostic import Report

    limits = getattr(getattr(checker, "config", None), "limits", None)
    try:
        if kind == "bytes":
            data, name = value
            document = read_bytes(data, name, limits)
        else:
            text, name, fmt = value
            if not text.strip():
                raise RequestError(422, "unreadable-input", f"{name}: empty text")
            document = read_text(text, path=name, fmt=fmt, limits=limits)
    except TextcheckError as exc:
        raise RequestError(422, "unreadable-input", str(exc)) from None
    result = checker.check(document)
    if kind == "bytes":
        result.source_data = value[0]  # the HTML report renders PDF pages from the upload itself
    return Report([result])


# The Checker the worker processes use: set before they are forked, so they inherit it.
_WORKER_CHECKER = {"checker": None, "config": None}


def _worker_init(config) -> None:
    """Worker start (spawn platforms only need it: forked workers inherit the built Checker)."""
    if _WORKER_CHECKER["checker"] is None:
        from textcheck.api import get_checker

        _WORKER_CHECKER["checker"] = get_checker(config)


def _check_and_render(kind: str, value, fmt: str) -> tuple:
    """Runs in a worker process: ("ok", body) or ("error", status, type, message) — picklable either way."""
    from textcheck.report.writers import render

    try:
        report = _check(_WORKER_CHECKER["checker"], kind, value)
        return ("ok", render(report, fmt))
    except RequestError as exc:
        return ("error", exc.status, exc.kind, exc.message)
    except Exception as exc:  # noqa: BLE001 — a bug answers 500 in JSON, the worker lives on
        return ("error", 500, "internal-error", f"{type(exc).__name__}: {exc}")


def _call_worker(pool, kind: str, value, fmt: str, deadline: float, timeout: float) -> tuple:
    """In a service thread: hand the check to a worker process, within what is left of the time limit."""
    from textcheck.workers import TaskTimeout, WorkerDied

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return ("error", 504, "timeout", f"the check took longer than {timeout:g} s")
    try:
        return pool.call(_check_and_render, (kind, value, fmt), remaining)
    except TaskTimeout:
        return ("error", 504, "timeout", f"the check took longer than {timeout:g} s; it was stopped")
    except WorkerDied as exc:
        return ("error", 500, "worker-died", f"the check's worker process ended ({exc}); out of memory?")


WARM_UP_TEXT = "第一部分 概况\n\n基本支出 1.00 万元，比上年增加 0.10 万元。\n\n表 1 支出表\n单位：万元\n项目\t金额\n合计\t1.00\n"


def _warm(checker, check: bool = True) -> None:
    """Build the lazy parts of the Checker now, so the first request does not pay for them.

    One small check also fills what is built on first use (jieba's dictionary, caches):
    the worker processes are forked after this, so every one, replacements included,
    starts warm."""
    for part in ("lexicon", "nlp"):
        try:
            getattr(checker, part)
        except Exception as exc:  # noqa: BLE001 — report, keep serving; the check itself will tell
            print(f"textcheck serve: could not prepare {part}: {exc}", file=sys.stderr)
    if not check:
        return
    try:
        from textcheck.readers import read_text

        checker.check(read_text(WARM_UP_TEXT, path="<warm-up>"))
    except Exception as exc:  # noqa: BLE001
        print(f"textcheck serve: warm-up check failed: {exc}", file=sys.stderr)


def create_app(config=None, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
               timeout: float = DEFAULT_TIMEOUT_S, workers: int = DEFAULT_WORKERS, checker=None,
               allowed_hosts=()):
    """The FastAPI application.  ``checker`` may be injected (tests); otherwise built at start-up.

    ``allowed_hosts``: host names (besides loopback) that clients may use to reach the service.
    """
    # /docs and /redoc from assets vendored by fastapi-offline: the service works without internet.
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline(title="textcheck", version=__version__, lifespan=_lifespan(config, checker, workers),
                         description="Consistency checks for Chinese budget disclosures (部门预算/决算公开).")
    add_error_envelopes(app)
    _add_request_logging(app)
    add_browser_protection(app, allowed_hosts)
    app.state.max_upload_bytes = max_upload_bytes
    app.state.timeout = timeout
    _add_routes(app)
    return app


def _lifespan(config, checker, workers: int):
    """Start-up and shut-down of the app: the Checker built (or the injected one) and warmed, the
    worker processes forked from it, the threads that wait for them."""
    from textcheck.workers import KillablePool

    @asynccontextmanager
    async def lifespan(app):
        from textcheck.api import get_checker

        app.state.checker = checker or get_checker(config)
        _warm(app.state.checker, check=checker is None)  # an injected checker is the caller's to prepare
        _WORKER_CHECKER["checker"] = app.state.checker  # inherited by the forked workers
        app.state.pool = KillablePool(workers, initializer=_worker_init, initargs=(config,))
        # Threads only wait for a worker's answer; more of them than workers lets queued
        # requests count down their own time limit instead of waiting unseen.
        app.state.executor = ThreadPoolExecutor(max_workers=max(4, workers * 8), thread_name_prefix="textcheck")
        try:
            yield
        finally:
            app.state.pool.close()
            app.state.executor.shutdown(wait=False, cancel_futures=True)

    return lifespan


def _add_routes(app) -> None:
    """``GET /healthz``, the reviewer page at ``/`` and ``POST /v1/check``."""
    from fastapi import Query, Request
    from fastapi.responses import HTMLResponse, Response

    @app.get("/healthz", summary="Liveness")
    def healthz(request: Request):
        c = getattr(request.app.state, "checker", None)
        pool = getattr(request.app.state, "pool", None)
        return {"status": "ok", "version": __version__, "rules": len(c.rules) if c else 0,
                "workers": len(pool.pids()) if pool else 0, "idle_workers": pool.idle.qsize() if pool else 0}

    @app.get("/", response_class=HTMLResponse, summary="Reviewer web page", include_in_schema=False)
    def index():
        from textcheck.report.templating import render_template

        # the same template family and stylesheet as the HTML report: one look for both
        return HTMLResponse(render_template("index.html.j2", version=__version__))

    @app.post(
        "/v1/check",
        summary="Check one document",
        description="Upload a file (multipart field `file`) or send JSON `{\"text\": …}`. "
                    "Returns the contract JSON, or SARIF/HTML/… with `format`.",
        openapi_extra={"requestBody": {"required": True, "content": {
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"}}}},
            "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                "text": {"type": "string"}, "filename": {"type": "string"},
                "format": {"type": "string", "enum": ["text", "markdown"]}}}},
        }}},
        responses={413: {"description": "upload too large"}, 422: {"description": "unreadable input"},
                   504: {"description": "check took longer than the time limit"}},
    )
    async def check(request: Request,
                    format: str = Query("json", pattern="^(json|jsonl|sarif|html|text|github)$",
                                        description="output format")):
        state = request.app.state
        try:
            body = await _read_body(request, state.max_upload_bytes)
            kind, value = await _parse_input(request, body)
            if kind == "bytes" and len(value[0]) > state.max_upload_bytes:
                raise RequestError(413, "too-large", f"upload exceeds the limit of {state.max_upload_bytes} bytes")
            deadline = time.monotonic() + state.timeout
            loop = asyncio.get_running_loop()
            outcome = await loop.run_in_executor(state.executor, _call_worker, state.pool, kind, value, format,
                                                 deadline, state.timeout)
            if outcome[0] == "error":
                raise RequestError(*outcome[1:])
        except RequestError as exc:
            return error_response(exc.status, exc.kind, exc.message)
        except Exception as exc:  # noqa: BLE001 — a bug must still answer in JSON, not a bare 500 page
            print(f"textcheck serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return error_response(500, "internal-error", f"{type(exc).__name__}: {exc}")
        return Response(outcome[1], media_type=MEDIA_TYPES[format])



def _add_request_logging(app) -> None:
    """One info line per request (method, path, status, milliseconds) on the 'textcheck.service' logger."""
    import logging
    import time

    log = logging.getLogger("textcheck.service")

    @app.middleware("http")
    async def log_request(request, call_next):
        start = time.perf_counter()
        response = await call_next(request)
        log.info("%s %s %d %.0f ms", request.method, request.url.path, response.status_code,
                 (time.perf_counter() - start) * 1000)
        return response


def _port_free(host: str, port: int) -> None:
    """Fail with one line when the port is taken, before uvicorn would print a traceback-ish exit."""
    import socket

    from textcheck.errors import TextcheckError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise TextcheckError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}"
                                 " (is another server running? choose another --port)") from None


def add_serve_arguments(p) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on")
    p.add_argument("--max-upload-mb", type=float, default=DEFAULT_MAX_UPLOAD_MB,
                   help=f"largest accepted request body in MB (default {DEFAULT_MAX_UPLOAD_MB}; 413 beyond)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S,
                   help=f"per-request time limit in seconds (default {DEFAULT_TIMEOUT_S:g}; 504 beyond)")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                   help="worker processes, i.e. checks run at the same time")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a host name clients use to reach the service besides loopback (repeatable); "
                        "other Host headers are refused")
    p.add_argument("--config", metavar="FILE", help="config file for the service's checks (default: none, all rules)")


def cmd_serve(args) -> int:
    from textcheck.errors import TextcheckError

    try:
        import uvicorn
    except ImportError:
        raise TextcheckError("serve needs the server extra: pip install 'textcheck[server]'") from None
    if not (0 < args.port < 65536):
        raise TextcheckError(f"--port must be between 1 and 65535, not {args.port}")
    if args.max_upload_mb <= 0 or args.timeout <= 0 or args.workers < 1:
        raise TextcheckError("--max-upload-mb and --timeout must be positive, --workers at least 1")
    config = None
    if args.config:
        from textcheck.config import load_config

        config = load_config(args.config)
    if not is_loopback(args.host):
        print(f"textcheck serve: listening on {args.host}, reachable from other machines; "
              "the service has no authentication", file=sys.stderr)
    _port_free(args.host, args.port)
    import logging

    logging.basicConfig(level=logging.INFO, format="textcheck serve: %(message)s")
    hosts = list(args.allow_host)
    if not is_loopback(args.host):
        hosts.append(args.host)  # reachable beyond loopback: IP-literal Host headers are accepted too
    app = create_app(config, max_upload_bytes=int(args.max_upload_mb * 1024 * 1024),
                     timeout=args.timeout, workers=args.workers, allowed_hosts=hosts)
    print(f"textcheck serve: http://{args.host}:{args.port}/  (API docs: /docs)", file=sys.stderr)
    # uvicorn's own access log would repeat our request line; keep its warnings and errors.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
