"""The read API behind the CLI, the web app, the reports and the exports.

Every function takes a :class:`~sitrep.store.backends.Backend`, runs SQL
shared by both dialects and returns model values (``Incident``, ``Figure``,
...), the same types ``sitrep.serve.fake.FakeStore`` answers with.
:class:`~sitrep.store.sql.SqlStore` exposes them as methods.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sitrep.model import Article, Contradiction, Document, Figure, Incident, Report, Sentence, Story
from sitrep.store import _codec as codec
from sitrep.store.backends import Backend, IncidentSource
from sitrep.store.base import IncidentFilter, event_type_field

__all__ = [
    "COUNTED_TABLES",
    "POINT_COLUMNS",
    "article_sources",
    "count_incidents",
    "counts",
    "get_article",
    "get_document",
    "get_incident",
    "incident_points",
    "list_contradictions",
    "list_failures",
    "list_figures",
    "list_incidents",
    "list_stories",
    "outlets",
    "search_sentences",
]

COUNTED_TABLES = (
    "runs",
    "articles",
    "sentences",
    "reports",
    "figures",
    "failures",
    "stories",
    "incidents",
    "contradictions",
)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# The {MIN|MAX} position on the {latest|earliest} day with a full date in [?, ?].
_DAY_EDGE = (
    "SELECT {0}(position) FROM incidents AS d WHERE d.date = (SELECT e.date FROM incidents AS e "
    "WHERE e.date BETWEEN ? AND ? AND substr(e.date, 1, 2) <> '--' ORDER BY e.date {1} LIMIT 1)"
)


def _date_span(f: IncidentFilter) -> tuple[str, str]:
    """First and last ISO date the filter admits (open ends as ISO-shaped extremes)."""
    first = "0000-00-00" if f.date_from is None else f.date_from.isoformat()
    last = "9999-99-99" if f.date_to is None else f.date_to.isoformat()
    return first, last


def _narrowing(
    db: Backend, f: IncidentFilter, source: IncidentSource
) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for the filters that select incidents."""
    conditions: list[str] = []
    params: list[Any] = []
    position = source.position

    def add(condition: str, *values: Any) -> None:
        conditions.append(condition)
        params.extend(values)

    if f.q:
        add(source.match, db.search_param(f.q))
    if f.date_from is not None or f.date_to is not None:
        first, last = _date_span(f)
        # A date with an unknown year ("--05-08") is in no date range.
        add("date BETWEEN ? AND ? AND substr(date, 1, 2) <> '--'", first, last)
        # Positions follow dates, so the matches lie between the first position of the
        # latest matching day and the last of the earliest; saying so lets the query
        # walk just that stretch, in order.  Each bound is two index seeks.
        add(f"{position} BETWEEN ({_DAY_EDGE.format('MIN', 'DESC')}) "
            f"AND ({_DAY_EDGE.format('MAX', 'ASC')})", first, last, first, last)  # fmt: skip
    if f.oblast:
        add("lower(place_admin1) LIKE ?", f.oblast.lower() + "%")
    if f.event_type:
        add(f"{event_type_field(f.event_type)} = ?", f.event_type)
    if f.min_killed is not None:
        add("COALESCE(killed_value, killed_low, 0) >= ?", f.min_killed)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        add("place_lon BETWEEN ? AND ? AND place_lat BETWEEN ? AND ?", west, east, south, north)
    return conditions, params


def _page_start(
    f: IncidentFilter, position: str, narrowed: bool
) -> tuple[list[str], list[Any], int]:
    """Conditions that start the page after the cursor, and the offset left to skip.

    When nothing narrows the list, the offset is found by walking the position
    index alone (one short index-only scan) instead of rows.
    """
    skip = 0 if narrowed else f.offset
    conditions: list[str] = []
    params: list[Any] = []
    after = "(SELECT position FROM incidents AS a WHERE a.id = ?)"
    if f.after is not None:
        # An id no longer in the store (the resolution was rebuilt) gives NULL: no rows.
        conditions.append(f"{position} > {after}")
        params.append(f.after)
    if skip:
        beyond = f" WHERE s.position > {after}" if f.after is not None else ""
        conditions.append(
            f"{position} >= (SELECT s.position FROM incidents AS s{beyond} "
            "ORDER BY s.position LIMIT 1 OFFSET ?)"
        )
        params += [f.after, skip] if f.after is not None else [skip]
    return conditions, params, f.offset - skip


def list_incidents(db: Backend, filters: IncidentFilter | None = None) -> list[Incident]:
    """Incidents matching ``filters`` in :func:`~sitrep.store.base.listing_order`, with reports.

    ``position`` holds that order (the store writes it), so the query walks an
    index in that order (or SQLite's search index, keyed by position) and
    stops at the page's end.
    """
    f = filters or IncidentFilter()
    source = db.incident_source(search=bool(f.q))
    conditions, params = _narrowing(db, f, source)
    start, start_params, offset = _page_start(f, source.position, narrowed=bool(conditions))
    conditions, params = conditions + start, params + start_params
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    if f.limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [f.limit, offset]
    else:
        page = " LIMIT -1 OFFSET ?" if db.dialect == "sqlite" else " OFFSET ?"
        params.append(offset)
    rows = db.query(
        f"SELECT incidents.* FROM {source.tables}{where} ORDER BY {source.position}{page}", params
    )
    reports = _incident_reports(db, [row["id"] for row in rows])
    return [codec.incident_from(row, tuple(reports[row["id"]])) for row in rows]


def count_incidents(db: Backend, filters: IncidentFilter | None = None) -> int:
    """How many incidents match ``filters`` (its limit, offset and cursor ignored)."""
    f = filters or IncidentFilter()
    source = db.incident_source(search=bool(f.q))
    conditions, params = _narrowing(db, f, source)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    rows = db.query(f"SELECT COUNT(*) AS n FROM {source.tables}{where}", params)
    return int(rows[0]["n"])


#: What the map draws of each incident, in this order (``incident_points``).
POINT_COLUMNS = (
    "id", "date", "place_name", "place_admin1", "place_lat", "place_lon", "event_type",
    "sub_event_type", "killed_value", "killed_qualifier", "killed_low", "injured_value",
    "injured_qualifier", "injured_low", "reports",
)  # fmt: skip


def incident_points(db: Backend, filters: IncidentFilter | None = None) -> list[list[Any]]:
    """Every incident matching ``filters`` (limit/offset/after ignored) as one short row of
    :data:`POINT_COLUMNS`, in listing order: the map's data, without reports or evidence."""
    f = filters or IncidentFilter()
    source = db.incident_source(search=bool(f.q))
    conditions, params = _narrowing(db, f, source)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    count = "(SELECT COUNT(*) FROM incident_reports AS r WHERE r.incident_id = incidents.id)"
    columns = ", ".join(f"incidents.{c}" for c in POINT_COLUMNS[:-1]) + f", {count} AS reports"
    rows = db.query(
        f"SELECT {columns} FROM {source.tables}{where} ORDER BY {source.position}", params
    )
    return [[row[c] for c in POINT_COLUMNS] for row in rows]


def _incident_reports(db: Backend, incident_ids: list[str]) -> dict[str, list[Report]]:
    out: dict[str, list[Report]] = defaultdict(list)
    if not incident_ids:
        return out
    rows = db.query(
        "SELECT ir.incident_id, r.* FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
        f"WHERE ir.incident_id IN ({_marks(incident_ids)}) ORDER BY ir.incident_id, ir.position",
        incident_ids,
    )
    for row in rows:
        out[row["incident_id"]].append(codec.report_from(row))
    return out


def get_incident(db: Backend, incident_id: str) -> Incident | None:
    """One incident with every report and its evidence; ``None`` if there is none by that id."""
    rows = db.query("SELECT * FROM incidents WHERE id = ?", [incident_id])
    if not rows:
        return None
    reports = _incident_reports(db, [incident_id])[incident_id]
    return codec.incident_from(rows[0], tuple(reports))


def list_figures(db: Backend, metric: str | None = None, scope: str | None = None) -> list[Figure]:
    """Figure claims, optionally of one metric and scope, by metric, scope and date."""
    conditions, params = [], []
    if metric is not None:
        conditions.append("f.metric = ?")
        params.append(metric)
    if scope is not None:
        conditions.append("lower(f.scope) = ?")
        params.append(scope.lower())
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    rows = db.query(
        f"SELECT f.* FROM figures f JOIN articles a ON a.id = f.article_id{where} "
        "ORDER BY f.metric, f.scope, COALESCE(f.as_of, a.published), f.id",
        params,
    )
    return [codec.figure_from(row) for row in rows]


def list_contradictions(db: Backend) -> list[Contradiction]:
    """Every recorded disagreement, each with the claims (figures or reports) it opposes."""
    rows = db.query("SELECT * FROM contradictions ORDER BY id")
    claims = {row["id"]: json.loads(row["claims"]) for row in rows}
    ids = {
        kind: [c["id"] for cs in claims.values() for c in cs if c["kind"] == kind]
        for kind in ("figure", "report")
    }
    values: dict[str, Figure | Report] = {}
    for kind, table, decode in (
        ("figure", "figures", codec.figure_from),
        ("report", "reports", codec.report_from),
    ):
        if ids[kind]:
            for r in db.query(
                f"SELECT * FROM {table} WHERE id IN ({_marks(ids[kind])})", ids[kind]
            ):
                values[r["id"]] = decode(r)
    return [
        Contradiction(
            kind=row["kind"],
            claims=tuple(values[c["id"]] for c in claims[row["id"]] if c["id"] in values),
            metric=row["metric"],
            scope=row["scope"],
            incident=row["incident_id"],
            gap=row["gap"],
            minor=bool(row["minor"]),
            id=row["id"],
        )
        for row in rows
    ]


def list_stories(db: Backend) -> list[Story]:
    """Stories (copies of one piece), each with its article ids in order."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in db.query("SELECT * FROM story_articles ORDER BY story_id, position"):
        members[row["story_id"]].append(row["article_id"])
    return [
        Story(
            id=row["id"],
            article_ids=tuple(members[row["id"]]),
            published=None if row["published"] is None else dt.date.fromisoformat(row["published"]),
        )
        for row in db.query("SELECT * FROM stories ORDER BY id")
    ]


def inferred_published(db: Backend) -> dict[str, dt.date]:
    """Publication dates ``resolve`` inferred for undated articles."""
    rows = db.query("SELECT * FROM inferred_dates ORDER BY article_id")
    return {r["article_id"]: dt.date.fromisoformat(r["published"]) for r in rows}


def list_failures(db: Backend) -> list[dict[str, str | None]]:
    """Inputs that could not be processed: ``run_id, source, kind, reason, stage``."""
    return db.query("SELECT run_id, source, kind, reason, stage FROM failures ORDER BY source, id")


def get_article(db: Backend, article_id: str) -> Article | None:
    rows = db.query("SELECT * FROM articles WHERE id = ?", [article_id])
    return codec.article_from(rows[0]) if rows else None


def get_document(db: Backend, article_id: str) -> Document | None:
    """An article with its sentences (flags included), place mentions, reports and figures."""
    article = get_article(db, article_id)
    if article is None:
        return None

    def load(table: str, decode: Any) -> tuple[Any, ...]:
        rows = db.query(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", [article_id])
        return tuple(decode(row) for row in rows)

    return Document(
        article=article,
        sentences=load("sentences", lambda row: codec.sentence_from(row, article.text)),
        places=load("place_mentions", codec.mention_from),
        reports=load("reports", codec.report_from),
        figures=load("figures", codec.figure_from),
    )


def outlets(db: Backend, article_ids: Sequence[str]) -> dict[str, str | None]:
    """Article id -> outlet, for the given articles."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return {}
    rows = db.query(f"SELECT id, outlet FROM articles WHERE id IN ({_marks(ids)})", ids)
    return {row["id"]: row["outlet"] for row in rows}


def article_sources(
    db: Backend, article_ids: Sequence[str]
) -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (outlet, url), for the given articles."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), 500):  # within every backend's parameter limit
        chunk = ids[start : start + 500]
        rows = db.query(
            f"SELECT id, outlet, url FROM articles WHERE id IN ({_marks(chunk)})", chunk
        )
        found.update((row["id"], (row["outlet"], row["url"])) for row in rows)
    return found


def search_sentences(db: Backend, text: str, limit: int = 20) -> list[tuple[str, Sentence]]:
    """``(article id, sentence)`` pairs whose text matches ``text`` (full-text search)."""
    hits = db.query(f"{db.sentence_match()} LIMIT ?", [db.search_param(text), limit])
    out = []
    for hit in hits:
        for row in db.query(
            "SELECT s.*, a.text AS article_text FROM sentences s "
            "JOIN articles a ON a.id = s.article_id WHERE s.article_id = ? AND s.idx = ?",
            [hit["article_id"], hit["idx"]],
        ):
            out.append((row["article_id"], codec.sentence_from(row, row["article_text"])))
    return out


def counts(db: Backend) -> dict[str, int]:
    """Rows per table."""
    return {t: int(db.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]) for t in COUNTED_TABLES}
