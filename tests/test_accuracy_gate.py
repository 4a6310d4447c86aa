"""The accuracy gate: scores on the seed gold and on our short-report set must not fall below bench/eval_floors.json."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep.config import load_settings
from sitrep.ingest import read_jsonl, read_paths
from sitrep.runs.extraction import extract_articles, records
from sitrep.scoring import score, score_notes

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "bench" / "eval_floors.json").read_text())


def test_seed_scores_meet_floors(seed_paths: list[Path], seed_gold: Path) -> None:
    settings = load_settings()
    result = extract_articles(read_paths([str(p) for p in seed_paths], settings), settings)
    values = score(seed_gold, list(records(result))).values
    low = {
        k: (values[k], floor) for k, floor in FLOORS["seeds"].items() if (values[k] or 0) < floor
    }
    assert not low, f"below the pinned floors (value, floor): {low}"


def _short_reports() -> list[dict]:  # type: ignore[type-arg]
    lines = (ROOT / "tests" / "golden" / "short_reports.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_short_reports_meet_floors() -> None:
    settings = load_settings()
    cases = _short_reports()
    stream = io.BytesIO(
        "\n".join(json.dumps({"id": c["id"], "text": c["text"]}) for c in cases).encode()
    )
    result = extract_articles(read_jsonl(stream, "short_reports.jsonl", settings), settings)
    out = {r["id"]: r for r in records(result) if "corpus" not in r}
    hits = {"place": 0, "date": 0, "sub_event_type": 0, "killed": 0, "incident_rate": 0}
    total_incidents = 0
    misses = []
    for case in cases:
        incidents = out[case["id"]]["incidents"]
        total_incidents += len(incidents)
        if not incidents:
            misses.append((case["id"], "no incident"))
            continue
        first, want = incidents[0], case["expect"]
        hits["incident_rate"] += 1
        got = {
            "place": (first["place"] or {}).get("name") == want["place"]
            and (first["place"] or {}).get("admin1") == want["admin1"],
            "date": first["date"] == want["date"],
            "sub_event_type": first["sub_event_type"] == want["sub_event_type"],
            "killed": (first["killed"] or {}).get("value") == want["killed"],
        }
        for key, ok in got.items():
            hits[key] += ok
            if not ok:
                misses.append((case["id"], key))
    n = len(cases)
    floors = FLOORS["short_reports"]
    assert total_incidents / n <= floors["incidents_per_report_max"], misses
    for key, count in hits.items():
        assert count / n >= floors[key], f"{key}: {count}/{n} below {floors[key]}; misses {misses}"


@pytest.mark.parametrize("case", _short_reports(), ids=lambda c: c["id"])
def test_short_report_cases_are_well_formed(case: dict) -> None:  # type: ignore[type-arg]
    assert set(case["expect"]) == {"date", "place", "admin1", "sub_event_type", "killed"}


NOTE_SETS = ["incident_notes.jsonl", "incident_notes_b.jsonl"]


@pytest.mark.parametrize("name", NOTE_SETS)
def test_incident_notes_meet_floors(name: str) -> None:
    """Two sets of one-to-three-sentence notes, coded by people who did not read the extractor."""
    gold = [
        json.loads(line)
        for line in (ROOT / "tests" / "golden" / name).read_text().splitlines()
        if line.strip()
    ]
    settings = load_settings()
    stream = io.BytesIO(
        "\n".join(json.dumps({"id": g["id"], "text": g["text"]}) for g in gold).encode()
    )
    result = extract_articles(read_jsonl(stream, name, settings), settings)
    out = {r["id"]: r for r in records(result) if "corpus" not in r}
    scores = score_notes(gold, out)
    values = scores.values()
    floors = FLOORS["incident_notes"]
    assert values["incidents_per_report"] <= floors["incidents_per_report_max"]
    low = {k: (round(values[k], 3), f) for k, f in floors.items() if k in values and values[k] < f}
    misses = {m.name: m.misses[:5] for m in scores.metrics if m.misses}
    assert not low, f"below the pinned floors (value, floor): {low}; first misses: {misses}"
