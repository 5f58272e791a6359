"""Browser protection of the HTTP service: Host checks (DNS rebinding), cross-origin POSTs
refused, security headers on every response."""
# No "from __future__ import annotations", like textcheck.service (FastAPI reads real types).

import ipaddress
from urllib.parse import urlsplit

from textcheck.service_errors import error_response


# Sent with every response.  The reviewer page and the HTML report use inline script and
# style and show the report in a srcdoc iframe (which inherits this policy); nothing loads
# from elsewhere, and no other site may frame the service.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
                                "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
                                "frame-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def host_allowed(hostname: str | None, allowed: set[str], any_ip: bool) -> bool:
    """Loopback names and addresses always; configured names; IP literals when listening beyond loopback."""
    if not hostname:
        return False
    if hostname in allowed or is_loopback(hostname):
        return True
    try:
        ipaddress.ip_address(hostname)
    except ValueError:
        return False  # a name: only if configured (a DNS-rebinding page names its own domain)
    return any_ip


def add_browser_protection(app, allowed_hosts) -> None:
    """Host and Origin checks, and the security headers on every response."""
    allowed = {h.lower().strip("[]") for h in allowed_hosts if h}
    any_ip = any(not is_loopback(h) for h in allowed)

    @app.middleware("http")
    async def protect(request, call_next):
        host_header = request.headers.get("host", "")
        try:
            hostname = urlsplit("//" + host_header).hostname
        except ValueError:
            hostname = None
        if not host_allowed(hostname, allowed, any_ip):
            response = error_response(400, "invalid-host", f"host {host_header!r} is not served here "
                                                            "(loopback or --allow-host names only)")
        elif request.method not in _SAFE_METHODS and _cross_origin(request, host_header):
            response = error_response(403, "cross-origin", "cross-origin requests are refused: "
                                                            "use the reviewer page of this service or a non-browser client")
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _cross_origin(request, host_header: str) -> bool:
    """True when a browser says the request comes from a page of another origin."""
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not a browser's cross-origin request (curl, scripts, same-origin GET)
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return True
    return origin == "null" or netloc.lower() != host_header.lower()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
