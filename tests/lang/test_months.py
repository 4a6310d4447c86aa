"""The one table of English months (data/lang/en/months.txt) and the pattern built from it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sitrep.extract.dates import find_dates
from sitrep.lang import month_numbers, month_pattern


def test_every_month_has_its_name_and_the_abbreviations_dates_read() -> None:
    numbers = month_numbers()
    assert sorted(set(numbers.values())) == list(range(1, 13))
    assert numbers["september"] == numbers["sept"] == numbers["sep"] == 9
    assert "may" in numbers and numbers["may"] == 5


@pytest.mark.parametrize("form", sorted(month_numbers()))
def test_the_pattern_matches_each_form_whole(form: str) -> None:
    assert re.fullmatch(month_pattern(), form, re.I)


def test_full_names_only_leave_the_abbreviations_out() -> None:
    names = re.compile(rf"\b{month_pattern(abbreviations=False)}\b", re.I)
    assert names.fullmatch("September") and names.fullmatch("May")
    assert not names.search("Sept") and not names.search("Jan")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Shelling hit the town on Sept. 3, 2023.", dt.date(2023, 9, 3)),
        ("On 14 Feb 2024 a drone struck a depot.", dt.date(2024, 2, 14)),
        ("It happened on december 1, 2022.", dt.date(2022, 12, 1)),
    ],
)
def test_dates_read_the_months_of_the_table(text: str, day: dt.date) -> None:
    (found,) = find_dates(text, None)
    assert found.date.to_date() == day
