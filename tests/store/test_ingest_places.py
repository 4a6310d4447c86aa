"""``sitrep ingest`` reads bare village names near where the run's other places lie, as ``extract`` does."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.config import Settings
from sitrep.runs.ingest import ingest
from sitrep.store import open_store


def test_a_bare_village_name_follows_where_the_run_is(tmp_path: Path) -> None:
    front = [
        f"On {day} June 2023, Russian forces shelled {town}, Donetsk oblast."
        for day, town in [
            (1, "Avdiivka"),
            (2, "Vuhledar"),
            (3, "Kurakhove"),
            (4, "Pokrovsk"),
            (5, "Selydove"),
        ]
    ]
    texts = [*front, "On 6 June 2023, Russian forces shelled Marinka, killing two people."]
    feed = tmp_path / "reports.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    settings = Settings(db=str(tmp_path / "run.db"))
    ingest([str(feed)], settings, jsonl=True)
    with open_store(settings, read_only=True) as store:
        marinka = [d for d in store.load_documents() if "Marinka" in d.article.text]
    (doc,) = marinka
    (report,) = doc.reports
    assert report.place is not None and (report.place.name, report.place.admin1) == (
        "Marinka",
        "Donetsk Oblast",
    )
