"""Scores of sitrep's output against known answers: the one home of every scorer.

- :mod:`sitrep.scoring.gold`: extraction output against a gold file in the shared format
  (``../shared/gold/SCORING.md``): incidents, figures, claimants, boilerplate, repeats;
  ``sitrep eval`` and the seed accuracy gate use it.
- :mod:`sitrep.scoring.notes`: ``sitrep extract`` on coded incident notes (place within
  :data:`~sitrep.scoring.notes.PLACE_KM`, date, type, killed); the note gates and
  ``bench/incident_notes_score.py``.
- :mod:`sitrep.scoring.resolution`: a resolution against the truth of a generated corpus
  (pairwise F1, adjusted Rand index, contradictions); the resolve tests and benchmarks.

Scorers read model values and plain records only; nothing in the pipeline imports them.
"""

from __future__ import annotations

from sitrep.scoring.gold import Scores, score
from sitrep.scoring.notes import PLACE_KM, Metric, NoteScores, score_notes
from sitrep.scoring.resolution import (
    ContradictionScore,
    PairScore,
    adjusted_rand_index,
    incident_labels,
    pairwise,
    score_contradictions,
    story_labels,
)

__all__ = [
    "PLACE_KM",
    "ContradictionScore",
    "Metric",
    "NoteScores",
    "PairScore",
    "Scores",
    "adjusted_rand_index",
    "incident_labels",
    "pairwise",
    "score",
    "score_contradictions",
    "score_notes",
    "story_labels",
]
