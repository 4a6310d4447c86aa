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
    [
        ("war in photos, day seven", "2022-03-02"),
        ("since the eighth day", "2022-03-03"),
        ("Moscow's 19-day war", "2022-03-14"),
    ],
)
def test_war_day(text: str, expected: str) -> None:
    day = war_day_date(text)
    assert day is not None and day.isoformat() == expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("On the night of 5-6 May 2023, missiles hit the city.", "2023-05-05"),
        ("On 9/10 November 2022, the town was shelled.", "2022-11-09"),
        ("Overnight on 30–31 May 2024, a drone struck a car.", "2024-05-30"),
        ("On March 5-6, 2022, fighting went on.", "2022-03-05"),
        ("Three were killed on 14 May 2023.", "2023-05-14"),
    ],
)
def test_a_span_of_days_dates_from_its_first(text: str, iso: str) -> None:
    assert [d.date.isoformat() for d in find_dates(text, None)] == [iso]
