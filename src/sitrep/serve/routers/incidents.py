"""``/api/incidents``: filtered, paged incident lists and one incident with all its reports."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse

from sitrep.serve.deps import StoreDep
from sitrep.serve.filters import incident_filter
from sitrep.serve.responses import NOT_FOUND
from sitrep.serve.schemas import (
    IncidentDetailOut,
    IncidentPageOut,
    incident_detail,
    incident_out,
)
from sitrep.store.base import IncidentFilter, QueryStore, current_incident_id

__all__ = ["moved_incident", "router"]

router = APIRouter(prefix="/api/incidents", tags=["incidents"])

FilterDep = Annotated[IncidentFilter, Depends(incident_filter)]


@router.get("", response_model=IncidentPageOut, summary="List incidents", responses=NOT_FOUND)
def list_incidents(store: StoreDep, filters: FilterDep) -> IncidentPageOut:
    """Incidents matching the filters, newest first, one page at a time.

    Page with ``after=<next>`` (a cursor, fast at any depth) or ``offset``; a cursor
    naming no incident (the store was rebuilt) is a 404.
    """
    if filters.after is not None and store.get_incident(filters.after) is None:
        message = f"after: no incident {filters.after!r} (the store was rebuilt?); start again."
        raise HTTPException(404, message)
    limit = filters.limit or 100
    rows = store.list_incidents(replace(filters, limit=limit + 1))
    page = rows[:limit]
    more = len(rows) > limit
    return IncidentPageOut(
        items=[incident_out(i) for i in page],
        limit=limit,
        offset=filters.offset,
        next_offset=filters.offset + limit if more else None,
        next=page[-1].id if more else None,
    )


#: ``responses=`` of a route that redirects an absorbed incident's id.
MOVED: dict[int | str, dict[str, object]] = {
    301: {
        "description": "The incident was merged into another: `Location` is its URL.",
        "headers": {"Location": {"schema": {"type": "string"}}},
    }
}


def moved_incident(
    request: Request, store: QueryStore, incident_id: str, route: str
) -> RedirectResponse | None:
    """A 301 to ``route`` for the incident ``incident_id`` was merged into, if it was.

    Ids stay stable (sitrep.store.incident_ids), so an old permalink finds the
    incident that absorbed its own; the query string goes along.
    """
    current = current_incident_id(store, incident_id)
    if current is None:
        return None
    url = request.app.url_path_for(route, incident_id=current)
    if request.url.query:
        url = f"{url}?{request.url.query}"
    return RedirectResponse(url, status_code=301)


@router.get(
    "/{incident_id}",
    response_model=IncidentDetailOut,
    summary="One incident",
    responses={**NOT_FOUND, **MOVED},
)
def get_incident(
    request: Request, incident_id: str, store: StoreDep
) -> IncidentDetailOut | RedirectResponse:
    """The incident, every report of it with its source's numbers, and the evidence offsets.

    The id of an incident merged into another answers 301 with the other's URL.
    """
    incident = store.get_incident(incident_id)
    if incident is None:
        moved = moved_incident(request, store, incident_id, "get_incident")
        if moved is not None:
            return moved
        raise HTTPException(404, f"No incident {incident_id!r}.")
    return incident_detail(incident, store.get_article)
