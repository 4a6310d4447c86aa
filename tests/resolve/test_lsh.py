from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.resolve import lsh
from sitrep.resolve.lsh import SignatureIndex, agreeing_pairs, min_agreement

PLACES = 6
signatures = st.lists(
    st.lists(st.integers(0, 3), min_size=PLACES, max_size=PLACES), min_size=0, max_size=40
)


@settings(max_examples=60, deadline=None)
@given(signatures, st.lists(st.integers(0, 3), min_size=PLACES, max_size=PLACES), st.integers(1, 4))
def test_agreeing_rows_are_those_sharing_enough_places(
    stored: list[list[int]], query: list[int], minimum: int
) -> None:
    # A block of 3 makes runs of 3, 6, 12, ... and merges them as rows arrive.
    index = SignatureIndex(PLACES, minimum, block=3)
    for row, values in enumerate(stored):
        index.add(row, np.array(values, dtype=np.uint32))
    found = index.agreeing(np.array(query, dtype=np.uint32))
    expected = [
        row
        for row, values in enumerate(stored)
        if sum(a == b for a, b in zip(values, query, strict=True)) >= minimum
    ]
    assert sorted(found.tolist()) == expected


@settings(max_examples=80, deadline=None)
@given(signatures, signatures, st.integers(1, 4), st.booleans())
def test_agreeing_pairs_are_those_sharing_enough_places(
    stored: list[list[int]], queries: list[list[int]], minimum: int, high: bool
) -> None:
    # high: values differing only above the membership table's bits must not agree.
    shift = np.uint32(1 << 21) if high else np.uint32(0)
    stored_values = np.array(stored, dtype=np.uint32).reshape(len(stored), PLACES)
    query_values = np.array(queries, dtype=np.uint32).reshape(len(queries), PLACES)
    q, r = agreeing_pairs(query_values + shift, np.ascontiguousarray(stored_values.T), minimum)
    expected = [
        (i, j)
        for i, query in enumerate(queries)
        for j, values in enumerate(stored)
        if sum(a == b for a, b in zip(values, query, strict=True)) >= minimum and not high
    ]
    assert list(zip(q.tolist(), r.tolist(), strict=True)) == expected


@pytest.mark.parametrize(
    ("threshold", "minimum"), [(0.02, 1), (0.05, 3), (0.1, 7), (0.5, 55), (0.9, 109)]
)
def test_min_agreement_keeps_95_percent_of_pairs_at_the_threshold(
    threshold: float, minimum: int
) -> None:
    assert min_agreement(threshold, 128) == minimum


def test_agreeing_pairs_over_several_slices_of_queries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lsh, "QUERY_SLICE", 4)
    rng = np.random.default_rng(3)
    queries = rng.integers(0, 3, (11, PLACES)).astype(np.uint32)
    stored = rng.integers(0, 3, (9, PLACES)).astype(np.uint32)
    q, r = lsh.agreeing_pairs(queries, np.ascontiguousarray(stored.T), 3)
    expected = [
        (i, j)
        for i in range(len(queries))
        for j in range(len(stored))
        if int((queries[i] == stored[j]).sum()) >= 3
    ]
    assert list(zip(q.tolist(), r.tolist(), strict=True)) == expected and expected
