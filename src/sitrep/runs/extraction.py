"""`sitrep extract` as a library call: articles in, contract records out, no database.

ingest → clean → extract (``pipeline.process_all``) → resolve across the batch.
"""

from __future__ import annotations

import logging
import math
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from sitrep.clean.boilerplate import boilerplate_lines
from sitrep.clean.repeats import repeat_pairs
from sitrep.config import Settings
from sitrep.errors import StageError
from sitrep.extract.places import PRIOR_POINTS, PlacePrior, guessed
from sitrep.model import Article, Corpus, Document, Evidence, Failure, PartialDate, PlaceMention
from sitrep.pipeline import process_all, reprocess_places
from sitrep.resolve import resolve
from sitrep.resolve.matching import dated_by_publication
from sitrep.serialize import corpus_json, document_json

__all__ = [
    "BATCH_SIZE",
    "LOCAL",
    "ExtractResult",
    "LocalRunner",
    "Runner",
    "SeenPoints",
    "Stored",
    "batched",
    "document_record",
    "extract_articles",
    "process_in_batches",
    "records",
    "with_batch_places",
]


@dataclass(frozen=True, slots=True)
class ExtractResult:
    docs: list[Document]
    failures: list[Failure]
    corpus: Corpus


def extract_articles(
    articles: Iterable[Article | Failure], settings: Settings, runner: Runner | None = None
) -> ExtractResult:
    """Process every article (where ``runner`` says), then resolve the batch here; failures are
    collected, not raised."""
    docs: list[Document] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for item in process_in_batches(articles, settings, runner=runner or LOCAL):
        if isinstance(item, Failure):
            failures.append(item)
        elif item.article.id in seen and not item.article.record_id:
            continue  # the same text twice: one article
        else:
            seen.add(item.article.id)
            docs.append(item)
    corpus = resolve(docs, settings)
    docs = [_with_incident_dates(_with_inferred_date(d, corpus), corpus) for d in docs]
    return ExtractResult(docs, failures, corpus)


_log = logging.getLogger(__name__)
_Item = TypeVar("_Item")

# Articles read together before their bare village names are settled by the batch.
BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Stored:
    """An input article a store holds already, with the place mentions it was stored with.

    It is not processed again, but it keeps its place in the batches, and the places it
    pins down stay in their prior, so the articles after it settle as in a run that read
    it: a run that resumes a killed one stores what an uninterrupted run would have.  Its
    stored mentions pin down what its first reading did: settling only turns a ``largest``
    guess into a ``cluster`` one, and the prior reads neither.
    """

    article_id: str
    places: tuple[PlaceMention, ...]

    def reading(self) -> Document:
        """The article as far as the batch prior reads it (its places)."""
        return Document(Article(self.article_id, "", "<stored>"), places=self.places)


class Runner(Protocol):
    """Where the per-article work of the batches runs: this process (``LOCAL``) or a Dask
    cluster (:class:`sitrep.runs.cluster.DaskRunner`).  Both give the same documents in the same order."""

    def process_batches(
        self, batches: Iterable[list[Article | Failure]], settings: Settings
    ) -> Iterator[list[Document | Failure]]:
        """Each batch through ``pipeline.process_all``, in order."""
        ...

    def reread(self, docs: list[Document], settings: Settings, prior: PlacePrior) -> list[Document]:
        """``with_batch_places(docs, settings, prior)``."""
        ...


class LocalRunner:
    """The per-article work in this process."""

    def process_batches(
        self, batches: Iterable[list[Article | Failure]], settings: Settings
    ) -> Iterator[list[Document | Failure]]:
        for batch in batches:
            yield list(process_all(batch, settings))

    def reread(self, docs: list[Document], settings: Settings, prior: PlacePrior) -> list[Document]:
        return with_batch_places(docs, settings, prior)


LOCAL = LocalRunner()


def process_in_batches(
    articles: Iterable[Article | Failure | Stored],
    settings: Settings,
    size: int = BATCH_SIZE,
    runner: Runner = LOCAL,
) -> Iterator[Document | Failure]:
    """``process_all``, then every ``size`` items the articles with clueless village names are
    re-read near the places the batches so far pinned down (``with_batch_places``).

    A :class:`Stored` article counts in its batch and its places in the prior, but is not
    processed or yielded: the batches and their priors are those of the whole input, however
    much of it a store holds already.

    The settling is sequential (each batch's prior holds every batch before it), so it runs
    here; the work per article runs wherever ``runner`` puts it."""
    seen = SeenPoints()
    pinned: set[tuple[float, float]] = set()
    sent: deque[list[Article | Failure | Stored]] = deque()  # batches the runner has, in order

    def to_process() -> Iterator[list[Article | Failure]]:
        for batch in batched(articles, size):
            sent.append(batch)
            yield [item for item in batch if not isinstance(item, Stored)]

    for processed in runner.process_batches(to_process(), settings):
        batch = _in_place(sent.popleft(), processed)
        yield from _settle(batch, settings, seen, pinned, runner)


def _in_place(
    batch: list[Article | Failure | Stored], processed: list[Document | Failure]
) -> list[Document | Failure | Stored]:
    """``batch`` with each item the runner had replaced by what it made of it."""
    made = iter(processed)
    return [item if isinstance(item, Stored) else next(made) for item in batch]


class SeenPoints:
    """Every point the batches so far pinned down, in input order, 16 bytes each.

    About two points an article: at 1,000,000 articles a list of float tuples would
    hold some 150 MB for the whole run; this holds 32 MB.
    """

    def __init__(self) -> None:
        self._xy = array("d")

    def __len__(self) -> int:
        return len(self._xy) // 2

    def extend(self, points: Iterable[tuple[float, float]]) -> None:
        for lat, lon in points:
            self._xy.append(lat)
            self._xy.append(lon)

    def spread(self, most: int = PRIOR_POINTS) -> list[tuple[float, float]]:
        """``PlacePrior.sampled``'s evenly spread pick (every ``step``-th point, at most ``most``)."""
        step = max(1, math.ceil(len(self) / most))
        xy = self._xy
        return [(xy[2 * i], xy[2 * i + 1]) for i in range(0, len(self), step)]


def batched(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _settle(
    batch: list[Document | Failure | Stored],
    settings: Settings,
    seen: SeenPoints,
    pinned: set[tuple[float, float]],
    runner: Runner,
) -> list[Document | Failure]:
    docs = [item for item in batch if isinstance(item, Document)]
    readings = [
        item.reading() if isinstance(item, Stored) else item
        for item in batch
        if not isinstance(item, Failure)
    ]
    found = PlacePrior.from_documents(readings)
    seen.extend(found.points)
    pinned.update(found.pinned)
    # spread() keeps at most PRIOR_POINTS, so sampled() keeps them all: the same prior as a list gives
    prior = PlacePrior.sampled(seen.spread(), tuple(sorted(pinned)))
    settled = iter(runner.reread(docs, settings, prior))
    return [
        item if isinstance(item, Failure) else next(settled)
        for item in batch
        if not isinstance(item, Stored)
    ]


def with_batch_places(
    docs: list[Document], settings: Settings, prior: PlacePrior | None = None
) -> list[Document]:
    """Re-read the articles whose village names had no clue, near where the batch's other places lie.

    A bare "Marinka" has three namesakes; among reports of one war, the one
    where the batch's pinned-down places cluster (the front line) is likeliest.
    """
    prior = prior or PlacePrior.from_documents(docs)
    if not prior.points or not any(guessed(d) for d in docs):
        return docs
    out = []
    for doc in docs:
        if guessed(doc):
            try:
                doc = reprocess_places(doc, settings, prior.points, prior.pinned)
            except StageError as e:  # the first reading stands; say so (on a worker: its log)
                _log.warning("re-reading places near the batch's failed, kept the first: %s", e)
        out.append(doc)
    return out


def _with_inferred_date(doc: Document, corpus: Corpus) -> Document:
    inferred = corpus.inferred_published.get(doc.article.id)
    if doc.article.published is not None or inferred is None:
        return doc
    return replace(
        doc, article=replace(doc.article, published=inferred, published_basis="inferred")
    )


def _with_incident_dates(doc: Document, corpus: Corpus) -> Document:
    """A follow-up that states no date of its attack ("the death toll from the strike on the
    restaurant has risen to eight"), or a report no sentence of which tells a day, takes the
    date of the incident it joined, when that is earlier: the attack's day, not the day of the
    update or of the article."""
    published = doc.article.published
    followups = {
        (r.article_id, r.evidence)
        for r in doc.reports
        if r.followup or dated_by_publication(r, published)
    }
    if not followups:
        return doc
    dated: dict[tuple[str, tuple[Evidence, ...]], PartialDate] = {}
    for incident in corpus.incidents:
        for r in incident.reports:
            if (r.article_id, r.evidence) in followups and incident.date is not None:
                dated[(r.article_id, r.evidence)] = incident.date
    reports = []
    for r in doc.reports:
        day = dated.get((r.article_id, r.evidence))
        then, told = (day.to_date() if day else None), (r.date.to_date() if r.date else None)
        if then is not None and told is not None and then < told:
            r = replace(r, date=day, date_inferred=True)
        reports.append(r)
    return replace(doc, reports=tuple(reports))


def document_record(doc: Document) -> dict[str, Any]:
    return document_json(doc, boilerplate_lines(doc), repeat_pairs(doc))


def records(result: ExtractResult) -> Iterator[dict[str, Any]]:
    """One record per article, then the corpus record."""
    for doc in result.docs:
        yield document_record(doc)
    yield corpus_json(result.corpus, result.docs)
