"""Helpers for the clean tests: build a ``Document`` from text and run the clean stages."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.clean import flag_boilerplate, flag_repeats, split_sentences
from sitrep.config import Settings
from sitrep.model import Article, Document

Cleaner = Callable[..., Document]


def clean_text(text: str, title: bool = False, body_start: int | None = None) -> Document:
    """Run the three clean stages over ``text``; with ``title`` the first line is the title."""
    if body_start is None:
        body_start = text.index("\n") + 1 if title else 0
    article = Article(
        id="test",
        text=text,
        source="test.txt",
        title=text[: text.index("\n")] if title else None,
        body_start=body_start,
    )
    doc = Document(article=article)
    settings = Settings()
    for stage in (split_sentences, flag_boilerplate, flag_repeats):
        doc = stage(doc, settings)
    return doc
