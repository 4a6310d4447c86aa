"""Score `sitrep extract --jsonl` on the independently coded incident notes.

    .venv/bin/python bench/incident_notes_score.py [--file tests/golden/incident_notes.jsonl] [--misses]

`--file` (alias `--gold`) selects the gold set, e.g. tests/golden/incident_notes_b.jsonl,
a second set of 200 notes coded independently with the same conventions.

Feeds only {"id", "text"} of each gold record (no publication date) to the
`sitrep extract` console script and prints the metrics the acceptance tests
use. Place, date and type are scored on the first incident of each report,
over the reports that have one; the killed metrics count a report with no
incident as a miss.

Gold conventions (tests/golden/incident_notes.jsonl, 300 hand-coded notes):
the incident is the first one the note reports; a night spanning two dates
("on the night of 5-6 May", "9/10 November") is coded to the first date;
place is the settlement the incident happened in (never the raion, hromada or
a town named only to locate it), with the gazetteer's point; killed counts
everyone stated dead in that incident, soldiers included, and is null when no
death is stated. Guided bombs and drone-dropped grenades are air_drone_strike;
interceptions and defused munitions are disrupted_weapons_use; detentions of
civilians by occupying forces are abduction_forced_disappearance.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "golden" / "incident_notes.jsonl"
PLACE_KM = 25.0  # the acceptance radius

Record = dict[str, Any]


@dataclass
class Metric:
    """A share of hits over a denominator, with the misses kept for --misses."""

    name: str
    target: str
    hits: int = 0
    total: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)

    def add(self, ok: bool, report_id: str, expected: Any, got: Any) -> None:
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append((report_id, expected, got))

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")


def load_gold(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def sitrep_command() -> list[str]:
    beside = Path(sys.executable).with_name("sitrep")
    found = str(beside) if beside.exists() else shutil.which("sitrep")
    if found is None:
        sys.exit(
            "Could not find the `sitrep` console script. Run `pip install -e .` in the project venv."
        )
    return [found, "extract", "--jsonl", "-"]


def run_extract(gold: list[Record]) -> dict[str, Record]:
    """Run the CLI once over all texts; return its per-article objects by id."""
    feed = "".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold)
    done = subprocess.run(sitrep_command(), input=feed, capture_output=True, text=True, check=True)
    rows = (json.loads(line) for line in done.stdout.splitlines() if line.strip())
    return {row["id"]: row for row in rows if "corpus" not in row}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def killed_value(incident: Record | None) -> int | None:
    number = (incident or {}).get("killed") or {}
    value = number.get("value")
    return None if value is None else int(value)


def place_label(incident: Record) -> str:
    place = incident.get("place") or {}
    return f"{place.get('name')} ({place.get('lat')}, {place.get('lon')})"


def score(gold: list[Record], out: dict[str, Record]) -> list[Metric]:
    rate = Metric("incident rate (violent)", ">= 0.99")
    place = Metric(f"place within {PLACE_KM:g} km", ">= 0.93")
    by_field = {
        "date": Metric("date exact", ">= 0.995"),
        "event_type": Metric("event_type", ">= 0.97"),
        "sub_event_type": Metric("sub_event_type", ""),
    }
    killed = Metric("killed exact (deaths stated)", ">= 0.93")
    no_false = Metric("no killed (none stated)", "> 0.99")
    for g in gold:
        rid, exp = g["id"], g["expect"]
        incidents = out.get(rid, {}).get("incidents") or []
        first = incidents[0] if incidents else None
        if exp["violent"]:
            rate.add(first is not None, rid, exp["sub_event_type"], len(incidents))
        got = killed_value(first)
        if exp["killed"] is None:
            no_false.add(got is None, rid, None, got)
        else:
            killed.add(got == exp["killed"], rid, exp["killed"], got)
        if first is None:
            continue
        place.add(is_near(exp, first), rid, f"{exp['place']}, {exp['admin1']}", place_label(first))
        for name, metric in by_field.items():
            metric.add(first.get(name) == exp[name], rid, exp[name], first.get(name))
    return [rate, place, *by_field.values(), killed, no_false]


def is_near(exp: Record, incident: Record) -> bool:
    where = incident.get("place") or {}
    if where.get("lat") is None:
        return False
    return haversine_km(exp["lat"], exp["lon"], where["lat"], where["lon"]) <= PLACE_KM


def print_table(metrics: list[Metric], gold: list[Record], out: dict[str, Record]) -> None:
    incidents = sum(len(out.get(g["id"], {}).get("incidents") or []) for g in gold)
    print(f"{len(gold)} reports, {sum(g['expect']['violent'] for g in gold)} violent")
    print(f"{'metric':<32} {'value':>7} {'hits/n':>9}  target")
    print(
        f"{'incidents per report':<32} {incidents / len(gold):>7.3f} {incidents:>4}/{len(gold):<4}  <= 1.3"
    )
    for m in metrics:
        print(f"{m.name:<32} {m.value:>7.3f} {m.hits:>4}/{m.total:<4}  {m.target}")


def print_misses(metrics: list[Metric], gold: list[Record]) -> None:
    texts = {g["id"]: g["text"] for g in gold}
    for m in metrics:
        if m.misses:
            print(f"\n## {m.name}: {len(m.misses)} misses")
        for rid, expected, got in m.misses:
            print(f"{rid}  expected {expected!r}  got {got!r}\n      {texts[rid]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file", "--gold", dest="gold", type=Path, default=GOLD, help="gold JSONL (default: %(default)s)"
    )
    parser.add_argument("--misses", action="store_true", help="list the misses of each metric")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    out = run_extract(gold)
    metrics = score(gold, out)
    print_table(metrics, gold, out)
    if args.misses:
        print_misses(metrics, gold)


if __name__ == "__main__":
    main()
