"""Query-string filters for incidents, shared by the API, the UI pages and the export endpoint."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from sitrep.bounds import MAX_COUNT
from sitrep.store.base import IncidentFilter

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "MAX_TEXT", "incident_filter", "parse_bbox", "parse_day"]

MAX_LIMIT = 10_000
#: Deepest page by offset: far past any store (use ``after`` to page), and inside
#: every integer column and SQL LIMIT/OFFSET (both backends take 64-bit values).
MAX_OFFSET = 1_000_000_000
#: Longest free-text parameter (the longest oblast name has 29 characters; a long
#: LIKE pattern makes SQLite give up with "pattern too complex").
MAX_TEXT = 200


_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,12})?"
#: Four decimal degrees; the pattern is in the schema, so clients can check it first.
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def _invalid(name: str, message: str) -> RequestValidationError:
    """A 422 in FastAPI's own shape (``detail`` a list), as the schema declares."""
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def _bad_bbox(message: str) -> RequestValidationError:
    return _invalid("bbox", message)


def _date_query(description: str) -> Any:
    # A string, not dt.date: pydantic reads "0" as 1970-01-01 (a number of seconds).
    return Query(
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        description=description,
        json_schema_extra={"format": "date"},
    )


def parse_day(raw: str | None, name: str) -> dt.date | None:
    """``YYYY-MM-DD`` as a date; a day that does not exist is a 422."""
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as e:
        raise _invalid(name, f"{name} {raw!r} is no calendar day (YYYY-MM-DD)") from e


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``"west,south,east,north"`` in degrees (corners in either order), or ``None``."""
    if not raw:
        return None
    try:
        x1, y1, x2, y2 = (float(p) for p in raw.split(","))
    except ValueError as e:
        raise _bad_bbox("bbox must be four numbers: west,south,east,north") from e
    if not all(math.isfinite(v) for v in (x1, y1, x2, y2)):
        raise _bad_bbox("bbox must be four finite numbers: west,south,east,north")
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def incident_filter(
    date_from: Annotated[str | None, _date_query("First day (ISO date, YYYY-MM-DD).")] = None,
    date_to: Annotated[
        str | None, _date_query("Last day (ISO date, YYYY-MM-DD), inclusive.")
    ] = None,
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
        str | None,
        Query(
            max_length=MAX_TEXT,
            pattern=BBOX_PATTERN,
            description="west,south,east,north in degrees (corners in either order).",
        ),
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
        date_from=parse_day(date_from, "date_from"),
        date_to=parse_day(date_to, "date_to"),
        oblast=oblast or None,
        event_type=event_type or None,
        min_killed=min_killed,
        q=(q or "").strip() or None,
        bbox=parse_bbox(bbox),
        limit=limit,
        offset=offset,
        after=after or None,
    )
