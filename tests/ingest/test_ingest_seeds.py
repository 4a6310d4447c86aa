"""The seed articles read as the gold says (skips when ../shared is absent)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.ingest import read_paths
from sitrep.model import Article


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> dict[str, Article]:
    items = list(read_paths([str(p) for p in seed_paths], Settings()))
    assert all(isinstance(item, Article) for item in items)
    return {Path(a.source).name[:3]: a for a in items if isinstance(a, Article)}


@pytest.mark.parametrize(
    ("seed", "published", "basis", "outlet"),
    [
        ("000", None, "unknown", "The Independent"),
        ("001", dt.date(2022, 3, 2), "stated", None),
        ("002", None, "unknown", None),
        ("003", None, "unknown", None),
        ("004", dt.date(2022, 3, 14), "stated", "Daily Mail"),
    ],
)
def test_seed_metadata(
    seeds: dict[str, Article], seed: str, published: dt.date | None, basis: str, outlet: str | None
) -> None:
    article = seeds[seed]
    assert (article.published, article.published_basis, article.outlet) == (
        published,
        basis,
        outlet,
    )


def test_seed_titles_and_urls(seeds: dict[str, Article], seed_gold: Path) -> None:
    gold = {d["file"][:3]: d for d in json.loads(seed_gold.read_text())["documents"]}
    for seed, article in seeds.items():
        first_line = article.text.split("\n", 1)[0].strip()
        expected_title = first_line if gold[seed]["title_line"] == 1 else None
        assert article.title == expected_title, seed
        assert article.url == gold[seed]["url"], seed


def test_seed_004_body_starts_after_the_url(seeds: dict[str, Article]) -> None:
    article = seeds["004"]
    assert article.text[article.body_start :].startswith("Later, a missile")


def test_seed_ids_are_distinct_and_stable(
    seeds: dict[str, Article], seed_paths: list[Path]
) -> None:
    again = [
        a.id for a in read_paths([str(p) for p in seed_paths], Settings()) if isinstance(a, Article)
    ]
    assert again == [seeds[k].id for k in sorted(seeds)]
    assert len(set(again)) == len(again)
