"""The old home of the note scorer, kept only so that ``from sitrep.note_scores import ...``
in scripts not yet moved keeps working: import from :mod:`sitrep.scoring` (and the distance
from :mod:`sitrep.geo`)."""

from __future__ import annotations

from sitrep.geo import haversine_km
from sitrep.scoring.notes import PLACE_KM, Metric, NoteScores, score_notes

__all__ = ["PLACE_KM", "Metric", "NoteScores", "haversine_km", "score_notes"]
