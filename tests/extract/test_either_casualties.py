""" "Killed or wounded" is one count of both; a war-sized perfect-tense count is a tally even where
the clause names attacks; a comparison after the tally names no scope."""

import datetime as dt

from sitrep.config import load_settings
from sitrep.extract._casualties import find_casualties
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles


def test_killed_or_wounded_is_neither_a_death_toll_nor_a_count_of_wounded() -> None:
    assert [
        (m.kind, m.number.value)
        for m in find_casualties("Shelling killed or injured 12 people in Kherson.")
    ] == [("killed_or_injured", 12)]
    assert [m.kind for m in find_casualties("Shelling killed 2 and injured 5 in Kherson.")] == [
        "killed",
        "injured",
    ]


def test_an_incident_with_killed_or_wounded_states_neither() -> None:
    article = Article(
        id="a",
        source="t",
        published=dt.date(2024, 2, 1),
        text="Russian shelling killed or wounded 12 people in Kherson on Thursday, the governor said.",
    )
    reports = [r for r in extract_articles([article], load_settings()).docs[0].reports if r.place]
    assert [(r.killed, r.injured) for r in reports] == [(None, None)]


def test_the_wars_count_is_a_ledger_row_with_the_countrys_scope() -> None:
    text = (
        "The United Nations estimates Russian attacks have killed or wounded more than 30,000 civilians, "
        "and weekly casualty counts are often higher than the losses in Kupiansk."
    )
    article = Article(id="a", source="t", published=dt.date(2024, 2, 1), text=text)
    doc = extract_articles([article], load_settings()).docs[0]
    assert [(f.metric, f.value.value, f.scope) for f in doc.figures] == [
        ("civilians_killed_or_injured", 30000, "Ukraine")
    ]
    assert not [r for r in doc.reports if r.killed or r.injured]


def test_a_vague_historical_count_does_not_hide_the_attack() -> None:
    text = "Russian troops attacked the TV tower in Kyiv, near the ravine where the Nazis have killed thousands of people in 1941."
    article = Article(id="a", source="t", published=dt.date(2022, 3, 1), text=text)
    doc = extract_articles([article], load_settings()).docs[0]
    assert [r.place.name for r in doc.reports if r.place] == ["Kyiv"]


def _since(text: str) -> list[str | None]:
    article = Article(id="a", source="t", published=dt.date(2024, 2, 1), text=text)
    doc = extract_articles([article], load_settings()).docs[0]
    return [f.since.isoformat() if f.since else None for f in doc.figures]


def test_a_tally_counts_from_the_start_the_text_states() -> None:
    assert _since(
        "The UN has recorded more than 10,000 civilians killed since the full-scale invasion."
    ) == ["2022-02-24"]
    assert _since(
        "Since January 1, Russian shelling has killed 120 civilians in Kharkiv oblast, the governor said."
    ) == ["2024-01-01"]
    assert _since(
        "The United Nations estimates Russian attacks have killed or wounded more than 30,000 civilians."
    ) == [None]
