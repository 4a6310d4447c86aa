import datetime as dt

import pytest

from sitrep.extract.dates import find_dates, war_day_date

MONDAY = dt.date(2022, 3, 14)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On 26 February 2022, forces shelled the town.", None, "2022-02-26"),
        ("On February 26, 2022, forces shelled the town.", None, "2022-02-26"),
        ("the attack on June 23", None, "--06-23"),
        ("the attack on June 23", MONDAY, "2021-06-23"),
        ("Sunday, March 13", MONDAY, "2022-03-13"),
        ("on Wednesday", MONDAY, "2022-03-09"),
        ("this morning", MONDAY, "2022-03-14"),
        ("yesterday", MONDAY, "2022-03-13"),
        ("Overnight, shells fell", MONDAY, "2022-03-14"),
        ("2022-03-02", None, "2022-03-02"),
    ],
)
def test_find_dates(text: str, published: dt.date | None, expected: str) -> None:
    assert find_dates(text, published)[0].date.isoformat() == expected


@pytest.mark.parametrize("text", ["on Wednesday", "last week", "this morning"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert find_dates(text, None) == []


def test_never_after_publication() -> None:
    (found,) = find_dates("on December 30", dt.date(2023, 1, 2))
    assert found.date.isoformat() == "2022-12-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("war in photos, day seven", "2022-03-02"), ("since the eighth day", "2022-03-03"), ("Moscow's 19-day war", "2022-03-14")],
)
def test_war_day(text: str, expected: str) -> None:
    day = war_day_date(text)
    assert day is not None and day.isoformat() == expected
