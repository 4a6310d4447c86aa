"""The orchestration layer: runs that read, process, store and resolve.

``sitrep.runs.ingest`` is ``sitrep ingest`` (and ``sitrep demo``, ``sitrep watch``):
read inputs, process new articles (``sitrep.runs.extraction``, on a Dask cluster with
``sitrep.runs.cluster``), store them, then resolve them against the store
(``sitrep.runs.resolution``).  It sits above ``sitrep.store``, which persists and
queries only, and above ``sitrep.pipeline`` and ``sitrep.resolve``, whose rules it
runs; see docs/architecture.md.
"""
