"""The store contract, run against SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from store_samples import ZOLOCHIV, documents, sample_corpus, sample_documents

from sitrep.bounds import bounded_document
from sitrep.config import Settings
from sitrep.errors import SchemaVersionError, StoreError
from sitrep.model import Corpus, Document, Failure, Incident, PartialDate
from sitrep.store import LATEST_VERSION, IncidentFilter, SqlStore, open_store
from sitrep.store import _codec as codec
from sitrep.store.backends import connect
from sitrep.store.base import listing_key, listing_order
from sitrep.store.schema import migrate


@hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=documents())
def test_document_round_trips(store: SqlStore, doc: Document) -> None:
    doc = _with_fresh_id(doc)  # examples share one store; Hypothesis repeats ids
    assert store.write_document(doc, None)
    kept = bounded_document(doc)  # dates and counts out of bounds are stored as unknown
    assert store.get_document(doc.article.id) == kept
    assert store.get_article(doc.article.id) == kept.article


def _with_fresh_id(doc: Document) -> Document:
    new = uuid.uuid4().hex
    return Document(
        dataclasses.replace(doc.article, id=new),
        doc.sentences,
        doc.places,
        tuple(dataclasses.replace(r, article_id=new) for r in doc.reports),
        tuple(dataclasses.replace(f, article_id=new) for f in doc.figures),
    )


def test_load_documents_returns_every_document(store: SqlStore) -> None:
    docs = sample_documents()
    for doc in docs:
        store.write_document(doc, None)
    assert sorted(store.load_documents(), key=lambda d: d.article.id) == sorted(
        docs, key=lambda d: d.article.id
    )


def test_writing_a_document_twice_changes_nothing(store: SqlStore) -> None:
    doc = sample_documents()[0]
    assert store.write_document(doc, None) is True
    before = store.counts()
    assert store.write_document(doc, None) is False
    assert store.has_article(doc.article.id)
    assert store.counts() == before
    assert before["articles"] == 1 and before["sentences"] == 3 and before["reports"] == 1


def test_a_failed_write_leaves_no_partial_article(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = sample_documents()[1]

    def explode(rows: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(store.db, "index_sentences", explode)
    with pytest.raises(StoreError, match="disk full"):
        store.write_document(doc, None)
    monkeypatch.undo()
    assert (
        store.counts()["articles"] == store.counts()["sentences"] == store.counts()["figures"] == 0
    )
    assert store.write_document(doc, None)
    assert store.get_document(doc.article.id) == doc


def test_resolution_round_trips_and_replaces(store: SqlStore) -> None:
    docs = sample_documents()
    for doc in docs:
        store.write_document(doc, None)
    corpus = sample_corpus(docs)
    store.replace_resolution(corpus)
    store.replace_resolution(corpus)
    assert store.load_corpus() == corpus
    counts = store.counts()
    assert (counts["stories"], counts["incidents"], counts["contradictions"]) == (1, 2, 2)
    store.replace_resolution(
        dataclasses.replace(corpus, incidents=corpus.incidents[:1], contradictions=())
    )
    assert [i.id for i in store.list_incidents()] == ["inc-zolochiv"]
    assert store.list_contradictions() == []


@pytest.fixture
def resolved(store: SqlStore) -> SqlStore:
    docs = sample_documents()
    for doc in docs:
        store.write_document(doc, None)
    store.replace_resolution(sample_corpus(docs))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (IncidentFilter(), ["inc-zolochiv", "inc-nikopol"]),  # unknown year last
        (IncidentFilter(date_from=dt.date(2024, 5, 6)), ["inc-zolochiv"]),
        (IncidentFilter(date_to=dt.date(2024, 5, 5)), []),
        (IncidentFilter(oblast="kharkiv"), ["inc-zolochiv"]),
        (IncidentFilter(oblast="Dnipropetrovska"), ["inc-nikopol"]),
        (IncidentFilter(event_type="air_drone_strike"), ["inc-nikopol"]),
        (IncidentFilter(event_type="explosions_remote_violence"), ["inc-zolochiv", "inc-nikopol"]),
        (IncidentFilter(min_killed=1), ["inc-zolochiv"]),
        (IncidentFilter(min_killed=3), []),
        (IncidentFilter(q="drone"), ["inc-nikopol"]),
        (IncidentFilter(q="bus depot"), ["inc-nikopol"]),
        (IncidentFilter(q='"Zolochiv*('), ["inc-zolochiv"]),  # not read as query syntax
        (IncidentFilter(bbox=(35.0, 50.0, 36.5, 50.5)), ["inc-zolochiv"]),
        (IncidentFilter(limit=1), ["inc-zolochiv"]),
        (IncidentFilter(limit=1, offset=1), ["inc-nikopol"]),
        (IncidentFilter(after="inc-zolochiv"), ["inc-nikopol"]),
        (IncidentFilter(after="inc-nikopol"), []),
        (IncidentFilter(after="gone"), []),
        (IncidentFilter(q="drone", after="inc-zolochiv"), ["inc-nikopol"]),
    ],
)
def test_list_incidents_filters(
    resolved: SqlStore, filters: IncidentFilter, expected: list[str]
) -> None:
    assert [i.id for i in resolved.list_incidents(filters)] == expected


def test_get_incident_has_reports_with_evidence(resolved: SqlStore) -> None:
    incident = resolved.get_incident("inc-zolochiv")
    assert incident is not None
    assert [r.injured.value for r in incident.reports if r.injured] == [14, 15]
    evidence = incident.reports[0].evidence[0]
    article = resolved.get_article(incident.reports[0].article_id)
    assert article is not None and article.text[evidence.start : evidence.end] == evidence.text
    assert resolved.get_incident("nope") is None


def test_figures_contradictions_stories_outlets(resolved: SqlStore) -> None:
    figures = resolved.list_figures(metric="civilians_killed", scope="kharkivska")
    assert [(f.value.value, f.claimant and f.claimant.name) for f in figures] == [
        (310, "regional authorities"),
        (187, "UN HRMMU"),
    ]
    assert resolved.list_figures(metric="refugees") == []
    assert [c.id for c in resolved.list_contradictions()] == ["c-fig", "c-inc"]
    assert [len(s.article_ids) for s in resolved.list_stories()] == [1 + 1]
    docs = sample_documents()
    assert resolved.outlets([d.article.id for d in docs]) == {
        docs[0].article.id: "Example Herald",
        docs[1].article.id: "Example Wire",
        docs[2].article.id: "Example Times",
    }


def test_search_sentences(resolved: SqlStore) -> None:
    hits = resolved.search_sentences("verified civilian deaths")
    assert [sent.text for _, sent in hits] == [
        "The UN monitoring mission said it had verified 187 civilian deaths in the region."
    ]


def test_runs_and_failures_are_recorded(store: SqlStore) -> None:
    from sitrep.store import RunStats

    run_id = store.begin_run()
    store.write_failure(Failure("junk.bin", "not text", "binary"), run_id)
    store.finish_run(run_id, RunStats("finished", 0, 0, 1, ("casualties.v1",)))
    rows = store.db.query("SELECT status, failures, extractors, finished FROM runs")
    assert rows[0]["status"] == "finished" and rows[0]["failures"] == 1
    assert rows[0]["extractors"] == '["casualties.v1"]' and rows[0]["finished"]
    assert store.list_failures() == [
        {
            "run_id": run_id,
            "source": "junk.bin",
            "kind": "binary",
            "reason": "not text",
            "stage": "ingest",
        }
    ]


def test_reopening_keeps_data_and_version(settings: Settings) -> None:
    with open_store(settings) as store:
        store.write_document(sample_documents()[0], None)
    with open_store(settings) as store:
        assert store.counts()["articles"] == 1
        assert (
            store.db.query("SELECT MAX(version) AS v FROM schema_version")[0]["v"] == LATEST_VERSION
        )


def test_a_database_from_a_newer_sitrep_is_refused(settings: Settings) -> None:
    with open_store(settings) as store:
        store.db.execute(
            "INSERT INTO schema_version (version, applied) VALUES (?, ?)", [LATEST_VERSION + 1, "x"]
        )
    with pytest.raises(
        SchemaVersionError, match=rf"schema version {LATEST_VERSION + 1}, made by a newer sitrep"
    ):
        open_store(settings)


def test_read_only_refuses_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="No database at"):
        open_store(Settings(db=str(missing)), read_only=True)
    assert not missing.exists()


def test_read_only_reads(settings: Settings) -> None:
    with open_store(settings) as store:
        store.write_document(sample_documents()[0], None)
    with open_store(settings, read_only=True) as store:
        assert store.counts()["articles"] == 1
        with pytest.raises(StoreError):
            store.write_document(sample_documents()[1], None)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a sqlite file at all" * 10)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(Settings(db=str(junk)))


@pytest.mark.postgres
def test_postgres_connection_errors_hide_the_password(postgres_url: str) -> None:
    bad = postgres_url.replace("sitrep:sitrep@", "sitrep:wrong-secret@", 1)
    if bad == postgres_url:
        pytest.skip("the test URL does not use the sitrep:sitrep credentials")
    with pytest.raises(StoreError) as info:
        open_store(Settings(db=bad))
    assert "wrong-secret" not in str(info.value)
    assert "start-postgres.sh" in str(info.value)


def _dated_incidents(n: int) -> list[Incident]:
    """``n`` incidents in a scrambled order: same-day ties, year-unknown and undated ones."""
    days = [PartialDate(2024, 5, 1 + k % 4) for k in range(n)]
    days[3::7] = [PartialDate(None, 5, 8)] * len(days[3::7])
    days[5::6] = [None] * len(days[5::6])
    order = sorted(range(n), key=lambda k: (k * 7919) % n)
    return [
        Incident(f"inc-{k:02d}", days[k], ZOLOCHIV, "explosions_remote_violence",
                 "shelling_artillery_missile_attack", ())
        for k in order
    ]  # fmt: skip


@pytest.mark.parametrize("q", [None, "Zolochiv"])
def test_paging_after_the_last_id_walks_the_listing_order_once(
    store: SqlStore, q: str | None
) -> None:
    incidents = _dated_incidents(23)
    store.replace_resolution(Corpus(incidents=tuple(incidents)))
    everything = [i.id for i in store.list_incidents(IncidentFilter(q=q, limit=None))]
    assert everything == [i.id for i in listing_order(incidents)]
    seen: list[str] = []
    page = IncidentFilter(q=q, limit=4)
    while batch := store.list_incidents(page):
        seen += [i.id for i in batch]
        page = dataclasses.replace(page, after=batch[-1].id)
    assert seen == everything
    assert [
        i.id for i in store.list_incidents(IncidentFilter(q=q, limit=None, offset=20))
    ] == everything[20:]
    after_then_skip = IncidentFilter(q=q, limit=3, offset=2, after=everything[3])
    assert [i.id for i in store.list_incidents(after_then_skip)] == everything[6:9]


def test_a_version_1_database_migrates_to_listing_positions(settings: Settings) -> None:
    incidents = _dated_incidents(9)
    db = connect(settings.db)
    migrate(db, up_to=1)
    rows = [codec.incident_row(i, n) for n, i in enumerate(incidents)]  # version 1: corpus order
    db.executemany(codec.insert_sql("incidents", rows[0]), [list(r.values()) for r in rows])
    if db.dialect == "sqlite":
        db.executemany(
            "INSERT INTO incident_search (incident_id, summary) VALUES (?, ?)",
            [(r["id"], r["summary"]) for r in rows],
        )
    db.close()
    with open_store(settings) as store:
        # Dates as in the listing order; ties keep the version-1 order until the
        # next ingest resolves the store again (a migration cannot hash ids).
        by_day = sorted(incidents, key=lambda i: listing_key(i.id, i.date) >> 40)
        expected = [i.id for i in by_day]
        by_position = store.db.query("SELECT id FROM incidents ORDER BY position")
        assert [r["id"] for r in by_position] == expected
        assert [i.id for i in store.list_incidents(IncidentFilter(q="Zolochiv"))] == expected
