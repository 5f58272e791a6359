"""Errors of the HTTP service in the documented ``{"error": {"status", "type", "message"}}`` envelope:
our own request errors and FastAPI's 404/405/422."""
# No "from __future__ import annotations", like textcheck.service (FastAPI reads real types).

import json


class RequestError(Exception):
    def __init__(self, status: int, kind: str, message: str):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def error_response(status: int, kind: str, message: str):
    from fastapi.responses import JSONResponse

    return JSONResponse({"error": {"status": status, "type": kind, "message": message}}, status_code=status)


_ERROR_TYPES = {400: "bad-request", 404: "not-found", 405: "method-not-allowed", 413: "too-large",
                415: "unsupported-media-type", 422: "invalid-request", 429: "too-many-requests"}


def add_error_envelopes(app) -> None:
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
        response = error_response(status, _ERROR_TYPES.get(status, "http-error"), message)
        for header, value in (getattr(exc, "headers", None) or {}).items():
            response.headers[header] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request, exc):
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(422, "invalid-request", "; ".join(parts) or "invalid request")
