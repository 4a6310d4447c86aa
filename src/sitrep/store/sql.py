"""The :class:`Store` over SQL, for both backends, and :func:`open_store`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from sitrep.config import Settings
from sitrep.model import (
    Article,
    Contradiction,
    Corpus,
    Document,
    Failure,
    Figure,
    Incident,
    Number,
    Report,
    Sentence,
    Story,
)
from sitrep.store import _codec as codec
from sitrep.store import queries
from sitrep.store.backends import Backend, Row, connect
from sitrep.store.base import IncidentFilter, RunStats, listing_order
from sitrep.store.schema import migrate

__all__ = ["SqlStore", "open_store"]


# What replace_resolution rewrites.
RESOLVED_TABLES = (
    "stories",
    "story_articles",
    "incidents",
    "incident_reports",
    "contradictions",
    "inferred_dates",
)


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

    def write_document(self, doc: Document, run_id: str | None) -> bool:
        article_id = doc.article.id
        with self.db.transaction():
            row = codec.article_row(doc.article, run_id)
            if not self.db.execute(codec.insert_sql("articles", row), list(row.values())):
                return False  # stored before, by this run or an earlier one
            self._insert("sentences", [codec.sentence_row(article_id, s) for s in doc.sentences])
            self._insert(
                "place_mentions",
                [codec.mention_row(article_id, i, m) for i, m in enumerate(doc.places)],
            )
            self._insert("reports", [codec.report_row(r, i) for i, r in enumerate(doc.reports)])
            self._insert("figures", [codec.figure_row(f, i) for i, f in enumerate(doc.figures)])
            self.db.index_sentences([(article_id, s.index, s.text) for s in doc.sentences])
        return True

    def _insert(self, table: str, rows: list[Row]) -> None:
        if rows:
            self.db.executemany(codec.insert_sql(table, rows[0]), [list(r.values()) for r in rows])

    def write_failure(self, failure: Failure, run_id: str | None) -> None:
        self.db.execute(
            "INSERT INTO failures (id, run_id, source, kind, reason, stage) VALUES (?, ?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, run_id, failure.source, failure.kind, failure.reason, failure.stage],
        )

    # -- the resolved layer -----------------------------------------------------
    def replace_resolution(self, corpus: Corpus) -> None:
        report_ids = self._ids("reports", codec.report_from)
        figure_ids = self._ids("figures", codec.figure_from)
        with self.db.transaction():
            for table in ("incident_reports", "story_articles", "contradictions", "inferred_dates"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM incidents")
            self.db.execute("DELETE FROM stories")
            self.db.clear_incident_index()
            self._write_stories(corpus.stories)
            self._write_incidents(corpus, report_ids)
            self._write_contradictions(corpus.contradictions, report_ids, figure_ids)
            self._insert(
                "inferred_dates",
                [
                    {"article_id": a, "published": d.isoformat()}
                    for a, d in sorted(corpus.inferred_published.items())
                ],
            )
        self.db.refresh_statistics(RESOLVED_TABLES)

    def _ids(self, table: str, decode: Any) -> dict[Any, str]:
        """Stored value -> row id, so resolved values can point at their rows."""
        ids: dict[Any, str] = {}
        for row in self.db.query(f"SELECT * FROM {table} ORDER BY id"):
            ids.setdefault(decode(row), row["id"])
        return ids

    def _write_stories(self, stories: tuple[Story, ...]) -> None:
        self._insert(
            "stories",
            [
                {"id": s.id, "published": None if s.published is None else s.published.isoformat()}
                for s in stories
            ],
        )
        self._insert(
            "story_articles",
            [
                {"story_id": s.id, "article_id": a, "position": i}
                for s in stories
                for i, a in enumerate(s.article_ids)
            ],
        )

    def _write_incidents(self, corpus: Corpus, report_ids: dict[Any, str]) -> None:
        rows = [codec.incident_row(inc, i) for i, inc in enumerate(listing_order(corpus.incidents))]
        self._insert("incidents", rows)
        self._insert(
            "incident_reports",
            [
                {"incident_id": inc.id, "report_id": report_ids[r], "position": i}
                for inc in corpus.incidents
                for i, r in enumerate(inc.reports)
                if r in report_ids
            ],
        )
        self.db.index_incidents([(row["position"], row["summary"]) for row in rows])

    def _write_contradictions(
        self,
        contradictions: tuple[Contradiction, ...],
        report_ids: dict[Any, str],
        figure_ids: dict[Any, str],
    ) -> None:
        rows = []
        for position, c in enumerate(contradictions):
            claims = [_claim(c, claim, report_ids, figure_ids) for claim in c.claims]
            key = json.dumps([c.kind, c.metric, c.scope, c.incident, [x["id"] for x in claims]])
            rows.append(
                {
                    "id": c.id or "c" + hashlib.sha1(key.encode()).hexdigest()[:12],
                    "position": position,
                    "kind": c.kind,
                    "metric": c.metric,
                    "scope": c.scope,
                    "incident_id": c.incident,
                    "claims": json.dumps(claims, ensure_ascii=False),
                    "gap": c.gap,
                    "minor": int(c.minor),
                }
            )
        self._insert("contradictions", rows)

    # -- reading model values back -------------------------------------------------
    def load_documents(self) -> list[Document]:
        by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        decoders = {
            "sentences": codec.sentence_from,
            "place_mentions": codec.mention_from,
            "reports": codec.report_from,
            "figures": codec.figure_from,
        }
        for table, decode in decoders.items():
            for row in self.db.query(f"SELECT * FROM {table} ORDER BY article_id, idx"):
                by_article[row["article_id"]][table].append(decode(row))
        docs = []
        for row in self.db.query("SELECT * FROM articles ORDER BY id"):
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
    report_ids: dict[Any, str],
    figure_ids: dict[Any, str],
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
