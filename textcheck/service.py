"""HTTP API and reviewer web page: ``textcheck serve``.

Endpoints (OpenAPI docs at ``/docs``):

- ``POST /v1/check`` — an uploaded file (multipart field ``file``; any format
  the readers support) or JSON ``{"text": "…", "filename": "a.md", "format":
  "text"|"markdown"}``; returns the contract JSON, or ``?format=sarif|html|…``.
- ``GET /healthz`` — liveness and the number of rules loaded.
- ``GET /`` — the reviewer page: choose or drop a file, see the HTML report.

Limits, because the service may face untrusted input: the request body is
capped (default 20 MB → 413), each check runs in a worker thread with a time
limit (→ 504; the thread cannot be killed, so the worker pool is bounded),
and a request can never name a server file — there are no path parameters
and an uploaded file's name is used only as a label.  Unreadable input is a
422 JSON error with the reader's one-line reason.

The Checker (lexicons, NLP pipeline, rules) is built once, at start-up, in
the app's lifespan.
"""
# No "from __future__ import annotations": FastAPI must see the real Request type of
# handlers defined inside create_app (fastapi is imported lazily, it is an extra).

import asyncio
import ipaddress
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import PureWindowsPath

from textcheck import __version__

DEFAULT_MAX_UPLOAD_MB = 20
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_WORKERS = 2
MEDIA_TYPES = {
    "json": "application/json", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8",
    "jsonl": "application/x-ndjson", "text": "text/plain; charset=utf-8", "github": "text/plain; charset=utf-8",
}


class _RequestError(Exception):
    def __init__(self, status: int, kind: str, message: str):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def _error_response(status: int, kind: str, message: str):
    from fastapi.responses import JSONResponse

    return JSONResponse({"error": {"status": status, "type": kind, "message": message}}, status_code=status)


def _safe_name(name: str | None, default: str = "upload") -> str:
    """The uploaded file's base name, used only as a label (never opened on the server)."""
    base = PureWindowsPath(name or "").name  # splits on both / and \
    base = "".join(ch for ch in base if ch.isprintable()).strip()[:200]
    return base or default


async def _read_body(request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _RequestError(413, "too-large", f"request body of {int(declared)} bytes exceeds the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _RequestError(413, "too-large", f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _parse_input(request, body: bytes) -> tuple[str, object]:
    """("bytes", (data, name)) for an upload, ("text", (text, name, fmt)) for JSON."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        from starlette.datastructures import UploadFile
        from starlette.formparsers import MultiPartException, MultiPartParser

        async def stream():
            yield body

        try:
            form = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=10,
                                         max_part_size=len(body) + 1).parse()
        except MultiPartException as exc:
            raise _RequestError(400, "bad-request", f"invalid multipart body: {exc.message}") from None
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise _RequestError(400, "bad-request", "multipart body needs a file field named 'file'")
        data = await upload.read()
        await form.close()
        return "bytes", (data, _safe_name(upload.filename))
    if ctype.startswith("application/json") or not ctype:
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _RequestError(400, "bad-request", f"body is not valid JSON: {exc}") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise _RequestError(400, "bad-request", 'JSON body must be an object with a "text" string')
        fmt = payload.get("format", "text")
        if fmt not in ("text", "markdown"):
            raise _RequestError(400, "bad-request", '"format" must be "text" or "markdown"')
        return "text", (payload["text"], _safe_name(payload.get("filename"), "<text>"), fmt)
    raise _RequestError(415, "unsupported-media-type",
                        "send multipart/form-data with a 'file' field or application/json with a 'text' field")


def _check(checker, kind: str, value):
    """Read and check in a worker thread; reader errors surface as 422."""
    from textcheck.errors import TextcheckError
    from textcheck.readers import read_bytes, read_text
    from textcheck.report.diagnostic import Report

    try:
        if kind == "bytes":
            data, name = value
            document = read_bytes(data, name)
        else:
            text, name, fmt = value
            if not text.strip():
                raise _RequestError(422, "unreadable-input", f"{name}: empty text")
            document = read_text(text, path=name, fmt=fmt)
    except TextcheckError as exc:
        raise _RequestError(422, "unreadable-input", str(exc)) from None
    return Report([checker.check(document)])


def _warm(checker) -> None:
    """Build the lazy parts of the Checker now, so the first request does not pay for them."""
    for part in ("lexicon", "nlp"):
        try:
            getattr(checker, part)
        except Exception as exc:  # noqa: BLE001 — report, keep serving; the check itself will tell
            print(f"textcheck serve: could not prepare {part}: {exc}", file=sys.stderr)


def create_app(config=None, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
               timeout: float = DEFAULT_TIMEOUT_S, workers: int = DEFAULT_WORKERS, checker=None):
    """The FastAPI application.  ``checker`` may be injected (tests); otherwise built at start-up."""
    from fastapi import FastAPI, Query, Request
    from fastapi.responses import HTMLResponse, Response

    @asynccontextmanager
    async def lifespan(app):
        from textcheck.api import get_checker

        app.state.checker = checker or get_checker(config)
        _warm(app.state.checker)
        app.state.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="textcheck")
        try:
            yield
        finally:
            app.state.executor.shutdown(wait=False, cancel_futures=True)

    # /docs and /redoc from assets vendored by fastapi-offline: the service works without internet.
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline(title="textcheck", version=__version__, lifespan=lifespan,
                         description="Consistency checks for Chinese budget disclosures (部门预算/决算公开).")
    _add_error_envelopes(app)
    _add_request_logging(app)
    app.state.max_upload_bytes = max_upload_bytes
    app.state.timeout = timeout

    @app.get("/healthz", summary="Liveness")
    def healthz(request: Request):
        c = getattr(request.app.state, "checker", None)
        return {"status": "ok", "version": __version__, "rules": len(c.rules) if c else 0}

    @app.get("/", response_class=HTMLResponse, summary="Reviewer web page", include_in_schema=False)
    def index():
        return HTMLResponse(resources.files("textcheck").joinpath("static", "index.html").read_text("utf-8"))

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
                raise _RequestError(413, "too-large", f"upload exceeds the limit of {state.max_upload_bytes} bytes")
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(state.executor, _check, state.checker, kind, value)
            try:
                report = await asyncio.wait_for(future, timeout=state.timeout)
            except asyncio.TimeoutError:
                raise _RequestError(504, "timeout", f"the check took longer than {state.timeout:g} s") from None
        except _RequestError as exc:
            return _error_response(exc.status, exc.kind, exc.message)
        except Exception as exc:  # noqa: BLE001 — a bug must still answer in JSON, not a bare 500 page
            print(f"textcheck serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return _error_response(500, "internal-error", f"{type(exc).__name__}: {exc}")
        from textcheck.report.writers import render

        return Response(render(report, format), media_type=MEDIA_TYPES[format])

    return app


_ERROR_TYPES = {400: "bad-request", 404: "not-found", 405: "method-not-allowed", 413: "too-large",
                415: "unsupported-media-type", 422: "invalid-request", 429: "too-many-requests"}


def _add_error_envelopes(app) -> None:
    """FastAPI's own 404/405/422 (and any HTTPException) in the documented {"error": …} envelope."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, ensure_ascii=False)
        if status == 404:
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif status == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        response = _error_response(status, _ERROR_TYPES.get(status, "http-error"), message)
        for header, value in (getattr(exc, "headers", None) or {}).items():
            response.headers[header] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request, exc):
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error_response(422, "invalid-request", "; ".join(parts) or "invalid request")


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
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-upload-mb", type=float, default=DEFAULT_MAX_UPLOAD_MB,
                   help=f"largest accepted request body in MB (default {DEFAULT_MAX_UPLOAD_MB}; 413 beyond)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S,
                   help=f"per-request time limit in seconds (default {DEFAULT_TIMEOUT_S:g}; 504 beyond)")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="checks run at the same time")
    p.add_argument("--config", metavar="FILE", help="config file for the service's checks")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    if not _is_loopback(args.host):
        print(f"textcheck serve: listening on {args.host}, reachable from other machines; "
              "the service has no authentication", file=sys.stderr)
    _port_free(args.host, args.port)
    import logging

    logging.basicConfig(level=logging.INFO, format="textcheck serve: %(message)s")
    app = create_app(config, max_upload_bytes=int(args.max_upload_mb * 1024 * 1024),
                     timeout=args.timeout, workers=args.workers)
    print(f"textcheck serve: http://{args.host}:{args.port}/  (API docs: /docs)", file=sys.stderr)
    # uvicorn's own access log would repeat our request line; keep its warnings and errors.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
