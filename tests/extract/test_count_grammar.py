import pytest

from sitrep.extract._numbers import find_counts, parse_count, word_value


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


@pytest.mark.parametrize("text", ["on March 9", "in 2022", "at 5am", "a 73-year-old", "35 kilometers", "$350 million"])
def test_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_word_value() -> None:
    assert word_value("one hundred and twenty") == 120
    assert word_value("banana") is None
