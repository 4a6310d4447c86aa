from __future__ import annotations

import datetime as dt

import pytest
from resolve_factories import KHARKIV, KYIV, OBOLON, report

from sitrep.model import PartialDate, Place
from sitrep.resolve.matching import Entry, compatible, make_entry, same_place

BUCHA = Place("Bucha", 50.5435, 30.2124, "Kyiv Oblast", "settlement", id="bucha")
IRPIN = Place("Irpin", 50.5218, 30.2506, "Kyiv Oblast", "settlement", id="irpin")
PODIL = Place("Podil", 50.4650, 30.5190, "Kyiv City", "district", parent="Kyiv")
KIEV = Place("Kiev", 50.45, 30.52, "Kyiv City", "settlement")
KHARKIV_OBLAST = Place("Kharkiv Oblast", None, None, "Kharkiv Oblast", "oblast")
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
