"""The :class:`Store` protocol: everything the rest of sitrep asks of a database.

Writers (``sitrep.runs``) use the write half; the CLI, the web app, the
report and the exports read through :class:`QueryStore` (or its part
:class:`IncidentQueries`), which returns model values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Protocol, runtime_checkable

from sitrep.model import (
    EVENT_TYPES,
    Article,
    Contradiction,
    Corpus,
    Document,
    Failure,
    Figure,
    Incident,
    PartialDate,
    PlaceMention,
    Sentence,
    Story,
)

__all__ = [
    "BBox",
    "IncidentFilter",
    "IncidentQueries",
    "IncidentRedirects",
    "QueryStore",
    "RunStats",
    "RunStatus",
    "Store",
    "current_incident_id",
    "event_type_field",
    "listing_key",
    "listing_order",
]

RunStatus = Literal["running", "finished", "interrupted"]
BBox = tuple[float, float, float, float]  # west, south, east, north (lon, lat degrees)


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What ``list_incidents`` selects.  Every field narrows; ``None`` means any.

    ``oblast`` matches the start of ``admin1`` ignoring case (``kharkiv``
    finds ``Kharkiv Oblast`` and ``Kharkivska``); ``event_type`` matches the
    type when it is one of :data:`~sitrep.model.EVENT_TYPES`, else the sub-type; ``q`` is a full-text search over place, type and
    evidence sentences; ``bbox`` is (west, south, east, north) in degrees.
    ``limit=None`` returns every match.  ``after`` is the id of the last
    incident of the previous page: the list goes on after it (keyset paging,
    as fast on page 1,000 as on page 1); ``offset`` then skips further.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    oblast: str | None = None
    event_type: str | None = None
    min_killed: int | None = None
    q: str | None = None
    bbox: BBox | None = None
    limit: int | None = 100
    offset: int = 0
    after: str | None = None


def event_type_field(event_type: str) -> Literal["event_type", "sub_event_type"]:
    """The field an ``event_type`` filter compares: a type's or else a sub-type's."""
    return "event_type" if event_type in EVENT_TYPES else "sub_event_type"


# Listing ranks: full dates newest first (rank = _LAST_DAY - ordinal), then
# dates of unknown year (latest month-day first), then undated incidents.
_LAST_DAY = dt.date.max.toordinal()
_YEARLESS = _LAST_DAY + 1
_UNDATED = _YEARLESS + 1300
# Low bits of a listing key: the first 10 hex digits of a stable id (ids of
# one day then list in id order), or of a hash of any other id.
_ID_BITS = 40


def listing_key(incident_id: str, date: PartialDate | None) -> int:
    """The incident's place in ``list_incidents`` as one integer (the stored ``position``).

    It depends only on the incident itself, so adding incidents never moves the
    others: ``(rank of the date) << 40 | (40 bits of the id)``, below 2**63.
    """
    if date is None:
        rank = _UNDATED
    elif date.year is None:
        rank = _YEARLESS + 1231 - (date.month * 100 + date.day)
    else:
        rank = _LAST_DAY - dt.date(date.year, date.month, date.day).toordinal()
    digits = incident_id.rpartition("-")[2]
    if not _HEX.fullmatch(digits):
        digits = hashlib.blake2b(incident_id.encode("utf-8"), digest_size=8).hexdigest()
    return rank << _ID_BITS | int(digits[: _ID_BITS // 4].ljust(_ID_BITS // 4, "0"), 16)


_HEX = re.compile(r"[0-9a-f]{10,}")


def listing_order(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents as ``list_incidents`` returns them: newest first, then the year-unknown
    dates (``--MM-DD``), then the undated; incidents of one day in the order of their ids
    (see :func:`listing_key`)."""
    return sorted(incidents, key=lambda i: (listing_key(i.id, i.date), i.id))


@dataclass(frozen=True, slots=True)
class RunStats:
    """What one ingest run did, recorded in the ``runs`` table by ``finish_run``."""

    status: RunStatus
    articles_new: int = 0
    articles_skipped: int = 0
    failures: int = 0
    extractors: tuple[str, ...] = ()


@runtime_checkable
class IncidentRedirects(Protocol):
    """A store that remembers the ids of merged incidents (the SQL store; fakes may not)."""

    def incident_redirect(self, incident_id: str) -> str | None: ...


def current_incident_id(store: object, incident_id: str) -> str | None:
    """The id ``incident_id`` redirects to, when ``store`` keeps redirects and it does."""
    if isinstance(store, IncidentRedirects):
        return store.incident_redirect(incident_id)
    return None


class IncidentQueries(Protocol):
    """What an export reads: the incident query and the outlet lookup."""

    def list_incidents(self, filters: IncidentFilter | None = None) -> list[Incident]: ...

    def outlets(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """Article id -> outlet name."""
        ...


class QueryStore(IncidentQueries, Protocol):
    """The read side of a store, as the web layer, the report and the exports use it.

    A :class:`Store` is one; so is the in-memory ``sitrep.serve.fake.FakeStore``, which
    answers the same queries from a list of model values (house style rule 4).
    """

    def get_incident(self, incident_id: str) -> Incident | None: ...

    def list_figures(self, metric: str | None = None, scope: str | None = None) -> list[Figure]: ...

    def list_contradictions(self) -> list[Contradiction]: ...

    def list_stories(self) -> list[Story]: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def counts(self) -> dict[str, int]:
        """Rows per table (runs, articles, sentences, reports, figures, failures, ...)."""
        ...


class Store(QueryStore, Protocol):
    """A sitrep database.  ``open_store(settings)`` returns one; close it (or use ``with``)."""

    location: str

    # -- writing ------------------------------------------------------------
    def begin_run(self) -> str:
        """Record the start of an ingest run; return its id."""
        ...

    def finish_run(self, run_id: str, stats: RunStats) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def stored_places(self, article_id: str) -> tuple[PlaceMention, ...] | None:
        """The place mentions of a stored article, in order; None if it is not stored."""
        ...

    def write_document(self, doc: Document, run_id: str | None) -> bool:
        """Write an article with its sentences, reports and figures, atomically.

        Returns ``False`` (and writes nothing) when the article is already stored.
        """
        ...

    def write_failure(self, failure: Failure, run_id: str | None) -> None: ...

    def replace_resolution(self, corpus: Corpus) -> None:
        """Replace stories, incidents and contradictions with ``corpus``'s, atomically.

        The incremental state is cleared, so the next
        ``sitrep.runs.resolution.resolve_pending`` resolves the whole store again.
        """
        ...

    # -- reading model values back --------------------------------------------
    def load_documents(self, article_ids: Sequence[str] | None = None) -> list[Document]:
        """The stored documents (every one, or those of ``article_ids``), rebuilt, by article id."""
        ...

    def load_corpus(self) -> Corpus:
        """The stored resolution, rebuilt."""
        ...

    # -- the rest of the query API (QueryStore's are above) ------------------------
    def incident_redirect(self, incident_id: str) -> str | None:
        """The id of the incident ``incident_id`` was merged into, or ``None`` (see
        :mod:`sitrep.store.incident_ids`)."""
        ...

    def list_failures(self) -> list[dict[str, str | None]]: ...

    def get_document(self, article_id: str) -> Document | None: ...

    def search_sentences(self, text: str, limit: int = 20) -> list[tuple[str, Sentence]]: ...

    # -- lifetime ---------------------------------------------------------------
    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
