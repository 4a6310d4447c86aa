"""``ingest``: read inputs, process new articles, store them, resolve them against the store.

The library entry point behind ``sitrep ingest`` and ``sitrep demo``.  Each
article is written in its own transaction, keyed by its content hash, so a
rerun skips what is stored and a run killed midway leaves a consistent
database that the next run completes; the articles it stored but did not
resolve are resolved by the next run (see :mod:`sitrep.runs.resolution`).
A stored article still takes its place in the batches of the per-article stages
(:class:`sitrep.runs.extraction.Stored`), so what the next run stores does not depend
on where the killed one stopped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.errors import UnstorableValue
from sitrep.model import Article, Corpus, Document, Failure
from sitrep.store.base import RunStats, RunStatus, Store
from sitrep.store.sql import SqlStore, open_store

if TYPE_CHECKING:  # at run time imported where used: the pipeline takes a second and more to load
    from sitrep.runs.extraction import Stored

__all__ = ["Process", "Progress", "Resolve", "RunSummary", "ingest", "ingest_into"]

#: Called once per input as it is done, with its source name.
Progress = Callable[[str], None]
#: Makes documents of the articles; a :class:`Stored` one is only its place in the input.
Process = Callable[[Iterable["Article | Failure | Stored"], Settings], Iterator[Document | Failure]]
Resolve = Callable[[Sequence[Document], Settings], Corpus]


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run did.  ``incidents`` and ``figures`` count the whole store afterwards."""

    run_id: str
    articles_new: int
    articles_skipped: int
    failures: tuple[Failure, ...]
    incidents: int
    figures: int
    resolved: int  # articles resolved by this run (every stored one when re-resolved)
    undated: int = 0  # new articles with no known publication date (stated, metadata or inferred)


@dataclass(slots=True)
class _Tally:
    """Running counts of one run (mutable, private to it)."""

    new: int = 0
    skipped: int = 0
    undated: int = 0
    failures: list[Failure] = field(default_factory=list)
    extractors: set[str] = field(default_factory=set)

    def stats(self, status: RunStatus) -> RunStats:
        return RunStats(
            status=status,
            articles_new=self.new,
            articles_skipped=self.skipped,
            failures=len(self.failures),
            extractors=tuple(sorted(self.extractors)),
        )


def ingest(
    paths: Sequence[str],
    settings: Settings,
    progress: Progress | None = None,
    *,
    jsonl: bool = False,
    workers: int | None = None,
) -> RunSummary:
    """Read ``paths`` (files, folders, globs, ``-``) into the store at ``settings.db``.

    With ``settings.scheduler`` the per-article stages run on that Dask cluster
    (``"local"``, or ``workers`` alone: a new ``LocalCluster`` of ``workers``
    processes; see :mod:`sitrep.runs.cluster`); the rest runs here as without one.
    """
    from sitrep.ingest import read_paths
    from sitrep.runs.cluster import running
    from sitrep.runs.extraction import process_in_batches

    items = read_paths(paths, settings, "jsonl" if jsonl else None)
    with running(settings.scheduler, workers) as runner, open_store(settings) as store:
        process = None if runner is None else functools.partial(process_in_batches, runner=runner)
        return ingest_into(store, items, settings, progress, process=process)


def ingest_into(
    store: Store,
    items: Iterable[Article | Failure],
    settings: Settings,
    progress: Progress | None = None,
    *,
    process: Process | None = None,
    resolve: Resolve | None = None,
) -> RunSummary:
    """Process and store ``items``, then resolve what is new against the store.

    ``process`` defaults to ``sitrep.runs.extraction.process_in_batches``.  The
    resolution is incremental (``sitrep.runs.resolution.resolve_pending``: only
    articles not resolved yet, against the stories, incidents and claims they can
    touch; it needs a SQL store);
    a ``resolve`` function instead re-resolves every stored document with it
    (tests pass fakes).
    """
    process = process or _default_process()
    tally = _Tally()
    run_id = store.begin_run()
    try:
        for item in process(_unstored(items, store, tally, progress), settings):
            _record(store, run_id, item, tally)
            if progress is not None:
                progress(item.source if isinstance(item, Failure) else item.article.source)
        resolved = _resolve(store, run_id, settings, resolve, tally)
    except BaseException:
        store.finish_run(run_id, tally.stats("interrupted"))
        raise
    store.finish_run(run_id, tally.stats("finished"))
    counts = store.counts()
    return RunSummary(
        run_id=run_id,
        articles_new=tally.new,
        articles_skipped=tally.skipped,
        failures=tuple(tally.failures),
        incidents=counts["incidents"],
        figures=counts["figures"],
        resolved=resolved,
        undated=tally.undated,
    )


def _resolve(
    store: Store, run_id: str, settings: Settings, resolve: Resolve | None, tally: _Tally
) -> int:
    """Resolve what is new (see ``ingest_into``); how many articles were resolved.

    A resolution that raises is the run's last Failure: the articles stay stored
    and unresolved, and the next run resolves them (its own transaction was undone).
    """
    try:
        if resolve is not None:
            docs = store.load_documents()
            store.replace_resolution(resolve(docs, settings))
            return len(docs)
        if not isinstance(store, SqlStore):
            raise TypeError(f"incremental resolution needs a SQL store, not {type(store).__name__}")
        from sitrep.runs.resolution import resolve_pending

        return resolve_pending(store, settings)
    except Exception as e:  # resolution must not lose the run's stored articles
        reason = f"resolution failed ({type(e).__name__}: {e}); the articles are stored and the next run resolves them."
        failure = Failure(
            source="<resolution>",
            reason=" ".join(reason.split()),
            kind="resolution",
            stage="resolve",
        )
        store.write_failure(failure, run_id)
        tally.failures.append(failure)
        return 0


def _unstored(
    items: Iterable[Article | Failure], store: Store, tally: _Tally, progress: Progress | None
) -> Iterator[Article | Failure | Stored]:
    """``items``, an article already stored as :class:`Stored` (counted as skipped): it is not
    processed again, but keeps its place in the batches, so a resumed run settles the rest as
    the killed one would have."""
    from sitrep.runs.extraction import Stored

    for item in items:
        if not isinstance(item, Article) or (places := store.stored_places(item.id)) is None:
            yield item
            continue
        tally.skipped += 1
        if progress is not None:
            progress(item.source)
        yield Stored(item.id, places)


def _write(store: Store, run_id: str, doc: Document) -> bool | Failure:
    """Whether ``doc`` was new; a value the database refuses makes it a Failure."""
    try:
        return store.write_document(doc, run_id)
    except UnstorableValue as e:
        return Failure(source=doc.article.source, reason=str(e), kind="unstorable", stage="store")


def _record(store: Store, run_id: str, item: Document | Failure, tally: _Tally) -> None:
    written = item if isinstance(item, Failure) else _write(store, run_id, item)
    if isinstance(written, Failure):
        store.write_failure(written, run_id)
        tally.failures.append(written)
    elif written and isinstance(item, Document):
        tally.new += 1
        tally.undated += item.article.published is None
        tally.extractors.update(r.extractor for r in item.reports)
        tally.extractors.update(f.extractor for f in item.figures)
    else:
        tally.skipped += 1  # the same text twice in one run


def _default_process() -> Process:
    # Imported here: the store stays usable while the pipeline's stages are being written.
    from sitrep.runs.extraction import process_in_batches

    return process_in_batches
