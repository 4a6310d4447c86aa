"""The per-article pipeline: one literal list of pure stages.

Each stage is ``def stage(doc: Document, settings: Settings) -> Document``.
``process`` runs them in order and names the stage that misbehaves.
Cross-document work (stories, incidents, ledger) is ``sitrep.resolve``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from sitrep.clean.boilerplate import flag_boilerplate
from sitrep.clean.repeats import flag_repeats
from sitrep.clean.sentences import split_sentences
from sitrep.config import Settings
from sitrep.errors import StageError
from sitrep.extract.coding_notes import apply_coding_notes
from sitrep.extract.figures import extract_figures
from sitrep.extract.grouping import group_reports
from sitrep.extract.places import find_places
from sitrep.extract.published import infer_published
from sitrep.extract.reports import extract_reports
from sitrep.lang import detect_language as _detect
from sitrep.model import Article, Document, Failure

__all__ = ["STAGES", "process", "process_all", "reprocess_places"]

Stage = Callable[[Document, Settings], Document]


def detect_language(doc: Document, settings: Settings) -> Document:
    """Stage: the language the article is written in (see :mod:`sitrep.lang`)."""
    return replace(
        doc, language=_detect(doc.article.text[doc.article.body_start :] or doc.article.text)
    )


STAGES: list[Stage] = [
    detect_language,
    split_sentences,
    flag_boilerplate,
    flag_repeats,
    infer_published,
    find_places,
    extract_reports,
    extract_figures,
    group_reports,
    apply_coding_notes,
]


def process(
    article: Article, settings: Settings, batch_points: tuple[tuple[float, float], ...] = ()
) -> Document:
    """Run every stage over one article.  Raises :class:`StageError` naming the stage.

    ``batch_points`` are where the batch's other places lie (see ``Document``).
    """
    return _run(Document(article=article, batch_points=batch_points), settings, STAGES)


def reprocess_places(
    doc: Document,
    settings: Settings,
    batch_points: tuple[tuple[float, float], ...],
    batch_pinned: tuple[tuple[float, float], ...] = (),
) -> Document:
    """Run the stages from ``find_places`` on again with the batch's points (sentences stay as they are)."""
    again = replace(doc, batch_points=batch_points, batch_pinned=batch_pinned)
    return _run(again, settings, STAGES[STAGES.index(find_places) :])


def _run(doc: Document, settings: Settings, stages: list[Stage]) -> Document:
    for stage in stages:
        try:
            doc = stage(doc, settings)
        except Exception as e:
            raise StageError(stage.__name__, doc.article.source, e) from e
    return doc


def process_all(
    articles: Iterable[Article | Failure], settings: Settings
) -> Iterator[Document | Failure]:
    """Process a batch; a failing article becomes a :class:`Failure` and the batch goes on."""
    for article in articles:
        if isinstance(article, Failure):
            yield article
            continue
        try:
            yield process(article, settings)
        except StageError as e:
            yield Failure(source=article.source, reason=str(e), kind="stage", stage=e.stage)
