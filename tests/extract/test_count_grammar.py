import pytest

from sitrep.extract._numbers import find_counts, parse_count, qualify, word_value
from sitrep.model import Number, Qualifier


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "low"),
    [
        ("at least 25", 25, "at_least", 25),
        ("more than 2,000", 2000, "more_than", 2001),
        ("over 2,000", 2000, "more_than", 2001),
        ("nearly 500", 500, "nearly", None),
        ("a dozen", 12, "exact", 12),
        ("at least a dozen", 12, "at_least", 12),
        ("dozens", None, "dozens", 24),
        ("hundreds of thousands", None, "hundreds", 200_000),
        ("twenty-five", 25, "exact", 25),
        ("1.4 million", 1_400_000, "exact", 1_400_000),
        ("up to 30", 30, "up_to", 0),
        ("about 10", 10, "about", None),
        ("three", 3, "exact", 3),
    ],
)
def test_parse_count(text: str, value: int | None, qualifier: str, low: int | None) -> None:
    number = parse_count(text)
    assert number is not None
    assert (number.value, number.qualifier, number.low) == (value, qualifier, low)


@pytest.mark.parametrize(
    "text", ["on March 9", "in 2022", "at 5am", "a 73-year-old", "35 kilometers", "$350 million"]
)
def test_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_word_value() -> None:
    assert word_value("one hundred and twenty") == 120
    assert word_value("banana") is None


@pytest.mark.parametrize(
    "text",
    [
        "someone",
        "anyone",
        "none of them",
        "Kh-22",
        "an Su-25",
        "S-300",
        "aged 70",
        "70 years old",
        "a 120mm shell",
        "a two-year-old",
    ],
)
def test_no_count_inside_words_or_ages(text: str) -> None:
    assert [c.number.value for c in find_counts(text) if c.number.value] == []


@pytest.mark.parametrize("text", ["no one", "No-one", "none", "nobody", "no"])
def test_no_one_is_zero(text: str) -> None:
    assert parse_count(text) == Number.exact(0)


def test_no_before_a_qualifier_is_part_of_it() -> None:
    number = parse_count("no fewer than 10")
    assert number is not None and (number.value, number.qualifier) == (10, "at_least")


@pytest.mark.parametrize(
    ("value", "qualifier", "low", "high"),
    [
        (25, "at_least", 25, None),
        (25, "more_than", 26, None),
        (25, "nearly", None, 25),
        (25, "up_to", 0, 25),
        (25, "exact", 25, 25),
    ],
)
def test_qualify(value: int, qualifier: Qualifier, low: int | None, high: int | None) -> None:
    assert qualify(value, qualifier) == Number(value, qualifier, low, high)
