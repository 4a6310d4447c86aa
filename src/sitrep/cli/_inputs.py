"""How many articles an ingest will read, estimated before it starts (for the progress bar)."""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["estimate_inputs"]

#: Files of one record per line; every other file counts as one article (a feed or
#: a WARC file holds more: the bar's total then grows as the run passes it).
_LINE_RECORDS = (".jsonl", ".ndjson", ".csv")


def _files(path: str) -> Iterator[Path]:
    matches = glob.glob(path, recursive=True) if glob.has_magic(path) else [path]
    for match in matches:
        found = Path(match)
        if found.is_dir():
            yield from (
                p
                for p in sorted(found.rglob("*"))
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(found).parts)
            )
        elif found.is_file():
            yield found


def _records(path: Path, jsonl: bool) -> int:
    if not (jsonl or path.suffix.lower() in _LINE_RECORDS):
        return 1
    with path.open("rb") as stream:
        lines = sum(1 for line in stream if line.strip())
    return max(lines - 1, 0) if path.suffix.lower() == ".csv" else lines


def estimate_inputs(paths: Sequence[str], *, jsonl: bool = False) -> int | None:
    """Articles in ``paths`` (files, folders, globs); ``None`` when unknowable (stdin)."""
    if "-" in paths:
        return None
    return sum(_records(p, jsonl) for path in paths for p in _files(path)) or None
