"""Our date grammar against dateparser's ``search_dates`` on the same sentences, in one process.

    make bench   # once: installs the bench extra (dateparser, spaCy)
    .venv/bin/python bench/dates_vs_dateparser.py

The stack names dateparser for dates; sitrep uses its own closed grammar
(sitrep.extract.dates).  This measures that choice on the sentences of
tests/golden/incident_notes.jsonl: which explicit dates each finds, where
they disagree, and the time per sentence.  Relative forms ("overnight",
"yesterday") need a publication date, which these notes lack, so they are
left out of the comparison.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import warnings
from pathlib import Path

from dateparser.search import search_dates

from sitrep.extract.dates import find_dates

NOTES = Path(__file__).resolve().parents[1] / "tests" / "golden" / "incident_notes.jsonl"
_SETTINGS = {
    "PREFER_DATES_FROM": "current_period",
    "RELATIVE_BASE": dt.datetime(2025, 12, 31),
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def _ours(text: str) -> set[str]:
    return {d.date.isoformat() for d in find_dates(text, None) if d.date.year is not None}


def _dateparser(text: str) -> set[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings=_SETTINGS) or []
    return {when.date().isoformat() for _, when in found}


def main() -> None:
    notes = [json.loads(line) for line in NOTES.read_text().splitlines() if line.strip()]
    texts = [n["text"] for n in notes]
    timings = {}
    results = {}
    for name, find in (("sitrep grammar", _ours), ("dateparser search_dates", _dateparser)):
        started = time.perf_counter()
        results[name] = [find(t) for t in texts]
        timings[name] = (time.perf_counter() - started) / len(texts) * 1000
    gold = [n["expect"]["date"] for n in notes]
    print(f"{len(texts)} notes")
    for name, found in results.items():
        hits = sum(g in f for g, f in zip(gold, found, strict=True))
        print(f"{name:<26} gold date found in {hits}/{len(texts)}  {timings[name]:6.2f} ms/note")
    ours, theirs = results.values()
    for note, g, a, b in zip(notes, gold, ours, theirs, strict=True):
        if (g in a) != (g in b):
            print(
                f"  {note['id']} gold {g}: ours {sorted(a)}, dateparser {sorted(b)}\n      {note['text'][:110]}"
            )


if __name__ == "__main__":
    main()
