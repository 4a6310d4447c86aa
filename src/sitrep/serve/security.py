"""Response headers that keep the UI self-contained: a strict Content-Security-Policy.

No inline scripts or styles, no origin but this server; when ``settings.tile_url``
is set, its origin is allowed for images only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

__all__ = ["SecurityHeaders", "content_security_policy"]


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


class SecurityHeaders(BaseHTTPMiddleware):
    """Adds the CSP and a few hardening headers to every response."""

    def __init__(self, app: ASGIApp, tile_url: str | None = None) -> None:
        super().__init__(app)
        self.headers = {
            "Content-Security-Policy": content_security_policy(tile_url),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",
        }

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.update(self.headers)
        return response
