"""The old home of :mod:`sitrep.runs.extraction`, kept so that scripts not yet moved
(``bench/uk_ru_speed.py``) keep importing ``extract_articles`` and ``records`` from here:
import from :mod:`sitrep.runs.extraction`."""

from __future__ import annotations

from sitrep.runs.extraction import (
    BATCH_SIZE,
    LOCAL,
    ExtractResult,
    LocalRunner,
    Runner,
    SeenPoints,
    batched,
    document_record,
    extract_articles,
    process_in_batches,
    records,
    with_batch_places,
)

__all__ = [
    "BATCH_SIZE",
    "LOCAL",
    "ExtractResult",
    "LocalRunner",
    "Runner",
    "SeenPoints",
    "batched",
    "document_record",
    "extract_articles",
    "process_in_batches",
    "records",
    "with_batch_places",
]
