"""Every hostile file of scripts/hostile_corpus.py, through `sitrep ingest` between good ones.

Each run must end normally (exit 0, or 1 naming the bad input in one line), store
the good articles beside it, and leave a database that the next run resolves.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.store import open_store

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
runner = CliRunner(env={"COLUMNS": "200", "SITREP_DB": None})


def _load_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hostile_corpus", ROOT / "scripts" / "hostile_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


corpus_module = _load_corpus_module()
CASES = corpus_module._cases(False)
CASE_NAMES = [case.name for case, _ in CASES]
# Cases whose values reach the database: run on PostgreSQL too (NUL, huge ints, dates).
STORE_CASES = {
    "date-0001",
    "jsonl-dates",
    "feed-year-0",
    "jsonl-surrogate",
    "jsonl-nul",
    "huge-counts",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("hostile")
    cases = corpus_module.write_corpus(folder)
    return folder, {case.name: case for case in cases}


def _postgres_url() -> Iterator[str]:
    import psycopg

    assert POSTGRES_URL is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _ingest(paths: list[str], db: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["ingest", *paths, "--db", db, "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout), result.stderr


def _check_case(folder: Path, case: Any, db: str) -> None:
    inputs = [p if os.path.isabs(p) else str(folder / p) for p in case.paths]
    paths = [str(folder / "good-a.txt"), *inputs, str(folder / "good-b.txt")]
    code, summary, stderr = _ingest(paths, db)
    assert code == (1 if case.fails else 0), stderr
    for failure in summary["failures"]:
        assert any(failure["source"].startswith(p) for p in inputs), failure
        assert "\n" not in failure["reason"] and len(failure["reason"]) < 400
    if case.fails:
        assert summary["failures"], "a bad input was not reported"
    with open_store(Settings(db=db)) as store:
        stored = {a.source for a in (store.get_article(i) for i in _article_ids(store)) if a}
    assert {str(folder / "good-a.txt"), str(folder / "good-b.txt")} <= stored
    code, after, stderr = _ingest([str(folder / "good-c.txt")], db)
    assert code == 0, stderr
    assert after["articles resolved"] >= 1 and after["incidents"] >= 3


def _article_ids(store: Any) -> list[str]:
    return [row["id"] for row in store.db.query("SELECT id FROM articles")]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_file_on_sqlite(
    corpus: tuple[Path, dict[str, Any]], name: str, tmp_path: Path
) -> None:
    folder, cases = corpus
    _check_case(folder, cases[name], str(tmp_path / "sitrep.db"))


@pytest.mark.postgres
@pytest.mark.parametrize("name", sorted(STORE_CASES))
def test_hostile_file_on_postgresql(corpus: tuple[Path, dict[str, Any]], name: str) -> None:
    if not POSTGRES_URL:
        pytest.skip("SITREP_TEST_POSTGRES_URL is not set")
    folder, cases = corpus
    for url in _postgres_url():
        _check_case(folder, cases[name], url)
