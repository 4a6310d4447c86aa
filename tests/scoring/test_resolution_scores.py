from __future__ import annotations

import pytest

from sitrep.scoring.resolution import adjusted_rand_index, pairwise


def test_identical_clusterings_score_one() -> None:
    truth = {"a": "1", "b": "1", "c": "2"}
    renamed = {"a": "x", "b": "x", "c": "y"}
    assert adjusted_rand_index(renamed, truth) == 1.0
    assert pairwise(renamed, truth).f1 == 1.0


def test_ari_matches_a_worked_example() -> None:
    # sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) == 0.5714285714285715
    truth = dict(zip("abcd", "0011", strict=True))
    pred = dict(zip("abcd", "0012", strict=True))
    assert adjusted_rand_index(pred, truth) == pytest.approx(0.5714285714285715)


def test_pairwise_counts_wrong_merges_and_splits() -> None:
    truth = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "x", "d": "y"}  # 3 predicted pairs, 1 right; 2 true pairs
    score = pairwise(pred, truth)
    assert (score.precision, score.recall) == pytest.approx((1 / 3, 1 / 2))
