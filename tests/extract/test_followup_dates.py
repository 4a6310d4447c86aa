"""A follow-up that gives no date of its attack takes the date of the incident it joins."""

import datetime as dt

from sitrep.config import load_settings
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles


def test_update_takes_the_attack_day() -> None:
    first = Article(
        id="a1",
        source="t",
        published=dt.date(2024, 5, 14),
        text="A Russian missile struck a supermarket in Kostiantynivka on Tuesday evening, killing 5 people and injuring 20, the regional governor said.",
    )
    later = Article(
        id="a2",
        source="t",
        published=dt.date(2024, 5, 16),
        text="The death toll from the Russian missile strike on a supermarket in Kostiantynivka has risen to nine, the State Emergency Service said on Thursday.",
    )
    docs = {d.article.id: d for d in extract_articles([first, later], load_settings()).docs}
    attack = [r for r in docs["a1"].reports if r.killed]
    update = [r for r in docs["a2"].reports if r.killed]
    assert [r.date.isoformat() if r.date else None for r in attack] == ["2024-05-14"]
    assert [
        (r.date.isoformat() if r.date else None, r.killed.value if r.killed else None)
        for r in update
    ] == [("2024-05-14", 9)]


def test_update_alone_keeps_its_day() -> None:
    later = Article(
        id="a2",
        source="t",
        published=dt.date(2024, 5, 16),
        text="The death toll from the Russian missile strike on a supermarket in Kostiantynivka has risen to nine, the State Emergency Service said on Thursday.",
    )
    doc = extract_articles([later], load_settings()).docs[0]
    assert [r.date.isoformat() if r.date else None for r in doc.reports if r.killed] == [
        "2024-05-16"
    ]


def test_a_funeral_day_is_not_the_attack_day() -> None:
    # "Funerals began today" dates the funerals; the strike it names is the one two days before.
    article = Article(
        id="a3",
        source="t",
        published=dt.date(2024, 5, 16),
        text=(
            "Funerals began today for victims of a Russian missile strike on Kostiantynivka.\n\n"
            "On May 14, a Russian missile hit a supermarket in Kostiantynivka, killing 9 people."
        ),
    )
    doc = extract_articles([article], load_settings()).docs[0]
    assert [r.date.isoformat() if r.date else None for r in doc.reports] == ["2024-05-14"]


def test_a_death_today_from_a_strike_weeks_back_is_a_followup_of_that_strike() -> None:
    # The strike is a month old (background), but the sentence tells its toll changing today.
    article = Article(
        id="a4",
        source="t",
        published=dt.date(2024, 6, 14),
        text="Another person who was injured in a missile attack on Kostiantynivka on May 14 died in hospital today.",
    )
    (report,) = extract_articles([article], load_settings()).docs[0].reports
    assert report.date is not None and report.date.isoformat() == "2024-05-14"
    assert report.killed is not None and report.killed.value == 1
    old = Article(
        id="a5",
        source="t",
        published=dt.date(2024, 6, 14),
        text="On May 14 a missile attack on Kostiantynivka killed 9 people.",
    )
    assert extract_articles([old], load_settings()).docs[0].reports == ()
