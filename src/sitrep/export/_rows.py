"""One incident as a flat row (CSV, Parquet, GeoJSON properties) and as a full JSON record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sitrep.fields import COUNTS, count_columns, count_row, range_columns, range_row
from sitrep.model import Incident

__all__ = [
    "COLUMN_TYPES",
    "LIST_SEPARATOR",
    "ROW_COLUMNS",
    "incident_record",
    "incident_row",
    "row_lists",
    "row_text",
]

#: The columns of an incident's flat row, in order; the counts' names come from sitrep.fields
#: (``killed``, ``killed_qualifier``, ``killed_low``, ``killed_high``, then the spreads
#: ``killed_min``, ``killed_max``), like every output's.
ROW_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_as_stated", "year_known", "place", "admin1", "admin2", "lat", "lon",
    "precision", "event_type", "sub_event_type",
    *(column for count in COUNTS for column in count_columns(count)),
    *(column for count in COUNTS for column in range_columns(count)),
    "reports", "outlets", "claimants", "article_ids", "urls", "evidence", "updated",
)  # fmt: skip
_COUNT_COLUMNS = frozenset(
    c for count in COUNTS for c in (*count_columns(count), *range_columns(count))
)

#: Each column's type, for typed Parquet and the data dictionary (docs/data-dictionary.md).
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(ROW_COLUMNS, "string"),
    "date": "date",
    "updated": "date",
    "year_known": "bool",
    "lat": "float",
    "lon": "float",
    "reports": "int",
    **dict.fromkeys(_COUNT_COLUMNS, "int"),
    **{f"{count}_qualifier": "string" for count in COUNTS},
    **dict.fromkeys(("outlets", "claimants", "article_ids", "urls", "evidence"), "list"),
}

LIST_SEPARATOR = "; "


def _updated(incident: Incident) -> str | None:
    """The latest day a report's numbers are stated for: when the row last changed."""
    days = [d for r in incident.reports if (p := r.as_of or r.date) and (d := p.to_date())]
    return max(days).isoformat() if days else None


def incident_row(
    incident: Incident, outlets: Sequence[str], urls: Sequence[str] = ()
) -> dict[str, Any]:
    """The flat row: unknown values stay empty (``None``), never zero; lists as lists.

    ``date`` is a full ISO date or empty; a date whose year is unknown is only
    in ``date_as_stated`` (``--06-22``), which parsers need not read.
    """
    place = incident.place
    full = incident.date.to_date() if incident.date else None
    return {
        "id": incident.id,
        "date": full.isoformat() if full else None,
        "date_as_stated": incident.date.isoformat() if incident.date else None,
        "year_known": full is not None,
        "place": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        **count_row("killed", incident.killed),
        **count_row("injured", incident.injured),
        **range_row("killed", incident.killed_range),
        **range_row("injured", incident.injured_range),
        "reports": len(incident.reports),
        "outlets": list(outlets),
        "claimants": sorted({r.claimant.name for r in incident.reports if r.claimant}),
        "article_ids": list(dict.fromkeys(r.article_id for r in incident.reports)),
        "urls": list(dict.fromkeys(urls)),
        "evidence": list(dict.fromkeys(e.text for r in incident.reports for e in r.evidence)),
        "updated": _updated(incident),
    }


def row_lists(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``row`` whose list columns are lists (Parquet, GeoJSON keep them so)."""
    return dict(row)


def row_text(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` for CSV and tables: list columns joined with ``"; "``."""
    return {k: LIST_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in row.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def incident_record(incident: Incident, outlets: Sequence[str]) -> dict[str, Any]:
    """Everything about an incident, reports and evidence included, as JSON-ready values."""
    record = _jsonable(dataclasses.asdict(incident))
    record["date"] = incident.date.isoformat() if incident.date else None
    for report, raw in zip(incident.reports, record["reports"], strict=True):
        raw["date"] = report.date.isoformat() if report.date else None
    record["outlets"] = list(outlets)
    return dict(record)
