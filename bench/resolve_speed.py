"""Benchmark cross-article resolution on the synthetic corpus.

    python bench/resolve_speed.py                # 100,000 articles, then add 1,000
    python bench/resolve_speed.py --base 20000   # a quicker run

Builds a :class:`sitrep.resolve.Resolution` over ``--base`` synthetic
articles (timed: from scratch), then times adding ``--add`` new ones to it
(target <= 15 s for 1,000 on 100,000), reports peak memory (max RSS), and
scores the result against the generator's truth.  The state is held in
memory (it is not persisted to ``sitrep.store``).
"""

from __future__ import annotations

import argparse
import resource
import time

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.resolve import Resolution
from sitrep.resolve.metrics import (
    adjusted_rand_index,
    incident_labels,
    pairwise,
    score_contradictions,
    story_labels,
)
from sitrep.resolve.synthetic import Truth, iter_episodes


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus(n: int, seed: int) -> tuple[list[Document], Truth]:
    docs: list[Document] = []
    truth = Truth()
    for episode in iter_episodes(seed):
        docs.extend(episode.docs)
        truth.update(episode.truth)
        if len(docs) >= n:
            break
    return docs, truth


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs, truth = _corpus(args.base + args.add, args.seed)
    base, new = docs[: args.base], docs[args.base : args.base + args.add]
    generated, rss_docs = time.perf_counter() - t0, _rss_mb()

    resolution = Resolution(Settings())
    t0 = time.perf_counter()
    resolution.add(base)
    scratch = time.perf_counter() - t0
    rss_base = _rss_mb()

    t0 = time.perf_counter()
    delta = resolution.add(new)
    added = time.perf_counter() - t0
    corpus = resolution.corpus()

    used = docs[: args.base + args.add]
    f1 = pairwise(incident_labels(corpus, used), truth.incidents).f1
    ari = adjusted_rand_index(story_labels(corpus, used), truth.stories)
    planted_i = {p for p in truth.incident_contradictions}
    score = score_contradictions(corpus, used, truth.incidents, planted_i, truth.figure_outliers)

    rows = [
        ("articles (base + added)", f"{len(base):,} + {len(new):,}"),
        (
            "reports / figures",
            f"{sum(len(d.reports) for d in used):,} / {sum(len(d.figures) for d in used):,}",
        ),
        ("generate corpus", f"{generated:.1f} s"),
        ("resolve base from scratch", f"{scratch:.1f} s"),
        (f"add {len(new):,} to the base", f"{added:.2f} s (target <= 15 s)"),
        (
            "delta",
            f"{len(delta.incidents)} incidents, {len(delta.stories)} stories, "
            f"{len(delta.contradictions)} contradictions, {len(delta.removed)} removed",
        ),
        (
            "stories / incidents / contradictions",
            f"{len(corpus.stories):,} / {len(corpus.incidents):,} / {len(corpus.contradictions):,}",
        ),
        ("max RSS: docs generated / state built", f"{rss_docs:,.0f} MB / {rss_base:,.0f} MB"),
        ("incident pairwise F1 / story ARI", f"{f1:.4f} / {ari:.4f}"),
        (
            "contradictions planted / found / invented",
            f"{score.planted} / {score.found} / {score.invented}",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    print("| " + "measure".ljust(width) + " | value |")
    print("|" + "-" * (width + 2) + "|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
