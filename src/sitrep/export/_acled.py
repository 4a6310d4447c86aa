"""ACLED's column names and labels, and one incident as an ACLED row.

ACLED codes fatalities conservatively, so ``fatalities`` is the low end of the
summary count; unknown counts become 0 with a ``killed unknown`` tag, since
ACLED's column must be an integer.  ACLED rows need a full ``event_date``: an
incident without one is left out (:func:`acled_ready`), and the export says so.
``interaction`` follows ACLED's two-digit scheme: the two inter codes, lower
first, or ``<inter1>0`` for a sole actor ("80": sole action of external forces).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.model import Incident, Number

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_LABELS",
    "SUB_EVENT_LABELS",
    "acled_ready",
    "acled_row",
    "civilian_targeting",
    "interaction",
    "row_timestamp",
]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

EVENT_LABELS: dict[str, str] = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
}

SUB_EVENT_LABELS: dict[str, str] = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "air_drone_strike": "Air/drone strike",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "suicide_bomb": "Suicide bomb",
    "chemical_weapon": "Chemical weapon",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "sexual_violence": "Sexual violence",
    "peaceful_protest": "Peaceful protest",
    "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration",
    "mob_violence": "Mob violence",
    "agreement": "Agreement",
    "arrests": "Arrests",
    "change_to_group_activity": "Change to group/activity",
    "disrupted_weapons_use": "Disrupted weapons use",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    "non_violent_transfer_of_territory": "Non-violent transfer of territory",
    "other": "Other",
}

_DISORDER = {
    "battles": "Political violence",
    "explosions_remote_violence": "Political violence",
    "violence_against_civilians": "Political violence",
    "protests": "Demonstrations",
    "riots": "Political violence; Demonstrations",
    "strategic_developments": "Strategic developments",
}

#: ACLED actor names and inter codes (8: external/other forces, 1: state forces, 7: civilians).
_ACTORS: tuple[tuple[str, str, int], ...] = (
    ("russia", "Military Forces of Russia (2000-)", 8),
    ("ukrain", "Military Forces of Ukraine (2019-)", 1),
)
_GEO_PRECISION = {"district": 1, "settlement": 1, "raion": 2, "oblast": 3, "country": 3}


def _actor(raw: str | None) -> tuple[str, int | None]:
    if not raw:
        return "", None
    for needle, name, inter in _ACTORS:
        if needle in raw.lower():
            return name, inter
    return raw, None


def _fatalities(killed: Number | None) -> int:
    if killed is None:
        return 0
    return killed.low if killed.low is not None else (killed.value or 0)


#: Objects whose attack ACLED codes as civilian targeting when people were hit there.
_CIVILIAN_SITES = frozenset(
    {"maternity hospital", "hospital", "kindergarten", "school", "railway station", "bus",
     "market", "church", "theatre", "shelter", "residential building", "car"}
)  # fmt: skip
_CIVILIAN_VICTIMS = frozenset({"civilians", "children"})


def civilian_targeting(incident: Incident) -> bool:
    """The text says civilians were the victims: named as civilians or children, hit in a
    home, school, hospital, market or vehicle, or the event is violence against civilians."""
    if incident.event_type == "violence_against_civilians":
        return True
    for report in incident.reports:
        if report.victims in _CIVILIAN_VICTIMS:
            return True
        hurt = report.killed is not None or report.injured is not None
        if hurt and report.victims != "soldiers" and _CIVILIAN_SITES & set(report.targets):
            return True
    return False


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: ``"17"``, ``"18"``; a sole actor ``"80"``; unknown ``""``."""
    inters = sorted(i for i in (inter1, inter2) if i is not None)
    if not inters:
        return ""
    return f"{inters[0]}{inters[1]}" if len(inters) == 2 else f"{inters[0]}0"


def acled_ready(incident: Incident) -> bool:
    """Whether ACLED can take the incident: it has a full date (ACLED requires one)."""
    return incident.date is not None and incident.date.to_date() is not None


def row_timestamp(incident: Incident, default: int) -> int:
    """When the row last changed: the latest day its reports' numbers are stated for
    (midnight UTC, as a Unix time), else ``default`` (the export's time)."""
    days = [d for r in incident.reports if (p := r.as_of or r.date) and (d := p.to_date())]
    if not days:
        return default
    return int(dt.datetime.combine(max(days), dt.time(), dt.UTC).timestamp())


def acled_row(incident: Incident, outlets: Sequence[str], timestamp: int) -> dict[str, object]:
    """One incident in ACLED's columns and labels (``timestamp``: when nothing dates it)."""
    day = incident.date.to_date() if incident.date else None
    place = incident.place
    actor_raw = next((r.actor for r in incident.reports if r.actor), None)
    actor1, inter1 = _actor(actor_raw)
    civilians = civilian_targeting(incident)
    actor2, inter2 = ("Civilians (Ukraine)", 7) if civilians else ("", None)
    tags = [] if incident.killed is not None else ["killed unknown"]
    if incident.killed is not None and incident.killed.qualifier != "exact":
        tags.append(f"killed {incident.killed.qualifier.replace('_', ' ')} {incident.killed.value}")
    return {
        "event_id_cnty": f"UKR-{incident.id}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else None,
        "time_precision": 1 if day else 3,
        "disorder_type": _DISORDER.get(incident.event_type, ""),
        "event_type": EVENT_LABELS.get(incident.event_type, incident.event_type),
        "sub_event_type": SUB_EVENT_LABELS.get(incident.sub_event_type, incident.sub_event_type),
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": 804,
        "region": "Europe",
        "country": "Ukraine",
        "admin1": _acled_admin1(place.admin1 if place else None),
        "admin2": place.admin2 or "" if place else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": _GEO_PRECISION.get(place.precision, 3) if place else None,
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": _notes(incident, day),
        "fatalities": _fatalities(incident.killed),
        "tags": "; ".join(tags),
        "timestamp": row_timestamp(incident, timestamp),
    }


def _acled_admin1(oblast: str | None) -> str:
    """ACLED writes oblasts without the word ("Kharkiv"); Kyiv City as "Kyiv City"."""
    if not oblast:
        return ""
    return oblast.removesuffix(" Oblast")


def _count(number: Number | None) -> str:
    if number is None:
        return "unknown"
    words = {"exact": "", "at_least": "at least ", "more_than": "more than ", "nearly": "nearly "}
    prefix = words.get(number.qualifier, number.qualifier.replace("_", " ") + " ")
    return f"{prefix}{number.value if number.value is not None else ''}".strip()


def _notes(incident: Incident, day: dt.date | None) -> str:
    when = (
        day.isoformat()
        if day
        else (incident.date.isoformat() if incident.date else "an unknown date")
    )
    where = incident.place.name if incident.place else "an unknown place"
    claimants = sorted({r.claimant.name for r in incident.reports if r.claimant})
    said = f" According to {', '.join(claimants)}." if claimants else ""
    return (
        f"On {when}, {SUB_EVENT_LABELS.get(incident.sub_event_type, incident.sub_event_type).lower()}"
        f" in {where}: {_count(incident.killed)} killed, {_count(incident.injured)} injured.{said}"
    )
