"""HTTP for the watcher: conditional GETs with timeouts, retries with backoff, a clear User-Agent.

Behind the one-method :class:`Fetcher` protocol; :class:`HttpFetcher` is the
httpx one (tests point it at a server on 127.0.0.1, or pass an httpx transport).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import Protocol

import httpx

from sitrep.errors import SitrepError

__all__ = ["USER_AGENT", "FetchFailed", "Fetcher", "HttpFetcher", "Response"]

#: Where a site operator who sees sitrep in their logs learns what it is.
PROJECT_URL = "https://pypi.org/project/sitrep/"


def _version() -> str:
    try:
        return metadata.version("sitrep")
    except metadata.PackageNotFoundError:
        return "0.1.0"


USER_AGENT = f"sitrep/{_version()} (+{PROJECT_URL})"
#: Statuses worth asking again: the server is busy or briefly down.
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
#: Largest body read from one URL (a feed, a list or a page).  Large feeds hold a few
#: megabytes; past this a URL is no feed but a dump, for `sitrep ingest`.
MAX_BODY_BYTES = 50_000_000
#: Longest wait asked by a Retry-After header that is honoured, in seconds.
MAX_RETRY_AFTER = 60.0


class FetchFailed(SitrepError):
    """A URL could not be fetched (after retries); the message says why and what to do."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched URL: ``status`` 304 (not modified) has no body."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


class Fetcher(Protocol):
    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> Response: ...


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else None


class HttpFetcher:
    """GET with ``If-None-Match``/``If-Modified-Since``, ``attempts`` tries with
    exponential backoff (``backoff``, 2x, 4x … seconds) on timeouts, connection
    errors and busy statuses."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        timeout: float = 20.0,
        attempts: int = 3,
        backoff: float = 1.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5
        )
        self._attempts, self._backoff, self._sleep = max(1, attempts), backoff, sleep
        self._client.headers["User-Agent"] = user_agent

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reason = "no attempt"
        for attempt in range(self._attempts):
            if attempt:
                self._sleep(self._backoff * 2 ** (attempt - 1))
            try:
                return self._get(url, headers)
            except _Retry as e:
                reason = e.reason
                if e.wait is not None:
                    self._sleep(e.wait)
        raise FetchFailed(
            url, f"{reason} (after {self._attempts} attempts). It is tried again later."
        )

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._response(url, response)
        except httpx.TimeoutException as e:
            raise _Retry(f"timed out ({type(e).__name__})") from e
        except httpx.TransportError as e:
            raise _Retry(f"could not connect ({e})") from e
        except httpx.InvalidURL as e:
            raise FetchFailed(url, f"is not a URL sitrep can fetch ({e}).") from e

    def _response(self, url: str, response: httpx.Response) -> Response:
        status = response.status_code
        if status in RETRYABLE:
            raise _Retry(f"HTTP {status}", _retry_after(response))
        if status == 304:
            return Response(url, 304)
        if status >= 400:
            raise FetchFailed(url, f"HTTP {status}. Check the URL.")
        return Response(
            str(response.url),
            status,
            _body(url, response),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
            response.headers.get("Content-Type", ""),
        )


def _body(url: str, response: httpx.Response) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise FetchFailed(
                url,
                f"sends more than {MAX_BODY_BYTES:,} bytes: a dump, not a feed or page. "
                "Download it and use `sitrep ingest`.",
            )
        chunks.append(chunk)
    return b"".join(chunks)


class _Retry(Exception):
    """One attempt failed in a way worth retrying."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait
