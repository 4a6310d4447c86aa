from __future__ import annotations

import math

import pytest

from sitrep.model import Number
from sitrep.resolve.numbers import interval, relative_gap, spread, summarise


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (Number.exact(249), (249, 249)),
        (Number(25, "at_least", 25, None), (25, math.inf)),
        (Number(2000, "more_than"), (2000, math.inf)),
        (Number(500, "nearly"), (400, 500)),
        (Number(100, "about"), (90, 110)),
        (Number(30, "up_to"), (0, 30)),
        (Number(None, "dozens", 24, None), (24, 99)),
        (Number(None, "unspecified"), None),
    ],
)
def test_interval_from_qualifier(number: Number, expected: tuple[float, float] | None) -> None:
    assert interval(number) == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(
    ("a", "b", "absolute", "relative"),
    [
        ((2000, math.inf), (249, 249), 1751, 1751 / 2000),
        ((400, 500), (9000, math.inf), 8500, 8500 / 9000),
        ((120, math.inf), (121, math.inf), 0, 0),
    ],
)
def test_relative_gap(
    a: tuple[float, float], b: tuple[float, float], absolute: float, relative: float
) -> None:
    assert relative_gap(a, b) == pytest.approx((absolute, relative))


def test_summary_is_highest_credible_lower_bound() -> None:
    numbers = [Number(120, "at_least", 120, None), Number(121, "at_least", 121, None), None]
    assert summarise(numbers) == Number(121, "at_least", 121, None)
    assert spread(numbers) == (120, 121)


def test_summary_prefers_the_precise_statement_on_ties() -> None:
    assert summarise([Number(25, "at_least", 25, None), Number.exact(25)]) == Number.exact(25)


def test_nothing_stated_is_unknown() -> None:
    assert summarise([None, Number(None, "unspecified")]) is None
    assert spread([None]) == (None, None)
