"""Which places of a sentence an incident is at, and how a batch helps read village names."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from sitrep.config import load_settings
from sitrep.ingest import read_jsonl
from sitrep.runs.extraction import extract_articles, records


def extract(*texts: str) -> list[dict[str, Any]]:
    settings = load_settings()
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts))
    result = extract_articles(
        read_jsonl(io.BytesIO(lines.encode()), "batch.jsonl", settings), settings
    )
    return [r for r in records(result) if "corpus" not in r]


@pytest.mark.parametrize(
    ("text", "place", "killed"),
    [
        (
            "On 2 May 2023, Russian guns shelled Toretsk from positions in Horlivka, killing a civilian.",
            "Toretsk",
            1,
        ),
        ("On 4 May 2023, a glide bomb hit Lyptsi, north of Kharkiv, killing one man.", "Lyptsi", 1),
        (
            "On 6 May 2023, artillery struck Kalynivka near Chasiv Yar. Two people were killed.",
            "Kalynivka",
            2,
        ),
        (
            "On 8 May 2023, shells hit Novoselivka, Lyman hromada (Kramatorsk raion); a man was killed.",
            "Novoselivka",
            1,
        ),
        (
            "On 9 May 2023, Russian forces shelled Kamianske, Vasylivka raion, killing two residents.",
            "Kamianske",
            2,
        ),
        (
            "On 10 May 2023, marines fought near Krynky on the left bank of the Dnipro; six were killed.",
            "Krynky",
            6,
        ),
        (
            "On 12 May 2023, Russian forces shelled Nikopol district; in the town of Pokrov a woman was killed.",
            "Pokrov",
            1,
        ),
        # the capital named as the place attacked, not as the government that acts
        (
            "On 14 May 2023, Kyiv was hit by a barrage of missiles that killed two people.",
            "Kyiv",
            2,
        ),
    ],
)
def test_one_incident_at_the_event_place_with_its_toll(text: str, place: str, killed: int) -> None:
    (record,) = extract(text)
    first = record["incidents"][0]
    assert first["place"]["name"] == place
    assert (first["killed"] or {}).get("value") == killed
    assert len(record["incidents"]) == 1


def test_a_list_of_targets_is_several_incidents() -> None:
    (record,) = extract("On 3 June 2023, Russian missiles struck Kharkiv, Dnipro and Odesa.")
    assert [i["place"]["name"] for i in record["incidents"]] == ["Kharkiv", "Dnipro", "Odesa"]


def test_a_bare_village_name_follows_where_the_batch_is() -> None:
    front = [
        f"On {day} June 2023, Russian forces shelled {town}, Donetsk oblast."
        for day, town in [
            (1, "Avdiivka"),
            (2, "Vuhledar"),
            (3, "Kurakhove"),
            (4, "Pokrovsk"),
            (5, "Selydove"),
        ]
    ]
    *_, bare = extract(
        *front, "On 6 June 2023, Russian forces shelled Marinka, killing two people."
    )
    place = bare["incidents"][0]["place"]
    assert (place["name"], place["admin1"]) == ("Marinka", "Donetsk Oblast")


def test_alone_a_bare_village_name_is_the_largest_namesake() -> None:
    (alone,) = extract("On 6 June 2023, Russian forces shelled Marinka, killing two people.")
    assert alone["incidents"][0]["place"]["name"] == "Marinka"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "killed"),
    [
        (
            "On 21 May 2023, border guards clashed with a raiding party near Seredyna-Buda, Sumy oblast. Two soldiers were killed.",
            "armed_clash",
            2,
        ),
        (
            "On 3 October 2022, soldiers shot an old man in Dudchany, Beryslav raion. He died of his wounds.",
            "attack",
            1,
        ),
        (
            "On 13 January 2023, a soldier was killed in combat near Soledar, Donetsk.",
            "armed_clash",
            1,
        ),
        (
            "On 27 February 2022, Russian forces shelled Sartana, Donetsk. Three people were wounded and three killed.",
            "shelling_artillery_missile_attack",
            3,
        ),
    ],
)
def test_a_sentence_that_only_counts_victims_keeps_the_named_event_type(
    text: str, sub_event_type: str, killed: int
) -> None:
    (record,) = extract(text)
    (incident,) = record["incidents"]
    assert (incident["sub_event_type"], incident["killed"]["value"]) == (sub_event_type, killed)


@pytest.mark.parametrize(
    ("text", "place", "killed"),
    [
        (
            "On 13 April 2022, artillery hit Rubizhne and Kreminna; two people were killed in Rubizhne.",
            "Rubizhne",
            2,
        ),
        (
            "On 11 June 2024, a drone hit a bus in Kherson's Dniprovskyi district; one person was killed.",
            "Kherson",
            1,
        ),
        (
            "On 13 March 2022, Russian forces shelled Tsyrkuny near Kharkiv. Fatalities: 2.",
            "Tsyrkuny",
            2,
        ),
    ],
)
def test_counts_go_to_the_place_their_clause_names(text: str, place: str, killed: int) -> None:
    (record,) = extract(text)
    first = record["incidents"][0]
    assert (first["place"]["name"], (first["killed"] or {}).get("value")) == (place, killed)


@pytest.mark.parametrize(
    ("text", "place", "admin1"),
    [
        (
            "On 2 May 2024, a drone hit a depot in Khmelnitsky.",
            "Khmelnytskyi",
            "Khmelnytskyi Oblast",
        ),
        (
            "On 3 May 2024, a shell hit a school in Novgorod-Seversky.",
            "Novhorod-Siverskyi",
            "Chernihiv Oblast",
        ),
        (
            "On 4 May 2024, troops looted the Kherson regional art museum.",
            "Kherson",
            "Kherson Oblast",
        ),
        (
            "On 5 May 2024, a missile hit the Mykolaiv regional administration building.",
            "Mykolaiv",
            "Mykolaiv Oblast",
        ),
        (
            "On 6 May 2024, a drone hit a car in Zelenivka, on the northern edge of Kherson, killing one.",
            "Zelenivka",
            "Kherson Oblast",
        ),
        (
            "On 7 May 2024, guns shelled Novoselivka near Lyman; two were killed.",
            "Novoselivka",
            "Donetsk Oblast",
        ),
    ],
)
def test_first_incident_place(text: str, place: str, admin1: str) -> None:
    (record,) = extract(text)
    first = record["incidents"][0]["place"]
    assert (first["name"], first["admin1"]) == (place, admin1)


def test_a_reporting_body_is_a_source_not_a_second_place() -> None:
    text = (
        "Nikopol was shelled on the morning of 8 February 2024. A man was killed and his wife wounded, "
        "the Dnipropetrovsk regional military administration reported."
    )
    (record,) = extract(text)
    (incident,) = record["incidents"]
    assert (incident["place"]["name"], incident["killed"]["value"]) == ("Nikopol", 1)


def test_an_undated_sentence_goes_on_from_the_last_date_given() -> None:
    text = "On 11 June 2023, guns shelled Siversk; one man was killed. In the afternoon, a drone hit Torske."
    (record,) = extract(text)
    assert [(i["place"]["name"], i["date"]) for i in record["incidents"]] == [
        ("Siversk", "2023-06-11"),
        ("Torske", "2023-06-11"),
    ]


def test_another_victim_in_the_same_sentence_adds_to_the_count() -> None:
    (record,) = extract(
        "On 4 May 2023, shelling hit Kherson; two people were killed and another died later in hospital."
    )
    assert record["incidents"][0]["killed"]["value"] == 3


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "As a result of a rocket attack on Zaporizhzhia region, there are several casualties.",
            "Zaporizhzhia Oblast",
        ),
        ("Russian rocket strikes on Kyiv.", "Kyiv"),
    ],
)
def test_short_news_lines_without_a_past_verb_tell_a_strike(text: str, place: str) -> None:
    (record,) = extract(text)
    assert [i["place"]["name"] for i in record["incidents"]] == [place]


def test_a_threat_of_strikes_is_no_news_line() -> None:
    (record,) = extract("Russia threatens new strikes on Kyiv.")
    assert record["incidents"] == []
