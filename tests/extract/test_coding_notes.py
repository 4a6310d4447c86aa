"""A coder's notes in an event note decide the coded toll and place; new detection cues."""

from __future__ import annotations

import io
import json

import pytest

from sitrep.config import load_settings
from sitrep.ingest import read_jsonl
from sitrep.model import Report
from sitrep.runs.extraction import extract_articles


def _incidents(text: str) -> list[Report]:
    record = (json.dumps({"id": "n", "text": text}) + "\n").encode()
    article = next(iter(read_jsonl(io.BytesIO(record), "-", load_settings())))
    return list(extract_articles([article], load_settings()).docs[0].reports)


def _killed(text: str) -> int | None:
    first = _incidents(text)[0]
    return first.killed.value if first.killed else None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "On 9 June 2023, Russian forces clashed with Ukrainian forces near Kurdiumivka, Donetsk. Both sides suffered losses. Unspecified fatalities coded as 10.",
            10,
        ),
        (
            "On 3 July 2023, Ukrainian forces shelled Russian positions near Nova Kakhovka, Kherson. Casualties were reported as heavy (coded as 10).",
            10,
        ),
        (
            "On 4 July 2023, Russian forces shelled Kupiansk, Kharkiv. During the day, 12 civilians were killed in the Kharkiv region [12 fatalities split among 4 events].",
            3,
        ),
        (
            "On 5 July 2023, Russian forces shelled Vuhledar, Donetsk. Two civilians were killed. During the day, 14 soldiers were killed in the Donetsk region [14 fatalities split among 7 events].",
            4,
        ),
        (
            "On 6 July 2023, Russian forces shelled Toretsk, Donetsk. One civilian was killed (fatalities coded to the Pivnichne event).",
            None,
        ),
        ("On 7 July 2023, Russian forces shelled Orikhiv, Zaporizhia. One person was killed.", 1),
    ],
)
def test_coded_toll(text: str, killed: int | None) -> None:
    assert _killed(text) == killed


def test_coded_place() -> None:
    first = _incidents(
        "On 8 July 2023, Russian forces shelled the Nikopol district (coded to Nikopol), Dnipropetrovsk region. Civilian infrastructure was damaged."
    )[0]
    assert first.place is not None and first.place.name == "Nikopol"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 August 2023, Russian forces fired small arms at Ukrainian positions near Krasnohorivka, Donetsk. Casualties unknown.",
            "armed_clash",
        ),
        (
            "On 2 August 2023, Russian forces fired heavy weapons at Siversk, Donetsk. Casualties unknown.",
            "shelling_artillery_missile_attack",
        ),
        (
            "On 2 August 2023, Russian forces fired small arms at a civilian car near Beryslav, Kherson. The driver was wounded.",
            "attack",
        ),
        (
            "On 3 August 2023, a tractor exploded on a mine in a field near Balakliia, Kharkiv. The driver died.",
            "remote_explosive_landmine_ied",
        ),
        (
            "On 4 August 2023, Ukrainian forces destroyed a Russian convoy near Tokmak, Zaporizhia. Casualties unknown.",
            "shelling_artillery_missile_attack",
        ),
        (
            "On 5 August 2023, a sabotage unit that tried to cross near Vovchansk, Kharkiv was neutralized by Ukrainian forces.",
            "armed_clash",
        ),
        (
            "On 6 August 2023, Russian forces blew up a bridge near Kozacha Lopan, Kharkiv.",
            "remote_explosive_landmine_ied",
        ),
    ],
)
def test_detected(text: str, sub: str) -> None:
    incidents = _incidents(text)
    assert incidents and incidents[0].sub_event_type == sub


def test_times_on_a_named_day_is_that_days_fire() -> None:
    assert _incidents(
        "On 11 August 2023, Russian forces fired Grad rockets at villages in the Sumy region 40 times. Two civilians were wounded."
    )


def test_times_without_a_day_is_a_habit() -> None:
    assert not _incidents(
        "Russian forces have shelled the border villages 1,200 times, local officials said."
    )


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "On 12 August 2023, Russian forces shelled Bilozerka, Kherson. Initially, three deaths were reported; later two more bodies were found.",
            5,
        ),
        (
            "On 13 August 2023, Russian forces shelled Nikopol, Dnipropetrovsk, killing two civilians. Another civilian was killed near the market.",
            3,
        ),
        (
            "On 14 August 2023, a missile hit Odesa, killing three people. Two more people died in hospital, bringing the death toll to five.",
            5,
        ),
        (
            "On 15 August 2023, Russian and Ukrainian forces clashed near Robotyne, Zaporizhia. According to Ukrainian sources, about 60 Russian soldiers were killed.",
            60,
        ),
        # "more" beyond the sentence's own first count is no addition to what came before
        (
            "On 16 August 2023, a missile hit Uzhhorod, killing four people. By noon, two people were known to have been killed and three more injured.",
            4,
        ),
        # a toll told and updated twice: "one more" adds to which? the stated totals stand
        (
            "On 17 August 2023, a missile hit Lutsk, killing six people. Earlier, five were reported dead. One more person died in hospital.",
            6,
        ),
    ],
)
def test_counts_across_sentences(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "types"),
    [
        (
            "On 9 June 2022, Russian forces shelled Novoselivka, Kharkiv. Ukrainian forces responded with fire. Casualties unknown.",
            ("battles", "armed_clash"),
        ),
        (
            "On 9 June 2022, Russian forces shelled Novoselivka, Kharkiv. Casualties unknown.",
            ("explosions_remote_violence", "shelling_artillery_missile_attack"),
        ),
        (
            "On 3 June 2022, Russian forces carried out an airstrike on Sievierodonetsk, Luhansk, and tried to enter the town, inciting clashes with Ukrainian units. Casualties unknown.",
            ("battles", "armed_clash"),
        ),
        (
            "On 4 June 2022, Russian forces shelled Vuhledar, Donetsk and clashed with Ukrainian troops on its outskirts. Casualties unknown.",
            ("battles", "armed_clash"),
        ),
        (
            "On 2 April 2022, Ukrainian forces retook Lypivka, Kyiv. No information on whether fighting took place.",
            ("strategic_developments", "non_violent_transfer_of_territory"),
        ),
    ],
)
def test_the_coders_precedence_within_a_note(text: str, types: tuple[str, str]) -> None:
    first = _incidents(text)[0]
    assert (first.event_type, first.sub_event_type) == types


def test_a_news_article_keeps_the_strike_behind_a_clash() -> None:
    from sitrep.extract.coding_notes import is_coded_note

    text = "Russian missiles hit Kharkiv on Monday. Ukrainian troops clashed with Russian forces north of the city."
    assert not is_coded_note(text)
    assert is_coded_note("On 9 June 2022, Russian forces shelled Kharkiv.")
    assert is_coded_note("Looting: On 9 March 2022, Russian navy took control of a ship.")


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the count the grouping put at the quarter named second is the coded event's
        (
            "On 13 May 2022, Ukrainian forces fired 122mm mortars on DPR positions in Donetsk - Petrovskyi. 1 civilian died. Two houses were destroyed.",
            1,
        ),
        (
            "On 28 February 2022, Russian forces opened fire on a car moving from Berdiansk to Melitopol in Zaporizhia region. As a result, 2 people were killed.",
            2,
        ),
        # deaths of both sides in different sentences add up
        (
            "On 28 February 2022, Russian forces clashed with Ukrainian forces in Kharkiv. A civilian woman died in the crossfire. At least 4 Russian soldiers were killed.",
            5,
        ),
        # not where the note shares a regional figure out
        (
            "On 21 March 2022, Russian forces shelled Kramatorsk, Donetsk. 2 civilians died. 30 Ukrainian soldiers were killed during the day in the Donetsk region [30 fatalities split among 10 events].",
            5,
        ),
    ],
)
def test_a_note_codes_one_event_with_all_its_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed
