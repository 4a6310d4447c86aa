"""Extraction time of one long sentence with many places and counts, as it grows.

    .venv/bin/python bench/long_sentence.py [--parts 100 200 400]

A run-on sentence of ``parts`` clauses ("... Kharkiv killing 3 people and Izium injuring 2, ...")
is the worst case of linking counts to places (every count against every place).  Printed:
characters, CPU seconds (the machine is shared), and the growth exponent against the previous
size (1 = linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import time

from sitrep.config import load_settings
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles


def sentence(parts: int) -> str:
    clauses = (
        f"Kharkiv killing {i % 9 + 1} people and Izium injuring {i % 7 + 1}" for i in range(parts)
    )
    return "Russian shelling hit " + ", ".join(clauses) + "."


def seconds(text: str) -> float:
    article = Article(id="a", source="bench", published=dt.date(2024, 5, 1), text=text)
    start = time.process_time()
    extract_articles([article], load_settings())
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", type=int, nargs="+", default=[100, 200, 400])
    args = parser.parse_args()
    previous: tuple[int, float] | None = None
    for parts in args.parts:
        text = sentence(parts)
        took = seconds(text)
        growth = (
            ""
            if previous is None
            else f"  growth exponent {math.log(took / previous[1]) / math.log(len(text) / previous[0]):.2f}"
        )
        print(f"{parts:>6} clauses  {len(text):>8,} chars  {took:8.2f} s{growth}")
        previous = (len(text), took)


if __name__ == "__main__":
    main()
