"""Infer a missing publication date from the text ("day seven of the war")."""

from __future__ import annotations

from dataclasses import replace

from sitrep.config import Settings
from sitrep.extract.dates import war_day_date
from sitrep.model import Document

__all__ = ["infer_published"]


def infer_published(doc: Document, settings: Settings) -> Document:
    """Stage: an article without a date gets one from a war-day count, marked inferred."""
    if doc.article.published is not None:
        return doc
    head = " ".join(s.text for s in doc.sentences[:12] if not s.boilerplate)
    day = war_day_date(head)
    if day is None:
        return doc
    return replace(doc, article=replace(doc.article, published=day, published_basis="inferred"))
