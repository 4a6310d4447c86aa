"""`sitrep watch` on feeds, lists and folders: only new entries, conditional requests,
links followed, backoff, and a killed watcher that loses and doubles nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from watch_samples import Item, news, page, rss
from watch_server import Route, Site

from sitrep.config import Settings
from sitrep.watch import USER_AGENT, HttpFetcher, WatchOptions, watch_once
from sitrep.watch import run as watch_run

QUIET = WatchOptions(alert_killed=None)


def stored(settings: Settings) -> list[tuple[str, str]]:
    with sqlite3.connect(settings.db) as db:
        return db.execute("SELECT id, text FROM articles ORDER BY id").fetchall()


def entries(settings: Settings) -> list[tuple[str, str]]:
    with sqlite3.connect(settings.db) as db:
        rows = db.execute("SELECT entry, status FROM watch_entries ORDER BY entry").fetchall()
    return [(e, s) for e, s in rows]


def test_once_twice_on_a_grown_feed_takes_only_the_new_entries(
    site: Site, fetcher: HttpFetcher, settings: Settings
) -> None:
    feed = site.url("/feed.xml")
    site.routes["/feed.xml"] = Route(rss([news(1), news(2)]), "application/rss+xml", etag='"v1"')
    first = watch_once([feed], settings, fetcher, options=QUIET)
    assert (first.entries_new, first.articles_new, first.errors) == (2, 2, ())
    site.routes["/feed.xml"] = Route(
        rss([news(1), news(2), news(3)]), "application/rss+xml", etag='"v2"'
    )
    second = watch_once([feed], settings, fetcher, options=QUIET)
    assert (second.entries_new, second.articles_new) == (1, 1)
    assert len(stored(settings)) == 3
    third = watch_once([feed], settings, fetcher, options=QUIET)  # unchanged: 304
    assert (third.entries_new, third.articles_new) == (0, 0)
    last = site.asked("/feed.xml")[-1]
    assert last.headers["if-none-match"] == '"v2"'
    assert last.headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("sitrep/")


def test_a_summary_entry_is_read_from_its_link(
    site: Site, fetcher: HttpFetcher, settings: Settings
) -> None:
    full = [
        "A Russian missile strike hit a port warehouse in Odesa on Sunday night.",
        "The full article says the fire burned until the morning, the mayor said.",
    ]
    site.routes["/news/odesa.html"] = Route(page("Missile strike on Odesa port", full))
    summary = Item(
        "urn:odesa",
        "Odesa port hit",
        "A strike hit Odesa.",
        full=False,
        link=site.url("/news/odesa.html"),
    )
    site.routes["/feed.xml"] = Route(rss([summary]), "application/rss+xml")
    cycle = watch_once([site.url("/feed.xml")], settings, fetcher, options=QUIET)
    assert cycle.articles_new == 1
    ((_, text),) = stored(settings)
    assert "burned until the morning" in text


def test_a_link_that_fails_is_fetched_again_then_the_summary_is_taken(
    site: Site, fetcher: HttpFetcher, settings: Settings
) -> None:
    summary = Item(
        "urn:x",
        "Kharkiv shelled",
        "Russian shelling hit Kharkiv on Sunday.",
        full=False,
        link=site.url("/gone.html"),
    )
    site.routes["/feed.xml"] = Route(rss([summary]), "application/rss+xml", etag='"v1"')
    feed = site.url("/gone.html").replace("/gone.html", "/feed.xml")
    first = watch_once([feed], settings, fetcher, options=QUIET)
    assert (first.waiting, first.articles_new) == (1, 0)
    site.routes["/gone.html"] = Route(b"", status=503)
    second = watch_once([feed], settings, fetcher, options=QUIET)
    assert "if-none-match" not in site.asked("/feed.xml")[-1].headers  # asked whole again
    assert (second.waiting, second.articles_new) == (1, 0)
    third = watch_once([feed], settings, fetcher, options=QUIET)
    assert (third.waiting, third.articles_new) == (0, 1)
    assert entries(settings) == [("urn:x", "seen")]


def test_a_sitemap_list_and_a_folder(
    site: Site, fetcher: HttpFetcher, settings: Settings, tmp_path: Path
) -> None:
    for n in (1, 2):
        site.routes[f"/a/{n}.html"] = Route(
            page(f"Strike {n}", [f"A Russian drone hit a power plant in Sumy, report {n} said."])
        )
    urls = "\n".join(site.url(f"/a/{n}.html") for n in (1, 2))
    site.routes["/list.txt"] = Route(urls.encode(), "text/plain")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Shelling of Nikopol\n\nRussian shelling hit Nikopol.\n")
    sources = [site.url("/list.txt"), str(folder)]
    assert watch_once(sources, settings, fetcher, options=QUIET).articles_new == 3
    (folder / "b.txt").write_text("Shelling of Marhanets\n\nRussian shelling hit Marhanets.\n")
    again = watch_once(sources, settings, fetcher, options=QUIET)
    assert (again.entries_new, again.articles_new) == (1, 1)
    assert len(site.asked("/a/1.html")) == 1


def test_errors_back_off(site: Site, settings: Settings) -> None:
    site.routes["/feed.xml"] = Route(b"busy", status=503)
    slept: list[float] = []
    fetcher = HttpFetcher(timeout=5.0, attempts=3, backoff=0.5, sleep=slept.append)
    try:
        feed = site.url("/feed.xml")
        first = watch_once([feed], settings, fetcher, options=QUIET)
        assert len(site.asked("/feed.xml")) == 3 and slept == [0.5, 1.0]
        assert first.errors and "HTTP 503" in first.errors[0]
        second = watch_once([feed], settings, fetcher, options=QUIET)  # in backoff: not asked
        assert len(site.asked("/feed.xml")) == 3 and not second.errors
    finally:
        fetcher.close()


def test_a_timeout_is_an_error_not_a_hang(settings: Settings) -> None:
    import socket

    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
        fetcher = HttpFetcher(timeout=0.5, attempts=1)
        try:
            cycle = watch_once([url], settings, fetcher, options=QUIET)
        finally:
            fetcher.close()
    assert cycle.errors and "timed out" in cycle.errors[0]


@pytest.mark.parametrize("where", ["before storing", "after storing"])
def test_a_killed_watcher_loses_and_doubles_nothing(
    site: Site,
    fetcher: HttpFetcher,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    site.routes["/feed.xml"] = Route(rss([news(1), news(2)]), "application/rss+xml", etag='"v1"')
    feed = site.url("/feed.xml")

    class Killed(BaseException):
        pass

    def kill(*args: object, **kwargs: object) -> None:
        raise Killed

    target = "ingest_into" if where == "before storing" else "_commit"
    original = getattr(watch_run, target)
    monkeypatch.setattr(watch_run, target, kill)
    with pytest.raises(Killed):
        watch_once([feed], settings, fetcher, options=QUIET)
    monkeypatch.setattr(watch_run, target, original)
    site.routes["/feed.xml"] = replace(
        Route(rss([news(1), news(2), news(3)]), "application/rss+xml"), etag='"v2"'
    )
    cycle = watch_once([feed], settings, fetcher, options=QUIET)
    assert cycle.entries_new == 3
    assert len(stored(settings)) == 3
    assert [s for _, s in entries(settings)] == ["seen"] * 3
    assert watch_once([feed], settings, fetcher, options=QUIET).entries_new == 0


def test_a_watcher_killed_by_sigkill_resumes_without_loss_or_duplicates(
    site: Site, fetcher: HttpFetcher, settings: Settings
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    site.routes["/feed.xml"] = Route(rss([news(n) for n in range(6)]), "application/rss+xml")
    feed = site.url("/feed.xml")
    argv = [sys.executable, "-c", "from sitrep.cli import main; main()", "watch", feed]
    watcher = subprocess.Popen(
        [*argv, "--db", settings.db, "--interval", "1s", "--alert-killed", "1000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and watcher.poll() is None:
            if Path(settings.db).exists() and _count(settings, "articles") >= 2:
                break  # killed while it writes, or between writing and marking
            time.sleep(0.05)
    finally:
        os.kill(watcher.pid, signal.SIGKILL)
        watcher.wait(timeout=10)
    site.routes["/feed.xml"] = Route(rss([news(n) for n in range(8)]), "application/rss+xml")
    watch_once([feed], settings, fetcher, options=QUIET)
    with sqlite3.connect(settings.db) as db:
        marked = db.execute("SELECT article_id FROM watch_entries WHERE status = 'seen'").fetchall()
        ids = {row[0] for row in db.execute("SELECT id FROM articles")}
    assert len(marked) == 8 and {row[0] for row in marked} == ids and len(ids) == 8


def _count(settings: Settings, table: str) -> int:
    try:
        with sqlite3.connect(settings.db, timeout=1) as db:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
