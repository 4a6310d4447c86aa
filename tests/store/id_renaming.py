"""Comparing a store's resolution with a from-scratch one up to the names of incidents.

The store keeps an incident's id across ingests (sitrep.store.incident_ids), so
after ingests in batches its ids may be older ones than a single resolution
would mint; the incidents themselves must be the same.
"""

from __future__ import annotations

import dataclasses

from sitrep.model import Corpus
from sitrep.store.base import listing_order
from sitrep.store.incident_ids import renamed_contradictions


def stored_ids(stored: Corpus, expected: Corpus) -> dict[str, str]:
    """Stored incident id -> the id of the expected incident with the same reports."""
    by_reports = {incident.reports: incident.id for incident in expected.incidents}
    ids = {i.id: by_reports.get(i.reports, f"unmatched {i.id}") for i in stored.incidents}
    assert len(set(ids.values())) == len(ids), "two stored incidents match one expected"
    return ids


def renamed(stored: Corpus, expected: Corpus) -> Corpus:
    """``stored`` with each incident (and its contradictions, whose ids derive from the
    incident's) named as in ``expected``."""
    ids = stored_ids(stored, expected)
    incidents = [dataclasses.replace(i, id=ids[i.id]) for i in stored.incidents]
    contradictions = sorted(renamed_contradictions(stored.contradictions, ids), key=lambda c: c.id)
    return dataclasses.replace(
        stored, incidents=tuple(listing_order(incidents)), contradictions=tuple(contradictions)
    )
