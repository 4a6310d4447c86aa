import pytest

from sitrep.extract._casualties import find_casualties


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 25 people died and at least 121 were injured in the city.", [("killed", 25, "at_least"), ("injured", 121, "at_least")]),
        ("Strikes killed a 73-year-old man and injured 11 others on Monday.", [("killed", 1, "exact"), ("injured", 11, "exact")]),
        ("Debris fell on a tram, killing another person and injuring six.", [("killed", 1, "exact"), ("injured", 6, "exact")]),
        ("One person was killed and a dozen were injured.", [("killed", 1, "exact"), ("injured", 12, "exact")]),
        ("Fighting raged, with two killed and seven injured at a depot.", [("killed", 2, "exact"), ("injured", 7, "exact")]),
        ("Three people were wounded and three killed.", [("injured", 3, "exact"), ("killed", 3, "exact")]),
        ("A mother and her child died.", [("killed", 2, "exact")]),
        ("On 12 May 2022, a civilian was killed by a landmine.", [("killed", 1, "exact")]),
        ("The shelling left four people dead and five injured.", [("killed", 4, "exact"), ("injured", 5, "exact")]),
        ("Shelling killed more than 10 civilians in the town.", [("killed", 10, "more_than")]),
        ("The bombs killed at least two people and injured dozens.", [("killed", 2, "at_least"), ("injured", None, "dozens")]),
        ("No one was killed in the attack.", []),
        ("Thousands are feared dead.", []),
        ("The strike damaged a school.", []),
    ],
)
def test_find_casualties(sentence: str, expected: list[tuple[str, int | None, str]]) -> None:
    found = [(c.kind, c.number.value, c.number.qualifier) for c in find_casualties(sentence)]
    assert found == expected


def test_offsets_cover_count_and_cue() -> None:
    text = "Officials said at least 25 people died."
    (mention,) = find_casualties(text)
    assert text[mention.start : mention.end] == "at least 25 people died"
