"""kill -9 during ``sitrep ingest`` at a few points, on each store: the resumed runs end with
every table equal to a clean ingest's (nothing lost, nothing twice).

bench/kill_ingest.py does this at 50 random points; here a small corpus is killed while
starting, after its first and second batch were written, and once every article is stored
(in the final resolution when the kill lands before it ends); and a batch whose last
articles are settled near the places of its first is killed between the two.
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
#: Synthetic articles 336-345 (seed 5), one batch: five pin down Vuhledar, Odesa and Lviv,
#: then five name a bare Kostiantynivka (namesakes, no clue), which the batch's prior settles.
SETTLED_FIRST, SETTLED = 336, 10


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


@pytest.fixture(scope="module")
def settled_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("kill-settled")
    return list(kill.write_corpus(folder, SETTLED, first=SETTLED_FIRST))


def test_the_settled_articles_depend_on_the_first_half_of_their_batch() -> None:
    """The corpus of the mid-batch kill can tell: the last five alone are placed otherwise."""
    from sitrep.config import Settings
    from sitrep.runs.extraction import process_in_batches
    from synthetic_corpus import iter_documents

    articles = [d.article for d in iter_documents(SETTLED_FIRST + SETTLED, seed=5)]
    articles = articles[SETTLED_FIRST:]
    whole = list(process_in_batches(articles, Settings(), size=SETTLED))
    half = list(process_in_batches(articles[5:], Settings(), size=SETTLED))
    assert [d.reports for d in whole[5:]] != [d.reports for d in half]  # type: ignore[union-attr]


def _check_mid_batch(store: object, inputs: list[Path]) -> None:
    clean, _ = kill.clean_dump(store, inputs, SETTLED)
    db, stored = kill.kill_after_writes(store, inputs, SETTLED, [5])
    assert stored == [5]
    assert kill.compare(clean, store.dump(db)) == {}  # type: ignore[attr-defined]


def test_a_sqlite_ingest_killed_inside_a_batch_resumes_to_the_clean_store(
    settled_inputs: list[Path], tmp_path: Path
) -> None:
    _check_mid_batch(kill.Store(tmp_path), settled_inputs)


@pytest.mark.postgres
def test_a_postgresql_ingest_killed_inside_a_batch_resumes_to_the_clean_store(
    settled_inputs: list[Path], tmp_path: Path
) -> None:
    if not POSTGRES_URL:
        pytest.skip("SITREP_TEST_POSTGRES_URL is not set")
    store = kill.Store(tmp_path, POSTGRES_URL)
    try:
        _check_mid_batch(store, settled_inputs)
    finally:
        store.drop()


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
