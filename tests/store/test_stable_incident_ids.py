"""Incident ids stay put across ingests: a copy joining, incidents merging, splits, reruns."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import random

from id_renaming import renamed, stored_ids
from store_samples import article, evidence

from sitrep.config import Settings
from sitrep.export import write_export
from sitrep.model import Corpus, Document, Incident, Number, PartialDate, Place, Report
from sitrep.resolve import resolve
from sitrep.runs.resolution import resolve_pending
from sitrep.store import IncidentFilter, SqlStore
from sitrep.store import _codec as codec
from sitrep.store.backends import connect
from sitrep.store.base import listing_order
from sitrep.store.schema import migrate
from synthetic_corpus import generate

ZOLOCHIV = Place("Zolochiv", 50.2803, 35.9786, "Kharkivska", "settlement", id="UA6320")
# The same gazetteer entry under another spelling: one place, but no shared name.
ZOLOCHEV = dataclasses.replace(ZOLOCHIV, name="Zolochev")
DAY = PartialDate(2024, 5, 6)


def _doc(
    text: str,
    outlet: str,
    place: Place = ZOLOCHIV,
    published: dt.date = dt.date(2024, 5, 6),
    killed: int | None = None,
    injured: int | None = None,
) -> Document:
    art = article(text, outlet, published, f"{outlet}.txt")
    report = Report(
        article_id=art.id,
        date=DAY,
        place=place,
        event_type="explosions_remote_violence",
        sub_event_type="shelling_artillery_missile_attack",
        evidence=(evidence(text, "shelling", 1),),
        extractor="casualties.v1",
        killed=None if killed is None else Number.exact(killed),
        injured=None if injured is None else Number.exact(injured),
    )
    return Document(art, (), (), (report,))


def _ingest(store: SqlStore, settings: Settings, *docs: Document) -> None:
    for doc in docs:
        store.write_document(doc, None)
    resolve_pending(store, settings)


def _only(store: SqlStore) -> Incident:
    (incident,) = store.list_incidents()
    return incident


def _acled_ids(store: SqlStore) -> list[str]:
    out = io.BytesIO()
    write_export(store, "acled", out, timestamp=0)
    lines = out.getvalue().decode().splitlines()
    return sorted(line.split(",", 1)[0] for line in lines[1:])


def test_a_copy_joining_keeps_the_id_the_natural_one_would_change(
    store: SqlStore, settings: Settings
) -> None:
    a = _doc(
        "Shelling of Zolochiv\nRussian shelling hit Zolochiv, killing 2.\n", "Herald", killed=2
    )
    b = _doc(
        "Shelling of Zolochiv\nRussian shelling hit Zolochiv, killing two.\n", "Wire", killed=2
    )
    first, copy = sorted([a, b], key=lambda d: d.article.id, reverse=True)
    natural_before = resolve([first], settings).incidents[0].id
    natural_after = resolve([first, copy], settings).incidents[0].id
    assert natural_before != natural_after  # the copy sorts first: a fresh resolve renames it

    _ingest(store, settings, first)
    before = _only(store).id
    acled_before = _acled_ids(store)
    _ingest(store, settings, copy)
    incident = _only(store)
    assert incident.id == before == natural_before
    assert len(incident.reports) == 2
    assert store.get_incident(before) == incident
    assert _acled_ids(store) == acled_before == [f"UKR-{before}"]
    assert store.incident_redirect(before) is None


def test_an_incident_contradiction_keeps_its_id_when_a_copy_joins(
    store: SqlStore, settings: Settings
) -> None:
    def doc(n: int, killed: int) -> Document:
        text = f"Shelling of Zolochiv {n}\nRussian shelling hit Zolochiv, killing {killed}.\n"
        return _doc(text, f"Outlet {n}", killed=killed)

    two, five, *rest = (doc(n, k) for n, k in enumerate([2, 5, *[2] * 20]))
    copy = min(rest, key=lambda d: d.article.id)  # sorts first: renames the natural ids
    assert copy.article.id < min(two.article.id, five.article.id)
    _ingest(store, settings, two, five)
    (before,) = store.list_contradictions()
    incident_id = _only(store).id
    assert before.incident == incident_id
    _ingest(store, settings, copy)
    (after,) = store.list_contradictions()
    assert (after.id, after.incident, _only(store).id) == (before.id, incident_id, incident_id)
    assert len(after.claims) == 3
    natural = resolve([two, five, copy], settings)
    assert natural.incidents[0].id != incident_id and natural.contradictions[0].id != before.id


def _bridged() -> tuple[Document, Document, Document]:
    """Two reports of one place under two spellings that disagree on the toll (two
    incidents; the higher toll told first, so no revision), and an earlier-published
    report sharing the name with one and a count with the other (one incident)."""
    one = _doc("Zolochiv shelled\nshelling killed 2 in Zolochiv.\n", "Herald", killed=2)
    other = _doc(
        "Zolochev shelled\nshelling killed 10 and injured 5.\n",
        "Wire",
        place=ZOLOCHEV,
        published=dt.date(2024, 5, 5),
        killed=10,
        injured=5,
    )
    bridge = _doc(
        "Zolochiv hit\nshelling injured 5 in Zolochiv.\n",
        "Times",
        published=dt.date(2024, 5, 4),
        injured=5,
    )
    return one, other, bridge


def test_merging_incidents_keep_the_oldest_id_and_the_other_redirects(
    store: SqlStore, settings: Settings
) -> None:
    one, other, bridge = _bridged()
    _ingest(store, settings, one)
    oldest = _only(store).id
    _ingest(store, settings, other)
    ids = {i.id for i in store.list_incidents()}
    assert len(ids) == 2 and oldest in ids
    (younger,) = ids - {oldest}

    _ingest(store, settings, bridge)
    merged = _only(store)
    assert len(merged.reports) == 3
    assert merged.id == oldest != resolve([one, other, bridge], settings).incidents[0].id
    assert store.incident_redirect(younger) == oldest
    assert store.get_incident(younger) is None
    assert store.incident_redirect(oldest) is None


def test_a_rerun_and_a_rebuild_keep_every_id(store: SqlStore, settings: Settings) -> None:
    one, other, bridge = _bridged()
    for doc in (one, other, bridge):
        _ingest(store, settings, doc)
    corpus = store.load_corpus()
    redirects = store.db.query("SELECT id, redirect FROM incident_ids ORDER BY id")
    assert resolve_pending(store, settings) == 0
    assert store.load_corpus() == corpus
    rebuilt = dataclasses.replace(settings, jaccard_threshold=0.6)  # other rules: rebuilt
    assert resolve_pending(store, rebuilt) == 3
    assert store.load_corpus() == corpus
    assert store.db.query("SELECT id, redirect FROM incident_ids ORDER BY id") == redirects


def test_a_split_leaves_the_id_with_the_part_holding_its_first_report(
    store: SqlStore, settings: Settings
) -> None:
    one, other, bridge = _bridged()
    for doc in (one, other, bridge):
        store.write_document(doc, None)
    r1, r2, r3 = (d.reports[0] for d in (one, other, bridge))

    def incident(natural: str, *reports: Report) -> Incident:
        return Incident(natural, DAY, ZOLOCHIV, "explosions_remote_violence", "", reports)

    store.replace_resolution(Corpus(incidents=(incident("incident-all", r1, r2, r3),)))
    assert [i.id for i in store.list_incidents()] == ["incident-all"]
    store.replace_resolution(
        Corpus(incidents=(incident("incident-a", r2), incident("incident-b", r1, r3)))
    )
    assert {i.id: i.reports for i in store.list_incidents()} == {
        "incident-all": (r1, r3),
        "incident-a": (r2,),
    }
    store.replace_resolution(Corpus(incidents=(incident("incident-c", r2, r1, r3),)))
    assert [i.id for i in store.list_incidents()] == ["incident-all"]  # the older id
    assert store.incident_redirect("incident-a") == "incident-all"


def test_an_older_store_keeps_its_ids_through_the_upgrade_and_the_rebuild(
    settings: Settings,
) -> None:
    """A version-5 store (before stable ids) holding one incident of the three reports."""
    one, other, bridge = _bridged()
    db = connect(settings.db)
    migrate(db, up_to=5)
    old = SqlStore(db)
    for doc in (one, other, bridge):
        _write_as_version_5(old, doc)
    reports = tuple(d.reports[0] for d in (other, one, bridge))
    legacy = Incident("incident-legacy", DAY, ZOLOCHIV, "explosions_remote_violence", "", reports)
    old.insert_rows("incidents", [codec.incident_row(legacy, 1)])
    old.insert_rows(
        "incident_reports",
        [
            {"incident_id": "incident-legacy", "report_id": f"{r.article_id}#r0", "position": i}
            for i, r in enumerate(reports)
        ],
    )
    db.close()
    with SqlStore(connect(settings.db)) as store:
        migrate(store.db)
        assert resolve_pending(store, settings) == 3  # no resolution state yet: all of it
        incident = _only(store)
        assert (
            incident.id
            == "incident-legacy"
            != resolve([one, other, bridge], settings).incidents[0].id
        )
        assert len(incident.reports) == 3


def _write_as_version_5(store: SqlStore, doc: Document) -> None:
    """``doc``'s rows as sitrep wrote them at version 5 (every sentence with its text;
    the store writes today's schema only)."""
    article_id = doc.article.id
    store.insert_rows("articles", [codec.article_row(doc.article, None)])
    store.insert_rows("sentences", [codec.sentence_row(article_id, s) for s in doc.sentences])
    store.insert_rows(
        "place_mentions", [codec.mention_row(article_id, i, m) for i, m in enumerate(doc.places)]
    )
    store.insert_rows("reports", [codec.report_row(r, i) for i, r in enumerate(doc.reports)])
    store.insert_rows("figures", [codec.figure_row(f, i) for i, f in enumerate(doc.figures)])


DOCS, _ = generate(40, seed=5)


def test_ids_once_shown_stay_reachable_over_batches(store: SqlStore, settings: Settings) -> None:
    """Over random batches of the synthetic corpus: every id shown after some batch
    still names (itself or by its one redirect) an incident holding one of its reports."""
    docs = list(DOCS)
    random.Random(7).shuffle(docs)
    shown: dict[str, set[Report]] = {}
    for a, b in itertools.pairwise([0, 9, 20, 38, 51, 70, 83, len(docs)]):
        _ingest(store, settings, *docs[a:b])
        for incident in store.list_incidents(IncidentFilter(limit=None)):
            shown.setdefault(incident.id, set()).update(incident.reports)
    final = {i.id: i for i in store.list_incidents(IncidentFilter(limit=None))}
    for old_id, reports in shown.items():
        current = old_id if old_id in final else store.incident_redirect(old_id)
        assert current in final, old_id
        assert reports & set(final[current].reports), old_id
    expected = resolve(DOCS, settings)
    expected = dataclasses.replace(expected, incidents=tuple(listing_order(expected.incidents)))
    corpus = store.load_corpus()
    assert renamed(corpus, expected) == expected
    assert set(stored_ids(corpus, expected)) == set(final)
    named = {c.incident for c in corpus.contradictions if c.kind == "incident"}
    assert named and named <= set(final)  # contradictions name incidents by their stored ids
