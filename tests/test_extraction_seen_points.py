"""``SeenPoints`` gives the prior a plain list of the same points gives (it only stores them compactly)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.places import PRIOR_POINTS, PlacePrior
from sitrep.runs.extraction import SeenPoints

POINT = st.tuples(st.floats(44, 53), st.floats(22, 41))


@given(st.lists(st.lists(POINT, max_size=700), max_size=8))
def test_the_spread_of_seen_points_is_the_sampled_prior(
    batches: list[list[tuple[float, float]]],
) -> None:
    seen, points = SeenPoints(), []
    for batch in batches:
        seen.extend(batch)
        points.extend(batch)
        assert len(seen) == len(points)
        assert PlacePrior.sampled(seen.spread()).points == PlacePrior.sampled(points).points
    assert len(seen.spread()) <= PRIOR_POINTS
