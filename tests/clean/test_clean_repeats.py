from __future__ import annotations

import pytest
from clean_helpers import clean_text
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean.repeats import comparison_key, is_repeat, repeat_pairs

FIRST = "A drone hit a nine-storey apartment block in the Shevchenkivskyi district of Kyiv"


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (FIRST, FIRST + ".", True),  # a trailing period
        (FIRST, FIRST.upper(), True),
        (FIRST, FIRST.replace("A drone", "Drones"), True),  # near: ratio >= 88
        (FIRST, FIRST + " early on Sunday morning", True),  # an extension
        (FIRST, "Officials said that a" + FIRST[1:] + ", and two people died", True),  # contained
        (FIRST, "A drone hit a school in the Holosiivskyi district of Kyiv", False),
        ("Both died.", "Both died.", False),  # too short to be a copy rather than chance
        ("Seven people were injured.", "Seven people were injured.", True),
        (
            "Two people were killed and seven injured at an aircraft factory.",
            "Two were killed and seven were injured after a strike on a plane factory near Kyiv.",
            False,
        ),
    ],
)
def test_is_repeat(earlier: str, later: str, expected: bool) -> None:
    assert is_repeat(comparison_key(later), comparison_key(earlier)) is expected


def test_repeat_points_to_the_first_sentence() -> None:
    text = f"{FIRST}\nSomething else happened in Odesa today.\n{FIRST}.\n{FIRST}\n"
    doc = clean_text(text)
    assert [s.repeat_of for s in doc.sentences] == [None, None, 0, 0]
    assert repeat_pairs(doc) == [(1, 3), (1, 4)]


def test_title_is_not_a_repeat() -> None:
    doc = clean_text(f"{FIRST}\n{FIRST}\n", title=True)
    assert [s.repeat_of for s in doc.sentences] == [None, None]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from([FIRST, FIRST + ".", "Kharkiv was shelled again on Friday."]), max_size=8
    )
)
def test_repeats_point_backwards_to_originals(lines: list[str]) -> None:
    doc = clean_text("\n".join(lines) + "\n")
    for sent in doc.sentences:
        if sent.repeat_of is not None:
            assert sent.repeat_of < sent.index
            assert doc.sentences[sent.repeat_of].repeat_of is None
