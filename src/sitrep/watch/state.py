"""What the watcher remembers, in the store's database (tables of migration 0007).

Per source: HTTP validators (ETag, Last-Modified) and backoff after errors; per
entry: seen or to retry, and its day (for volume alerts); every alert raised.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sitrep.store.backends import Backend

__all__ = ["EntryMark", "SourceState", "StoredAlert", "WatchState", "recent_alerts"]

EntryStatus = Literal["seen", "retry"]


@dataclass(frozen=True, slots=True)
class SourceState:
    """One watched source as last polled."""

    source: str
    etag: str | None = None
    last_modified: str | None = None
    errors: int = 0
    retry_after: dt.datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class EntryMark:
    """An entry done (``seen``) or whose full article is still to fetch (``retry``)."""

    entry: str
    status: EntryStatus
    day: dt.date
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert as recorded: for delivery and the "what's new" list."""

    key: str
    kind: str
    created: str
    message: str
    payload: dict[str, Any]


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _moment(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def now() -> dt.datetime:
    """The current time, in UTC."""
    return dt.datetime.now(dt.UTC)


class WatchState:
    """The watcher's tables over one database ``db`` (a store's backend)."""

    def __init__(self, db: Backend) -> None:
        self.db = db

    # -- sources ----------------------------------------------------------------
    def source(self, source: str) -> SourceState:
        rows = self.db.query("SELECT * FROM watch_sources WHERE source = ?", [source])
        if not rows:
            return SourceState(source)
        row = rows[0]
        return SourceState(
            source,
            row["etag"],
            row["last_modified"],
            int(row["errors"]),
            _moment(row["retry_after"]),
            row["last_error"],
        )

    def save_source(self, state: SourceState) -> None:
        self.db.execute(
            "INSERT INTO watch_sources (source, etag, last_modified, checked, errors, "
            "retry_after, last_error) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE "
            "SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked = excluded.checked, errors = excluded.errors, "
            "retry_after = excluded.retry_after, last_error = excluded.last_error",
            [
                state.source,
                state.etag,
                state.last_modified,
                _iso(now()),
                state.errors,
                _iso(state.retry_after),
                state.last_error,
            ],
        )

    # -- entries ----------------------------------------------------------------
    def seen(self, source: str) -> set[str]:
        """The entries of ``source`` that are done."""
        rows = self.db.query(
            "SELECT entry FROM watch_entries WHERE source = ? AND status = 'seen'", [source]
        )
        return {row["entry"] for row in rows}

    def attempts(self, source: str) -> dict[str, int]:
        """Entries of ``source`` to retry, with the attempts made."""
        rows = self.db.query(
            "SELECT entry, attempts FROM watch_entries WHERE source = ? AND status = 'retry'",
            [source],
        )
        return {row["entry"]: int(row["attempts"]) for row in rows}

    def mark(self, source: str, marks: Sequence[EntryMark]) -> None:
        """Record ``marks`` (in one transaction): a retry counts one more attempt."""
        seen = _iso(now())
        with self.db.transaction():
            for mark in marks:
                self.db.execute(
                    "INSERT INTO watch_entries (source, entry, status, attempts, article_id, day, "
                    "seen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, entry) DO UPDATE "
                    "SET status = excluded.status, article_id = excluded.article_id, "
                    "attempts = watch_entries.attempts + excluded.attempts, seen = excluded.seen",
                    [
                        source,
                        mark.entry,
                        mark.status,
                        int(mark.status == "retry"),
                        mark.article_id,
                        mark.day.isoformat(),
                        seen,
                    ],
                )

    def daily_counts(self, since: dt.date) -> dict[str, dict[dt.date, int]]:
        """Entries seen per source per day, from ``since`` on."""
        rows = self.db.query(
            "SELECT source, day, COUNT(*) AS n FROM watch_entries WHERE status = 'seen' "
            "AND day >= ? GROUP BY source, day",
            [since.isoformat()],
        )
        counts: dict[str, dict[dt.date, int]] = {}
        for row in rows:
            counts.setdefault(row["source"], {})[dt.date.fromisoformat(row["day"])] = int(row["n"])
        return counts

    def first_days(self) -> dict[str, dt.date]:
        """The earliest day of each source's entries."""
        rows = self.db.query(
            "SELECT source, MIN(day) AS day FROM watch_entries WHERE status = 'seen' "
            "GROUP BY source"
        )
        return {row["source"]: dt.date.fromisoformat(row["day"]) for row in rows}

    # -- alerts -----------------------------------------------------------------
    def known_alerts(self, keys: Iterable[str]) -> set[str]:
        wanted = list(keys)
        if not wanted:
            return set()
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(f"SELECT key FROM watch_alerts WHERE key IN ({marks})", chunk)
            found.update(row["key"] for row in rows)
        return found

    def record_alert(self, alert: StoredAlert) -> bool:
        """Record ``alert``; False when an alert of its key was recorded before."""
        changed = self.db.execute(
            "INSERT INTO watch_alerts (key, kind, created, message, payload) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [alert.key, alert.kind, alert.created, alert.message, json.dumps(alert.payload)],
        )
        return changed > 0


def recent_alerts(db: Backend, limit: int = 100) -> list[StoredAlert]:
    """The latest ``limit`` alerts, newest first; none for a database never watched."""
    if db.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'watch_alerts'"
    else:
        sql = "SELECT to_regclass('watch_alerts') AS name"
    if not any(row["name"] for row in db.query(sql)):
        return []
    rows = db.query(
        "SELECT * FROM watch_alerts ORDER BY created DESC, key LIMIT ?", [max(0, int(limit))]
    )
    return [
        StoredAlert(r["key"], r["kind"], r["created"], r["message"], json.loads(r["payload"]))
        for r in rows
    ]
