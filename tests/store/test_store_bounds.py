"""Dates and counts out of bounds never break a write or the resolution, on both backends."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from store_samples import sample_documents

from sitrep.bounds import MAX_COUNT
from sitrep.config import Settings
from sitrep.errors import UnstorableValue
from sitrep.model import Article, Document, Failure, Number, PartialDate
from sitrep.runs.extraction import Stored
from sitrep.runs.ingest import Process, ingest_into
from sitrep.runs.resolution import resolve_pending
from sitrep.store import SqlStore

HUGE = Number.exact(2**63)


def _absurd(doc: Document) -> Document:
    """``doc`` dated 0001-01-01, its reports on 9999-12-31 with 2^63 killed, its figures at 10^20."""
    reports = tuple(
        dataclasses.replace(
            r, date=PartialDate(9999, 12, 31), killed=HUGE, injured=Number.exact(MAX_COUNT + 1)
        )
        for r in doc.reports
    )
    figures = tuple(dataclasses.replace(f, value=Number.exact(10**20)) for f in doc.figures)
    article = dataclasses.replace(doc.article, published=dt.date(1, 1, 1), published_basis="stated")
    return dataclasses.replace(doc, article=article, reports=reports, figures=figures)


def test_absurd_values_are_stored_as_unknown(store: SqlStore) -> None:
    doc = _absurd(sample_documents()[0])
    assert store.write_document(doc, None)
    stored = store.get_document(doc.article.id)
    assert stored is not None
    assert (stored.article.published, stored.article.published_basis) == (None, "unknown")
    assert all(r.date is None and r.killed is None and r.injured is None for r in stored.reports)
    assert stored.figures == ()


def test_absurd_articles_leave_the_store_resolving(store: SqlStore, settings: Settings) -> None:
    bad, *good = sample_documents()
    items = [_absurd(bad), *good]
    summary = ingest_into(store, [d.article for d in items], settings, process=_given(items))
    assert summary.failures == () and summary.articles_new == 3
    assert summary.incidents >= 1
    assert resolve_pending(store, settings) == 0  # nothing left over, nothing raised


def _given(docs: list[Document]) -> Process:
    """A ``process`` that returns ``docs`` for their articles."""
    by_id = {d.article.id: d for d in docs}

    def process(
        items: Iterable[Article | Failure | Stored], settings: Settings
    ) -> Iterator[Document | Failure]:
        for item in items:
            if not isinstance(item, Stored):
                yield item if isinstance(item, Failure) else by_id[item.id]

    return process


def test_an_old_out_of_range_row_reads_as_unknown(store: SqlStore, settings: Settings) -> None:
    doc = sample_documents()[0]
    store.write_document(doc, None)
    # A database written before the bounds: a report dated 0001-01-01.
    store.db.execute(
        "UPDATE reports SET date = '0001-01-01' WHERE article_id = ?", [doc.article.id]
    )
    stored = store.get_document(doc.article.id)
    assert stored is not None and all(r.date is None for r in stored.reports)
    resolve_pending(store, settings)  # does not raise (window arithmetic overflowed before)


def test_a_value_the_database_refuses_fails_that_document_alone(
    store: SqlStore, settings: Settings
) -> None:
    first, second, third = sample_documents()
    # NUL reaches no store through ingest (replaced there); PostgreSQL refuses it outright.
    bad = dataclasses.replace(first, article=dataclasses.replace(first.article, title="a\x00b"))
    if store.db.dialect == "postgresql":
        with pytest.raises(UnstorableValue):
            store.write_document(bad, None)
        assert store.get_article(first.article.id) is None
    summary = ingest_into(
        store,
        [d.article for d in (bad, second, third)],
        settings,
        process=_given([bad, second, third]),
    )
    stored = {second.article.id, third.article.id}
    assert all(store.get_article(a) is not None for a in stored)
    if store.db.dialect == "postgresql":
        assert [f.stage for f in summary.failures] == ["store"]
        assert first.article.source in summary.failures[0].reason
