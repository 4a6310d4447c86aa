from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.config import Settings
from sitrep.model import Article, Document, Sentence
from sitrep.resolve import resolve
from sitrep.resolve.stories import jaccard, jaccards, shingles


def _seed_doc(path: Path, gold: dict[str, object]) -> Document:
    """One Sentence per raw line, flagged boilerplate from the gold (stands in for the clean stage)."""
    text = path.read_text(encoding="utf-8")
    skip = set(gold.get("boilerplate_lines", []))  # type: ignore[call-overload]
    sentences, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        sentences.append(
            Sentence(
                number - 1,
                offset,
                offset + len(line),
                line,
                number,
                number,
                boilerplate=number in skip,
            )
        )
        offset += len(line) + 1
    published = (
        str(gold["published"])
        if str(gold.get("published_basis", "")).startswith("stated")
        else None
    )
    article = Article(
        path.name,
        text,
        str(path),
        published=dt.date.fromisoformat(published) if published else None,
    )
    return Document(article, sentences=tuple(sentences))


@pytest.fixture(scope="module")
def seed_docs(seed_paths: list[Path], seed_gold: Path) -> list[Document]:
    gold = {d["file"]: d for d in json.loads(seed_gold.read_text(encoding="utf-8"))["documents"]}
    return [_seed_doc(p, gold[p.name]) for p in seed_paths]


def test_seed_near_duplicates_are_one_story_and_no_others(seed_docs: list[Document]) -> None:
    corpus = resolve(seed_docs, Settings())
    assert [sorted(s.article_ids) for s in corpus.stories] == [
        ["000_09e2d96ffb865760.txt", "001_9005c87e2e9c69b0.txt"]
    ]
    (story,) = corpus.stories
    assert story.published == dt.date(2022, 3, 2)
    assert corpus.inferred_published == {"000_09e2d96ffb865760.txt": dt.date(2022, 3, 2)}


def test_seed_pairs_are_far_from_the_threshold(seed_docs: list[Document]) -> None:
    # The tuning evidence behind Settings.jaccard_threshold (see stories.py).
    settings = Settings()
    text = {
        d.article.id[:3]: " ".join(s.text for s in d.sentences if not s.boilerplate)
        for d in seed_docs
    }
    for a, b in itertools.combinations(sorted(text), 2):
        score = jaccard(
            shingles(text[a], settings.shingle_size), shingles(text[b], settings.shingle_size)
        )
        if (a, b) == ("000", "001"):
            assert score >= 2 * settings.jaccard_threshold
        else:
            assert score <= settings.jaccard_threshold / 10


def _outlet_doc(article_id: str, body: str, plate: str) -> Document:
    sentences = (Sentence(0, 0, 1, plate, 1, 0, boilerplate=True), Sentence(1, 0, 1, body, 2, 1))
    return Document(Article(article_id, f"{plate}\n{body}", article_id), sentences=sentences)


def test_shared_boilerplate_does_not_make_a_story() -> None:
    plate = " ".join(["Your donation keeps our reporters on the ground in every war zone"] * 5)
    docs = [
        _outlet_doc(
            "a",
            "Shelling hit the port overnight and the mayor asked residents to stay in shelters.",
            plate,
        ),
        _outlet_doc(
            "b",
            "Farmers in the south began the harvest early despite the mines left in their fields.",
            plate,
        ),
    ]
    assert resolve(docs, Settings()).stories == ()


def test_shingles_ignore_case_quotes_and_punctuation() -> None:
    assert (shingles("“Kyiv stands,” he said.", 2) == shingles('"kyiv STANDS" he said', 2)).all()


# Hash values that share their low 20 bits, so the membership table collides.
hashes = st.sets(st.sampled_from([v + (k << 20) for v in range(6) for k in range(4)]), min_size=1)


@settings(max_examples=100, deadline=None)
@given(hashes, st.lists(hashes, min_size=1, max_size=5))
def test_jaccards_equal_set_jaccard(a: set[int], others: list[set[int]]) -> None:
    def sorted_array(values: set[int]) -> np.ndarray:
        return np.array(sorted(values), dtype=np.uint32)

    flat = np.concatenate([sorted_array(o) for o in others])
    sizes = np.array([len(o) for o in others])
    expected = [len(a & o) / len(a | o) for o in others]
    assert jaccards(sorted_array(a), flat, sizes).tolist() == expected
    assert jaccard(sorted_array(a), sorted_array(others[0])) == expected[0]
