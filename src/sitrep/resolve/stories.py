"""Stories: near-duplicate articles (copies of one piece, possibly rewritten).

Each article's body (its non-boilerplate sentences when the clean stage ran,
so an outlet's donation appeal cannot make two of its articles one story) is
normalised and cut into word shingles.  MinHash signatures (``datasketch``)
in a one-row-band LSH index (:mod:`sitrep.resolve.lsh`) propose candidates;
exact shingle Jaccard >= ``settings.jaccard_threshold`` confirms them; the
confirmed pairs are joined with union-find.  Whether a pair is confirmed
depends only on the two articles, so adding articles in any order gives the
same stories.

Thresholds (``Settings.lsh_threshold``/``jaccard_threshold``) were tuned on
the seeds: 000/001 (The Independent and a rewrite sharing three quotes) have
5-shingle Jaccard 0.11 without boilerplate, every other seed pair <= 0.001;
in the synthetic corpus (300 incidents, seed 4) verbatim copies score
0.6-0.92, rewrites 0.07-0.3 and independent articles about the same incident
<= 0.03.  Tried 0.05-0.6: at 0.6 (the first default) the seed pair and every
rewrite are missed; 0.05 separates all of the above.  Real articles that
share two long quotes but are not one story may pass 0.05: a known risk.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from sitrep.config import Settings
from sitrep.ids import stable_id
from sitrep.model import Article, Document, Story
from sitrep.resolve.disjoint import DisjointSets
from sitrep.resolve.lsh import SignatureIndex, min_agreement

__all__ = [
    "StoryIndex",
    "StoryMember",
    "build_story",
    "inferred_dates",
    "jaccard",
    "jaccards",
    "minhash_signature",
    "shingles",
    "stated_published",
    "story_text",
]

# Permutations per MinHash.  A pair at Jaccard 0.1 agrees in 3 or more of
# 128 places with probability 0.9999, at 0.06 with 0.98 (see lsh.py).
NUM_PERM = 128

_WORD = re.compile(r"\w+")
_ROLL = np.uint64(1_000_003)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def story_text(doc: Document) -> str:
    """The text two articles are compared on: the non-boilerplate sentences, else the body."""
    if doc.sentences:
        return " ".join(s.text for s in doc.sentences if not s.boilerplate)
    return doc.article.text[doc.article.body_start :]


def shingles(text: str, size: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the ``size``-word shingles of normalised ``text``.

    Words are hashed once (CRC-32) and combined over each window with a
    polynomial rolling hash, so a shingle never becomes a Python string.
    """
    words = _WORD.findall(text.translate(_QUOTES).lower())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    hashed = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    width = min(size, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for j in range(width):
        combined = combined * _ROLL + hashed[j : j + count]  # wraps mod 2**64 on purpose
    return np.unique(((combined >> np.uint64(32)) ^ combined).astype(np.uint32))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    return float(jaccards(a, np.concatenate([b]), np.array([len(b)]))[0])


# Low bits of a shingle hash that index the membership table in ``jaccards``.
_TABLE_BITS = 20


def jaccards(a: np.ndarray, flat: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Exact Jaccard of ``a`` with each of several arrays, given concatenated as ``flat``.

    All arrays are sorted and unique, none is empty; ``sizes`` are their lengths.
    A table over the low bits of ``a``'s hashes rules out most of ``flat`` with
    one lookup each (a binary search for all of it took 80 % of adding 1,000
    articles to 100,000); the few left are checked exactly.
    """
    mask = np.uint32((1 << _TABLE_BITS) - 1)
    table = np.zeros(1 << _TABLE_BITS, dtype=bool)
    table[a & mask] = True
    maybe = np.flatnonzero(table[flat & mask])
    where = np.minimum(np.searchsorted(a, flat[maybe]), len(a) - 1)
    hits = maybe[a[where] == flat[maybe]]
    ends = np.cumsum(sizes)
    common = np.bincount(np.searchsorted(ends, hits, side="right"), minlength=len(sizes))
    result: np.ndarray = common / (len(a) + sizes - common)
    return result


def stated_published(article: Article) -> dt.date | None:
    """The publication date unless ingest only inferred it."""
    return None if article.published_basis == "inferred" else article.published


_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME).permutations  # computed once


def minhash_signature(hashes: np.ndarray) -> np.ndarray:
    """The ``NUM_PERM`` uint32 MinHash values of a non-empty shingle set."""
    mh = MinHash(
        num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=_PERMUTATIONS, scheme=_SCHEME
    )
    mh.update_batch(hashes.tolist())
    values: np.ndarray = mh.hashvalues
    return values


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article as a story sees it: its stated date (``None`` when it states none)."""

    article_id: str
    published: dt.date | None

    @property
    def order(self) -> tuple[str, str]:
        return (self.published.isoformat() if self.published else "9999", self.article_id)


def build_story(members: Iterable[StoryMember]) -> Story | None:
    """The story of a set of near-duplicates; ``None`` for an article without copies."""
    ordered = sorted(members, key=lambda m: m.order)
    if len(ordered) < 2:
        return None
    dates = [m.published for m in ordered if m.published is not None]
    return Story(
        id=stable_id("story", ordered[0].article_id),
        article_ids=tuple(m.article_id for m in ordered),
        published=min(dates) if dates else None,
    )


def inferred_dates(story: Story, members: dict[str, StoryMember]) -> dict[str, dt.date]:
    """Publication dates the story gives to its members that state none."""
    if story.published is None:
        return {}
    return {key: story.published for key in story.article_ids if members[key].published is None}


class StoryIndex:
    """Incremental story detection: ``add`` articles, read ``story`` per set of near-duplicates."""

    def __init__(self, settings: Settings) -> None:
        self._threshold = settings.jaccard_threshold
        self._size = settings.shingle_size
        self._index = SignatureIndex(NUM_PERM, min_agreement(settings.lsh_threshold, NUM_PERM))
        self._ids: list[str] = []  # by row of the index
        self._shingles: list[np.ndarray] = []  # by row
        self._sizes = np.zeros(0, dtype=np.int64)  # by row: len of its shingles (grown in steps)
        self._members: dict[str, StoryMember] = {}
        self.sets = DisjointSets()

    def add(self, docs: Iterable[Document]) -> set[str]:
        """Index ``docs``; returns the roots of the sets that changed."""
        touched: set[str] = set()
        for doc in docs:
            touched.add(self._add(doc))
        return {self.sets.find(key) for key in touched}

    def _add(self, doc: Document) -> str:
        article = doc.article
        self.sets.add(article.id)
        self._members[article.id] = StoryMember(article.id, stated_published(article))
        hashes = shingles(story_text(doc), self._size)
        if not len(hashes):
            return article.id
        signature = minhash_signature(hashes)
        for other in self._copies(hashes, self._index.agreeing(signature)):
            self.sets.union(article.id, other)
        self._remember(article.id, hashes, signature)
        return article.id

    def _copies(self, hashes: np.ndarray, rows: np.ndarray) -> list[str]:
        """Ids of the candidates whose exact Jaccard with ``hashes`` reaches the threshold."""
        if not len(rows):
            return []
        others = np.concatenate([self._shingles[row] for row in rows])
        similar = jaccards(hashes, others, self._sizes[rows]) >= self._threshold
        return [self._ids[row] for row in rows[similar]]

    def _remember(self, article_id: str, hashes: np.ndarray, signature: np.ndarray) -> None:
        row = len(self._ids)
        self._index.add(row, signature)
        self._ids.append(article_id)
        self._shingles.append(hashes)
        if row == len(self._sizes):
            self._sizes = np.concatenate([self._sizes, np.zeros(max(1024, row), dtype=np.int64)])
        self._sizes[row] = len(hashes)

    def story(self, root: str) -> Story | None:
        """The story of the set rooted at ``root``; ``None`` for an article without copies."""
        return build_story(self._members[key] for key in self.sets.members(root))

    def inferred(self, story: Story) -> dict[str, dt.date]:
        """Publication dates the story gives to its members that state none."""
        return inferred_dates(story, self._members)
