"""A failure that extraction survives is logged, not silent."""

from __future__ import annotations

import logging

import pytest

from sitrep.config import Settings
from sitrep.errors import StageError
from sitrep.extract.places import PlacePrior
from sitrep.ingest.text import parse_text
from sitrep.model import Document
from sitrep.runs import extraction


def test_a_failed_place_reread_keeps_the_first_reading_and_is_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings()
    text = "On 26 February 2022, Russian forces shelled Sartana, Donetsk. Three people were killed."
    doc = extraction.extract_articles([parse_text(text, "a.txt")], settings).docs[0]

    def fails(doc: Document, *args: object) -> Document:
        raise StageError("find_places", doc.article.source, ValueError("boom"))

    monkeypatch.setattr(extraction, "guessed", lambda d: True)
    monkeypatch.setattr(extraction, "reprocess_places", fails)
    prior = PlacePrior(points=((47.2, 37.7),))
    with caplog.at_level(logging.WARNING, logger="sitrep.runs.extraction"):
        out = extraction.with_batch_places([doc], settings, prior)
    assert out == [doc]
    assert "a.txt: stage find_places failed: ValueError: boom" in caplog.text
