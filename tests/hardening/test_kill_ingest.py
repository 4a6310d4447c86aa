"""kill -9 during ``sitrep ingest`` at a few points, on each store: the resumed runs end with
every table equal to a clean ingest's (nothing lost, nothing twice).

bench/kill_ingest.py does this at 50 random points; here a small corpus is killed while
starting, after its first and second batch were written, and once every article is stored
(in the final resolution when the kill lands before it ends).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
ARTICLES, BATCH = 45, 15


def _load() -> ModuleType:
    path = ROOT / "bench" / "kill_ingest.py"
    spec = importlib.util.spec_from_file_location("sitrep_bench_kill_ingest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitrep_bench_kill_ingest"] = module
    spec.loader.exec_module(module)
    return module


kill = _load()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return list(kill.write_corpus(tmp_path_factory.mktemp("kill-corpus"), ARTICLES))


def _check(store: object, inputs: list[Path]) -> None:
    clean, _ = kill.clean_dump(store, inputs, BATCH)
    assert len(clean["articles"]) == ARTICLES and clean["incidents"] and clean["failures"]
    db, stored = kill.kill_at_counts(store, inputs, BATCH, [0, BATCH, 2 * BATCH, ARTICLES])
    assert len(stored) >= 3, stored  # the last may come too late: the run had ended
    assert stored[0] < BATCH <= stored[1] < ARTICLES, stored
    assert kill.compare(clean, store.dump(db)) == {}  # type: ignore[attr-defined]


def test_killed_sqlite_ingests_resume_to_the_clean_store(
    inputs: list[Path], tmp_path: Path
) -> None:
    _check(kill.Store(tmp_path), inputs)


@pytest.mark.postgres
def test_killed_postgresql_ingests_resume_to_the_clean_store(
    inputs: list[Path], tmp_path: Path
) -> None:
    if not POSTGRES_URL:
        pytest.skip("SITREP_TEST_POSTGRES_URL is not set")
    store = kill.Store(tmp_path, POSTGRES_URL)
    try:
        _check(store, inputs)
    finally:
        store.drop()
