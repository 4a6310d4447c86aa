"""The store: SQLite by default, PostgreSQL for a ``postgresql://`` URL.

    with open_store(settings) as store:
        store.write_document(doc, run_id)
        store.list_incidents(IncidentFilter(oblast="kharkiv"))

``Store`` (in ``base``) is the protocol; ``SqlStore`` implements it over either
backend with shared SQL; ``queries`` is the read API the CLI and web app use;
``ingest_run.ingest`` is the library entry point behind ``sitrep ingest``.
"""

from sitrep.store.base import IncidentFilter, RunStats, Store
from sitrep.store.schema import LATEST_VERSION
from sitrep.store.sql import SqlStore, open_store

__all__ = ["LATEST_VERSION", "IncidentFilter", "RunStats", "SqlStore", "Store", "open_store"]
