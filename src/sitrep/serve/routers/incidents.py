"""``/api/incidents``: filtered, paged incident lists and one incident with all its reports."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from sitrep.serve.deps import StoreDep
from sitrep.serve.filters import incident_filter
from sitrep.serve.responses import NOT_FOUND
from sitrep.serve.schemas import (
    IncidentDetailOut,
    IncidentPageOut,
    incident_detail,
    incident_out,
)
from sitrep.store.base import IncidentFilter

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


@router.get(
    "/{incident_id}", response_model=IncidentDetailOut, summary="One incident", responses=NOT_FOUND
)
def get_incident(incident_id: str, store: StoreDep) -> IncidentDetailOut:
    """The incident, every report of it with its source's numbers, and the evidence offsets."""
    incident = store.get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"No incident {incident_id!r}.")
    return incident_detail(incident, store.get_article)
