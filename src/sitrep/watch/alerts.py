"""Alerts: a new incident at or above a toll, a new contradiction, a source gone quiet.

Detected by comparing the store before and after a watch cycle (incidents and
contradictions keep their ids across resolutions), recorded once each in
``watch_alerts`` and delivered to sinks: a webhook (POST JSON), a command
(JSON on stdin) or JSON lines on a stream.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TextIO

import httpx

from sitrep.model import Contradiction, Figure, Incident, Number, Report
from sitrep.store.sql import SqlStore
from sitrep.watch.state import StoredAlert, WatchState, now

__all__ = [
    "AlertSink",
    "CommandSink",
    "Snapshot",
    "StreamSink",
    "WebhookSink",
    "deliver",
    "new_alerts",
    "snapshot",
    "volume_alerts",
]

AlertKind = Literal["incident", "contradiction", "volume_drop"]

#: A source is quiet when its last complete day has fewer than this share of its
#: daily mean over the days before ("drops by more than half", issue 16).
VOLUME_DROP_SHARE = 0.5
#: Days before the last complete day that make a source's own recent volume.
VOLUME_DAYS = 7
#: Fewest days of history, and lowest daily mean, before a drop is judged: a source
#: of one entry a day or a day old says nothing by falling to none.  Not tuned.
VOLUME_MIN_DAYS = 3
VOLUME_MIN_MEAN = 2.0


def _count(number: Number | None) -> int | None:
    if number is None:
        return None
    return number.value if number.value is not None else number.low


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The ids of the incidents at or above the toll, and of the contradictions."""

    incidents: frozenset[str]
    contradictions: frozenset[str]


def _grave(incident: Incident, killed: int | None) -> bool:
    count = _count(incident.killed)
    return killed is not None and count is not None and count >= killed


def snapshot(store: SqlStore, killed: int | None) -> Snapshot:
    """What the store holds now, to compare after a cycle."""
    incidents = frozenset(i.id for i in store.list_incidents() if _grave(i, killed))
    return Snapshot(incidents, frozenset(c.id for c in store.list_contradictions()))


def _incident_alert(incident: Incident, created: str) -> StoredAlert:
    place = incident.place.name if incident.place else "an unknown place"
    day = incident.date.isoformat() if incident.date else "an unknown day"
    killed, injured = _count(incident.killed), _count(incident.injured)
    message = f"{incident.sub_event_type.replace('_', ' ')} in {place} on {day}: {killed} killed"
    if injured is not None:
        message += f", {injured} injured"
    payload = {
        "incident": incident.id,
        "date": day,
        "place": place,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "killed": killed,
        "injured": injured,
        "reports": len(incident.reports),
    }
    return StoredAlert(f"incident:{incident.id}", "incident", created, message, payload)


def _contradiction_alert(contradiction: Contradiction, created: str) -> StoredAlert:
    about = contradiction.metric or contradiction.incident or contradiction.kind
    claims = [
        {"claimant": c.claimant.name if c.claimant else None, "value": _claim_value(c)}
        for c in contradiction.claims
    ]
    values = ", ".join(f"{c['claimant'] or 'unknown'}: {c['value']}" for c in claims)
    message = f"sources disagree on {about}"
    message += f" in {contradiction.scope}" if contradiction.scope else ""
    payload = {
        "contradiction": contradiction.id,
        "about": contradiction.kind,  # a figure or an incident
        "metric": contradiction.metric,
        "scope": contradiction.scope,
        "incident": contradiction.incident,
        "claims": claims,
    }
    return StoredAlert(
        f"contradiction:{contradiction.id}",
        "contradiction",
        created,
        f"{message} ({values})",
        payload,
    )


def _claim_value(claim: Figure | Report) -> int | None:
    return _count(claim.value if isinstance(claim, Figure) else claim.killed)


def new_alerts(store: SqlStore, before: Snapshot, killed: int | None) -> list[StoredAlert]:
    """Alerts for incidents that reached ``killed`` and contradictions that appeared."""
    created = now().isoformat(timespec="seconds")
    alerts = [
        _incident_alert(i, created)
        for i in store.list_incidents()
        if _grave(i, killed) and i.id not in before.incidents
    ]
    alerts += [
        _contradiction_alert(c, created)
        for c in store.list_contradictions()
        if c.id not in before.contradictions
    ]
    return alerts


def _quiet(counts: dict[dt.date, int], first: dt.date, day: dt.date) -> dict[str, Any] | None:
    """The drop of a source on ``day`` against its own previous days, if it fell by more than half."""
    start = max(first, day - dt.timedelta(days=VOLUME_DAYS))
    days = (day - start).days
    if days < VOLUME_MIN_DAYS:
        return None
    mean = sum(counts.get(start + dt.timedelta(days=n), 0) for n in range(days)) / days
    count = counts.get(day, 0)
    if mean < VOLUME_MIN_MEAN or count >= VOLUME_DROP_SHARE * mean:
        return None
    return {"day": day.isoformat(), "entries": count, "daily_mean": round(mean, 1), "days": days}


def volume_alerts(
    state: WatchState, sources: Iterable[str], today: dt.date | None = None
) -> list[StoredAlert]:
    """Of ``sources`` (those watched: one no longer watched is not quiet), those whose last
    complete day (yesterday) fell below half their recent daily mean."""
    watched = set(sources)
    day = (today or now().date()) - dt.timedelta(days=1)
    counts = state.daily_counts(day - dt.timedelta(days=VOLUME_DAYS))
    created = now().isoformat(timespec="seconds")
    alerts = []
    for source, first in sorted(state.first_days().items()):
        if source not in watched:
            continue
        drop = _quiet(counts.get(source, {}), first, day)
        if drop is not None:
            message = (
                f"{source} had {drop['entries']} entries on {drop['day']}, against "
                f"{drop['daily_mean']} a day over the {drop['days']} days before"
            )
            key = f"volume_drop:{source}:{drop['day']}"
            alerts.append(
                StoredAlert(key, "volume_drop", created, message, {"source": source, **drop})
            )
    return alerts


# ---- delivery ---------------------------------------------------------------------------


def alert_record(alert: StoredAlert) -> dict[str, Any]:
    """The JSON object delivered for ``alert``."""
    head = {"kind": alert.kind, "key": alert.key, "created": alert.created}
    return head | alert.payload | head | {"message": alert.message}


class AlertSink(Protocol):
    def send(self, alert: StoredAlert) -> None:
        """Deliver ``alert``; raises :class:`OSError` or ``httpx.HTTPError`` on failure."""


class StreamSink:
    """JSON lines on a text stream (stdout)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def send(self, alert: StoredAlert) -> None:
        self._stream.write(json.dumps(alert_record(alert), ensure_ascii=False) + "\n")
        self._stream.flush()


class WebhookSink:
    """A POST of the alert's JSON to ``url``."""

    def __init__(self, url: str, client: httpx.Client | None = None) -> None:
        self._url = url
        self._client = client or httpx.Client(timeout=httpx.Timeout(10.0))

    def send(self, alert: StoredAlert) -> None:
        self._client.post(self._url, json=alert_record(alert)).raise_for_status()


class CommandSink:
    """A command run once per alert, with the alert's JSON on its stdin."""

    #: Seconds a command may take per alert.
    TIMEOUT = 30.0

    def __init__(self, command: str) -> None:
        self._argv = shlex.split(command)

    def send(self, alert: StoredAlert) -> None:
        data = json.dumps(alert_record(alert), ensure_ascii=False)
        try:
            subprocess.run(self._argv, input=data, text=True, check=True, timeout=self.TIMEOUT)
        except subprocess.SubprocessError as e:
            raise OSError(f"alert command failed ({e})") from e


def deliver(
    state: WatchState, alerts: Iterable[StoredAlert], sinks: Sequence[AlertSink]
) -> tuple[list[StoredAlert], list[str]]:
    """Record each alert not raised before and send it to every sink.

    Returns the alerts raised and one message per failed delivery (the alert
    stays recorded: it shows in "what's new" and is not sent twice).
    """
    raised, errors = [], []
    for alert in alerts:
        if not state.record_alert(alert):
            continue
        raised.append(alert)
        for sink in sinks:
            try:
                sink.send(alert)
            except (OSError, httpx.HTTPError) as e:
                errors.append(f"alert {alert.key} not delivered by {type(sink).__name__}: {e}")
    return raised, errors
