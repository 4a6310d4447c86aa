"""Latency of ``GET /api/incidents`` with filters on a 100,000-incident store.

    .venv/bin/python bench/api_latency.py [--incidents 100000] [--requests 200] [--db bench/out/api.db]
    .venv/bin/python bench/api_latency.py --db postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_bench

Builds (once, then reuses) a store of synthetic incidents written through the
store's write API (``write_document`` + ``replace_resolution``): one invented
article, report and incident each, spread over 24 places and 2 years.  An
existing store is migrated to the current schema first.  Then runs ``sitrep
serve``'s app in-process under uvicorn and times real HTTP requests with httpx,
printing p50/p95/max per filter.  Target: p95 < 100 ms (the 5,000-incident map
fetch is reported, not held to it).  ``--db`` takes a SQLite path or a
``postgresql://`` URL (``--rebuild`` then empties that database's tables).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn

from sitrep.config import Settings
from sitrep.model import (
    Article,
    Claimant,
    Corpus,
    Document,
    Evidence,
    Incident,
    Number,
    PartialDate,
    Place,
    Report,
    Sentence,
)
from sitrep.serve.app import create_app
from sitrep.store import open_store
from sitrep.store.base import RunStats
from sitrep.store.queries import COUNTED_TABLES

PLACES = [
    Place(name, lat, lon, oblast, "settlement", id=f"BENCH{n}")
    for n, (name, lat, lon, oblast) in enumerate(
        [
            ("Kharkiv", 49.99, 36.23, "Kharkiv Oblast"),
            ("Kupiansk", 49.71, 37.61, "Kharkiv Oblast"),
            ("Izium", 49.21, 37.26, "Kharkiv Oblast"),
            ("Odesa", 46.48, 30.72, "Odesa Oblast"),
            ("Kherson", 46.64, 32.61, "Kherson Oblast"),
            ("Zaporizhzhia", 47.84, 35.14, "Zaporizhzhia Oblast"),
            ("Dnipro", 48.46, 35.05, "Dnipropetrovsk Oblast"),
            ("Nikopol", 47.57, 34.40, "Dnipropetrovsk Oblast"),
            ("Kramatorsk", 48.72, 37.56, "Donetsk Oblast"),
            ("Pokrovsk", 48.28, 37.18, "Donetsk Oblast"),
            ("Sumy", 50.91, 34.80, "Sumy Oblast"),
            ("Chernihiv", 51.49, 31.29, "Chernihiv Oblast"),
            ("Kyiv", 50.45, 30.52, "Kyiv City"),
            ("Lviv", 49.84, 24.03, "Lviv Oblast"),
            ("Mykolaiv", 46.97, 31.99, "Mykolaiv Oblast"),
            ("Poltava", 49.59, 34.55, "Poltava Oblast"),
            ("Kryvyi Rih", 47.91, 33.39, "Dnipropetrovsk Oblast"),
            ("Bakhmut", 48.59, 38.00, "Donetsk Oblast"),
            ("Vinnytsia", 49.23, 28.47, "Vinnytsia Oblast"),
            ("Zhytomyr", 50.25, 28.66, "Zhytomyr Oblast"),
            ("Rivne", 50.62, 26.25, "Rivne Oblast"),
            ("Khmelnytskyi", 49.42, 26.99, "Khmelnytskyi Oblast"),
            ("Cherkasy", 49.44, 32.06, "Cherkasy Oblast"),
            ("Kropyvnytskyi", 48.51, 32.26, "Kirovohrad Oblast"),
        ]
    )
]
SUBS = [
    ("explosions_remote_violence", "shelling_artillery_missile_attack", "shelling"),
    ("explosions_remote_violence", "air_drone_strike", "drone strike"),
    ("battles", "armed_clash", "clashes"),
    ("violence_against_civilians", "attack", "attack on civilians"),
]
START = dt.date(2023, 1, 1)

QUERIES = {
    "no filter (limit 100)": "",
    "date range, 1 week": "date_from=2023-06-01&date_to=2023-06-07",
    "oblast": "oblast=Kharkiv",
    "event type": "event_type=air_drone_strike",
    "min killed >= 8": "min_killed=8",
    "full text q=hospital": "q=hospital",
    "bbox (Donbas)": "bbox=37,48,38.5,49",
    "combined": "date_from=2023-03-01&date_to=2023-09-30&oblast=Donetsk&min_killed=2&event_type=explosions_remote_violence",
    "deep page offset=50000": "offset=50000",
    "deep page after=<50000th>": "after={after}",
    "map fetch limit=5000": "limit=5000&date_from=2024-01-01&date_to=2024-01-31",
}


def _document(n: int, rng: random.Random) -> tuple[Document, Incident]:
    place = PLACES[rng.randrange(len(PLACES))]
    event, sub, words = SUBS[rng.randrange(len(SUBS))]
    day = START + dt.timedelta(days=rng.randrange(730))
    killed, injured = rng.choice([0, 0, 1, 2, 3, 5, 8, 13]), rng.randrange(30)
    target = rng.choice(
        ["a hospital", "a school", "a residential building", "a power plant", "a market"]
    )
    line = f"Russian {words} hit {target} in {place.name} on {day:%B %d}, killing {killed} and injuring {injured}, officials said."
    text = f"Report {n} from {place.name}\n{line}\n"
    article_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    start = text.index("\n") + 1
    evidence = Evidence(2, start, start + len(line), line, 1)
    report = Report(
        article_id, PartialDate.from_date(day), place, event, sub, (evidence,), "bench.v1",
        killed=Number.exact(killed), injured=Number.exact(injured), claimant=Claimant("officials"),
    )  # fmt: skip
    article = Article(article_id, text, f"bench/{n}.txt", f"Report {n} from {place.name}",
                      day, "stated", None, f"Outlet {n % 40}", start)  # fmt: skip
    sentences = (
        Sentence(0, 0, start - 1, text[: start - 1], 1, 0, is_title=True),
        Sentence(1, start, start + len(line), line, 2, 1),
    )
    incident = Incident(
        f"bench-{n:06d}", report.date, place, event, sub, (report,),
        killed=report.killed, injured=report.injured,
        killed_range=(killed, killed), injured_range=(injured, injured),
    )  # fmt: skip
    return Document(article, sentences, reports=(report,)), incident


def build(db: str, n: int) -> None:
    """Write ``n`` synthetic incidents into a fresh store at ``db``."""
    rng = random.Random(20240601)
    started = time.perf_counter()
    incidents = []
    with open_store(Settings(db=db)) as store:
        run_id = store.begin_run()
        for i in range(n):
            doc, incident = _document(i, rng)
            store.write_document(doc, run_id)
            incidents.append(incident)
            if i and i % 10_000 == 0:
                print(
                    f"  wrote {i:,} documents ({time.perf_counter() - started:.0f} s)", flush=True
                )
        store.replace_resolution(Corpus(incidents=tuple(incidents)))
        store.finish_run(run_id, RunStats("finished", articles_new=n))
    print(f"built {db} with {n:,} incidents in {time.perf_counter() - started:.0f} s")


def needs_build(db: str, rebuild: bool) -> bool:
    """Whether ``db`` must be (re)built; a rebuild first empties it."""
    if db.startswith("postgresql://"):
        with open_store(Settings(db=db)) as store:
            empty = store.counts()["incidents"] == 0
            if rebuild and not empty:
                tables = ", ".join(reversed(COUNTED_TABLES))
                store.db.execute(f"TRUNCATE {tables}, incident_reports, story_articles, "
                                 "place_mentions, inferred_dates CASCADE")  # fmt: skip
        return rebuild or empty
    path = Path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return not path.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serving(db: str) -> Iterator[str]:
    """Run the app under uvicorn in a thread; yield its base URL."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


def measure(base: str, requests: int) -> list[tuple[str, int, float, float, float]]:
    rows = []
    with httpx.Client(base_url=base, timeout=30) as client:
        after = client.get("/api/incidents?limit=1&offset=49999").json()["items"][0]["id"]
        for name, query in QUERIES.items():
            url = f"/api/incidents?{query.format(after=after)}"
            response = client.get(url)  # warm-up, and the result size
            response.raise_for_status()
            count = len(response.json()["items"])
            times = []
            for _ in range(requests if "limit=5000" not in query else max(20, requests // 10)):
                started = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            rows.append((name, count, statistics.median(times), p95, times[-1]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", default="bench/out/api.db", help="SQLite path or postgresql:// URL")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if needs_build(args.db, args.rebuild):
        build(args.db, args.incidents)
    open_store(Settings(db=args.db)).close()  # migrate a store built by an older sitrep
    for base in serving(args.db):
        rows = measure(base, args.requests)
    print(
        f"\nGET /api/incidents on {args.db} ({args.requests} requests each, httpx -> uvicorn in-process)\n"
    )
    print(f"{'query':<26} {'items':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, count, p50, p95, worst in rows:
        flag = "" if p95 < 100 or "limit=5000" in QUERIES[name] else "  > 100 ms target"
        print(f"{name:<26} {count:>6} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f}{flag}")


if __name__ == "__main__":
    main()
