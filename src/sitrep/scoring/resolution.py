"""Scores of a resolution against known truth: pairwise F1, ARI, contradictions.

Clusterings are given as ``{item: cluster label}`` over the same items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitrep.ids import figure_key, report_key
from sitrep.model import Corpus, Document, Figure, Report

__all__ = [
    "ContradictionScore",
    "PairScore",
    "adjusted_rand_index",
    "incident_labels",
    "pairwise",
    "score_contradictions",
    "story_labels",
]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass(frozen=True, slots=True)
class PairScore:
    precision: float
    recall: float
    f1: float


def _counts(pred: Mapping[str, str], truth: Mapping[str, str]) -> tuple[int, int, int]:
    items = truth.keys() & pred.keys()
    joint = sum(_pairs(n) for n in Counter((pred[i], truth[i]) for i in items).values())
    return (
        joint,
        sum(_pairs(n) for n in Counter(pred[i] for i in items).values()),
        sum(_pairs(n) for n in Counter(truth[i] for i in items).values()),
    )


def pairwise(pred: Mapping[str, str], truth: Mapping[str, str]) -> PairScore:
    """Precision/recall/F1 over pairs of items put in one cluster (1.0 when there are no pairs)."""
    joint, pred_pairs, true_pairs = _counts(pred, truth)
    precision = joint / pred_pairs if pred_pairs else 1.0
    recall = joint / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1)


def adjusted_rand_index(pred: Mapping[str, str], truth: Mapping[str, str]) -> float:
    """Hubert and Arabie's adjusted Rand index (1.0 for identical clusterings)."""
    joint, pred_pairs, true_pairs = _counts(pred, truth)
    total = _pairs(len(truth.keys() & pred.keys()))
    expected = pred_pairs * true_pairs / total if total else 0.0
    maximum = (pred_pairs + true_pairs) / 2
    if maximum == expected:
        return 1.0
    return (joint - expected) / (maximum - expected)


def story_labels(corpus: Corpus, docs: Sequence[Document]) -> dict[str, str]:
    """Article id -> story id (an article without copies is a story of its own)."""
    labels = {doc.article.id: doc.article.id for doc in docs}
    for story in corpus.stories:
        labels.update(dict.fromkeys(story.article_ids, story.id))
    return labels


def _report_keys(docs: Sequence[Document]) -> dict[Report, str]:
    return {
        report: report_key(doc.article.id, i)
        for doc in docs
        for i, report in enumerate(doc.reports)
    }


def incident_labels(corpus: Corpus, docs: Sequence[Document]) -> dict[str, str]:
    """Report key -> incident id."""
    keys = _report_keys(docs)
    return {
        keys[report]: incident.id for incident in corpus.incidents for report in incident.reports
    }


@dataclass(frozen=True, slots=True)
class ContradictionScore:
    planted: int
    found: int  # planted ones that some contradiction covers
    invented: int  # contradictions that cover no planted one


def score_contradictions(
    corpus: Corpus,
    docs: Sequence[Document],
    incident_truth: Mapping[str, str],
    planted_incidents: set[tuple[str, str]],
    planted_figures: set[str],
) -> ContradictionScore:
    """Match found contradictions to planted ones (incidents by (label, measure), figures by claim)."""
    reports = _report_keys(docs)
    figures: dict[Figure, str] = {
        f: figure_key(d.article.id, i) for d in docs for i, f in enumerate(d.figures)
    }
    covered: set[object] = set()
    invented = 0
    for c in corpus.contradictions:
        if c.kind == "incident":
            keys = {
                (incident_truth[reports[r]], c.metric or "")
                for r in c.claims
                if isinstance(r, Report)
            }
            hits: set[object] = set(keys & planted_incidents)
        else:
            hits = set({figures[f] for f in c.claims if isinstance(f, Figure)} & planted_figures)
        covered |= hits
        invented += not hits
    planted = len(planted_incidents) + len(planted_figures)
    return ContradictionScore(planted, len(covered), invented)
