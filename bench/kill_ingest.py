"""kill -9 during ``sitrep ingest``: resumed runs end equal to a clean ingest (issue 13).

    nice -n 10 .venv/bin/python bench/kill_ingest.py --kills 50 [--seed 1] [--articles 300]
    .venv/bin/python bench/kill_ingest.py --kills 50 --postgres postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test

The input is the synthetic corpus (`bench/synthetic_corpus.py`) as JSON Lines
parts, with one unreadable file among them (a Failure every run records).  A clean
``sitrep ingest`` into a fresh store is timed (``D`` seconds, interpreter start to
exit).  Then, in rounds, each on a fresh store: ``sitrep ingest`` of the same input
is started and sent SIGKILL after a delay drawn uniformly from (0, D) (seeded), then
started again on the same store, and so on until one run finishes by itself; so
the kill points fall anywhere in a run: starting, reading, the per-article stages
and writes, the final resolution.  A round's store is then compared with the clean
one: every table of the schema (read from ``sqlite_master`` or
``information_schema``), row for row, without ``runs`` and ``schema_version`` (times),
the ``run_id`` columns and a failure's random id; ``failures`` as the set of
distinct failures, since every run records the unreadable file again.  Rounds go
on until ``--kills`` runs were killed (a run that finished before its delay is no kill).

Prints one JSON summary per store: kills, rounds, articles stored when each kill
landed (as a spread), rows lost and duplicated per table against the clean ingest,
and whether every round equalled it; exits 1 if any did not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "Store",
    "clean_dump",
    "compare",
    "kill_after_writes",
    "kill_at_counts",
    "kill_round",
    "write_corpus",
]

ROOT = Path(__file__).resolve().parents[1]
#: Not part of the record: times of runs and of the schema.
_NOT_RECORD = {"runs", "schema_version"}
Dump = dict[str, list[tuple[Any, ...]]]


def write_corpus(
    folder: Path, articles: int, parts: int = 3, seed: int = 5, first: int = 0
) -> list[Path]:
    """``articles`` synthetic articles (from the ``first``) in ``parts`` JSON Lines files, in
    order, and one unreadable file."""
    from itertools import islice

    from synthetic_corpus import iter_documents

    files = [folder / f"part-{i}.jsonl" for i in range(parts)]
    outs = [f.open("w", encoding="utf-8") for f in files]
    docs = islice(iter_documents(first + articles, seed=seed), first, None)
    for i, doc in enumerate(docs):
        a = doc.article
        record = {"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet}
        record["published"] = a.published.isoformat() if a.published else None
        outs[i * parts // articles].write(json.dumps(record) + "\n")
    for out in outs:
        out.close()
    junk = folder / "junk.jsonl"
    junk.write_bytes(b'{"id": "x", "text": \xff\xfe\x00 not json\n')
    return [*files, junk]


class Store:
    """A fresh store per name: a SQLite file in ``folder``, or a private PostgreSQL schema."""

    def __init__(self, folder: Path, postgres: str | None = None) -> None:
        self.folder, self.postgres = folder, postgres
        self.schemas: list[str] = []

    @property
    def kind(self) -> str:
        return "postgresql" if self.postgres else "sqlite"

    def fresh(self, name: str) -> str:
        """The location of a new, empty store."""
        if self.postgres is None:
            return str(self.folder / f"{name}.db")
        import psycopg

        schema = f"kill_{name}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(self.postgres, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        joiner = "&" if "?" in self.postgres else "?"
        return f"{self.postgres}{joiner}options=-csearch_path%3D{schema}"

    def drop(self) -> None:
        if self.postgres is None:
            return
        import psycopg

        with psycopg.connect(self.postgres, autocommit=True) as conn:
            for schema in self.schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        self.schemas = []

    def dump(self, db: str) -> Dump:
        """Every table of the record, rows sorted; ``failures`` as its distinct rows."""
        out: Dump = {}
        with self._connect(db) as (tables, columns, rows):
            for table in tables():
                if table in _NOT_RECORD:
                    continue
                cols = [
                    c for c in columns(table) if c != "run_id" and (table, c) != ("failures", "id")
                ]
                got = rows(table, cols)
                if table == "failures":
                    got = list(set(got))
                out[table] = sorted(got, key=repr)
        return out

    def articles(self, db: str) -> int:
        """Articles stored so far (0 before the schema exists)."""
        try:
            with self._connect(db) as (tables, _, rows):
                return len(rows("articles", ["id"])) if "articles" in tables() else 0
        except Exception:
            return 0

    @contextmanager
    def _connect(self, db: str) -> Iterator[Any]:
        if self.postgres is None:
            conn = sqlite3.connect(db)
            try:
                yield _sqlite_tables(conn), _sqlite_columns(conn), _sqlite_rows(conn)
            finally:
                conn.close()
            return
        import psycopg

        with psycopg.connect(db) as pg:

            def tables() -> list[str]:
                return [
                    r[0]
                    for r in pg.execute(
                        "SELECT table_name FROM information_schema.tables"
                        " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                        " ORDER BY table_name"
                    )
                ]

            def columns(t: str) -> list[str]:
                return [
                    r[0]
                    for r in pg.execute(
                        "SELECT column_name FROM information_schema.columns"
                        " WHERE table_schema = current_schema() AND table_name = %s"
                        " ORDER BY ordinal_position",
                        (t,),
                    )
                ]

            def rows(t: str, cols: list[str]) -> list[tuple[Any, ...]]:
                return [tuple(r) for r in pg.execute(f"SELECT {', '.join(cols)} FROM {t}")]

            yield tables, columns, rows


def _sqlite_virtual(conn: sqlite3.Connection) -> set[str]:
    return {
        r[0]
        for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if (r[1] or "").upper().startswith("CREATE VIRTUAL TABLE")
    }


def _sqlite_tables(conn: sqlite3.Connection) -> Any:
    """The tables, a full-text index as its content: its shadow tables' segments depend on
    the order rows were indexed in (the clean ingest's own vary from process to process)."""

    def tables() -> list[str]:
        virtual = _sqlite_virtual(conn)
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not r[0].startswith("sqlite_") and not any(r[0].startswith(f"{v}_") for v in virtual)
        ]

    return tables


def _sqlite_columns(conn: sqlite3.Connection) -> Any:
    def columns(table: str) -> list[str]:
        rowid = ["rowid"] if table in _sqlite_virtual(conn) else []
        return rowid + [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]

    return columns


def _sqlite_rows(conn: sqlite3.Connection) -> Any:
    def rows(table: str, cols: list[str]) -> list[tuple[Any, ...]]:
        return conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()

    return rows


#: ``sitrep ingest`` (its ``main``), with the batch of the per-article stages set to argv[1]:
#: a run stores its work a batch at a time, and the default 1,000 would make the corpus one.
#: With argv[2] > 0 the run sends itself SIGKILL right after its argv[2]-th new article is
#: committed: a kill at an exact point, inside a batch's writes if need be.
_CLI = """
import functools, os, signal, sys
from sitrep.runs import extraction
from sitrep.cli import main
from sitrep.runs import ingest as ingest_run
from sitrep.store.sql import SqlStore
size, die_after = int(sys.argv.pop(1)), int(sys.argv.pop(1))
ingest_run._default_process = lambda: functools.partial(extraction.process_in_batches, size=size)
write, written = SqlStore.write_document, [0]
def write_then_die(self, doc, run_id):
    new = write(self, doc, run_id)
    written[0] += new
    if written[0] == die_after:
        os.kill(os.getpid(), signal.SIGKILL)
    return new
SqlStore.write_document = write_then_die
sys.argv[0] = "sitrep"
main()
"""


def _command(db: str, inputs: list[Path], batch: int, die_after: int = 0) -> list[str]:
    args = ["ingest", *map(str, inputs), "--db", db, "--json"]
    return [sys.executable, "-c", _CLI, str(batch), str(die_after), *args]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SITREP_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def clean_dump(store: Store, inputs: list[Path], batch: int) -> tuple[Dump, float]:
    """The clean ingest's tables and its wall time."""
    db = store.fresh("clean")
    started = time.monotonic()
    done = subprocess.run(_command(db, inputs, batch), env=_env(), capture_output=True, text=True)
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1) or not done.stdout.strip():  # 1: the unreadable file
        raise SystemExit(f"the clean ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return store.dump(db), seconds


def kill_round(
    store: Store,
    inputs: list[Path],
    batch: int,
    rng: random.Random,
    longest: float,
    kills_left: int,
    name: str,
) -> tuple[str, list[int], int]:
    """Runs killed at random delays in (0, ``longest``) until one finishes, or ``kills_left``
    are spent and one runs to the end: the store, the articles stored at each kill, the runs."""
    db = store.fresh(name)
    stored_at_kill: list[int] = []
    runs = 0
    while True:
        runs += 1
        proc = subprocess.Popen(
            _command(db, inputs, batch), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        if len(stored_at_kill) < kills_left:
            try:
                proc.communicate(timeout=rng.uniform(0.0, longest))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                stored_at_kill.append(store.articles(db))
                continue
        _, err = proc.communicate()
        if proc.returncode not in (0, 1):
            raise SystemExit(
                f"a resumed ingest failed ({proc.returncode}):\n{err.decode()[-2000:]}"
            )
        return db, stored_at_kill, runs


def kill_at_counts(
    store: Store, inputs: list[Path], batch: int, counts: list[int], name: str = "counts"
) -> tuple[str, list[int]]:
    """A run per count, killed once the store holds that many articles (0: half a second
    in), then one to the end: the store and the articles stored at each kill that landed."""
    db = store.fresh(name)
    stored_at_kill = []
    for count in counts:
        proc = subprocess.Popen(
            _command(db, inputs, batch),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)
        while proc.poll() is None and store.articles(db) < count:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stored_at_kill.append(store.articles(db))
    done = subprocess.run(_command(db, inputs, batch), env=_env(), capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise AssertionError(
            f"the resumed ingest failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    return db, stored_at_kill


def kill_after_writes(
    store: Store, inputs: list[Path], batch: int, writes: list[int], name: str = "writes"
) -> tuple[str, list[int]]:
    """A run per number ``n`` of ``writes``, killed (SIGKILL) right after it committed its
    ``n``-th new article, then one to the end: the store and the articles stored at each kill."""
    db = store.fresh(name)
    stored_at_kill = []
    for n in writes:
        done = subprocess.run(_command(db, inputs, batch, n), env=_env(), capture_output=True)
        if done.returncode != -signal.SIGKILL:
            raise AssertionError(
                f"the run was to die after {n} writes; it exited {done.returncode}"
            )
        stored_at_kill.append(store.articles(db))
    done = subprocess.run(_command(db, inputs, batch), env=_env(), capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise AssertionError(
            f"the resumed ingest failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    return db, stored_at_kill


def compare(clean: Dump, got: Dump) -> dict[str, dict[str, int]]:
    """Per table, rows of ``clean`` missing from ``got`` and rows ``got`` has beyond it."""
    out = {}
    for table in sorted(clean.keys() | got.keys()):
        want, have = Counter(clean.get(table, [])), Counter(got.get(table, []))
        lost, extra = sum((want - have).values()), sum((have - want).values())
        if lost or extra:
            out[table] = {"lost": lost, "duplicated_or_extra": extra}
    return out


def run(
    store: Store, inputs: list[Path], kills: int, seed: int, batch: int = 100
) -> dict[str, Any]:
    rng = random.Random(seed)
    clean, seconds = clean_dump(store, inputs, batch)
    done: list[int] = []
    rounds: list[dict[str, Any]] = []
    started = time.monotonic()
    while len(done) < kills:
        left, name = kills - len(done), f"r{len(rounds)}"
        db, at, runs = kill_round(store, inputs, batch, rng, seconds, left, name)
        diff = compare(clean, store.dump(db))
        rounds.append({"runs": runs, "kills": len(at), "articles_at_kill": at, "diff": diff})
        done += at
    total = len(clean["articles"])
    return {
        "store": store.kind,
        "clean_ingest_seconds": round(seconds, 1),
        "batch": batch,
        "articles": total,
        "rows_per_table": {t: len(r) for t, r in clean.items()},
        "kills": len(done),
        "rounds": len(rounds),
        "kills_before_any_article": sum(a == 0 for a in done),
        "kills_while_writing": sum(0 < a < total for a in done),
        "kills_after_all_written": sum(a == total for a in done),
        "rounds_equal_to_clean": sum(not r["diff"] for r in rounds),
        "lost_rows": sum(d["lost"] for r in rounds for d in r["diff"].values()),
        "duplicated_or_extra_rows": sum(
            d["duplicated_or_extra"] for r in rounds for d in r["diff"].values()
        ),
        "round_detail": rounds,
        "seconds": round(time.monotonic() - started),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch", type=int, default=100, help="articles per batch of the stages")
    parser.add_argument("--postgres", help="also on this PostgreSQL server")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = write_corpus(folder, args.articles)
        stores = ([] if args.no_sqlite else [Store(folder)]) + (
            [Store(folder, args.postgres)] if args.postgres else []
        )
        for store in stores:
            try:
                results.append(run(store, inputs, args.kills, args.seed, args.batch))
            finally:
                store.drop()
            print(
                json.dumps({k: v for k, v in results[-1].items() if k != "round_detail"}),
                file=sys.stderr,
            )
    print(json.dumps(results, indent=1))
    bad = any(r["rounds_equal_to_clean"] != r["rounds"] for r in results)
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
