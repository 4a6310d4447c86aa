"""A report whose sentence names no event is of unknown type, not a guessed one."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from sitrep.config import load_settings
from sitrep.ingest import read_jsonl
from sitrep.runs.extraction import extract_articles, records

SHELLING = ("explosions_remote_violence", "shelling_artillery_missile_attack")
UNKNOWN = ("unknown", "unknown")


def _types(text: str) -> list[tuple[str, str, str, int]]:
    settings = load_settings()
    line = json.dumps({"id": "r1", "text": text})
    result = extract_articles(read_jsonl(io.BytesIO(line.encode()), "r.jsonl", settings), settings)
    (record,) = [r for r in records(result) if "corpus" not in r]
    incidents: list[dict[str, Any]] = record["incidents"]
    return [
        (i["event_type"], i["sub_event_type"], i["place"]["name"], i["killed"]["value"])
        for i in incidents
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 5 May 2023, two people were killed in Kupiansk, the regional governor said.", UNKNOWN),
        # the count's sentence names no event; the sentence before does, and the merge keeps it
        (
            "On 5 May 2023, Russian forces shelled Kupiansk. Two people were killed in Kupiansk.",
            SHELLING,
        ),
        (
            "Two civilians were killed in Kupiansk on 5 May 2023. Russian forces shelled Kupiansk that day.",
            SHELLING,
        ),
    ],
)
def test_an_uncued_count_is_of_unknown_type_until_a_sentence_names_the_event(
    text: str, kind: tuple[str, str]
) -> None:
    assert _types(text) == [(*kind, "Kupiansk", 2)]
