"""Score `sitrep extract` on passages that report no new incident, and on strike passages.

    .venv/bin/python bench/real_passages_score.py                  # real dev split
    .venv/bin/python bench/real_passages_score.py --split sealed   # only at the end
    .venv/bin/python bench/real_passages_score.py --misses --json
    .venv/bin/python bench/real_passages_score.py --own            # our CI set, tests/golden/

Real set: the texts are `.devdata/real_passages/passages.jsonl` (rebuild with
`scripts/devdata_real_passages.py --mirror DIR`), the facts
`bench/gold/real_passages.json`. Own set: `tests/golden/non_incident_passages.jsonl`
and `tests/golden/strike_passages.jsonl`, which carry text and facts together.

Runs the `sitrep extract --jsonl` console script once over all passages
(with each passage's publication date when known) and reports:
- false-incident share: no-new-incident passages given >= 1 incident (target <= 0.05);
- the same share counting only incidents with a killed number;
- strikes found: strike passages given >= 1 incident (target >= 0.96);
- false incidents per category; `--misses` lists every passage in error with
  what sitrep produced (event type, killed, evidence text).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "real_passages.json"
TEXTS = ROOT / ".devdata" / "real_passages" / "passages.jsonl"
OWN = [
    ROOT / "tests" / "golden" / "non_incident_passages.jsonl",
    ROOT / "tests" / "golden" / "strike_passages.jsonl",
]

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Case:
    """One passage with its coded facts."""

    id: str
    text: str
    published: str | None
    new_incident: bool
    category: str


@dataclass(slots=True)
class Scores:
    passages: int = 0
    non_incident: int = 0
    strikes: int = 0
    false_incident: int = 0
    false_killed: int = 0
    strikes_found: int = 0
    false_by_category: dict[str, int] = field(default_factory=dict)
    per_category: dict[str, int] = field(default_factory=dict)


def read_jsonl(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def real_cases(gold: Path, texts: Path, split: str) -> list[Case]:
    if not texts.exists():
        sys.exit(
            f"{texts} is missing. Rebuild it: .venv/bin/python scripts/devdata_real_passages.py --mirror DIR"
        )
    by_id = {r["id"]: r for r in read_jsonl(texts)}
    facts = json.loads(gold.read_text())["passages"]
    chosen = [g for g in facts if split == "all" or g["split"] == split]
    return [
        Case(
            g["id"],
            by_id[g["id"]]["text"],
            by_id[g["id"]]["published"],
            g["new_incident"],
            g["category"],
        )
        for g in chosen
    ]


def own_cases(paths: list[Path]) -> list[Case]:
    rows = [r for path in paths for r in read_jsonl(path)]
    return [
        Case(r["id"], r["text"], None, r["expect"]["new_incident"], r["expect"]["category"])
        for r in rows
    ]


def sitrep_command(feed: Path) -> list[str]:
    beside = Path(sys.executable).with_name("sitrep")
    found = str(beside) if beside.exists() else shutil.which("sitrep")
    if found is None:
        sys.exit(
            "Could not find the `sitrep` console script. Run `pip install -e .` in the project venv."
        )
    return [found, "extract", "--jsonl", str(feed)]


def feed_record(case: Case) -> Record:
    record: Record = {"id": case.id, "text": case.text}
    if case.published:
        record["published"] = case.published
    return record


def run_extract(cases: list[Case]) -> dict[str, Record]:
    """Run the CLI once over all passages; return its per-article objects by id."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("".join(json.dumps(feed_record(c), ensure_ascii=False) + "\n" for c in cases))
        feed = Path(handle.name)
    try:
        done = subprocess.run(sitrep_command(feed), capture_output=True, text=True, check=True)
    finally:
        feed.unlink()
    rows = (json.loads(line) for line in done.stdout.splitlines() if line.strip())
    return {row["id"]: row for row in rows if "corpus" not in row}


def incidents(out: dict[str, Record], case: Case) -> list[Record]:
    return list(out.get(case.id, {}).get("incidents", []))


def has_killed(found: list[Record]) -> bool:
    return any(inc.get("killed") for inc in found)


def in_error(case: Case, found: list[Record]) -> bool:
    return bool(found) != case.new_incident


def score(cases: list[Case], out: dict[str, Record]) -> Scores:
    scores = Scores(passages=len(cases))
    for case in cases:
        found = incidents(out, case)
        scores.per_category[case.category] = scores.per_category.get(case.category, 0) + 1
        if case.new_incident:
            scores.strikes += 1
            scores.strikes_found += bool(found)
            continue
        scores.non_incident += 1
        scores.false_incident += bool(found)
        scores.false_killed += has_killed(found)
        if found:
            scores.false_by_category[case.category] = (
                scores.false_by_category.get(case.category, 0) + 1
            )
    return scores


def share(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def summary(scores: Scores) -> Record:
    return {
        "false_incident_share": share(scores.false_incident, scores.non_incident),
        "false_incident_with_killed_share": share(scores.false_killed, scores.non_incident),
        "strikes_found": share(scores.strikes_found, scores.strikes),
        "counts": asdict(scores),
    }


def print_table(scores: Scores) -> None:
    s = summary(scores)
    print(
        f"{scores.passages} passages: {scores.non_incident} with no new incident, {scores.strikes} strikes"
    )
    print(f"{'metric':<44} {'value':>6} {'hits/n':>9}  target")
    print(
        f"{'no-new-incident passages given an incident':<44} {s['false_incident_share']:>6.3f} {scores.false_incident:>4}/{scores.non_incident:<4}  <= 0.05"
    )
    print(
        f"{'  ... given an incident with killed':<44} {s['false_incident_with_killed_share']:>6.3f} {scores.false_killed:>4}/{scores.non_incident:<4}"
    )
    print(
        f"{'strike passages found':<44} {s['strikes_found']:>6.3f} {scores.strikes_found:>4}/{scores.strikes:<4}  >= 0.96"
    )
    print("false incidents by category:")
    for category, total in sorted(scores.per_category.items()):
        if category != "strike":
            print(f"  {category:<14} {scores.false_by_category.get(category, 0):>3}/{total}")


def describe(inc: Record) -> str:
    evidence = " | ".join(e.get("text", "") for e in inc.get("evidence", []))
    place = (inc.get("place") or {}).get("name")
    killed = (inc.get("killed") or {}).get("value")
    return (
        f"{inc.get('sub_event_type')} @ {place} {inc.get('date')} killed={killed}: {evidence[:200]}"
    )


def print_misses(cases: list[Case], out: dict[str, Record]) -> None:
    for case in cases:
        found = incidents(out, case)
        if not in_error(case, found):
            continue
        print(f"\n{case.id} [{case.category}] {case.text[:240]!r}")
        for inc in found:
            print(f"    -> {describe(inc)}")
        if not found:
            print("    -> no incident")


def misses_json(cases: list[Case], out: dict[str, Record]) -> list[Record]:
    rows = ((c, incidents(out, c)) for c in cases)
    return [
        {"id": c.id, "category": c.category, "got": [describe(i) for i in f]}
        for c, f in rows
        if in_error(c, f)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=["dev", "sealed", "all"], default="dev")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument(
        "--own", action="store_true", help="score our own CI passages in tests/golden/ instead"
    )
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cases = own_cases(OWN) if args.own else real_cases(args.gold, args.texts, args.split)
    out = run_extract(cases)
    scores = score(cases, out)
    if args.json:
        payload = summary(scores) | ({"misses": misses_json(cases, out)} if args.misses else {})
        print(json.dumps(payload, indent=1))
        return
    print_table(scores)
    if args.misses:
        print_misses(cases, out)


if __name__ == "__main__":
    main()
