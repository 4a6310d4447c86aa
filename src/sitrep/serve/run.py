"""Running the web app: ``serve_ui`` (used by ``sitrep serve`` and at the end of ``sitrep demo``)."""

from __future__ import annotations

import uvicorn

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.store.base import QueryStore

__all__ = ["serve_ui", "ui_url"]


def ui_url(settings: Settings) -> str:
    host = "127.0.0.1" if settings.host in {"0.0.0.0", "::"} else settings.host
    return f"http://{host}:{settings.port}/"


def serve_ui(
    settings: Settings, open_message: bool = True, store: QueryStore | None = None
) -> None:
    """Serve the UI and API on ``settings.host:port`` until interrupted.

    With ``open_message`` the URL to open is printed first (this is a CLI-facing
    entry point, called by ``sitrep serve`` and ``sitrep demo``).
    """
    app = create_app(settings, store)
    if open_message:
        print(
            f"sitrep UI: open {ui_url(settings)}  (database {settings.db}; Ctrl+C to stop)",
            flush=True,
        )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
