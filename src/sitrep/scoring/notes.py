"""Scores of `sitrep extract --jsonl` on incident notes: one-to-three-sentence reports with coded gold.

The acceptance metrics for short reports fed with no publication date:
place, date and type are scored on the *first* incident of each report over
the reports that have one; killed counts a report with no incident as a miss.
Gold records are ``{"id", "text", "expect": {"violent", "date", "place",
"admin1", "lat", "lon", "event_type", "sub_event_type", "killed", "injured"}}``
(tests/golden/incident_notes*.jsonl).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.geo import haversine_km

__all__ = ["PLACE_KM", "Metric", "NoteScores", "score_notes"]

PLACE_KM = 25.0  # the acceptance radius for a location

Record = dict[str, Any]


@dataclass
class Metric:
    """A share of hits over a denominator, with the misses kept for reading."""

    name: str
    target: str
    hits: int = 0
    total: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)

    def add(self, ok: bool, report_id: str, expected: Any, got: Any) -> None:
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append((report_id, expected, got))

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")


@dataclass
class NoteScores:
    reports: int
    incidents: int
    metrics: list[Metric]

    @property
    def incidents_per_report(self) -> float:
        return self.incidents / self.reports if self.reports else float("nan")

    def values(self) -> dict[str, float]:
        """Metric values by key (``incident_rate``, ``place``, ``date``, ...), plus ``incidents_per_report``."""
        keys = [
            "incident_rate",
            "place",
            "date",
            "event_type",
            "sub_event_type",
            "killed",
            "no_false_killed",
        ]
        return {"incidents_per_report": self.incidents_per_report} | {
            k: m.value for k, m in zip(keys, self.metrics, strict=True)
        }


def score_notes(gold: list[Record], out: dict[str, Record]) -> NoteScores:
    """Score extracted records ``out`` (per-article objects by id) against ``gold``."""
    rate = Metric("incident rate (violent)", ">= 0.99")
    place = Metric(f"place within {PLACE_KM:g} km", ">= 0.93")
    by_field = {
        "date": Metric("date exact", ">= 0.995"),
        "event_type": Metric("event_type", ">= 0.97"),
        "sub_event_type": Metric("sub_event_type", ""),
    }
    killed = Metric("killed exact (deaths stated)", ">= 0.93")
    no_false = Metric("no killed (none stated)", "> 0.99")
    incidents_total = 0
    for g in gold:
        rid, exp = g["id"], g["expect"]
        incidents = out.get(rid, {}).get("incidents") or []
        incidents_total += len(incidents)
        first = incidents[0] if incidents else None
        if exp["violent"]:
            rate.add(first is not None, rid, exp["sub_event_type"], len(incidents))
        got = _killed(first)
        if exp["killed"] is None:
            no_false.add(got is None, rid, None, got)
        else:
            killed.add(got == exp["killed"], rid, exp["killed"], got)
        if first is None:
            continue
        place.add(_near(exp, first), rid, f"{exp['place']}, {exp['admin1']}", _place_label(first))
        for name, metric in by_field.items():
            metric.add(first.get(name) == exp[name], rid, exp[name], first.get(name))
    return NoteScores(
        len(gold), incidents_total, [rate, place, *by_field.values(), killed, no_false]
    )


def _killed(incident: Record | None) -> int | None:
    value = ((incident or {}).get("killed") or {}).get("value")
    return None if value is None else int(value)


def _place_label(incident: Record) -> str:
    place = incident.get("place") or {}
    return f"{place.get('name')} ({place.get('lat')}, {place.get('lon')})"


def _near(exp: Record, incident: Record) -> bool:
    where = incident.get("place") or {}
    if where.get("lat") is None:
        return False
    return haversine_km(exp["lat"], exp["lon"], where["lat"], where["lon"]) <= PLACE_KM
