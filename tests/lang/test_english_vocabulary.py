"""The English vocabulary file (data/lang/en/vocabulary.json): every table loads and builds.

Word lists (lower-case sets read by ``Vocabulary.words``) are kept sorted and unique; cue,
phrase and pattern lists keep the order the regex tries them, so they are only checked for
duplicates, and every one must build into a regex.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any, get_args

import pytest

from sitrep.lang import vocabulary
from sitrep.lang.patterns import expand
from sitrep.model import Qualifier

EN: dict[str, Any] = vocabulary("en").data
TABLES = (
    "_about",
    "phrases",
    "cues",
    "patterns",
    "numbers",
    "qualifiers",
    "targets",
    "claimants",
    "place_designators",
)
WORD_LISTS = sorted(k for k in EN if k not in TABLES)


def test_the_tables_are_there() -> None:
    assert set(TABLES) <= set(EN)
    assert WORD_LISTS, "the casualty and victim word lists"


@pytest.mark.parametrize("name", WORD_LISTS)
def test_a_word_list_is_sorted_unique_and_lower_case(name: str) -> None:
    words = EN[name]
    assert words and words == sorted(set(words)), name
    assert all(w == w.lower() and w.strip() == w and w for w in words), name


@pytest.mark.parametrize("table", ["phrases", "cues", "patterns"])
def test_every_list_of_alternatives_builds(table: str) -> None:
    phrases = EN["phrases"]
    for name, alternatives in EN[table].items():
        assert alternatives and len(set(alternatives)) == len(alternatives), (table, name)
        for alternative in alternatives:
            re.compile(expand(alternative, phrases))


def test_every_word_regex_and_pattern_compiles() -> None:
    en = vocabulary("en")
    assert all(en.word_regex(name).pattern for name in EN["phrases"])
    assert all(en.regex(name).pattern for name in EN["patterns"])


def test_numbers_run_without_gaps() -> None:
    numbers = EN["numbers"]
    assert sorted(numbers["units"].values()) == list(range(20))
    assert sorted(numbers["tens"].values()) == list(range(20, 100, 10))
    assert sorted(numbers["ordinals"].values()) == list(range(1, 21))
    assert numbers["scales"]["thousand"] == numbers["digit_scales"]["k"] == 1000


def test_qualifiers_and_targets_are_rows_of_a_name_and_alternatives() -> None:
    assert {q for q, _ in EN["qualifiers"]} <= set(get_args(Qualifier))
    for rows in (EN["qualifiers"], EN["targets"]):
        assert rows and all(isinstance(name, str) and alternatives for name, alternatives in rows)


def test_weekdays_run_monday_to_sunday() -> None:
    assert EN["phrases"]["weekdays"][0] == "Monday" and len(EN["phrases"]["weekdays"]) == 7


def test_the_claimants_table_and_the_plain_lists_load() -> None:
    assert {"people", "bodies", "administrations", "role_words"} <= set(EN["claimants"])
    for name in ("given_names.txt", "months.txt"):
        text = resources.files("sitrep").joinpath(f"data/lang/en/{name}").read_text("utf-8")
        assert [line for line in text.splitlines() if line and not line.startswith("#")]
