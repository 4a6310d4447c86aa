"""Cleaning scores on the seed articles against the gold (skips when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.clean import (
    boilerplate_lines,
    flag_boilerplate,
    flag_repeats,
    repeat_pairs,
    split_sentences,
)
from sitrep.config import Settings
from sitrep.ingest import read_paths
from sitrep.model import Article, Document

# Floors for the seed gold; lowering one is an explicit act.
BOILERPLATE_PRECISION_FLOOR = 0.9
BOILERPLATE_RECALL_FLOOR = 0.9


@pytest.fixture(scope="module")
def cleaned(seed_paths: list[Path]) -> dict[str, Document]:
    settings = Settings()
    docs = {}
    for article in read_paths([str(p) for p in seed_paths], settings):
        assert isinstance(article, Article)
        doc = Document(article=article)
        for stage in (split_sentences, flag_boilerplate, flag_repeats):
            doc = stage(doc, settings)
        docs[Path(article.source).name] = doc
    return docs


@pytest.fixture(scope="module")
def gold(seed_gold: Path) -> dict[str, dict[str, Any]]:
    return {d["file"]: d for d in json.loads(seed_gold.read_text())["documents"]}


def test_boilerplate_lines(cleaned: dict[str, Document], gold: dict[str, dict[str, Any]]) -> None:
    found = {(name, line) for name, doc in cleaned.items() for line in boilerplate_lines(doc)}
    expected = {(name, line) for name, d in gold.items() for line in d["boilerplate_lines"]}
    hits = len(found & expected)
    precision, recall = hits / len(found), hits / len(expected)
    print(f"boilerplate lines: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= BOILERPLATE_PRECISION_FLOOR, sorted(found - expected)
    assert recall >= BOILERPLATE_RECALL_FLOOR, sorted(expected - found)


def test_boilerplate_fragments(
    cleaned: dict[str, Document], gold: dict[str, dict[str, Any]]
) -> None:
    for name, d in gold.items():
        for fragment in d.get("boilerplate_fragments", []):
            flagged = [
                s.text
                for s in cleaned[name].sentences
                if s.boilerplate and s.line == fragment["line"]
            ]
            assert flagged == [fragment["text"]]


def test_glued_words_are_repaired(
    cleaned: dict[str, Document], gold: dict[str, dict[str, Any]]
) -> None:
    for name, d in gold.items():
        for glued in d.get("glued_words", []):
            texts = " ".join(s.text for s in cleaned[name].sentences if s.line == glued["line"])
            normalised = glued["text"].replace("\u201c", '"')
            assert normalised not in texts, (name, glued)


def test_repeats(cleaned: dict[str, Document], gold: dict[str, dict[str, Any]]) -> None:
    for name, d in gold.items():
        pairs = set(repeat_pairs(cleaned[name]))
        expected = {
            tuple(p) for p in d.get("repeated_lines", []) + d.get("near_repeated_lines", [])
        }
        assert expected <= pairs, (name, sorted(expected - pairs))
        print(f"{name}: repeats found {sorted(pairs)}")


def test_gold_evidence_sentences_are_whole(cleaned: dict[str, Document], shared_dir: Path) -> None:
    example = json.loads((shared_dir / "gold" / "example-extract-002.json").read_text())
    doc = cleaned["002_49edc2e7b297ffe3.txt"]
    spans = {(s.start, s.end) for s in doc.sentences}
    for item in example["incidents"] + example.get("figures", []):
        for evidence in item["evidence"]:
            assert (evidence["start"], evidence["end"]) in spans
