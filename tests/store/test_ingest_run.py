"""``ingest_into``: skip what is stored, record failures, survive an interrupted run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import pytest
from store_samples import article, fake_process

from sitrep.config import Settings
from sitrep.model import Article, Corpus, Document, Failure, Story
from sitrep.runs.extraction import Stored
from sitrep.runs.ingest import ingest_into
from sitrep.store import SqlStore


def _articles(n: int) -> list[Article]:
    return [
        article(
            f"Title {i}\nBody of article number {i}.\n",
            "Example Herald",
            dt.date(2024, 5, i + 1),
            f"{i}.txt",
        )
        for i in range(n)
    ]


def _one_story(docs: Sequence[Document], settings: Settings) -> Corpus:
    return Corpus(stories=(Story("all", tuple(d.article.id for d in docs)),))


class Boom(Exception):
    pass


def _dies_after(n: int):  # type: ignore[no-untyped-def]
    def process(
        items: Iterable[Article | Failure | Stored], settings: Settings
    ) -> Iterator[Document | Failure]:
        for done, doc in enumerate(fake_process(items, settings)):
            if done == n:
                raise Boom("killed midway")
            yield doc

    return process


def test_ingest_stores_documents_failures_and_resolution(
    store: SqlStore, settings: Settings
) -> None:
    items: list[Article | Failure] = [*_articles(3), Failure("junk.bin", "binary data", "binary")]
    seen: list[str] = []
    summary = ingest_into(
        store, items, settings, seen.append, process=fake_process, resolve=_one_story
    )
    assert (summary.articles_new, summary.articles_skipped, summary.resolved) == (3, 0, 3)
    assert summary.failures == (Failure("junk.bin", "binary data", "binary"),)
    assert seen == ["0.txt", "1.txt", "2.txt", "junk.bin"]
    assert [len(s.article_ids) for s in store.list_stories()] == [3]


def test_reingesting_is_a_no_op(store: SqlStore, settings: Settings) -> None:
    ingest_into(store, _articles(3), settings, process=fake_process, resolve=_one_story)
    before = store.counts()
    summary = ingest_into(store, _articles(3), settings, process=fake_process, resolve=_one_story)
    assert (summary.articles_new, summary.articles_skipped) == (0, 3)
    after = store.counts()
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before


def test_an_interrupted_run_is_completed_by_a_rerun(store: SqlStore, settings: Settings) -> None:
    with pytest.raises(Boom):
        ingest_into(store, _articles(5), settings, process=_dies_after(2), resolve=_one_story)
    assert store.counts()["articles"] == 2
    assert store.counts()["sentences"] == 4  # whole documents only
    run = store.db.query("SELECT status, articles_new FROM runs")[0]
    assert (run["status"], run["articles_new"]) == ("interrupted", 2)

    summary = ingest_into(store, _articles(5), settings, process=fake_process, resolve=_one_story)
    assert (summary.articles_new, summary.articles_skipped) == (3, 2)
    counts = store.counts()
    assert (counts["articles"], counts["sentences"], counts["stories"]) == (5, 10, 1)
    assert len(store.db.query("SELECT DISTINCT id FROM articles")) == 5


def test_without_resolve_the_documents_are_still_stored(
    store: SqlStore, settings: Settings
) -> None:
    summary = ingest_into(
        store, _articles(2), settings, process=fake_process, resolve=lambda docs, s: Corpus()
    )
    assert summary.articles_new == 2 and store.counts()["incidents"] == 0
