"""Benchmark cross-article resolution on the synthetic corpus.

    python bench/resolve_speed.py                          # 100,000 articles, then add 1,000
    python bench/resolve_speed.py --base 20000             # a quicker run
    python bench/resolve_speed.py --store /tmp/bench.db    # also through a SQLite store
    python bench/resolve_speed.py --store /tmp/b.db --store-only   # only through the store

What it measures:

* **in memory** (unless ``--store-only``): a :class:`sitrep.resolve.Resolution`
  is built over ``--base`` synthetic articles (timed: from scratch), then
  ``--add`` new ones (a few more, to end on a whole episode, so that the
  truth covers every article) are added to it (timed: the incremental add).
  Peak memory is the process's max RSS, which includes the generated
  Documents the benchmark holds (given separately).  The result is scored
  against the generator's truth.
* **through the store** (``--store PATH``, a new SQLite file or an empty
  ``postgresql://`` database): the base
  articles are written with ``write_document`` and resolved into the store
  by ``resolve_pending`` (from scratch, in chunks).  Then a fresh process
  ingests the added ones with ``sitrep.store.ingest_into``, the way ``sitrep
  ingest`` does (extraction replaced by the prepared Documents), and reports
  its time (target <= 15 s for 1,000 on 100,000) and its own peak RSS
  (VmHWM: ``ru_maxrss`` would carry this process's peak over into the child).  The
  stored resolution is then scored against the truth like the in-memory one.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections.abc import Iterable, Iterator
from multiprocessing.queues import Queue
from pathlib import Path

import psycopg

from sitrep.config import Settings
from sitrep.model import Article, Corpus, Document, Failure
from sitrep.resolve import Resolution
from sitrep.runs.extraction import Stored
from sitrep.runs.ingest import Process, ingest_into
from sitrep.runs.resolution import resolve_pending
from sitrep.scoring.resolution import (
    adjusted_rand_index,
    incident_labels,
    pairwise,
    score_contradictions,
    story_labels,
)
from sitrep.store import open_store
from sitrep.store.backends import redact
from synthetic_corpus import Truth, covering_episodes

Row = tuple[str, str]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus(n: int, seed: int) -> tuple[list[Document], Truth]:
    docs: list[Document] = []
    truth = Truth()
    for episode in covering_episodes(n, seed):
        docs.extend(episode.docs)
        truth.update(episode.truth)
    return docs, truth


def _in_memory(base: list[Document], new: list[Document], truth: Truth) -> list[Row]:
    resolution = Resolution(Settings())
    t0 = time.perf_counter()
    resolution.add(base)
    scratch = time.perf_counter() - t0
    rss_base = _rss_mb()
    t0 = time.perf_counter()
    delta = resolution.add(new)
    added = time.perf_counter() - t0
    rss_added = _rss_mb()
    corpus = resolution.corpus()
    return [
        ("resolve base from scratch", f"{scratch:.1f} s"),
        (f"add {len(new):,} to the base (in memory)", f"{added:.2f} s (target <= 15 s)"),
        (
            "delta",
            f"{len(delta.incidents)} incidents, {len(delta.stories)} stories, "
            f"{len(delta.contradictions)} contradictions, {len(delta.removed)} removed",
        ),
        (
            "stories / incidents / contradictions",
            f"{len(corpus.stories):,} / {len(corpus.incidents):,} / {len(corpus.contradictions):,}",
        ),
        ("max RSS: base resolved / after the add", f"{rss_base:,.0f} MB / {rss_added:,.0f} MB"),
        *_scores(corpus, base + new, truth, ""),
    ]


def _scores(corpus: Corpus, used: list[Document], truth: Truth, prefix: str) -> list[Row]:
    """The corpus against the generator's truth."""
    f1 = pairwise(incident_labels(corpus, used), truth.incidents).f1
    ari = adjusted_rand_index(story_labels(corpus, used), truth.stories)
    score = score_contradictions(
        corpus, used, truth.incidents, truth.incident_contradictions, truth.figure_outliers
    )
    return [
        (f"{prefix}incident pairwise F1 / story ARI", f"{f1:.4f} / {ari:.4f}"),
        (
            f"{prefix}contradictions planted / found / invented",
            f"{score.planted:,} / {score.found:,} / {score.invented}",
        ),
    ]


def _prepared(docs: list[Document]) -> Process:
    by_id = {doc.article.id: doc for doc in docs}

    def process(
        items: Iterable[Article | Failure | Stored], _: Settings
    ) -> Iterator[Document | Failure]:
        for item in items:
            if not isinstance(item, Stored):
                yield item if isinstance(item, Failure) else by_id[item.id]

    return process


def _peak_mb() -> float:
    """This process's peak RSS since it started (ru_maxrss outlives exec, VmHWM does not)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return _rss_mb()


def _ingest_child(path: str, new: list[Document], results: Queue[tuple[float, float, int]]) -> None:
    """In a fresh process, as `sitrep ingest` runs: ingest ``new`` into the store at ``path``."""
    settings = Settings(db=path)
    with open_store(settings) as store:
        t0 = time.perf_counter()
        summary = ingest_into(store, [doc.article for doc in new], settings, process=_prepared(new))
        seconds = time.perf_counter() - t0
    results.put((seconds, _peak_mb(), summary.resolved))


def _through_store(path: str, base: list[Document], new: list[Document], truth: Truth) -> list[Row]:
    if path.startswith("postgresql://"):
        with psycopg.connect(path) as conn:
            if conn.execute("SELECT to_regclass('articles')").fetchone() != (None,):
                raise SystemExit(
                    f"{redact(path)} has sitrep tables; --store wants an empty database."
                )
    elif Path(path).exists():
        raise SystemExit(f"{path} exists; --store wants a new file.")
    settings = Settings(db=path)
    with open_store(settings) as store:
        t0 = time.perf_counter()
        for doc in base:
            store.write_document(doc, None)
        written = time.perf_counter() - t0
        t0 = time.perf_counter()
        resolve_pending(store, settings)
        resolved = time.perf_counter() - t0
    context = multiprocessing.get_context("spawn")
    results: Queue[tuple[float, float, int]] = context.Queue()
    child = context.Process(target=_ingest_child, args=(path, new, results))
    child.start()
    ingested, child_rss, count = results.get()
    child.join()
    with open_store(settings) as store:
        corpus = store.load_corpus()
    return [
        ("store: write base articles", f"{written:.1f} s"),
        ("store: resolve the base (from scratch, in chunks)", f"{resolved:.1f} s"),
        (f"store: ingest {count:,} more (sitrep ingest path)", f"{ingested:.1f} s"),
        ("store: max RSS of the ingesting process", f"{child_rss:,.0f} MB"),
        *_scores(corpus, base + new, truth, "store: "),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--store",
        help="also time the add through a store: a new SQLite file or an empty postgresql:// database",
    )
    parser.add_argument("--store-only", action="store_true", help="skip the in-memory run")
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs, truth = _corpus(args.base + args.add, args.seed)
    base, new = docs[: args.base], docs[args.base :]
    rows: list[Row] = [
        ("articles (base + added)", f"{len(base):,} + {len(new):,}"),
        (
            "reports / figures",
            f"{sum(len(d.reports) for d in docs):,} / {sum(len(d.figures) for d in docs):,}",
        ),
        ("generate corpus", f"{time.perf_counter() - t0:.1f} s"),
        ("max RSS: documents generated", f"{_rss_mb():,.0f} MB"),
    ]
    if not args.store_only:
        rows += _in_memory(base, new, truth)
    if args.store is not None:
        rows += _through_store(args.store, base, new, truth)
    width = max(len(k) for k, _ in rows)
    print("| " + "measure".ljust(width) + " | value |")
    print("|" + "-" * (width + 2) + "|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
