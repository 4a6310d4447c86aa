"""Sentences that report no new event, and the strikes told in the same words."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.config import load_settings
from sitrep.extract._date_roles import date_roles, dateline_end, is_update
from sitrep.extract._factuality import is_background_date, no_new_event
from sitrep.extract.dates import find_dates
from sitrep.lang import vocabulary
from sitrep.model import Article, PartialDate
from sitrep.runs.extraction import extract_articles

EN = vocabulary("en")

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("An air-raid alert was declared in Odesa region on Tuesday night.", "alert"),
        ("Air defence is working in the capital, the city administration said.", "alert"),
        ("Several attack drones are approaching Poltava from the east.", "alert"),
        (
            "Moscow could launch another wave of missiles at the grid this winter, officials warned.",
            "modal",
        ),
        ("The Kremlin threatened to strike government buildings in Kyiv.", "modal"),
        (
            "A court in Dnipro sentenced a Russian soldier to 15 years for shelling Nikopol.",
            "court",
        ),
        ("The case concerns the shelling of a school in Kherson.", "court"),
        (
            "The video of a missile hitting a Lviv hospital is fake, fact-checkers found.",
            "fact-check",
        ),
        ("Washington announced a new aid package that includes Patriot missiles.", "diplomacy"),
        ("Talks on a grain corridor resumed in Istanbul.", "diplomacy"),
        ("Kherson is regularly shelled from the left bank.", "habitual"),
        ("Nikopol has been shelled more than 1,200 times since November.", "habitual"),
        ("At least 443 children have been killed or injured since the invasion.", "habitual"),
        ("The strike recalls a bombing campaign that has claimed thousands of lives.", "habitual"),
        ("Officials fled to shelters to survive Russia's endless rockets and bombs.", "habitual"),
        ("Residents marked the anniversary of the strike on the station.", "remembrance"),
        ("A year ago, a missile strike on a mall in Kremenchuk killed 22 people.", "past"),
        ("Moscow denied targeting civilians.", "denial"),
        ("The two teams clashed in a league match in Lviv.", "not combat"),
        (
            "People in Rivne were woken by sirens as cruise missiles were reported over the west.",
            "alert",
        ),
        ("The air force reported enemy drones in the airspace of Poltava oblast.", "alert"),
        (
            "Peskov threatened that Russia would hit government buildings in Kyiv if the strikes continued.",
            "modal",
        ),
        (
            "Officials in Sumy said they expected more glide-bomb attacks on the city this week.",
            "modal",
        ),
        (
            "The governor said the risk of shelling in Kupiansk had grown and urged families to leave.",
            "modal",
        ),
        ("Analysts said a new assault on Huliaipole remained possible before winter.", "modal"),
        (
            "The photo of a burning tower in Odesa was digitally altered; the original shows a fire in 2017.",
            "fact-check",
        ),
        (
            "Posts claiming that a strike killed 200 mercenaries in Sumy are not supported by any evidence.",
            "fact-check",
        ),
        (
            "Investigators charged the bomber's crew with war crimes over the strike on Dnipro.",
            "court",
        ),
        (
            "Two years after the theatre bombing, survivors in Mariupol still wait for answers.",
            "past",
        ),
        ("Odesa remembered the victims of the 2 May fire with a minute of silence.", "remembrance"),
        (
            "A road accident near Uman left three people dead when a bus collided with a truck.",
            "not war",
        ),
        ("The minister visited wounded soldiers at a hospital in Lviv.", "not war"),
        (
            "Analysts note that Russia fires far more artillery shells along the Zaporizhzhia front.",
            "analysis",
        ),
        ("Mykolaiv has been shelled on 201 of the last 230 days, officials said.", "habitual"),
        ("The Battle of the Choirs festival in Lutsk raised money for drones.", "not combat"),
    ],
)
def test_no_new_event(text: str, reason: str) -> None:
    assert no_new_event(text, EN) == reason


def test_an_outlets_reminder_is_background_even_of_yesterday() -> None:
    # "We will remind" opens a look back at an earlier report: its strike and its date
    # belong to that report, not to the news of the article (recent or not).
    text = "We will remind that on March 5 the enemy struck a bridge near Izium."
    assert no_new_event(text, EN, recent=True) == "past"
    assert no_new_event("On March 5 the enemy struck a bridge near Izium.", EN, recent=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "Sirens sounded shortly before two missiles struck an apartment block in Dnipro, killing five.",
        "A Russian drone hit a bus in Kherson on Monday, injuring three passengers.",
        "Kharkiv, which is regularly shelled, was hit on Monday, killing two people.",
        "Russian forces shelled Nikopol overnight, damaging a gas pipeline.",
        "A missile hit a warehouse in Odesa on Monday, exactly a year after an attack there that killed 20.",
        "Sirens sounded in Kyiv before a drone hit a house on Monday, injuring two.",
        "Special forces blew up a bridge near Melitopol that Russian forces used to transfer weapons.",
    ],
)
def test_strikes_are_events(text: str) -> None:
    recent = any(
        d.date.to_date() and (PUBLISHED - d.date.to_date()).days < 14
        for d in find_dates(text, PUBLISHED)
    )  # type: ignore[operator]
    assert no_new_event(text, EN, recent) is None


@pytest.mark.parametrize(
    ("text", "event", "as_of"),
    [
        (
            "The death toll from Saturday's strike on Odesa rose to 12 on Monday.",
            "2024-03-02",
            "2024-03-04",
        ),
        (
            "The number killed in the strike on Dnipro on 1 March has risen to 9, the governor said on Tuesday.",
            "2024-03-01",
            "2024-03-05",
        ),
        ("The death toll in Odesa rose to 12 on Monday.", None, "2024-03-04"),
        ("Russian missiles hit Odesa, the governor said on Monday.", "2024-03-04", "2024-03-04"),
        ("ODESA, March 5 (Reuters) - Russian drones hit a port on Monday.", "2024-03-04", None),
        ("ODESA, March 5 (Reuters) - Russian drones hit a port.", "2024-03-05", None),
        (
            "“As of 08:00 (0500 GMT) on March 5, the bodies of six people were recovered,” rescuers said.",
            None,
            "2024-03-05",
        ),
        ("Rescue work continued into Tuesday after the barrage struck Odesa.", None, "2024-03-05"),
        (
            "Drones hit Odesa, killing 4, according to figures released by officials on Tuesday.",
            None,
            "2024-03-05",
        ),
        (
            "On March 5, it became known that the death toll in Odesa had increased to 12.",
            None,
            "2024-03-05",
        ),
    ],
)
def test_event_time_and_report_time(text: str, event: str | None, as_of: str | None) -> None:
    roles = date_roles(text, find_dates(text, PUBLISHED))
    assert (roles.event.date.isoformat() if roles.event else None) == event
    assert (roles.as_of.date.isoformat() if roles.as_of else None) == as_of


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("KYIV, Ukraine (AP) — Russia launched", len("KYIV, Ukraine (AP) — ")),
        ("ZAPORIZHZHIA, June 3 (Reuters) - A drone", len("ZAPORIZHZHIA, June 3 (Reuters) - ")),
        ("Kiev: Russian forces", len("Kiev: ")),
        ("Russian forces shelled Kherson - again.", 0),
        ("Tuesday, 10 October 2023: artillery hit Kherson.", 0),
    ],
)
def test_dateline_end(text: str, end: int) -> None:
    assert dateline_end(text) == end


def test_update_and_background() -> None:
    assert is_update("The death toll from the strike has risen to 46.")
    assert not is_update("A missile killed 46 people.")
    assert is_background_date(PartialDate(2024, 1, 8), PUBLISHED)
    assert not is_background_date(PartialDate(2024, 3, 1), PUBLISHED)
    assert not is_background_date(PartialDate(None, 1, 8), PUBLISHED)


def test_a_day_after_the_attack_dates_the_attack() -> None:
    text = "Stalls lay overturned in the mud on Wednesday, a day after Russian artillery hit the central market."
    roles = date_roles(text, find_dates(text, PUBLISHED))
    assert roles.event is not None and roles.event.date == PartialDate(2024, 3, 5)
    other = "Troops entered the town on Wednesday, a day after Moscow announced a pullback."
    assert date_roles(other, find_dates(other, PUBLISHED)).event.date == PartialDate(2024, 3, 6)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say the battles around Toretsk show that neither side can move armour without being spotted and struck.",
        "Poland and Ukraine agreed to expand rail links and to rebuild a border crossing near Yahodyn, the ministries said.",
    ],
)
def test_analysis_and_civil_agreements_are_no_events(text: str) -> None:
    article = Article(id="a", source="a.txt", published=None, text=text)
    assert extract_articles([article], load_settings()).corpus.incidents == ()
