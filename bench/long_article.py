"""Time of each per-article stage on one long article, as it grows (issue 13, item 5).

    nice -n 10 .venv/bin/python bench/long_article.py [--chars 250000 500000 1000000 2000000]

The article is the synthetic corpus's articles (`bench/synthetic_corpus.py`: news
paragraphs naming places, counts, dates and sources), one after another as paragraphs
until it has ``chars`` characters; ``--repeat`` instead repeats the first
``--repeat`` of them.  The stages run as ``sitrep.pipeline.process`` runs them (the
reader's per-article limit, 1,000,000 characters, is not applied, so that sizes past it
show how a stage grows).  Printed per size: characters, seconds per stage and in all,
and each stage's growth exponent against the previous size (1 = linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import time
from itertools import cycle

from sitrep.config import load_settings
from sitrep.model import Article, Document
from sitrep.pipeline import STAGES


def article_text(chars: int, repeat: int | None = None, seed: int = 3) -> str:
    """Synthetic news paragraphs, one after another, up to ``chars`` characters."""
    from synthetic_corpus import iter_documents

    def paragraphs():  # type: ignore[no-untyped-def]
        if repeat:
            yield from cycle([d.article.text for d in iter_documents(repeat, seed=seed)])
        for i in range(1, 1_000_000):
            yield from (d.article.text for d in iter_documents(500, seed=seed * 1000 + i))

    out: list[str] = []
    size = 0
    for text in paragraphs():
        out.append(text)
        size += len(text) + 2
        if size >= chars:
            break
    return "\n\n".join(out)[:chars]


def stage_seconds(text: str) -> dict[str, float]:
    settings = load_settings()
    article = Article(id="long", source="bench", published=dt.date(2024, 5, 1), text=text)
    doc = Document(article=article)
    out = {}
    for stage in STAGES:
        start = time.process_time()
        doc = stage(doc, settings)
        out[stage.__name__] = time.process_time() - start
    out["total"] = sum(out.values())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[250_000, 500_000, 1_000_000])
    parser.add_argument("--repeat", type=int, help="repeat the first N synthetic articles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    stage_seconds(article_text(5_000))  # load the gazetteer and models first
    previous: tuple[int, dict[str, float]] | None = None
    rows = []
    for chars in args.chars:
        text = article_text(chars, args.repeat)
        took = stage_seconds(text)
        rows.append({"chars": len(text), "seconds": {k: round(v, 3) for k, v in took.items()}})
        line = [f"{len(text):>10,} chars  total {took['total']:7.2f} s"]
        for name, seconds in sorted(took.items(), key=lambda kv: -kv[1])[1:6]:
            growth = ""
            if previous is not None and previous[1][name] > 0.05 and seconds > 0:
                ratio = math.log(seconds / previous[1][name]) / math.log(len(text) / previous[0])
                growth = f" (n^{ratio:.2f})"
            line.append(f"{name} {seconds:.2f}{growth}")
        print("  ".join(line), flush=True)
        previous = (len(text), took)
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
