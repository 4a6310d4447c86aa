"""Query-string filters for incidents, shared by the API, the UI pages and the export endpoint."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import HTTPException, Query

from sitrep.bounds import MAX_COUNT
from sitrep.store.base import IncidentFilter

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "MAX_TEXT", "incident_filter", "parse_bbox"]

MAX_LIMIT = 10_000
#: Deepest page by offset: far past any store (use ``after`` to page), and inside
#: every integer column and SQL LIMIT/OFFSET (both backends take 64-bit values).
MAX_OFFSET = 1_000_000_000
#: Longest free-text parameter (the longest oblast name has 29 characters; a long
#: LIKE pattern makes SQLite give up with "pattern too complex").
MAX_TEXT = 200


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``"west,south,east,north"`` in degrees, or ``None``."""
    if not raw:
        return None
    try:
        west, south, east, north = (float(p) for p in raw.split(","))
    except ValueError as e:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from e
    if not (west <= east and south <= north):
        raise HTTPException(422, "bbox must have west <= east and south <= north")
    return west, south, east, north


def incident_filter(
    date_from: Annotated[dt.date | None, Query(description="First day (ISO date).")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day (ISO date), inclusive.")] = None,
    oblast: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="admin1 name, e.g. 'Kharkiv Oblast'."),
    ] = None,
    event_type: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Event type or sub-type (snake_case)."),
    ] = None,
    min_killed: Annotated[
        int | None, Query(ge=0, le=MAX_COUNT, description="At least this many killed.")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Full-text search over report sentences."),
    ] = None,
    bbox: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="west,south,east,north in degrees.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many matches.")] = 0,
    after: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description="Cursor: the `next` of the previous page (faster than offset).",
        ),
    ] = None,
) -> IncidentFilter:
    """FastAPI dependency: the incident filter from the query string (empty values ignored)."""
    return IncidentFilter(
        date_from=date_from,
        date_to=date_to,
        oblast=oblast or None,
        event_type=event_type or None,
        min_killed=min_killed,
        q=(q or "").strip() or None,
        bbox=parse_bbox(bbox),
        limit=limit,
        offset=offset,
        after=after or None,
    )
