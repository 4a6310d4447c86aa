"""Peak memory of reading a JSON Lines dump, against the dump's size: it must stay flat.

Generates dumps of news-like records (default 50 MB and 2 GB) under /tmp, reads
each one in a fresh process with ``sitrep.ingest.read_paths`` (the reader behind
``sitrep ingest``), and prints bytes, records, seconds and peak RSS per size.

    nice -n 19 .venv/bin/python bench/stream_memory.py            # 50 MB and 2 GB
    .venv/bin/python bench/stream_memory.py --sizes 20e6 200e6    # quicker

Measured 2026-12-03 on the shared 2-core machine (``nice -n 19 … --sizes 50e6 5e8 2e9``;
records of about 8,800 bytes; the first 20 MB are one read-ahead):

    bytes          records   seconds   peak RSS
    50,000,955       5,685      17.8    65.3 MB
    500,001,609     56,912      93.6    65.4 MB
    2,000,002,303  227,247     364.8    65.5 MB
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

WORDS = [
    "Russian",
    "shelling",
    "of",
    "Kherson",
    "killed",
    "civilians",
    "on",
    "Tuesday",
    "the",
    "governor",
    "said",
    "a",
    "drone",
    "strike",
    "hit",
    "Odesa",
    "overnight",
    "injuring",
    "people",
    "and",
    "damaging",
    "an",
    "apartment",
    "block",
]
#: Characters of text per record: a long news article.
RECORD_CHARS = 8_000


def _record(n: int, rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(RECORD_CHARS // 6))
    return json.dumps({"id": str(n), "text": f"Report {n}. {words}.", "published": "2023-05-02"})


def generate(path: Path, size: int) -> int:
    """Write a dump of at least ``size`` bytes to ``path``; the number of records."""
    rng = random.Random(size)
    pool = [_record(0, rng) for _ in range(64)]  # varied texts, generated once
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            line = pool[count % len(pool)].replace('"id": "0"', f'"id": "{count}"', 1)
            line = line.replace("Report 0.", f"Report {count}.", 1) + "\n"
            out.write(line)
            written += len(line)
            count += 1
    return count


def measure(path: Path) -> dict[str, float]:
    """Read ``path`` in this process; records, seconds and peak RSS."""
    from sitrep.config import Settings
    from sitrep.ingest import read_paths
    from sitrep.model import Article

    start = time.perf_counter()
    records = failures = 0
    for item in read_paths([str(path)], Settings()):
        records += isinstance(item, Article)
        failures += not isinstance(item, Article)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "records": records,
        "failures": failures,
        "seconds": round(time.perf_counter() - start, 1),
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[50e6, 2e9])
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    for size in args.sizes:
        path = args.dir / f"sitrep-stream-{int(size)}.jsonl"
        generate(path, int(size))
        result = subprocess.run(
            [sys.executable, __file__, "--measure", str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = {"bytes": path.stat().st_size, **json.loads(result.stdout)}
        print(json.dumps(row), flush=True)
        path.unlink()


if __name__ == "__main__":
    main()
