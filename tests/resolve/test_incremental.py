"""Incremental resolution equals resolution from scratch, for any batches in any order."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.resolve import Resolution, resolve
from synthetic_corpus import generate

DOCS, _ = generate(25, seed=11)
SETTINGS = Settings()
SCRATCH = resolve(DOCS, SETTINGS)


@st.composite
def batches(draw: st.DrawFn) -> list[list[Document]]:
    order = draw(st.permutations(range(len(DOCS))))
    cuts = sorted(draw(st.sets(st.integers(1, len(DOCS) - 1), max_size=6)))
    bounds = [0, *cuts, len(DOCS)]
    return [[DOCS[i] for i in order[a:b]] for a, b in itertools.pairwise(bounds)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_incremental_equals_from_scratch(parts: list[list[Document]]) -> None:
    resolution = Resolution(SETTINGS)
    for part in parts:
        resolution.add(part)
    assert resolution.corpus() == SCRATCH


def test_adding_known_articles_again_changes_nothing() -> None:
    resolution = Resolution(SETTINGS)
    resolution.add(DOCS)
    delta = resolution.add(DOCS)
    assert (delta.stories, delta.incidents, delta.contradictions, delta.removed) == ((), (), (), ())
    assert resolution.corpus() == SCRATCH


def test_corpus_is_not_trivial() -> None:
    assert SCRATCH.stories and SCRATCH.contradictions
    assert any(len(i.reports) > 1 for i in SCRATCH.incidents)
