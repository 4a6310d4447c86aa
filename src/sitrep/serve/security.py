"""Response headers that keep the UI self-contained, and the Host check.

A strict Content-Security-Policy: no inline scripts or styles, no origin but
this server; when ``settings.tile_url`` is set, its origin is allowed for
images only.  The Host header must name the configured host (DNS rebinding).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["SecurityHeaders", "allowed_hosts", "content_security_policy"]


def content_security_policy(tile_url: str | None = None) -> str:
    """The CSP for every response; ``tile_url``'s origin may serve images."""
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        img += f" {parts.scheme}://{parts.netloc.split('{')[0] or parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_ANY_INTERFACE = frozenset({"0.0.0.0", "::", ""})


def allowed_hosts(host: str) -> frozenset[str] | None:
    """Host header names the app answers when listening on ``host``; ``None``: any.

    On a loopback address every loopback name is the same server; a page from
    elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding) sends that
    name, and is refused.  Listening on every interface (``0.0.0.0``) is a choice
    to be reached by any name.
    """
    if host in _ANY_INTERFACE:
        return None
    return _LOOPBACK | {host} if host in _LOOPBACK else frozenset({host.lower()})


def _host_name(value: str) -> str:
    """``example.org`` from ``example.org:8765``, ``::1`` from ``[::1]:8765``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SecurityHeaders:
    """Every response, errors included, gets the CSP and a few hardening headers;
    requests naming another host are refused (400) when ``hosts`` is given.

    A pure ASGI middleware (not ``BaseHTTPMiddleware``): an exception in a route
    still gets a 500 *with* the headers, sent here before the exception goes on
    to be logged.
    """

    def __init__(
        self, app: ASGIApp, tile_url: str | None = None, hosts: frozenset[str] | None = None
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.headers = {
            "Content-Security-Policy": content_security_policy(tile_url),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",
            "Cross-Origin-Resource-Policy": "same-origin",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message).update(self.headers)
            await send(message)

        if not self._host_allowed(scope):
            refusal = PlainTextResponse("Invalid Host header.", status_code=400)
            await refusal(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:
                error = PlainTextResponse("Internal Server Error", status_code=500)
                await error(scope, receive, send_with_headers)
            raise

    def _host_allowed(self, scope: Scope) -> bool:
        if self.hosts is None:
            return True
        host = Headers(scope=scope).get("host")
        return host is not None and _host_name(host) in self.hosts
