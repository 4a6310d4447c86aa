"""Exports of the incident record: ``csv``, ``acled``, ``geojson``, ``jsonl``, ``parquet``.

The CLI (``sitrep export``) and the API (``GET /api/export``) both call
:func:`write_export`; it pages through ``store.list_incidents`` so memory stays
flat on large stores (except Parquet, which builds one table).
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO, Literal, get_args

from sitrep.errors import ConfigError
from sitrep.export._acled import (
    ACLED_COLUMNS,
    EVENT_LABELS,
    SUB_EVENT_LABELS,
    acled_ready,
    acled_row,
)
from sitrep.export._rows import ROW_COLUMNS, incident_record, incident_row, row_lists, row_text
from sitrep.export._sources import article_sources
from sitrep.model import Incident
from sitrep.store.base import IncidentFilter, IncidentQueries

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_LABELS",
    "FORMATS",
    "MEDIA_TYPES",
    "ROW_COLUMNS",
    "SUB_EVENT_LABELS",
    "ExportFormat",
    "IncidentSource",
    "acled_row",
    "count_incidents",
    "incident_record",
    "incident_row",
    "iter_incidents",
    "iter_pages",
    "write_export",
]

ExportFormat = Literal["csv", "acled", "geojson", "jsonl", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "acled": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
PAGE = 1000


#: What an export reads (``sitrep.store.base.IncidentQueries``): the incident query and outlets.
IncidentSource = IncidentQueries


def iter_pages(
    store: IncidentSource, filters: IncidentFilter | None = None
) -> Iterator[list[Incident]]:
    """Every incident matching ``filters`` (its limit/offset/after ignored), a page at a time.

    Pages follow the last incident (keyset), so each costs the same however deep.
    """
    page = replace(filters or IncidentFilter(), limit=PAGE, offset=0, after=None)
    while True:
        batch = store.list_incidents(page)
        if batch:
            yield batch
        if len(batch) < PAGE:
            return
        page = replace(page, after=batch[-1].id)


def count_incidents(store: IncidentSource, filters: IncidentFilter | None = None) -> int:
    """How many incidents match ``filters`` (limit/offset/after ignored).

    A SQL store counts in one query; any other source is paged through.
    """
    db = getattr(store, "db", None)
    if db is not None:
        from sitrep.store.queries import count_incidents as count_rows

        return count_rows(db, filters)
    return sum(len(batch) for batch in iter_pages(store, filters))


def iter_incidents(
    store: IncidentSource, filters: IncidentFilter | None = None
) -> Iterator[tuple[Incident, list[str], list[str]]]:
    """Every matching incident with its outlets' names (a URL's domain when no name is
    known) and its articles' URLs."""
    for batch in iter_pages(store, filters):
        sources = article_sources(store, [r.article_id for i in batch for r in i.reports])
        for incident in batch:
            found = [sources[r.article_id] for r in incident.reports if r.article_id in sources]
            outlets = list(dict.fromkeys(s.outlet for s in found if s.outlet))
            yield incident, outlets, list(dict.fromkeys(s.url for s in found if s.url))


def _write_csv(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    writer.writerows(row_text(r) for r in rows)
    text.detach()


def _write_geojson(rows: Iterator[dict[str, Any]], out: BinaryIO) -> None:
    out.write(b'{"type":"FeatureCollection","features":[')
    for n, row in enumerate(rows):
        located = row["lat"] is not None and row["lon"] is not None
        geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]} if located else None
        props = row_lists(row)
        feature = {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": props}
        out.write((b"," if n else b"") + json.dumps(feature, ensure_ascii=False).encode())
    out.write(b"]}\n")


def write_export(
    store: IncidentSource,
    fmt: str,
    out: BinaryIO,
    filters: IncidentFilter | None = None,
    timestamp: int | None = None,
    on_skip: Callable[[Incident, str], None] | None = None,
) -> int:
    """Write every incident matching ``filters`` to ``out`` in ``fmt``; return how many.

    An incident a format cannot hold (ACLED: no full date) is left out and
    passed to ``on_skip`` with the reason.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}. Choose one of: {', '.join(FORMATS)}.")
    count = 0

    def counted() -> Iterator[tuple[Incident, list[str], list[str]]]:
        nonlocal count
        for item in iter_incidents(store, filters):
            if fmt == "acled" and not acled_ready(item[0]):
                if on_skip is not None:
                    on_skip(item[0], "no full date (ACLED needs event_date)")
                continue
            count += 1
            yield item

    if fmt == "acled":
        stamp = int(time.time()) if timestamp is None else timestamp
        _write_csv((acled_row(i, o, stamp) for i, o, _ in counted()), ACLED_COLUMNS, out)
    elif fmt == "jsonl":
        for incident, outlets, urls in counted():
            record = incident_record(incident, outlets) | {"urls": urls}
            out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    else:
        rows = (incident_row(i, o, u) for i, o, u in counted())
        if fmt == "csv":
            _write_csv(rows, ROW_COLUMNS, out)
        elif fmt == "geojson":
            _write_geojson(rows, out)
        else:
            from sitrep.export._parquet import write_parquet  # pyarrow loads only when asked

            write_parquet(rows, out)
    return count
