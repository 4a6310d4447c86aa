"""Write a synthetic corpus as JSON Lines records for ``sitrep extract --jsonl``.

    python bench/synthetic.py 100000 --seed 0 > synthetic.jsonl
    python bench/synthetic.py 300 --truth truth.json > synthetic.jsonl

The generator is `bench/synthetic_corpus.py`; this script only formats.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.model import Document
from synthetic_corpus import Truth, covering_episodes


def _record(doc: Document) -> dict[str, str | None]:
    a = doc.article
    return {
        "id": a.id,
        "text": a.text,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int, help="number of articles (whole episodes: a few more)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--truth",
        type=Path,
        help="also write the truth (stories, incidents, planted contradictions)",
    )
    args = parser.parse_args()
    truth = Truth()
    for episode in covering_episodes(args.n, args.seed):
        for doc in episode.docs:
            sys.stdout.write(json.dumps(_record(doc)) + "\n")
        truth.update(episode.truth)
    if args.truth:
        args.truth.write_text(
            json.dumps(
                {
                    "stories": truth.stories,
                    "incidents": truth.incidents,
                    "incident_contradictions": sorted(truth.incident_contradictions),
                    "figure_outliers": sorted(truth.figure_outliers),
                    "inferred_published": {
                        k: v.isoformat() for k, v in truth.inferred_published.items()
                    },
                },
                indent=1,
            ),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
