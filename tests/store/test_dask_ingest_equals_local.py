"""The per-article stages on a real Dask ``LocalCluster`` (2 worker processes) give the record
one process gives: every stored table equal, row for row, on SQLite; and equal `extract` records.

One cluster serves the module (starting it is most of the time); the input is the synthetic
corpus, in batches of 50 so that the batch prior and the second reading of clueless village
names cross batches.
"""

from __future__ import annotations

import functools
import json
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.extract.places import guessed
from sitrep.model import Article, Failure
from sitrep.runs.cluster import DaskRunner, connect
from sitrep.runs.extraction import extract_articles, process_in_batches, records
from sitrep.runs.ingest import ingest_into
from sitrep.store import open_store
from synthetic_corpus import iter_documents

# Every table of the record, read from the schema so a table added later is compared too;
# runs and schema_version hold times, run_id columns the run, and a failure's id is random.
_NOT_RECORD = {"runs", "schema_version"}


def _tables(conn: sqlite3.Connection) -> list[str]:
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return [n for n in names if n not in _NOT_RECORD and not n.startswith("sqlite_")]


@pytest.fixture(scope="module")
def runner() -> Iterator[DaskRunner]:
    with connect("local", workers=2) as runner:
        yield runner


@pytest.fixture(scope="module")
def items() -> list[Article | Failure]:
    articles: list[Article | Failure] = [d.article for d in iter_documents(160, seed=3)]
    return [*articles[:90], Failure("junk.bin", "binary data", "binary"), *articles[90:]]


def _ingest(db: Path, items: list[Article | Failure], runner: DaskRunner | None) -> None:
    settings = Settings(db=str(db))
    process = functools.partial(
        process_in_batches, size=50, **({"runner": runner} if runner else {})
    )
    with open_store(settings) as store:
        ingest_into(store, items, settings, process=process)


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        out = {}
        for table in _tables(conn):
            cols = [
                r[1]
                for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] != "run_id" and (table, r[1]) != ("failures", "id")
            ]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def test_the_input_crosses_batches_and_rereads_village_names(
    runner: DaskRunner, items: list[Article | Failure]
) -> None:
    docs = [d for d in runner.process_batches([items], Settings()) for d in d]
    assert len(docs) == len(items) > 150
    assert any(guessed(d) for d in docs[50:] if not isinstance(d, Failure))


def test_ingest_on_two_workers_stores_what_one_process_stores(
    runner: DaskRunner, items: list[Article | Failure], tmp_path: Path
) -> None:
    _ingest(tmp_path / "local.db", items, None)
    _ingest(tmp_path / "dask.db", items, runner)
    local, dask = _dump(tmp_path / "local.db"), _dump(tmp_path / "dask.db")
    assert {t: len(rows) for t, rows in dask.items()} == {t: len(rows) for t, rows in local.items()}
    assert min(len(local[t]) for t in ("incidents", "reports", "figures", "contradictions")) > 0
    assert (
        dask.keys() == local.keys()
        and {"articles", "incidents", "resolution_claims"} <= local.keys()
    )
    for table in local:
        assert dask[table] == local[table], table


def test_extract_on_two_workers_prints_what_one_process_prints(
    runner: DaskRunner, items: list[Article | Failure]
) -> None:
    local = list(records(extract_articles(items, Settings())))
    dask = list(records(extract_articles(items, Settings(), runner)))
    assert json.dumps(dask) == json.dumps(local)


def test_a_running_scheduler_is_reached_by_its_address(
    runner: DaskRunner, items: list[Article | Failure]
) -> None:
    address = runner.client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    with connect(address) as remote:
        docs = [d for batch in remote.process_batches([items[:20]], Settings()) for d in batch]
    assert docs == [d for batch in runner.process_batches([items[:20]], Settings()) for d in batch]


def _jsonl(path: Path) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "published": "2024-05-01"}) + "\n"
            for a in (d.article for d in iter_documents(12, seed=5))
        ),
        encoding="utf-8",
    )
    return path


def test_sitrep_ingest_scheduler_option(runner: DaskRunner, tmp_path: Path) -> None:
    dump, db = _jsonl(tmp_path / "in.jsonl"), tmp_path / "cli.db"
    address = runner.client.scheduler.address
    args = ["ingest", "--jsonl", str(dump), "--db", str(db), "--json", "--scheduler", address]
    result = CliRunner(env={"SITREP_DB": None}).invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles new"] == 12


def test_sitrep_extract_scheduler_setting(runner: DaskRunner, tmp_path: Path) -> None:
    dump = str(_jsonl(tmp_path / "in.jsonl"))
    local = CliRunner().invoke(app, ["extract", "--jsonl", dump])
    env = {"SITREP_SCHEDULER": runner.client.scheduler.address}
    dask = CliRunner(env=env).invoke(app, ["extract", "--jsonl", dump])
    assert (dask.exit_code, local.exit_code) == (0, 0), dask.output
    assert dask.stdout == local.stdout
    assert len(dask.stdout.splitlines()) == 13


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_says_how_to_start_one() -> None:
    with (
        pytest.raises(ConfigError, match="Start one with `dask scheduler`"),
        connect(f"tcp://127.0.0.1:{_closed_port()}", timeout=1),
    ):
        pass


def test_workers_apply_to_a_local_cluster_only() -> None:
    with (
        pytest.raises(ConfigError, match="--workers applies to --scheduler local only"),
        connect("tcp://127.0.0.1:1", workers=2),
    ):
        pass
