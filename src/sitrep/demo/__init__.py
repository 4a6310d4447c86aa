"""The bundled demo corpus and ``build_demo``, behind ``sitrep demo`` and the web UI's first screen.

``corpus/`` holds short articles written for sitrep (invented, original
wording; outlets and URLs are made up under ``.test`` domains) in every
layout ingest reads: plain text with a title line, with a leading
`` date YYYY-MM-DD`` marker, or with a ``YYYYMMDD`` line and a URL line; one
HTML page; one JSON Lines dump.  Between them they carry what sitrep must
handle: two outlets' copies of one story differing in one number (14 vs 15
injured), a figure two claimants disagree on (the Kharkiv regional governor's
"at least 312" civilians killed in Kharkiv against the UN mission's 187, then
201: a contradiction on the ledger page), a revised tally, boilerplate and
repeated sentences.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sitrep.config import Settings
from sitrep.runs.ingest import Progress, RunSummary, ingest

__all__ = ["build_demo", "corpus_paths"]


def corpus_paths() -> list[Path]:
    """The demo files, in name order."""
    folder = Path(str(resources.files("sitrep.demo") / "corpus"))
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})


def build_demo(settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Ingest the demo corpus into ``settings.db`` (a rerun adds nothing)."""
    return ingest([str(p) for p in corpus_paths()], settings, progress)
