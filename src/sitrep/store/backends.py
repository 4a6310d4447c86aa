"""The two database backends: SQLite (default) and PostgreSQL.

A :class:`Backend` runs SQL written once, in the dialect both understand
(``?`` placeholders, ``ON CONFLICT DO NOTHING``, ``lower(x) LIKE``), and
holds the few parts that differ: connecting, transactions and full-text
search (SQLite FTS5 tables vs PostgreSQL ``tsvector`` expressions).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit, urlunsplit

from sitrep.errors import StoreError, UnstorableValue

__all__ = [
    "Backend",
    "Dialect",
    "IncidentSource",
    "PostgresBackend",
    "Row",
    "SqliteBackend",
    "connect",
    "redact",
]

Row = dict[str, Any]
Params = Sequence[Any]
Dialect = Literal["sqlite", "postgresql"]


def redact(location: str) -> str:
    """``location`` without a password, for messages."""
    if not location.startswith("postgresql://"):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


@dataclass(frozen=True, slots=True)
class IncidentSource:
    """Where ``list_incidents`` reads incidents: the tables (a FROM clause), the SQL
    expression of their listing position, and the search condition (one parameter)."""

    tables: str
    position: str
    match: str = ""


INCIDENTS = IncidentSource("incidents", "incidents.position")


class Backend(ABC):
    """A connection that runs shared SQL; one per :class:`~sitrep.store.sql.SqlStore`."""

    dialect: ClassVar[Dialect]

    def __init__(self, location: str, read_only: bool) -> None:
        self.location = location
        self.read_only = read_only
        # One connection may serve several threads (the web app's pool); serialise them.
        self._lock = threading.RLock()

    @abstractmethod
    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the number of rows it changed."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query; rows as dicts keyed by column name."""

    @abstractmethod
    def script(self, sql: str) -> None:
        """Run several statements (a migration) inside the current transaction."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Context manager: everything inside commits together or not at all."""

    @abstractmethod
    def close(self) -> None: ...

    # Full-text search: each backend keeps its own index.
    @abstractmethod
    def index_sentences(self, rows: Sequence[tuple[str, int, str]]) -> None:
        """Make ``(article_id, idx, text)`` sentences searchable."""

    @abstractmethod
    def index_incidents(self, rows: Sequence[tuple[int, str]]) -> None:
        """Make ``(position, summary)`` of incidents searchable."""

    @abstractmethod
    def unindex_incidents(self, positions: Sequence[int]) -> None:
        """Forget the incidents at ``positions`` (they are about to be deleted or rewritten)."""

    @abstractmethod
    def clear_incident_index(self) -> None: ...

    def refresh_statistics(self, tables: Sequence[str]) -> None:
        """Tell the query planner about ``tables`` after they were rewritten in bulk."""
        return None  # SQLite plans these queries well without statistics

    @abstractmethod
    def incident_source(self, search: bool) -> IncidentSource:
        """What ``list_incidents`` reads from, searching (``search``) or not."""

    @abstractmethod
    def sentence_match(self) -> str:
        """SQL query over ``sentences s`` returning ``article_id, idx`` matching one parameter."""

    def search_param(self, text: str) -> str:
        """The search text as the parameter for :meth:`incident_match`."""
        return text


_PAGE_SIZE = 16384


class SqliteBackend(Backend):
    """One SQLite file in WAL mode with foreign keys on and FTS5 search."""

    dialect: ClassVar[Dialect] = "sqlite"

    def __init__(self, location: str, read_only: bool = False) -> None:
        super().__init__(location, read_only)
        path = Path(location)
        if read_only and not path.exists():
            raise StoreError(
                f"No database at {location}. Build one with `sitrep ingest PATH --db {location}` "
                "or `sitrep demo`."
            )
        try:
            if read_only:
                conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
                )
            else:
                conn = sqlite3.connect(location, check_same_thread=False)
            conn.isolation_level = None  # transactions are explicit, see transaction()
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if not read_only:
                # For a new file only (WAL fixes it after): an article's row (text about
                # 2 KB) filled a 4 KiB page alone, leaving ~1.4 KB/article unused
                # (dbstat on a 2,000-article store: articles 3,445 B/article with 4 KiB pages, 2,630
                # with 8 KiB, 2,417 with 16 KiB, 2,327 with 64 KiB; the file was smallest at 8-16).
                conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise StoreError(f"Cannot open SQLite database {location}: {e}.") from e
        self._conn = conn

    def execute(self, sql: str, params: Params = ()) -> int:
        with self._lock, _sqlite_errors(self.location):
            return self._conn.execute(sql, tuple(params)).rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        with self._lock, _sqlite_errors(self.location):
            self._conn.executemany(sql, [tuple(r) for r in rows])

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock, _sqlite_errors(self.location):
            return [dict(r) for r in self._conn.execute(sql, tuple(params)).fetchall()]

    def script(self, sql: str) -> None:
        # executescript() would COMMIT first; run statement by statement instead.
        with self._lock, _sqlite_errors(self.location):
            for statement in _split_statements(sql):
                self._conn.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            self.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def index_sentences(self, rows: Sequence[tuple[str, int, str]]) -> None:
        # The index holds no text (contentless): a match is a sentence's id.
        self.executemany(
            "INSERT INTO sentence_search (rowid, text) "
            "SELECT id, ? FROM sentences WHERE article_id = ? AND idx = ?",
            [(text, article_id, idx) for article_id, idx, text in rows],
        )

    def index_incidents(self, rows: Sequence[tuple[int, str]]) -> None:
        self.executemany("INSERT INTO incident_search (rowid, summary) VALUES (?, ?)", rows)

    def unindex_incidents(self, positions: Sequence[int]) -> None:
        self.executemany("DELETE FROM incident_search WHERE rowid = ?", [(p,) for p in positions])

    def clear_incident_index(self) -> None:
        self.execute("DELETE FROM incident_search")

    def incident_source(self, search: bool) -> IncidentSource:
        if not search:
            return INCIDENTS
        # Driven by the search index, whose rowid is the listing position: matches come
        # out in listing order and the query stops at the page's end (a join measured
        # 1 ms against 8-40 ms for `position IN (matches)` on 100k incidents).
        return IncidentSource(
            "incident_search JOIN incidents ON incidents.position = incident_search.rowid",
            "incident_search.rowid",
            "incident_search MATCH ?",
        )

    def sentence_match(self) -> str:
        return (
            "SELECT s.article_id, s.idx FROM sentence_search "
            "JOIN sentences s ON s.id = sentence_search.rowid "
            "WHERE sentence_search MATCH ? ORDER BY rank"
        )

    def search_param(self, text: str) -> str:
        # Quote every word so user text is never read as FTS5 query syntax.
        words = re.findall(r"\w+", text)
        return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'


@contextmanager
def _sqlite_errors(location: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as e:
        raise StoreError(f"SQLite database {location}: {e}.") from e


def _split_statements(sql: str) -> list[str]:
    """Statements of a migration file (ours: no ``;`` inside literals or triggers)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class PostgresBackend(Backend):
    """A PostgreSQL database reached by a ``postgresql://`` URL, via psycopg."""

    dialect: ClassVar[Dialect] = "postgresql"

    def __init__(self, location: str, read_only: bool = False) -> None:
        super().__init__(location, read_only)
        import psycopg
        from psycopg.rows import dict_row

        self._errors: type[Exception] = psycopg.Error
        self._data_errors: type[Exception] = psycopg.DataError  # a value, not the database
        try:
            self._conn: Any = psycopg.connect(location, autocommit=True, row_factory=dict_row)
        except psycopg.Error as e:
            raise StoreError(
                f"Cannot connect to PostgreSQL at {redact(location)}: {e}. Is the server running "
                "(bash scripts/start-postgres.sh) and are the user, password and database right?"
            ) from e
        if read_only:
            self._conn.execute("SET default_transaction_read_only = on")

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _errors_as_store_error(self) -> Iterator[None]:
        try:
            yield
        except self._data_errors as e:
            raise UnstorableValue(f"PostgreSQL database {redact(self.location)}: {e}") from e
        except self._errors as e:
            raise StoreError(f"PostgreSQL database {redact(self.location)}: {e}") from e

    def execute(self, sql: str, params: Params = ()) -> int:
        with self._lock, self._errors_as_store_error():
            return int(self._conn.execute(self._sql(sql), tuple(params)).rowcount)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        with self._lock, self._errors_as_store_error(), self._conn.cursor() as cur:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock, self._errors_as_store_error():
            return list(self._conn.execute(self._sql(sql), tuple(params)).fetchall())

    def script(self, sql: str) -> None:
        with self._lock, self._errors_as_store_error():
            self._conn.execute(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock, self._errors_as_store_error(), self._conn.transaction():
            yield

    def close(self) -> None:
        self._conn.close()

    def refresh_statistics(self, tables: Sequence[str]) -> None:
        # Until autovacuum analyses them, freshly rewritten tables get plans made
        # without statistics: 440 ms instead of 40 ms per page on 100k incidents.
        self.execute(f"ANALYZE {', '.join(tables)}")

    # The GIN indexes of the migrations keep search up to date.
    def index_sentences(self, rows: Sequence[tuple[str, int, str]]) -> None:
        return None

    def index_incidents(self, rows: Sequence[tuple[int, str]]) -> None:
        return None  # a generated tsvector column follows the summary

    def unindex_incidents(self, positions: Sequence[int]) -> None:
        return None

    def clear_incident_index(self) -> None:
        return None

    def incident_source(self, search: bool) -> IncidentSource:
        if not search:
            return INCIDENTS
        match = "incidents.search_vector @@ plainto_tsquery('english', ?)"
        return replace(INCIDENTS, match=match)

    def sentence_match(self) -> str:
        return (
            "SELECT article_id, idx FROM sentences "
            "WHERE to_tsvector('english', text) @@ plainto_tsquery('english', ?) "
            "ORDER BY article_id, idx"
        )


def connect(location: str, read_only: bool = False) -> Backend:
    """The backend for ``location``: a ``postgresql://`` URL, else a SQLite file path."""
    if location.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(location, read_only)
    return SqliteBackend(location, read_only)
