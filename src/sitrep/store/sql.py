"""The :class:`Store` over SQL, for both backends, and :func:`open_store`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any

from sitrep.bounds import bounded_document, clean_chars
from sitrep.config import Settings
from sitrep.errors import UnstorableValue
from sitrep.model import (
    Article,
    Contradiction,
    Corpus,
    Document,
    Failure,
    Figure,
    Incident,
    Number,
    PlaceMention,
    Report,
    Sentence,
    Story,
)
from sitrep.store import _codec as codec
from sitrep.store import queries
from sitrep.store.backends import Backend, Row, connect
from sitrep.store.base import IncidentFilter, RunStats, listing_key
from sitrep.store.incident_ids import assign_ids, redirect_of, renamed_contradictions
from sitrep.store.schema import migrate

__all__ = ["RESOLVED_TABLES", "STATE_TABLES", "SqlStore", "open_store"]


# What replace_resolution rewrites.
RESOLVED_TABLES = (
    "stories",
    "story_articles",
    "incidents",
    "incident_reports",
    "contradictions",
    "inferred_dates",
)
# Resolved tables that point at others (deleted first).
_LINK_TABLES = ("incident_reports", "story_articles", "contradictions", "inferred_dates")
# What incremental resolution keeps between runs (see sitrep.runs.resolution).
STATE_TABLES = (
    "resolution_meta",
    "resolution_articles",
    "resolution_signature_runs",
    "resolution_reports",
    "resolution_claims",
)
# Values per IN (...) list: under SQLite's limit of 32,766 parameters.
_IN_CHUNK = 10_000
# Arbitrary constant: the PostgreSQL advisory lock that serialises resolvers.
_PG_RESOLUTION_LOCK = 7_346_108


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    items = list(values)
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def open_store(settings: Settings, *, read_only: bool = False) -> SqlStore:
    """The store at ``settings.db``: PostgreSQL for a ``postgresql://`` URL, else a SQLite file.

    Creates and migrates the schema unless ``read_only``.  Raises
    :class:`~sitrep.errors.StoreError` (or its ``SchemaVersionError``).
    """
    db = connect(settings.db, read_only)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return SqlStore(db)


class SqlStore:
    """A sitrep database over a SQL :class:`Backend` (see :class:`~sitrep.store.base.Store`)."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.location = db.location

    # -- lifetime -------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- runs -----------------------------------------------------------------
    def begin_run(self) -> str:
        run_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self.db.execute("INSERT INTO runs (id, started) VALUES (?, ?)", [run_id, _now()])
        return run_id

    def finish_run(self, run_id: str, stats: RunStats) -> None:
        self.db.execute(
            "UPDATE runs SET finished = ?, status = ?, articles_new = ?, articles_skipped = ?, "
            "failures = ?, extractors = ? WHERE id = ?",
            [
                _now(),
                stats.status,
                stats.articles_new,
                stats.articles_skipped,
                stats.failures,
                json.dumps(sorted(stats.extractors)),
                run_id,
            ],
        )

    # -- writing documents ----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self.db.query("SELECT 1 AS hit FROM articles WHERE id = ?", [article_id]))

    def stored_places(self, article_id: str) -> tuple[PlaceMention, ...] | None:
        """The place mentions of a stored article, in order; None if it is not stored."""
        rows = self.db.query(
            "SELECT m.* FROM articles a LEFT JOIN place_mentions m ON m.article_id = a.id "
            "WHERE a.id = ? ORDER BY m.idx",
            [article_id],
        )
        if not rows:
            return None
        return tuple(codec.mention_from(row) for row in rows if row["place"] is not None)

    def write_document(self, doc: Document, run_id: str | None) -> bool:
        """Store ``doc`` (dates and counts out of bounds made unknown); False if stored before.

        Raises :class:`UnstorableValue` (nothing of ``doc`` written) when the database
        refuses one of its values; other documents can still be written.
        """
        try:
            return self._write_document(bounded_document(doc), run_id)
        except UnstorableValue as e:
            raise UnstorableValue(f"{doc.article.source}: not stored: {e}") from e
        except (OverflowError, ValueError, TypeError) as e:  # refused by the driver (SQLite)
            raise UnstorableValue(
                f"{doc.article.source}: not stored: {type(e).__name__}: {e}"
            ) from e

    def _write_document(self, doc: Document, run_id: str | None) -> bool:
        article_id = doc.article.id
        with self.db.transaction():
            row = codec.article_row(doc.article, run_id)
            if not self.db.execute(codec.insert_sql("articles", row), list(row.values())):
                return False  # stored before, by this run or an earlier one
            # PostgreSQL searches the sentences' own text column; SQLite's index holds no text.
            text = doc.article.text if self.db.dialect == "sqlite" else None
            self.insert_rows(
                "sentences", [codec.sentence_row(article_id, s, text) for s in doc.sentences]
            )
            self.insert_rows(
                "place_mentions",
                [codec.mention_row(article_id, i, m) for i, m in enumerate(doc.places)],
            )
            self.insert_rows("reports", [codec.report_row(r, i) for i, r in enumerate(doc.reports)])
            self.insert_rows("figures", [codec.figure_row(f, i) for i, f in enumerate(doc.figures)])
            self.db.index_sentences([(article_id, s.index, s.text) for s in doc.sentences])
        return True

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        """Insert ``rows`` (dicts with the same columns) into ``table``, leaving existing rows alone."""
        if rows:
            self.db.executemany(codec.insert_sql(table, rows[0]), [list(r.values()) for r in rows])

    def write_failure(self, failure: Failure, run_id: str | None) -> None:
        self.db.execute(
            "INSERT INTO failures (id, run_id, source, kind, reason, stage) VALUES (?, ?, ?, ?, ?, ?)",
            [
                uuid.uuid4().hex,
                run_id,
                clean_chars(failure.source),  # a file name may hold any byte
                failure.kind,
                clean_chars(failure.reason),
                failure.stage,
            ],
        )

    # -- the resolved layer -----------------------------------------------------
    def replace_resolution(self, corpus: Corpus) -> None:
        report_ids = self._ids("reports", codec.report_from)
        figure_ids = self._ids("figures", codec.figure_from)
        with self.db.transaction():
            self.clear_resolution()  # and the incremental state: the next ingest rebuilds it
            self.write_stories(corpus.stories)
            ids = self.write_incidents(corpus.incidents, report_ids)
            contradictions = renamed_contradictions(corpus.contradictions, ids)
            self.write_contradictions(contradictions, report_ids, figure_ids)
            self.write_inferred_dates(corpus.inferred_published)
        self.db.refresh_statistics(RESOLVED_TABLES)

    def clear_resolution(self) -> None:
        """Delete the resolved layer and the state behind it (call inside a transaction).

        The incident ids minted so far stay (``incident_ids``, ``incident_memberships``),
        so the incidents resolved again keep their ids.
        """
        for table in (*_LINK_TABLES, "incidents", "stories", *STATE_TABLES):
            self.db.execute(f"DELETE FROM {table}")
        self.db.clear_incident_index()

    # The bookkeeping of incremental resolution (sitrep.runs.resolution runs the rules of
    # sitrep.resolve over these tables; the store only keeps and reads them).

    def lock_resolution(self) -> None:
        """Serialise the resolvers of one PostgreSQL database until the transaction ends (a
        SQLite write transaction already is one)."""
        if self.db.dialect == "postgresql":
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (_PG_RESOLUTION_LOCK,))

    def resolution_rules(self) -> str | None:
        """The fingerprint of the rules the resolution state was built by, if any."""
        rows = self.db.query("SELECT value FROM resolution_meta WHERE name = 'rules'")
        return str(rows[0]["value"]) if rows else None

    def set_resolution_rules(self, fingerprint: str) -> None:
        """Record the rules the resolution state is built by (after :meth:`clear_resolution`)."""
        self.db.execute(
            "INSERT INTO resolution_meta (name, value) VALUES ('rules', ?)", [fingerprint]
        )

    def unresolved_article_ids(self) -> list[str]:
        """Ids of the stored articles no resolution has taken in yet, in id order."""
        rows = self.db.query(
            "SELECT a.id FROM articles a LEFT JOIN resolution_articles r ON r.article_id = a.id "
            "WHERE r.article_id IS NULL ORDER BY a.id"
        )
        return [row["id"] for row in rows]

    def resolved_among(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` a resolution has taken in."""
        sql = "SELECT article_id FROM resolution_articles WHERE article_id IN ({marks})"
        return {row["article_id"] for row in self.select_in(sql, article_ids)}

    def _ids(self, table: str, decode: Any) -> dict[Any, str]:
        """Stored value -> row id, so resolved values can point at their rows."""
        ids: dict[Any, str] = {}
        for row in self.db.query(f"SELECT * FROM {table} ORDER BY id"):
            ids.setdefault(decode(row), row["id"])
        return ids

    def select_in(self, sql: str, values: Iterable[Any], params: Sequence[Any] = ()) -> list[Row]:
        """Rows of ``sql`` (one ``IN ({marks})`` placeholder) for ``values``, in chunks."""
        return [row for chunk in _chunks(values) for row in self.db.query(
            sql.format(marks=_marks(chunk)), [*params, *chunk])]  # fmt: skip

    def execute_in(self, sql: str, values: Iterable[Any], params: Sequence[Any] = ()) -> None:
        """Run ``sql`` (one ``IN ({marks})`` placeholder) for ``values``, in chunks."""
        for chunk in _chunks(values):
            self.db.execute(sql.format(marks=_marks(chunk)), [*params, *chunk])

    def write_stories(self, stories: Iterable[Story]) -> None:
        stories = list(stories)
        self.insert_rows(
            "stories",
            [
                {"id": s.id, "published": None if s.published is None else s.published.isoformat()}
                for s in stories
            ],
        )
        self.insert_rows(
            "story_articles",
            [
                {"story_id": s.id, "article_id": a, "position": i}
                for s in stories
                for i, a in enumerate(s.article_ids)
            ],
        )

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        story_ids = list(story_ids)
        self.execute_in("DELETE FROM story_articles WHERE story_id IN ({marks})", story_ids)
        self.execute_in("DELETE FROM stories WHERE id IN ({marks})", story_ids)

    def write_incidents(
        self, incidents: Iterable[Incident], report_ids: Mapping[Any, str]
    ) -> dict[str, str]:
        """Insert incidents at their listing positions, with links to their reports' rows.

        They are stored under the ids their reports' incidents had (see
        :mod:`sitrep.store.incident_ids`); returns natural id -> stored id.
        """
        natural = list(incidents)
        keys = {i.id: [report_ids[r] for r in i.reports if r in report_ids] for i in natural}
        ids = assign_ids(self, keys)
        incidents = [dataclasses.replace(i, id=ids[i.id]) for i in natural]
        rows = [codec.incident_row(inc, listing_key(inc.id, inc.date)) for inc in incidents]
        self._free_positions(rows)
        self.insert_rows("incidents", rows)
        self.insert_rows(
            "incident_reports",
            [
                {"incident_id": inc.id, "report_id": report_ids[r], "position": i}
                for inc in incidents
                for i, r in enumerate(inc.reports)
                if r in report_ids
            ],
        )
        self.db.index_incidents([(row["position"], row["summary"]) for row in rows])
        return ids

    def _free_positions(self, rows: list[Row]) -> None:
        """Move a row whose listing key is taken (40 bits of id hash collide: ~1e-9 a day) on by one."""
        wanted = [row["position"] for row in rows]
        sql = "SELECT position FROM incidents WHERE position IN ({marks})"
        taken = {row["position"] for row in self.select_in(sql, wanted)}
        if not taken and len(set(wanted)) == len(wanted):
            return
        for row in sorted(rows, key=lambda r: (r["position"], r["id"])):
            while row["position"] in taken:
                row["position"] += 1
            taken.add(row["position"])

    def delete_incidents(self, incident_ids: Iterable[str]) -> None:
        """Delete incidents with their report links and their incident contradictions."""
        incident_ids = list(incident_ids)
        sql = "SELECT position FROM incidents WHERE id IN ({marks})"
        self.db.unindex_incidents([row["position"] for row in self.select_in(sql, incident_ids)])
        for statement in (
            "DELETE FROM incident_reports WHERE incident_id IN ({marks})",
            "DELETE FROM contradictions WHERE incident_id IN ({marks})",
            "DELETE FROM incidents WHERE id IN ({marks})",
        ):
            self.execute_in(statement, incident_ids)

    def write_contradictions(
        self,
        contradictions: Iterable[Contradiction],
        report_ids: Mapping[Any, str],
        figure_ids: Mapping[Any, str],
    ) -> None:
        rows = []
        for c in contradictions:
            claims = [_claim(c, claim, report_ids, figure_ids) for claim in c.claims]
            key = json.dumps([c.kind, c.metric, c.scope, c.incident, [x["id"] for x in claims]])
            rows.append(
                {
                    "id": c.id or "c" + hashlib.sha1(key.encode()).hexdigest()[:12],
                    "kind": c.kind,
                    "metric": c.metric,
                    "scope": c.scope,
                    "incident_id": c.incident,
                    "claims": json.dumps(claims, ensure_ascii=False),
                    "gap": c.gap,
                    "minor": int(c.minor),
                }
            )
        self.insert_rows("contradictions", rows)

    def delete_contradictions(self, contradiction_ids: Iterable[str]) -> None:
        self.execute_in("DELETE FROM contradictions WHERE id IN ({marks})", contradiction_ids)

    def write_inferred_dates(self, published: Mapping[str, dt.date]) -> None:
        """Set (or change) the inferred publication dates of articles."""
        self.execute_in("DELETE FROM inferred_dates WHERE article_id IN ({marks})", published)
        self.insert_rows(
            "inferred_dates",
            [{"article_id": a, "published": d.isoformat()} for a, d in sorted(published.items())],
        )

    # -- reading model values back -------------------------------------------------
    def load_documents(self, article_ids: Sequence[str] | None = None) -> list[Document]:
        by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        if article_ids is None:
            articles = self.db.query("SELECT * FROM articles ORDER BY id")
        else:
            articles = self.select_in("SELECT * FROM articles WHERE id IN ({marks})", article_ids)
        texts = {row["id"]: row["text"] for row in articles}
        decoders = {
            "sentences": lambda row: codec.sentence_from(row, texts[row["article_id"]]),
            "place_mentions": codec.mention_from,
            "reports": codec.report_from,
            "figures": codec.figure_from,
        }
        wanted = "" if article_ids is None else " WHERE article_id IN ({marks})"
        for table, decode in decoders.items():
            sql = f"SELECT * FROM {table}{wanted} ORDER BY article_id, idx"
            rows = self.db.query(sql) if article_ids is None else self.select_in(sql, article_ids)
            for row in rows:
                by_article[row["article_id"]][table].append(decode(row))
        docs = []
        for row in sorted(articles, key=lambda r: str(r["id"])):
            parts = by_article[row["id"]]
            docs.append(
                Document(
                    article=codec.article_from(row),
                    sentences=tuple(parts["sentences"]),
                    places=tuple(parts["place_mentions"]),
                    reports=tuple(parts["reports"]),
                    figures=tuple(parts["figures"]),
                )
            )
        return docs

    def load_corpus(self) -> Corpus:
        return Corpus(
            stories=tuple(self.list_stories()),
            incidents=tuple(self.list_incidents(IncidentFilter(limit=None))),
            contradictions=tuple(self.list_contradictions()),
            inferred_published=queries.inferred_published(self.db),
        )

    # -- the query API --------------------------------------------------------------
    def list_incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        return queries.list_incidents(self.db, filters)

    def get_incident(self, incident_id: str) -> Incident | None:
        return queries.get_incident(self.db, incident_id)

    def incident_redirect(self, incident_id: str) -> str | None:
        return redirect_of(self, incident_id)

    def list_figures(self, metric: str | None = None, scope: str | None = None) -> list[Figure]:
        return queries.list_figures(self.db, metric, scope)

    def list_contradictions(self) -> list[Contradiction]:
        return queries.list_contradictions(self.db)

    def list_stories(self) -> list[Story]:
        return queries.list_stories(self.db)

    def list_failures(self) -> list[dict[str, str | None]]:
        return queries.list_failures(self.db)

    def get_article(self, article_id: str) -> Article | None:
        return queries.get_article(self.db, article_id)

    def get_document(self, article_id: str) -> Document | None:
        return queries.get_document(self.db, article_id)

    def outlets(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        return queries.outlets(self.db, article_ids)

    def search_sentences(self, text: str, limit: int = 20) -> list[tuple[str, Sentence]]:
        return queries.search_sentences(self.db, text, limit)

    def counts(self) -> dict[str, int]:
        return queries.counts(self.db)


def _claim(
    c: Contradiction,
    claim: Figure | Report,
    report_ids: Mapping[Any, str],
    figure_ids: Mapping[Any, str],
) -> dict[str, Any]:
    """One side of a contradiction, as DESIGN.md's ``claims`` items plus ``kind``."""
    number: Number | None
    if isinstance(claim, Figure):
        number, as_of = claim.value, claim.as_of
        kind, claim_id = "figure", figure_ids.get(claim)
    else:
        number = claim.injured if c.metric and "injur" in c.metric else claim.killed
        as_of, kind, claim_id = claim.date, "report", report_ids.get(claim)
    claimant = json.loads(codec.claimant_json(claim.claimant) or "null")
    return {
        "kind": kind,
        "id": claim_id,
        "article_id": claim.article_id,
        "value": None if number is None else number.value,
        "qualifier": None if number is None else number.qualifier,
        "claimant": claimant,
        "as_of": None if as_of is None else as_of.isoformat(),
    }
