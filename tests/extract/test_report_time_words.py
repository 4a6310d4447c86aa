"""Days of mourning are report time; "claimed over 20 lives" keeps its qualifier; a stated figure
beats a vague word; a surname after a given name is no village."""

import datetime as dt

import pytest

from sitrep.config import load_settings
from sitrep.extract._casualties import find_casualties
from sitrep.extract._date_roles import date_roles
from sitrep.extract.dates import find_dates
from sitrep.extract.grouping import merge_numbers
from sitrep.model import Article, Number
from sitrep.runs.extraction import extract_articles


def test_days_of_mourning_do_not_date_the_attack() -> None:
    text = "Tuesday, Wednesday and Thursday, May 6, 7 and 8, respectively, have been declared days of mourning in Chernihiv for those killed in the Russian strike."
    roles = date_roles(text, find_dates(text, dt.date(2025, 5, 6)))
    assert roles.event is None and roles.as_of is not None


def test_a_day_after_the_attack_named_for_mourning_keeps_the_attack_day() -> None:
    text = "On Sunday Russian missiles struck Chernihiv and Monday was declared a day of mourning."
    roles = date_roles(text, find_dates(text, dt.date(2025, 5, 5)))
    assert roles.event is not None and roles.event.date.day == 4


def test_claimed_over_twenty_lives_is_a_lower_bound() -> None:
    [mention] = find_casualties("A Russian missile strike has claimed over 20 lives in Chernihiv.")
    assert (mention.kind, mention.number.qualifier, mention.number.low) == (
        "killed",
        "more_than",
        21,
    )


def test_a_stated_figure_beats_a_vague_word() -> None:
    dozens = Number(None, "dozens", 24, None)
    stated = Number(21, "at_least", 21, None)
    assert merge_numbers(dozens, stated) == stated and merge_numbers(stated, dozens) == stated


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "A Russian missile struck Sumy on Sunday, killing 12 people, according to the acting mayor, Artem Kobzar.",
            "Sumy",
            id="a_surname_after_a_given_name_is_not_a_place",
        ),
        pytest.param(
            "KRAMATORSK, 4 April 2025 — A Russian ballistic missile hit a residential area near a playground, killing nine people.",
            "Kramatorsk",
            id="the_dateline_is_the_place_when_nothing_after_it_is",
        ),
        pytest.param(
            "KYIV, Ukraine (AP) — A Russian missile hit an apartment block in Dnipro on Friday, killing four people.",
            "Dnipro",
            id="a_place_named_after_the_dateline_wins",
        ),
        pytest.param(
            "A Russian drone hit a house in Nikopol on Monday, injuring two, said Serhii Lysak, the regional governor.",
            "Nikopol",
            id="a_given_name_before_a_surname_is_not_a_village",
        ),
        pytest.param(
            "On 26 March 2022, Russian servicemen kidnapped the mayor of Slavutych, Kyiv, and took him away.",
            "Slavutych",
            id="an_official_taken_is_where_it_happened",
        ),
        pytest.param(
            "On 26 February 2022, Russian forces shelled a column of cars moving from Kherson region to Enerhodar, Zaporizhia.",
            "Enerhodar",
            id="a_route_is_placed_at_its_end",
        ),
    ],
)
def test_the_event_place(text: str, place: str) -> None:
    """A surname is no village; the dateline places a sentence that names nothing after it; an
    official taken places the event at their town; a route is placed at its end."""
    days = [d.date.to_date() for d in find_dates(text, None) if d.date.year]
    article = Article(
        id="a", source="t", published=days[0] if days else dt.date(2025, 4, 4), text=text
    )
    doc = extract_articles([article], load_settings()).docs[0]
    assert [r.place.name for r in doc.reports if r.place][:1] == [place]
