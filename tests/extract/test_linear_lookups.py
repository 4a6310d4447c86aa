"""The indexes and back-reads that keep a long sentence's place linking and an article's grouping
linear answer as the scans they replace (issue 13: place matching linear in the article's length)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract import _casualties
from sitrep.extract._casualties import CasualtyMention
from sitrep.extract._gazetteer import _SENTENCE_START, _starts_sentence
from sitrep.extract.grouping import _DatedAt, _same_place
from sitrep.extract.places import (
    _PIN_GAP_BEFORE,
    _PIN_GAP_RUNS,
    _UNKNOWN_NAME,
    _UNKNOWN_NAME_RUNS,
    _runs_start,
)
from sitrep.extract.reports import (
    _HIT_BEFORE,
    _HIT_REACH,
    _Breaks,
    _contains,
    _distance,
    _Nearest,
    _tail_start,
    _Units,
)
from sitrep.model import Number, PartialDate, Place, PlaceMention, Report

_TEXT = st.text(alphabet="ab ;:.\n", min_size=0, max_size=80)


def _mention(start: int, end: int) -> PlaceMention:
    place = Place(name="X", lat=None, lon=None, admin1=None, precision="settlement")
    return PlaceMention(sentence=0, start=start, end=end, surface="X", place=place)


def _count(start: int, end: int) -> CasualtyMention:
    number = Number(1, "exact", 1, 1)
    return CasualtyMention(kind="killed", number=number, start=start, end=end, victims="people")


@st.composite
def _layout(draw: st.DrawFn) -> tuple[str, list[PlaceMention], list[CasualtyMention]]:
    """A text, mentions apart and in order (as the gazetteer reads them), and counts anywhere."""
    text = draw(_TEXT)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12, unique=True)))
    places = [_mention(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, 8))
    counts = [_count(a, min(len(text), a + n)) for a, n in draw(st.lists(spans, max_size=6))]
    return text, places, counts


@settings(max_examples=500)
@given(_layout())
def test_nearest_place_equals_the_scan(
    layout: tuple[str, list[PlaceMention], list[CasualtyMention]],
) -> None:
    text, places, counts = layout
    if not places:
        return
    breaks = _Breaks(text)
    for c in counts:
        scan = min(range(len(places)), key=lambda i, c=c: _distance(breaks, places[i], c))  # type: ignore[misc]
        assert _Nearest(places, breaks).of(c) == scan


_NAMES = st.sampled_from(["A", "B", None])
_PLACES = st.builds(
    Place,
    name=st.sampled_from(["A", "B"]),
    lat=st.none(),
    lon=st.none(),
    admin1=_NAMES,
    precision=st.sampled_from(["settlement", "district", "raion", "oblast", "country"]),
    admin2=_NAMES,
    parent=_NAMES,
)


@settings(max_examples=500)
@given(st.lists(_PLACES, max_size=6), _PLACES)
def test_units_answer_as_contains_over_every_place(kept: list[Place], unit: Place) -> None:
    assert _Units(kept).hold_one_in(unit) == any(_contains(unit, k) for k in kept)


_WORDS = st.sampled_from(
    ["hit", "strikes", "on", "the", "Strike", "destroyed", "xhit", ",", "  ", "\n", "\t"]
)


@settings(max_examples=1000)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_hit_before_in_the_tail_equals_the_whole_prefix(text: str) -> None:
    end = len(text)
    text += "Kyiv"
    tail = text[_tail_start(text, end, _HIT_REACH) : end]
    assert bool(_HIT_BEFORE.search(tail)) == bool(_HIT_BEFORE.search(text[:end]))


_GAP_TEXT = st.text(alphabet="aA1 ,()/-'.\n\t—“", max_size=40) | st.lists(
    st.sampled_from(["Mine", "6/7", "x", "in", "the", "Kyiv", ",", "(", "  ", "\n", "imeni"]),
    max_size=12,
).map(" ".join)


@settings(max_examples=1000)
@given(_GAP_TEXT)
def test_back_reads_find_what_reading_from_the_start_finds(text: str) -> None:
    end = len(text)
    for pattern, runs in ((_PIN_GAP_BEFORE, _PIN_GAP_RUNS), (_UNKNOWN_NAME, _UNKNOWN_NAME_RUNS)):
        whole = pattern.search(text[:end])
        read_back = pattern.search(text, _runs_start(text, end, runs), end)
        assert (read_back and read_back.span()) == (whole and whole.span())
    assert _starts_sentence(text, end) == bool(_SENTENCE_START.search(text[:end]))


_DAY = st.none() | st.builds(
    PartialDate, year=st.just(2024), month=st.just(5), day=st.integers(1, 3)
)
_REPORTS = st.lists(
    st.builds(
        Report,
        article_id=st.just("a"),
        date=_DAY,
        place=st.none() | _PLACES | st.builds(replace, _PLACES, id=st.sampled_from(["p1", "p2"])),
        event_type=st.just("battles"),
        sub_event_type=st.just("armed_clash"),
        evidence=st.just(()),
        extractor=st.just("x"),
        targets=st.lists(st.sampled_from(["school", "hospital", "homes"]), max_size=2).map(tuple),
    ),
    max_size=8,
)


@settings(max_examples=500)
@given(_REPORTS, st.lists(st.sampled_from(["school", "hospital"]), max_size=2).map(set))
def test_first_dated_report_at_a_place_equals_the_scan(
    reports: list[Report], targets: set[str]
) -> None:
    dated = _DatedAt(reports)
    for r in reports:
        at = [o for o in reports if o.date is not None and _same_place(o.place, r.place)]
        assert dated.first(r.place) is next(iter(at), None)
        about = (o for o in at if targets & set(o.targets))
        assert dated.first(r.place, targets) is next(about, None)


_NEG_WORDS = st.sampled_from(["not", "been", "killed", "fear", "feared", "fearsome", "may", "have",
                              "x", ",", "but", ";", "  ", "injured", "and"])  # fmt: skip


@settings(max_examples=1000)
@given(
    st.lists(_NEG_WORDS, max_size=25).map(" ".join),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 60)), max_size=8),
)
def test_negations_read_together_equal_each_read_alone(
    text: str, spans: list[tuple[int, int]]
) -> None:
    found = [_count(min(a, len(text)), min(a + n, len(text))) for a, n in spans]
    found += [_count(0, m.end()) for m in re.finditer(r"\w+", text)]  # one start, many ends
    assert _casualties._negations(text, found) == [_casualties._negated(text, m) for m in found]


def _clause_subject_by_scan(
    text: str, toks: list[_casualties._Tok], i: int, j: int
) -> CasualtyMention | None:
    """``_clause_subject`` as it was: the clause start found by a scan, every verb looked at."""
    start = j
    while (
        start > 0 and toks[start - 1].low not in _casualties._PUNCT and toks[start - 1].low != ","
    ):
        start -= 1
    verbs = (v for v in range(start + 1, j) if _casualties._verb_after_noun(toks, v))
    verb = next(verbs, None)
    if verb is None or verb - start > 6:
        return None
    return _casualties._mention(text, toks, (start, verb - 1), toks[i], "killed", "left")


_CLAUSE_WORDS = st.sampled_from(["A", "man", "stepped", "on", "a", "mine", "and", "died", ",",
                                 ".", "two", "civilians", "were", "injured", "the"])  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_CLAUSE_WORDS, max_size=30).map(" ".join))
def test_clause_subjects_equal_the_scan(text: str) -> None:
    toks = _casualties._tokens(text)
    for j in range(len(toks) - 1):
        if toks[j].low == "and":
            got = _casualties._clause_subject(text, toks, j + 1, j, "killed")
            assert got == _clause_subject_by_scan(text, list(toks), j + 1, j)


@pytest.mark.parametrize("words", range(3, 10))
def test_a_clause_subject_is_at_most_six_words_before_its_verb(words: int) -> None:
    text = "Yesterday, " + " ".join(["man"] * words) + " stepped on a mine and died."
    toks = _casualties._tokens(text)
    j = next(k for k, t in enumerate(toks) if t.low == "and")
    got = _casualties._clause_subject(text, toks, j + 1, j, "killed")
    assert got == _clause_subject_by_scan(text, list(toks), j + 1, j)
