from __future__ import annotations

import datetime as dt

import pytest
from resolve_factories import BUCHA, IRPIN, KHARKIV, KHARKIV_OBLAST, KYIV, OBOLON, report

from sitrep.model import Number, PartialDate, Place
from sitrep.resolve.matching import (
    Entry,
    affinity,
    compatible,
    day_gap,
    make_entry,
    same_place,
)

PODIL = Place("Podil", 50.4650, 30.5190, "Kyiv City", "district", parent="Kyiv")
KIEV = Place("Kiev", 50.45, 30.52, "Kyiv City", "settlement")
UKRAINE = Place("Ukraine", 49.0, 32.0, None, "country")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (KYIV, OBOLON, True),  # a district is inside its city
        (KYIV, KIEV, True),  # transliteration
        (OBOLON, PODIL, False),  # two districts of one city
        (BUCHA, IRPIN, False),  # distinct towns 3.4 km apart
        (KHARKIV, KHARKIV_OBLAST, True),  # a town inside its oblast
        (KYIV, KHARKIV, False),
        (KYIV, UKRAINE, False),  # the country is too vague to merge on
    ],
)
def test_same_place(a: Place, b: Place, same: bool) -> None:
    assert same_place(a, b) is same
    assert same_place(b, a) is same


def _entry(
    article: str, day: PartialDate, text: str = "a sentence", published: dt.date | None = None
) -> Entry:
    return make_entry(article, 0, report(article, day=day, text=text), published)


@pytest.mark.parametrize(
    ("day_b", "text_b", "same"),
    [
        (PartialDate(2022, 3, 2), "struck on Wednesday", True),
        (PartialDate(2022, 3, 1), "struck on Tuesday", False),  # exact dates must agree
        (PartialDate(2022, 3, 1), "struck overnight", True),  # "overnight" may be a day off
        (PartialDate(None, 3, 2), "struck on March 2", True),  # unknown year, same month-day
    ],
)
def test_dates_match_exactly_unless_overnight(day_b: PartialDate, text_b: str, same: bool) -> None:
    a = _entry("a", PartialDate(2022, 3, 2))
    b = _entry("b", day_b, text_b)
    assert compatible(a, b, window=1) is same


def test_reports_of_one_article_never_match() -> None:
    a = _entry("a", PartialDate(2022, 3, 2))
    assert not compatible(a, a, window=1)


def test_unknown_year_takes_the_year_of_publication() -> None:
    entry = _entry("a", PartialDate(None, 6, 23), published=dt.date(2024, 6, 24))
    assert entry.day == dt.date(2024, 6, 23)


@pytest.mark.parametrize(
    ("a", "published_a", "b", "published_b", "gap"),
    [
        # 28 February and 1 March are adjacent in a common year, two apart in a leap year.
        (PartialDate(2025, 2, 28), None, PartialDate(2025, 3, 1), None, 1),
        (PartialDate(2024, 2, 28), None, PartialDate(2024, 3, 1), None, 2),
        # A year-unknown date counts in the year that brings it closest.
        (PartialDate(None, 2, 28), None, PartialDate(2025, 3, 1), None, 1),
        (PartialDate(None, 12, 31), None, PartialDate(2023, 1, 1), None, 1),
        (PartialDate(None, 2, 29), None, PartialDate(2024, 3, 1), None, 1),
        (PartialDate(None, 2, 29), None, PartialDate(2025, 3, 1), None, 366),  # 2024-02-29
        (PartialDate(None, 2, 29), None, PartialDate(2026, 3, 1), None, None),  # no leap year near
        (PartialDate(None, 2, 28), None, PartialDate(None, 3, 1), None, 1),
        (PartialDate(None, 12, 31), None, PartialDate(None, 1, 1), None, 1),
        # With a publication date the year is known: the latest such day before it.
        (PartialDate(None, 2, 28), dt.date(2025, 3, 2), PartialDate(2025, 3, 1), None, 1),
    ],
)
def test_day_gap_is_on_real_calendars_and_symmetric(
    a: PartialDate,
    published_a: dt.date | None,
    b: PartialDate,
    published_b: dt.date | None,
    gap: int | None,
) -> None:
    ea = make_entry("a", 0, report("a", day=a), published_a)
    eb = make_entry("b", 0, report("b", day=b), published_b)
    assert day_gap(ea, eb) == gap
    assert day_gap(eb, ea) == gap


def test_two_reports_naming_one_oblast_share_no_place_detail() -> None:
    day = PartialDate(2022, 3, 2)
    a = make_entry("a", 0, report("a", KHARKIV_OBLAST, day), None)
    b = make_entry("b", 0, report("b", KHARKIV_OBLAST, day), None)
    town = make_entry("c", 0, report("c", KHARKIV, day), None)
    assert affinity(a, b) == affinity(a, town)


@pytest.mark.parametrize(
    ("published_b", "killed_b", "score"),
    [
        (dt.date(2022, 3, 2), 5, 2),  # the same count
        (dt.date(2022, 3, 4), 7, 1),  # a later, higher toll: a revision
        (
            dt.date(2022, 3, 2),
            7,
            0,
        ),  # close counts the same day: one strike told at different hours
        (dt.date(2022, 3, 2), 12, -2),  # a disagreement
        (dt.date(2022, 3, 4), 2, -2),  # a later, much lower toll is no revision
    ],
)
def test_counts_add_to_affinity_unless_they_disagree(
    published_b: dt.date, killed_b: int, score: int
) -> None:
    day = PartialDate(2022, 3, 2)
    a = make_entry("a", 0, report("a", day=day, killed=Number.exact(5)), dt.date(2022, 3, 2))
    b = make_entry("b", 0, report("b", day=day, killed=Number.exact(killed_b)), published_b)
    no_count = make_entry("b", 0, report("b", day=day), published_b)
    assert affinity(a, b) - affinity(a, no_count) == score


@pytest.mark.parametrize(
    ("low", "killed_b", "score"),
    [
        (
            Number(2, "at_least", 2, None),
            18,
            0,
        ),  # an early lower bound below the later count agrees with it
        (Number(18, "at_least", 18, None), 2, -2),  # a count below a lower bound disagrees
        (Number.exact(2), 18, -2),  # two exact counts far apart the same day disagree
    ],
)
def test_a_lower_bound_below_a_count_does_not_disagree(
    low: Number, killed_b: int, score: int
) -> None:
    day = PartialDate(2022, 6, 27)
    published = dt.date(2022, 6, 28)
    a = make_entry("a", 0, report("a", day=day, killed=low), published)
    b = make_entry("b", 0, report("b", day=day, killed=Number.exact(killed_b)), published)
    no_count = make_entry("b", 0, report("b", day=day), published)
    assert affinity(a, b) - affinity(a, no_count) == score
    assert affinity(b, a) - affinity(no_count, a) == score
