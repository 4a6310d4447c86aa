"""The near look-up of ``flag_repeats`` (a histogram bound, then rapidfuzz over what is
left) flags what ``extractOne`` over every original flags: the same original, the first of
equal scores."""

from __future__ import annotations

import pytest
from clean_helpers import clean_text
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from sitrep.clean import repeats
from sitrep.clean.repeats import flag_repeats
from sitrep.config import Settings

_WORDS = ["a", "strike", "hit", "Kharkiv", "school", "two", "were", "killed", "in", "the",
          "city", "on", "Monday", "said", "governor", "Oleh", "Syniehubov", "drone", "12"]  # fmt: skip


def _every_original(self: repeats._NearKeys, key: str) -> int | None:
    """The look-up before the bound: ``extractOne`` over every original."""
    near = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=repeats._NEAR_RATIO)
    return None if near is None else self.indexes[near[2]]


_sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(" ".join)


@st.composite
def _article(draw: st.DrawFn) -> str:
    """Sentences, many of them an earlier one with a few characters edited."""
    sentences: list[str] = []
    for _ in range(draw(st.integers(1, 25))):
        if sentences and draw(st.booleans()):
            text = list(draw(st.sampled_from(sentences)))
            for _ in range(draw(st.integers(0, 6))):
                at = draw(st.integers(0, len(text)))
                text[at:at] = draw(st.sampled_from(["", "s", " x", "e", "1"]))
                if draw(st.booleans()) and len(text) > 1:
                    del text[draw(st.integers(0, len(text) - 1))]
            sentences.append("".join(text).strip() or "x")
        else:
            sentences.append(draw(_sentence))
    return "\n".join(s + "." for s in sentences) + "\n"


@settings(max_examples=300, deadline=None)
@given(_article())
def test_the_bound_flags_what_a_look_at_every_original_flags(text: str) -> None:
    doc = clean_text(text)
    got = [s.repeat_of for s in flag_repeats(doc, Settings()).sentences]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repeats._NearKeys, "find", _every_original)
        want = [s.repeat_of for s in flag_repeats(doc, Settings()).sentences]
    assert got == want


@given(st.text(max_size=60), st.text(max_size=60))
def test_the_histogram_bound_never_exceeds_the_indel_distance(a: str, b: str) -> None:
    apart = int(abs(repeats._histogram(a) - repeats._histogram(b)).sum())
    assert apart <= Indel.distance(a, b)
