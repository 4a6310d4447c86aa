"""The real-coverage scorer's matching logic, on a tiny hand-written fake output."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCORER = Path(__file__).resolve().parents[1] / "bench" / "real_coverage_score.py"


@pytest.fixture(scope="module")
def rc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_coverage_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def num(value: int, qualifier: str = "exact") -> dict[str, Any]:
    return {"value": value, "qualifier": qualifier}


def report(
    article: str, incident: str, kind: str, lat: float, killed: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        "article": article,
        "incident": incident,
        "kind": kind,
        "date": "2024-05-04",
        "place": "X",
        "lat": lat,
        "lon": 35.0,
        "killed": killed,
        "injured": None,
        "claimant": "Governor Serhii Lysak",
        "claimant_aliases": ["Lysak", "governor"],
    }


GOLD: dict[str, Any] = {
    "articles": [
        {"id": "a1", "strike": "S1", "non_incident": False, "split": "dev"},
        {"id": "a2", "strike": "S1", "non_incident": False, "split": "dev"},
        {"id": "a3", "strike": None, "non_incident": True, "split": "dev"},
    ],
    "strikes": [
        {
            "id": "S1",
            "date": "2024-05-04",
            "place": "X",
            "lat": 48.0,
            "lon": 35.0,
            "final_killed": 15,
        }
    ],
    "reports": [
        report("a1", "S1", "main", 48.0, num(12, "at_least")),
        report("a1", "S1b", "secondary", 50.0, num(1)),
        report("a2", "S1", "main", 48.0, num(15)),
    ],
    "figures": [{"article": "a2", "metric": "civilians_killed", "value": 10000}],
}


def incident(
    day: str, lat: float, killed: dict[str, Any] | None, claimant: str | None = None
) -> dict[str, Any]:
    return {
        "date": day,
        "place": {"name": "X", "lat": lat, "lon": 35.0},
        "killed": killed,
        "injured": None,
        "claimant": {"name": claimant, "role": None, "channel": None} if claimant else None,
    }


OUTPUT: dict[str, Any] = {
    # a1: the main strike found (at 10 km, right day, lower bound kept), secondary missed, one extra far away
    "a1": {
        "incidents": [
            incident("2024-05-04", 48.09, num(12, "more_than"), "Serhii Lysak"),
            incident("2024-05-04", 46.0, None),
        ],
        "figures": [],
    },
    # a2: dated one day late (still matched), exact toll, no claimant; one right figure and one wrong
    "a2": {
        "incidents": [incident("2024-05-05", 48.0, num(15))],
        "figures": [
            {"metric": "civilians_killed", "value": 10000},
            {"metric": "civilians_killed", "value": 15},
        ],
    },
    # a3: a non-incident article that yields an incident
    "a3": {"incidents": [incident("2024-05-04", 48.0, num(2))], "figures": []},
}


def corpus(split_follow_up: bool) -> dict[str, Any]:
    inc = incident("2024-05-04", 48.0, num(15))
    if split_follow_up:
        return {
            "incidents": [
                {**inc, "id": "c1", "reports": [{"id": "a1"}]},
                {**incident("2024-05-05", 48.0, num(15)), "id": "c2", "reports": [{"id": "a2"}]},
            ],
            "contradictions": [
                {
                    "kind": "incident",
                    "claims": [
                        {"value": 12, "claimant": {"name": "Lysak"}},
                        {"value": 15, "claimant": {"name": "Lysak"}},
                    ],
                }
            ],
        }
    return {
        "incidents": [{**inc, "id": "c1", "reports": [{"id": "a1"}, {"id": "a2"}]}],
        "contradictions": [],
    }


def test_haversine_and_tolerances(rc: ModuleType) -> None:
    assert rc.haversine_km(48.0, 35.0, 48.09, 35.0) == pytest.approx(10.0, abs=0.1)
    gold = report("a1", "S1", "main", 48.0, None)
    assert rc.near(gold, incident("2024-05-05", 48.2, None)) is not None
    assert rc.near(gold, incident("2024-05-06", 48.0, None)) is None
    assert rc.near(gold, incident("2024-05-04", 48.3, None)) is None
    assert rc.near(gold, incident("--05-04", 48.0, None)) is None


def test_one_to_one_matching_prefers_the_closest(rc: ModuleType) -> None:
    golds = [report("a", "S1", "main", 48.0, None)]
    pairs, rest = rc.match_article(
        golds, [incident("2024-05-05", 48.0, None), incident("2024-05-04", 48.05, None)]
    )
    assert pairs[0].pred["date"] == "2024-05-04"
    assert len(rest) == 1


@pytest.mark.parametrize(
    ("gold", "pred", "right"),
    [
        (num(12, "at_least"), num(12, "more_than"), True),
        (num(12, "at_least"), num(12), False),
        (num(12), num(13), False),
        (num(12), None, False),
    ],
)
def test_number_right_compares_value_and_qualifier_class(
    rc: ModuleType, gold: Any, pred: Any, right: bool
) -> None:
    assert rc.number_right(gold, pred) is right


def test_measures_on_fake_output(rc: ModuleType) -> None:
    result, misses = rc.measures(GOLD, GOLD["articles"], OUTPUT, corpus(split_follow_up=False))
    assert result["incidents found"] == pytest.approx(2 / 3, abs=0.001)
    assert result["strict precision"] == pytest.approx(2 / 4)
    assert result["incident date exact"] == 0.5
    assert result["killed exact"] == 1.0
    assert result["claimant right"] == 0.5
    assert result["claimant none given"] == 0.5
    assert result["strikes whose follow-ups land in one incident"] == "1 of 1"
    assert result["killed summed over the record / true tolls"] == 1.0
    assert result["incidents from non-incident articles"] == 1
    assert result["figures-ledger rows that are real cumulative tallies"] == "1 of 2"
    assert any(line.startswith("a1: gold S1b") for line in misses)


def test_split_follow_up_and_revision_contradiction(rc: ModuleType) -> None:
    result, _ = rc.measures(GOLD, GOLD["articles"], OUTPUT, corpus(split_follow_up=True))
    assert result["strikes whose follow-ups land in one incident"] == "0 of 1"
    assert result["killed summed over the record / true tolls"] == 2.0
    assert result["contradictions that are one source's own revisions"] == "1 of 1"


def test_parse_output_separates_the_corpus_line(rc: ModuleType) -> None:
    output, corp = rc.parse_output(
        ['{"id": "a1", "incidents": []}', '{"corpus": {"incidents": []}}', ""]
    )
    assert set(output) == {"a1"} and corp == {"incidents": []}
