"""``/whats-new`` and ``/api/alerts``: the alerts ``sitrep watch`` raised, newest first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from sitrep.serve.deps import StoreDep
from sitrep.serve.templating import render
from sitrep.store.backends import Backend
from sitrep.store.base import QueryStore
from sitrep.watch.state import StoredAlert, recent_alerts

router = APIRouter(tags=["alerts"])

#: Alerts listed by default (the page shows what is new, not the archive).
DEFAULT_LIMIT = 100


class AlertOut(BaseModel):
    """One alert: ``kind`` is ``incident``, ``contradiction`` or ``volume_drop``."""

    key: str
    kind: str
    created: str
    message: str
    incident: str | None = None
    details: dict[str, Any]


def _alerts(store: QueryStore, limit: int) -> list[StoredAlert]:
    """The store's alerts; none for a store that is no database (the demo's fake)."""
    db = getattr(store, "db", None)
    return recent_alerts(db, limit) if isinstance(db, Backend) else []


def _out(alert: StoredAlert) -> AlertOut:
    incident = alert.payload.get("incident")
    return AlertOut(
        key=alert.key,
        kind=alert.kind,
        created=alert.created,
        message=alert.message,
        incident=incident if isinstance(incident, str) else None,
        details=alert.payload,
    )


LimitQuery = Annotated[int, Query(ge=1, le=1000, description="Most alerts returned.")]


@router.get("/api/alerts", response_model=list[AlertOut], summary="Alerts")
def list_alerts(store: StoreDep, limit: LimitQuery = DEFAULT_LIMIT) -> list[AlertOut]:
    """Alerts raised by `sitrep watch`, newest first: new grave incidents, new
    contradictions, sources whose volume fell by more than half."""
    return [_out(a) for a in _alerts(store, limit)]


@router.get("/whats-new", response_class=HTMLResponse, include_in_schema=False)
def whats_new_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(
        request, "whats_new.html", alerts=[_out(a) for a in _alerts(store, DEFAULT_LIMIT)]
    )
