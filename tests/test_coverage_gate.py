"""Accuracy gate on our own coverage set (tests/golden/coverage): strikes followed over days.

The set is written in-house in the style of real coverage (datelines, follow-ups,
background, quoted officials, two attacks in one article, in-article updates,
non-incident articles); no third-party text.  It is scored with the real-coverage
scorer (bench/real_coverage_score.py) against floors pinned in bench/eval_floors.json
("coverage"); the real development corpus itself lives outside git (.devdata/).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = ROOT / "tests" / "golden" / "coverage"
FLOORS = json.loads((ROOT / "bench" / "eval_floors.json").read_text())


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "real_coverage_score", ROOT / "bench" / "real_coverage_score.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    scorer = _scorer()
    gold = json.loads((COVERAGE / "gold.json").read_text())
    articles = [{**a, "split": "dev"} for a in gold["articles"]]
    records = [
        {"id": a["id"], "text": (COVERAGE / a["id"]).read_text(encoding="utf-8")} for a in articles
    ]
    output, corpus = scorer.run_sitrep(records)
    result, _ = scorer.measures({**gold, "articles": articles}, articles, output, corpus)
    return dict(result)


def _count(text: str) -> tuple[int, int]:
    got, total = text.split(" of ")
    return int(got), int(total)


def test_coverage_fields_meet_floors(scores: dict[str, Any]) -> None:
    floors = FLOORS["coverage"]
    low = {k: (scores[k], f) for k, f in floors["min"].items() if (scores[k] or 0) < f}
    assert not low, f"below the pinned floors (value, floor): {low}"


def test_coverage_record_meets_floors(scores: dict[str, Any]) -> None:
    floors = FLOORS["coverage"]
    one, strikes = _count(scores["strikes whose follow-ups land in one incident"])
    assert one >= floors["strikes_in_one_incident_min"], (one, strikes)
    assert scores["killed summed over the record / true tolls"] <= floors["killed_ratio_max"]
    assert scores["incidents from non-incident articles"] <= floors["non_incident_incidents_max"]


def test_own_passages_meet_floors() -> None:
    """Passages that report no new incident make none; strikes told the same way are found."""
    spec = importlib.util.spec_from_file_location(
        "real_passages_score", ROOT / "bench" / "real_passages_score.py"
    )
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scorer
    spec.loader.exec_module(scorer)
    cases = scorer.own_cases(scorer.OWN)
    result = scorer.summary(scorer.score(cases, scorer.run_extract(cases)))
    floors = FLOORS["passages"]
    assert result["false_incident_share"] <= floors["false_incident_share_max"], result
    assert result["strikes_found"] >= floors["strikes_found_min"], result
