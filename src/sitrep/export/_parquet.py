"""Parquet export with typed columns: dates as ``date32``, lists as ``list<string>``, nullable ints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.export._rows import COLUMN_TYPES, ROW_COLUMNS, row_lists

__all__ = ["PARQUET_SCHEMA", "write_parquet"]

_ARROW = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("s", tz="UTC"),
    "list": pa.list_(pa.string()),
}

PARQUET_SCHEMA = pa.schema([(c, _ARROW[COLUMN_TYPES[c]]) for c in ROW_COLUMNS])


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    out = row_lists(row)
    for column, kind in COLUMN_TYPES.items():
        value = out.get(column)
        if kind == "date" and isinstance(value, str):
            out[column] = dt.date.fromisoformat(value) if not value.startswith("--") else None
        elif kind == "timestamp" and isinstance(value, str):
            out[column] = dt.datetime.fromisoformat(value)
    return out


def write_parquet(rows: Iterator[dict[str, Any]], out: BinaryIO) -> None:
    """Write ``rows`` (incident rows) as one Parquet table."""
    table = pa.Table.from_pylist([_typed(r) for r in rows], schema=PARQUET_SCHEMA)
    pq.write_table(table, out)
