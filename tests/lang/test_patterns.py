"""The pattern builder (sitrep.lang.patterns) and the English vocabulary it builds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.lang import Cue, vocabulary
from sitrep.lang.patterns import alternation, compile_words, expand, gate_keys

CUES: dict[str, list[str]] = vocabulary("en").data["cues"]


@pytest.mark.parametrize(
    ("written", "regex"),
    [
        ("shot down", r"shot\s+down"),
        ("booby[- ]trap", r"booby[- ]trap"),
        (r"(?<!coal\s)mines?", r"(?<!coal\s)mines?"),
        ("(?:[\\w-]+ ){0,3}?into", r"(?:[\w-]+\s+){0,3}?into"),
        ("took {who} away", r"took\s+(?:him|her)\s+away"),
    ],
)
def test_expand_reads_spaces_and_names(written: str, regex: str) -> None:
    assert expand(written, {"who": ["him", "her"]}) == regex


def test_expand_refuses_a_name_the_vocabulary_lacks() -> None:
    with pytest.raises(KeyError, match="nobody"):
        expand("shot {nobody}", {})


@pytest.mark.parametrize(
    ("regex", "keys"),
    [
        ("bomb", ("bomb",)),
        ("shot down|intercept(?:ed|ing)", ("intercept", "shot down")),
        (r"shot\s+down|downed", ("downed", "shot")),
        # the rarest required literal, not the first: "a" or "the" would let every sentence in
        (r"(?:an?|the)\s+mine\s+exploded", ("exploded",)),
        (r"(?:an?|the)\s+mine\b", ("mine",)),
        (r"\b(?:drones?|UAVs?)", ("drone", "uav")),
        (r"(?<!anti-tank\s)missiles?", ("missile",)),
        (r"(?:war)?planes?\s+struck", ("struck",)),
        (r"Kh-\d+\w*", ("kh-",)),
        # a key inside another is enough: "shell" gates "shellfire"
        (r"shell(?:ed|ing)?|shellfire", ("shell",)),
    ],
)
def test_gate_keys_are_the_literals_every_match_contains(regex: str, keys: tuple[str, ...]) -> None:
    assert gate_keys(regex) == keys


def test_an_alternative_without_a_literal_cannot_be_gated() -> None:
    with pytest.raises(ValueError, match="no literal text"):
        gate_keys(r"bomb|\w+(?:ed)?")


def test_a_cue_matches_whole_words_only() -> None:
    cue = Cue.of(["bomb", "shell(?:ed|ing)?"])
    assert cue.keys == ("shell", "bomb")
    assert cue.search("a bomb.") and cue.search("Shelling resumed")
    assert not cue.search("a bombardment") and not cue.search("bomb-proof")
    assert not cue.search("a bombshell")  # no word start before "shell"


def test_compile_words_keeps_the_data_order_and_word_bounds() -> None:
    regex = compile_words(["at least", "at"], after=r"\b")
    assert regex.pattern == r"\b(?:at\s+least|at)\b"
    m = regex.search("AT  LEAST 12")
    assert m and m.group() == "AT  LEAST"
    assert not regex.search("cat")
    assert alternation(["a b"]) == r"(?:a\s+b)"


def test_every_english_cue_builds_and_derives_a_gate() -> None:
    assert CUES
    for name, alternatives in CUES.items():
        assert alternatives, name
        assert len(set(alternatives)) == len(alternatives), name
        assert vocabulary("en").cue(name).keys, name


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_gate_never_turns_away_a_match(data: st.DataObject) -> None:
    cue = vocabulary("en").cue(data.draw(st.sampled_from(sorted(CUES))))
    ascii_text = st.characters(min_codepoint=32, max_codepoint=126)
    text = data.draw(st.from_regex(cue.regex, alphabet=ascii_text))
    assert re.search(cue.regex, text)
    assert cue.present(text), (cue.keys, text)
