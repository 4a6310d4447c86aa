"""The exports' columns are documented, and the typed and ACLED details analysts rely on hold."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from sitrep.export import ACLED_COLUMNS, ROW_COLUMNS, write_export
from sitrep.export._acled import interaction
from sitrep.export.ledger import CONTRADICTION_COLUMNS, FIGURE_COLUMNS
from sitrep.model import Incident, PartialDate
from sitrep.serve.fake import demo_store

DICTIONARY = Path(__file__).parents[2] / "docs" / "data-dictionary.md"


def _documented(section: str) -> list[str]:
    text = DICTIONARY.read_text(encoding="utf-8")
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z0-9_]+)` \|", part, flags=re.M)


def test_every_column_is_documented_in_order() -> None:
    assert _documented("Incidents") == list(ROW_COLUMNS)
    assert _documented("ACLED") == list(ACLED_COLUMNS)
    assert _documented("Figures ledger") == list(FIGURE_COLUMNS)
    assert _documented("Contradictions") == list(CONTRADICTION_COLUMNS)


def _bytes(store: object, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    write_export(store, fmt, out, timestamp=1_700_000_000, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_parquet_is_typed() -> None:
    table = pq.read_table(io.BytesIO(_bytes(demo_store(), "parquet")))
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date"] == "date32[day]"
    assert types["outlets"] == "list<element: string>"
    assert types["evidence"] == "list<element: string>"
    assert types["killed"] == "int64"
    frame = table.to_pandas()
    odesa = frame.set_index("id").loc["inc-odesa-0303"]
    assert pd.isna(odesa["killed"])  # a nullable int, not 0 or NaN-as-float for the column
    assert list(frame.set_index("id").loc["inc-kharkiv-0302", "outlets"]) == [
        "Example Herald",
        "Example Times",
    ]


class _WithUndated:
    """The demo store with one incident of unknown year added."""

    def __init__(self) -> None:
        self.inner = demo_store()
        first = self.inner.list_incidents()[0]
        self.undated: Incident = replace(first, id="inc-undated", date=PartialDate(None, 6, 22))

    def list_incidents(self, filters: object = None) -> list[Incident]:
        found = self.inner.list_incidents(filters)  # type: ignore[arg-type]
        after = getattr(filters, "after", None)
        return found if after else [*found, self.undated]

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def test_acled_leaves_undated_rows_out_and_says_so() -> None:
    store = _WithUndated()
    skipped: list[str] = []
    raw = _bytes(store, "acled", on_skip=lambda i, why: skipped.append(f"{i.id}: {why}"))
    frame = pd.read_csv(io.BytesIO(raw))
    assert "UKR-inc-undated" not in set(frame["event_id_cnty"])
    assert str(frame["year"].dtype) == "int64"  # no empty year: loads as an integer
    assert skipped == ["inc-undated: no full date (ACLED needs event_date)"]
    rows = pd.read_csv(io.BytesIO(_bytes(store, "csv"))).set_index("id")
    assert pd.isna(rows.loc["inc-undated", "date"])  # no '--06-22' in the date column
    assert rows.loc["inc-undated", "date_as_stated"] == "--06-22"


def test_acled_interaction_scheme() -> None:
    assert interaction(8, 7) == "78"
    assert interaction(8, None) == "80"
    assert interaction(None, 7) == "70"
    assert interaction(None, None) == ""


def test_acled_source_and_civilian_targeting() -> None:
    frame = pd.read_csv(io.BytesIO(_bytes(demo_store(), "acled")), keep_default_na=False)
    kharkiv = frame.set_index("event_id_cnty").loc["UKR-inc-kharkiv-0302"]
    assert kharkiv["source"] == "Example Herald; Example Times"
    assert set(frame["interaction"].astype(str)) <= {"", "10", "17", "18", "70", "78", "80"}


def test_url_and_evidence_columns() -> None:
    frame = pd.read_csv(io.BytesIO(_bytes(demo_store(), "csv"))).set_index("id")
    kharkiv = frame.loc["inc-kharkiv-0302"]
    assert "apartment block in" in kharkiv["evidence"]
    store = demo_store()
    urls = {store.get_article(a).url for a in ("a1", "a2")} - {None}  # type: ignore[union-attr]
    for url in urls:
        assert url in str(kharkiv["urls"])
