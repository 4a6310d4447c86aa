"""One incident as a flat row (CSV, Parquet, GeoJSON properties) and as a full JSON record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sitrep.model import Incident, Number

__all__ = ["ROW_COLUMNS", "incident_record", "incident_row"]

ROW_COLUMNS: tuple[str, ...] = (
    "id", "date", "year_known", "place", "admin1", "admin2", "lat", "lon", "precision",
    "event_type", "sub_event_type",
    "killed", "killed_qualifier", "killed_low", "killed_high",
    "injured", "injured_qualifier", "injured_low", "injured_high",
    "killed_min", "killed_max", "injured_min", "injured_max",
    "reports", "outlets", "claimants", "article_ids",
)  # fmt: skip


def _number(prefix: str, number: Number | None) -> dict[str, Any]:
    return {
        prefix: number.value if number else None,
        f"{prefix}_qualifier": number.qualifier if number else None,
        f"{prefix}_low": number.low if number else None,
        f"{prefix}_high": number.high if number else None,
    }


def incident_row(incident: Incident, outlets: Sequence[str]) -> dict[str, Any]:
    """The flat row: unknown values stay empty (``None``), never zero."""
    place = incident.place
    return {
        "id": incident.id,
        "date": incident.date.isoformat() if incident.date else None,
        "year_known": bool(incident.date and incident.date.year is not None),
        "place": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        **_number("killed", incident.killed),
        **_number("injured", incident.injured),
        "killed_min": incident.killed_range[0],
        "killed_max": incident.killed_range[1],
        "injured_min": incident.injured_range[0],
        "injured_max": incident.injured_range[1],
        "reports": len(incident.reports),
        "outlets": "; ".join(outlets),
        "claimants": "; ".join(sorted({r.claimant.name for r in incident.reports if r.claimant})),
        "article_ids": "; ".join(dict.fromkeys(r.article_id for r in incident.reports)),
    }


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
