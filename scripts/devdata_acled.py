"""Rebuild the ACLED development sample in `.devdata/acled/` from its recorded public source.

    .venv/bin/python scripts/devdata_acled.py [--mirror GIT_DIR] [--out .devdata/acled]

ACLED's terms keep its rows out of git: this script, not the rows, is committed.
The source is a public repository that carries an ACLED export for Ukraine
(7,501 events, 24 February - 3 June 2022, every column including `notes`);
fetch it first (e.g. with the library's `fetch` tool) and pass its git
directory with `--mirror`. The file is read at the recorded commit with
`git show`, so the sample is the same wherever it is rebuilt.

The sample is 2,500 rows drawn with a fixed seed; a seeded fifth of it is
written to `sealed.jsonl`, which nobody runs sitrep on until the end, and the
rest to `dev.jsonl`. Each line is in the gold format of
tests/golden/incident_notes.jsonl (scored by bench/incident_notes_score.py):
ACLED's types in snake_case (DESIGN.md, Vocabulary), `killed` = fatalities or
null when 0, `violent` = the type is neither a protest nor a strategic
development, `injured` null (ACLED does not code injuries).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCE = {
    "repo": "BatonVatrushka/ukraine_war_shiny_app",
    "commit": "e46aec6fc3dd93acf042b0694811a47edc6b4067",
    "path": "df.csv",
}
DEFAULT_MIRROR = Path("/work/.mirror/BatonVatrushka+ukraine_war_shiny_app/repo")
SAMPLE_SIZE = 2500
SEED = 20220224
NON_VIOLENT = {"Protests", "Strategic developments"}
# ACLED's admin1 spellings that differ from the gazetteer's oblast names.
ADMIN1 = {
    "Kyiv City": "Kyiv City",
    "Crimea": "Autonomous Republic of Crimea",
    "Zaporizhia": "Zaporizhzhia Oblast",
    "Kirovograd": "Kirovohrad Oblast",
    "Black Sea": "Black Sea",
}

Row = dict[str, str]


def read_rows(mirror: Path) -> list[Row]:
    """The source CSV at the recorded commit, as dicts."""
    spec = f"{SOURCE['commit']}:{SOURCE['path']}"
    text = subprocess.run(
        ["git", "-C", str(mirror), "show", spec], capture_output=True, text=True, check=True
    ).stdout
    return list(csv.DictReader(io.StringIO(text)))


def snake(label: str) -> str:
    """ACLED's label in DESIGN.md's snake_case ("Air/drone strike" -> "air_drone_strike")."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def gold_record(row: Row) -> dict[str, Any]:
    fatalities = int(row["fatalities"] or 0)
    return {
        "id": row["event_id_cnty"],
        "text": row["notes"].strip(),
        "expect": {
            "violent": row["event_type"] not in NON_VIOLENT,
            "date": row["event_date"],
            "place": row["location"],
            "admin1": ADMIN1.get(row["admin1"], f"{row['admin1']} Oblast"),
            "lat": float(row["latitude"]),
            "lon": float(row["longitude"]),
            "event_type": snake(row["event_type"]),
            "sub_event_type": snake(row["sub_event_type"]),
            "killed": fatalities or None,
            "injured": None,
        },
    }


def split(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """A seeded sample of SAMPLE_SIZE rows, split into (dev, sealed fifth)."""
    ordered = sorted((r for r in rows if r["notes"].strip()), key=lambda r: r["event_id_cnty"])
    rng = random.Random(SEED)
    sample = rng.sample(ordered, SAMPLE_SIZE)
    sealed_ids = {r["event_id_cnty"] for r in rng.sample(sample, SAMPLE_SIZE // 5)}
    dev = [r for r in sample if r["event_id_cnty"] not in sealed_ids]
    sealed = [r for r in sample if r["event_id_cnty"] in sealed_ids]
    return dev, sealed


def write_jsonl(path: Path, rows: list[Row]) -> None:
    path.write_text("".join(json.dumps(gold_record(r), ensure_ascii=False) + "\n" for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mirror", type=Path, default=DEFAULT_MIRROR, help="git dir of the source repo"
    )
    parser.add_argument("--out", type=Path, default=ROOT / ".devdata" / "acled")
    args = parser.parse_args()
    rows = read_rows(args.mirror)
    dev, sealed = split(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    write_jsonl(args.out / "dev.jsonl", dev)
    write_jsonl(args.out / "sealed.jsonl", sealed)
    meta = SOURCE | {
        "rows": len(rows),
        "sample": SAMPLE_SIZE,
        "seed": SEED,
        "dev": len(dev),
        "sealed": len(sealed),
    }
    (args.out / "source.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
