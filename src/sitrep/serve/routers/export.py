"""``/api/export``: the same export functions as ``sitrep export``, over the same filters."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from sitrep.export import MEDIA_TYPES, ExportFormat, write_export
from sitrep.serve.deps import StoreDep
from sitrep.serve.filters import incident_filter
from sitrep.store.base import IncidentFilter

router = APIRouter(prefix="/api/export", tags=["export"])

_EXTENSIONS = {
    "csv": "csv",
    "acled": "acled.csv",
    "geojson": "geojson",
    "jsonl": "jsonl",
    "parquet": "parquet",
}


@router.get(
    "",
    summary="Export incidents",
    response_class=Response,
    responses={200: {"content": {t: {} for t in set(MEDIA_TYPES.values())}}},
)
def export(
    store: StoreDep,
    filters: Annotated[IncidentFilter, Depends(incident_filter)],
    format: Annotated[
        ExportFormat, Query(description="csv, acled, geojson, jsonl or parquet")
    ] = "csv",
) -> Response:
    """Every incident matching the filters (limit/offset/after ignored) as a download."""
    out = io.BytesIO()
    write_export(store, format, out, filters)
    return Response(
        out.getvalue(),
        media_type=MEDIA_TYPES[format],
        headers={
            "Content-Disposition": f'attachment; filename="sitrep-incidents.{_EXTENSIONS[format]}"'
        },
    )
