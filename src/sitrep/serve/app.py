"""``create_app(settings)``: the JSON API, the UI and the static files, over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from sitrep.config import Settings
from sitrep.errors import SitrepError, StoreError
from sitrep.serve.routers import (
    articles,
    contradictions,
    downloads,
    export,
    figures,
    incidents,
    map_points,
    pages,
    stories,
    whats_new,
)
from sitrep.serve.security import SecurityHeaders, allowed_hosts
from sitrep.serve.templating import render
from sitrep.store import open_store
from sitrep.store.base import QueryStore

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
ROUTERS = (
    incidents,
    map_points,
    figures,
    downloads,
    contradictions,
    stories,
    articles,
    export,
    whats_new,
    pages,
)


@asynccontextmanager
async def _closing(app: FastAPI) -> AsyncIterator[None]:
    """Close the store at shutdown if ``create_app`` opened it."""
    yield
    if app.state.owns_store:
        app.state.store.close()


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})  # e.g. the Allow of a 405
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    page = render(request, "error.html", status_code=exc.status_code, message=str(exc.detail))
    page.headers.update(headers)
    return page


async def _sitrep_error(request: Request, exc: Exception) -> Response:
    status = 503 if isinstance(exc, StoreError) else 400
    return JSONResponse({"detail": str(exc)}, status_code=status)


def create_app(settings: Settings, store: QueryStore | None = None) -> FastAPI:
    """The web app.  ``store`` defaults to ``open_store(settings)`` (read-only by default)."""
    app = FastAPI(
        title="sitrep",
        summary="Sourced incidents and casualty figures from conflict news.",
        version="0.1.0",
        docs_url=None,  # FastAPI's Swagger page loads from a CDN; pages.api_docs serves it locally
        redoc_url=None,
        lifespan=_closing,
    )
    app.state.settings = settings
    app.state.owns_store = store is None
    app.state.store = open_store(settings, read_only=settings.read_only) if store is None else store
    # Added last: outermost, so that every response, a 500 or a refused Host included, has them.
    app.add_middleware(
        SecurityHeaders, tile_url=settings.tile_url, hosts=allowed_hosts(settings.host)
    )
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(SitrepError, _sitrep_error)
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
