"""Only running totals reach the figures ledger; one attack's toll stays with its incident."""

from __future__ import annotations

import io
import json

import pytest

from sitrep.config import load_settings
from sitrep.ingest import read_jsonl
from sitrep.runs.extraction import extract_articles


def _figures(text: str, published: str = "2024-09-05") -> list[tuple[str, int | None]]:
    record = (json.dumps({"id": "f", "text": text, "published": published}) + "\n").encode()
    article = next(iter(read_jsonl(io.BytesIO(record), "-", load_settings())))
    doc = extract_articles([article], load_settings()).docs[0]
    return [(f.metric, f.value.value) for f in doc.figures]


@pytest.mark.parametrize(
    "text",
    [
        "A Russian ballistic missile struck a military academy in Poltava on Tuesday. The death toll has risen to 51 as a result of the missile attack on Poltava, with 271 people injured.",
        "A Russian ballistic missile struck a military academy in Poltava on Tuesday. So far, 51 people have been killed and 271 injured.",
        "A Russian ballistic missile struck a military academy in Poltava on Tuesday. 271 people have been injured.",
        "The strike on Poltava killed at least 51 people, making it one of the deadliest since the start of the full-scale war.",
        "In a war in which missile strikes routinely kill a dozen or more people, the attack on Poltava stood out.",
    ],
)
def test_one_attacks_toll_is_no_ledger_row(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "More than 11,700 civilians have been killed in Ukraine since February 2022, the UN monitoring mission said.",
            ("civilians_killed", 11700),
        ),
        (
            "So far this year, 1,200 civilians have been killed in the Donetsk region, the regional prosecutor said.",
            ("civilians_killed", 1200),
        ),
    ],
)
def test_running_totals_are_ledger_rows(text: str, row: tuple[str, int]) -> None:
    assert row in _figures(text)
