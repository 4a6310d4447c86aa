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
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sitrep.scoring import NoteScores, score_notes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "golden" / "incident_notes.jsonl"

Record = dict[str, Any]


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


def print_table(scores: NoteScores, gold: list[Record]) -> None:
    print(f"{len(gold)} reports, {sum(g['expect']['violent'] for g in gold)} violent")
    print(f"{'metric':<32} {'value':>7} {'hits/n':>9}  target")
    print(
        f"{'incidents per report':<32} {scores.incidents_per_report:>7.3f} {scores.incidents:>4}/{len(gold):<4}  <= 1.3"
    )
    for m in scores.metrics:
        print(f"{m.name:<32} {m.value:>7.3f} {m.hits:>4}/{m.total:<4}  {m.target}")


def print_misses(scores: NoteScores, gold: list[Record]) -> None:
    texts = {g["id"]: g["text"] for g in gold}
    for m in scores.metrics:
        if m.misses:
            print(f"\n## {m.name}: {len(m.misses)} misses")
        for rid, expected, got in m.misses:
            print(f"{rid}  expected {expected!r}  got {got!r}\n      {texts[rid]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file",
        "--gold",
        dest="gold",
        type=Path,
        default=GOLD,
        help="gold JSONL (default: %(default)s)",
    )
    parser.add_argument("--misses", action="store_true", help="list the misses of each metric")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    scores = score_notes(gold, run_extract(gold))
    print_table(scores, gold)
    if args.misses:
        print_misses(scores, gold)


if __name__ == "__main__":
    main()
