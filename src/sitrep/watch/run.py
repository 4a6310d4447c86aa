"""One watch cycle, and the loop of cycles behind ``sitrep watch``.

A cycle polls every source, stores the new articles (``ingest_into``: processed,
written one transaction each, resolved), then marks their entries seen and saves
the sources' validators, then raises alerts.  Marking comes after storing: a
watcher killed midway re-reads the entries it had not marked, and the store,
keyed by content hash, skips what it already has, so nothing is lost or doubled.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sitrep.config import Settings
from sitrep.model import Failure
from sitrep.runs.ingest import ingest_into
from sitrep.store.sql import open_store
from sitrep.watch.alerts import AlertSink, deliver, new_alerts, snapshot, volume_alerts
from sitrep.watch.fetch import Fetcher
from sitrep.watch.sources import Poll, poll
from sitrep.watch.state import StoredAlert, WatchState

__all__ = ["Cycle", "WatchOptions", "watch", "watch_once"]


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How to watch: the poll interval (seconds), the toll that alerts, link following."""

    interval: float = 600.0
    alert_killed: int | None = 5
    follow_links: bool = True


@dataclass(frozen=True, slots=True)
class Cycle:
    """What one cycle did."""

    entries_new: int
    articles_new: int
    articles_skipped: int
    failures: tuple[Failure, ...]
    alerts: tuple[StoredAlert, ...]
    errors: tuple[str, ...]  # sources that could not be polled, alerts not delivered
    waiting: int = 0  # entries whose full article is to be fetched again
    polls: tuple[Poll, ...] = field(default=(), repr=False)


def _commit(state: WatchState, polls: Sequence[Poll]) -> None:
    for found in polls:
        state.mark(found.source, [e.mark() for e in found.entries])
        if found.state is not None:
            state.save_source(found.state)


def watch_once(
    sources: Sequence[str],
    settings: Settings,
    fetcher: Fetcher,
    sinks: Sequence[AlertSink] = (),
    options: WatchOptions | None = None,
    today: dt.date | None = None,
) -> Cycle:
    """Poll ``sources`` once, store what is new, raise and deliver alerts."""
    options = options or WatchOptions()
    with open_store(settings) as store:
        state = WatchState(store.db)
        before = snapshot(store, options.alert_killed)
        polls = tuple(
            poll(
                s, state, fetcher, settings, interval=options.interval, follow=options.follow_links
            )
            for s in sources
        )
        items = [item for p in polls for e in p.entries for item in e.items]
        summary = ingest_into(store, items, settings) if items else None
        _commit(state, polls)
        found = new_alerts(store, before, options.alert_killed) + volume_alerts(
            state, sources, today
        )
        raised, undelivered = deliver(state, found, sinks)
    errors = [f"{p.source}: {p.error}" for p in polls if p.error and not p.skipped]
    return Cycle(
        entries_new=sum(not e.retry for p in polls for e in p.entries),
        articles_new=summary.articles_new if summary else 0,
        articles_skipped=summary.articles_skipped if summary else 0,
        failures=summary.failures if summary else (),
        alerts=tuple(raised),
        errors=(*errors, *undelivered),
        waiting=sum(e.retry for p in polls for e in p.entries),
        polls=polls,
    )


def watch(
    sources: Sequence[str],
    settings: Settings,
    fetcher: Fetcher,
    sinks: Sequence[AlertSink] = (),
    options: WatchOptions | None = None,
    *,
    cycles: int | None = None,
    on_cycle: Callable[[Cycle], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run :func:`watch_once` every ``options.interval`` seconds, ``cycles`` times
    (default: until interrupted); ``on_cycle`` is called with each cycle's result."""
    options = options or WatchOptions()
    done = 0
    while cycles is None or done < cycles:
        started = time.monotonic()
        cycle = watch_once(sources, settings, fetcher, sinks, options)
        if on_cycle is not None:
            on_cycle(cycle)
        done += 1
        if cycles is None or done < cycles:
            sleep(max(0.0, options.interval - (time.monotonic() - started)))
