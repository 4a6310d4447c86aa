"""Resolving through the store, batch by batch, equals resolving every article from scratch.

Up to the names of incidents: the store keeps an incident's first id across
batches (sitrep.store.incident_ids), so its ids depend on the batches.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections.abc import Sequence

import pytest
from id_renaming import renamed

from sitrep.config import Settings
from sitrep.model import Corpus, Document
from sitrep.resolve import resolve
from sitrep.runs import resolution as store_resolution
from sitrep.runs.resolution import resolve_pending
from sitrep.store import SqlStore
from sitrep.store.base import listing_order
from synthetic_corpus import generate

DOCS, _ = generate(40, seed=5)


def _expected(docs: Sequence[Document], settings: Settings) -> Corpus:
    scratch = resolve(docs, settings)
    return dataclasses.replace(scratch, incidents=tuple(listing_order(scratch.incidents)))


def _batches(seed: int, count: int) -> list[list[Document]]:
    docs = list(DOCS)
    random.Random(seed).shuffle(docs)
    cuts = sorted(random.Random(seed + 1).sample(range(1, len(docs)), count - 1))
    bounds = [0, *cuts, len(docs)]
    return [docs[a:b] for a, b in itertools.pairwise(bounds)]


def test_the_synthetic_corpus_exercises_every_kind_of_record(settings: Settings) -> None:
    expected = _expected(DOCS, settings)
    assert len(expected.stories) >= 3 and expected.inferred_published
    assert any(len(i.reports) > 2 for i in expected.incidents)
    kinds = {c.kind for c in expected.contradictions}
    assert kinds == {"figure", "incident"}


@pytest.mark.parametrize(("seed", "count"), [(1, 2), (2, 5), (3, 12)])
def test_batches_through_the_store_equal_from_scratch(
    store: SqlStore, settings: Settings, seed: int, count: int
) -> None:
    for batch in _batches(seed, count):
        for doc in batch:
            store.write_document(doc, None)
        assert resolve_pending(store, settings) == len(batch)
    stored = store.load_corpus()
    assert renamed(stored, _expected(DOCS, settings)) == _expected(DOCS, settings)
    runs = store.db.query("SELECT COUNT(*) AS n FROM resolution_signature_runs")[0]["n"]
    assert 1 <= runs <= count.bit_length()  # signature runs merge as they grow
    assert resolve_pending(store, settings) == 0  # nothing left: a rerun changes nothing
    assert store.load_corpus() == stored


def test_replaced_resolution_is_rebuilt_by_the_next_resolve(
    store: SqlStore, settings: Settings
) -> None:
    for doc in DOCS:
        store.write_document(doc, None)
    store.replace_resolution(Corpus())
    assert store.counts()["incidents"] == 0
    assert resolve_pending(store, settings) == len(DOCS)
    assert store.load_corpus() == _expected(DOCS, settings)


def test_other_rules_rebuild_the_resolution(store: SqlStore, settings: Settings) -> None:
    for doc in DOCS:
        store.write_document(doc, None)
    resolve_pending(store, settings)
    stricter = dataclasses.replace(settings, jaccard_threshold=0.6)
    assert _expected(DOCS, stricter) != _expected(DOCS, settings)
    assert resolve_pending(store, stricter) == len(DOCS)
    assert store.load_corpus() == _expected(DOCS, stricter)


class Killed(Exception):
    pass


def test_a_killed_resolution_keeps_whole_chunks_and_resumes(
    store: SqlStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for doc in DOCS:
        store.write_document(doc, None)
    monkeypatch.setattr(store_resolution, "CHUNK", 10)
    real_run = store_resolution._Update.run
    calls: list[int] = []

    def dies_on_the_third_chunk(update: store_resolution._Update) -> None:
        calls.append(1)
        real_run(update)
        if len(calls) == 3:
            raise Killed  # after writing, inside the chunk's transaction

    monkeypatch.setattr(store_resolution._Update, "run", dies_on_the_third_chunk)
    with pytest.raises(Killed):
        resolve_pending(store, settings)
    done = sorted(
        row["article_id"] for row in store.db.query("SELECT article_id FROM resolution_articles")
    )
    first_two_chunks = sorted(d.article.id for d in DOCS)[:20]
    assert done == first_two_chunks
    partial = [d for d in DOCS if d.article.id in set(done)]
    assert renamed(store.load_corpus(), _expected(partial, settings)) == _expected(
        partial, settings
    )

    monkeypatch.setattr(store_resolution._Update, "run", real_run)
    assert resolve_pending(store, settings) == len(DOCS) - 20
    assert renamed(store.load_corpus(), _expected(DOCS, settings)) == _expected(DOCS, settings)
