"""Each alert kind fires once, to a webhook, a command and JSON lines on a stream."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

from typer.testing import CliRunner
from watch_samples import Item, news, rss
from watch_server import Route, Site

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.store import open_store
from sitrep.watch import (
    CommandSink,
    HttpFetcher,
    StreamSink,
    WatchOptions,
    WatchState,
    WebhookSink,
    recent_alerts,
    watch_once,
)
from sitrep.watch.state import EntryMark

LOW = Item(
    "urn:kharkiv:a",
    "Missile strike on Kharkiv",
    "A Russian missile strike on Kharkiv killed two people on Monday, Kharkiv regional "
    "governor Oleh Syniehubov said.",
    link="https://www.reuters.com/world/europe/kharkiv-strike",
)
HIGH = Item(
    "urn:kharkiv:b",
    "Strike on Kharkiv",
    "A Russian missile strike on Kharkiv killed 40 people on Monday, Russia's defence "
    "ministry said.",
    link="https://www.bbc.co.uk/news/world-europe-kharkiv",
)


def _records(lines: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in lines.splitlines() if line.strip()]


def test_a_grave_incident_and_a_contradiction_alert_every_sink(
    site: Site, fetcher: HttpFetcher, settings: Settings, tmp_path: Path
) -> None:
    site.routes["/feed.xml"] = Route(rss([LOW]), "application/rss+xml")
    feed = site.url("/feed.xml")
    out = io.StringIO()
    received = tmp_path / "alerts.jsonl"
    command = f"{sys.executable} -c \"import sys; open(r'{received}', 'a').write(sys.stdin.read() + chr(10))\""
    sinks = [WebhookSink(site.url("/hook")), CommandSink(command), StreamSink(out)]
    first = watch_once([feed], settings, fetcher, sinks, WatchOptions(alert_killed=5))
    assert first.alerts == () and out.getvalue() == ""  # two killed: under the toll
    site.routes["/feed.xml"] = Route(rss([LOW, HIGH]), "application/rss+xml")
    second = watch_once([feed], settings, fetcher, sinks, WatchOptions(alert_killed=5))
    assert sorted(a.kind for a in second.alerts) == ["contradiction", "incident"]
    streamed = _records(out.getvalue())
    incident = next(r for r in streamed if r["kind"] == "incident")
    assert (incident["killed"], incident["place"]) == (40, "Kharkiv")
    contradiction = next(r for r in streamed if r["kind"] == "contradiction")
    assert sorted(c["value"] for c in contradiction["claims"]) == [2, 40]  # type: ignore[attr-defined]
    posted = [json.loads(r.body) for r in site.requests if r.method == "POST"]
    assert posted == streamed == _records(received.read_text())
    third = watch_once([feed], settings, fetcher, sinks, WatchOptions(alert_killed=5))
    assert third.alerts == () and len(_records(out.getvalue())) == 2  # never twice
    with open_store(settings) as store:
        assert sorted(a.kind for a in recent_alerts(store.db)) == ["contradiction", "incident"]


def test_a_source_that_falls_by_more_than_half_alerts(
    site: Site, fetcher: HttpFetcher, settings: Settings
) -> None:
    feed = site.url("/feed.xml")
    today = dt.date(2024, 5, 20)
    with open_store(settings) as store:
        state = WatchState(store.db)
        marks = [
            EntryMark(f"old-{day}-{n}", "seen", today - dt.timedelta(days=day))
            for day in range(2, 9)
            for n in range(6)
        ]
        state.mark(feed, [*marks, EntryMark("yesterday", "seen", today - dt.timedelta(days=1))])
    site.routes["/feed.xml"] = Route(rss([news(1)]), "application/rss+xml")
    out = io.StringIO()
    cycle = watch_once(
        [feed], settings, fetcher, [StreamSink(out)], WatchOptions(alert_killed=None), today
    )
    ((alert,),) = [[a for a in cycle.alerts if a.kind == "volume_drop"]]
    assert alert.payload == {
        "source": feed,
        "day": "2024-05-19",
        "entries": 1,
        "daily_mean": 6.0,
        "days": 7,
    }
    assert _records(out.getvalue())[0]["kind"] == "volume_drop"
    again = watch_once([feed], settings, fetcher, [], WatchOptions(alert_killed=None), today)
    assert not [a for a in again.alerts if a.kind == "volume_drop"]


def test_a_steady_or_young_source_does_not_alert(settings: Settings) -> None:
    from sitrep.watch.alerts import volume_alerts

    today = dt.date(2024, 5, 20)
    with open_store(settings) as store:
        state = WatchState(store.db)
        steady = [
            EntryMark(f"{day}-{n}", "seen", today - dt.timedelta(days=day))
            for day in range(1, 9)
            for n in range(4)
        ]
        state.mark("steady", steady)
        state.mark(
            "young", [EntryMark(f"y{n}", "seen", today - dt.timedelta(days=2)) for n in range(9)]
        )
        assert volume_alerts(state, ["steady", "young"], today) == []


def test_watch_once_on_the_command_line(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Route(rss([LOW, HIGH]), "application/rss+xml")
    db = tmp_path / "cli.db"
    args = ["watch", site.url("/feed.xml"), "--db", str(db), "--once", "--alerts-stdout"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    kinds = sorted(r["kind"] for r in _records(result.stdout))
    assert kinds == ["contradiction", "incident"]
    assert "2 new entries, 2 new articles, 2 alerts" in result.stderr
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and again.stdout == ""
    assert "0 new entries, 0 new articles, 0 alerts" in again.stderr
