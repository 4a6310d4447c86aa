"""Flag sentences that repeat an earlier sentence of the same article.

Scraped pages repeat themselves: a caption next to the paragraph it
summarises, a sentence pasted twice, once with and once without its final
period.  A sentence is a repeat of the first earlier sentence that is

* the same after normalisation (case, punctuation, spacing), or
* nearly the same: ``rapidfuzz`` ratio of at least :data:`_NEAR_RATIO`, or
* contained in it, or containing it, word for word (an extension or a cut
  of the same sentence), when the shorter one is long enough to be
  distinctive (:data:`_MIN_CONTAINED_WORDS`).

Titles are never repeats (a headline restating the lead is not a copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz, process

from sitrep.config import Settings
from sitrep.model import Document, Sentence

__all__ = ["comparison_key", "flag_repeats", "is_repeat", "repeat_pairs"]

# Ratio at or above which two sentences are one.  Tuned on seed 004, tried 80-95:
# its near repeats score 90 ("Firemen help ..." / "Firefighters help ... this
# morning") and 96 (one with "It came as" in front); the closest distinct pair,
# captions of two photos ("... after further attacks ... in Kharkiv"), scores 83.
_NEAR_RATIO = 88.0
# Shortest sentence (in words) compared by ratio or containment: shorter ones
# ("Both died.") repeat by chance.  Exact repeats need _MIN_EXACT_WORDS.
_MIN_NEAR_WORDS = 6
_MIN_CONTAINED_WORDS = 8
_MIN_EXACT_WORDS = 3

_NON_WORD = re.compile(r"[^\w]+")


def comparison_key(text: str) -> str:
    """Lowercase words of ``text`` joined by single spaces: punctuation and quotes dropped."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def is_repeat(key: str, earlier: str) -> bool:
    """True when the sentence with ``key`` repeats the one with key ``earlier``."""
    words = min(key.count(" "), earlier.count(" ")) + 1
    if key == earlier:
        return words >= _MIN_EXACT_WORDS
    if words < _MIN_NEAR_WORDS:
        return False
    if fuzz.ratio(key, earlier) >= _NEAR_RATIO:
        return True
    shorter, longer = sorted((key, earlier), key=len)
    return words >= _MIN_CONTAINED_WORDS and f" {shorter} " in f" {longer} "


Shingle = tuple[str, ...]

# Letters, digits and the space count apart in a key's histogram; any other character in one bin.
_BINS = np.full(128, 37, dtype=np.intp)
_BINS[ord("a") : ord("z") + 1] = np.arange(26)
_BINS[ord("0") : ord("9") + 1] = np.arange(26, 36)
_BINS[ord(" ")] = 36
# The share of two keys' length their histograms may differ by and still reach _NEAR_RATIO
# (plus a hair for rounding, so that the bound never drops a pair rapidfuzz would keep).
_NEAR_SHARE = (100.0 - _NEAR_RATIO) / 100.0 + 1e-9


def _histogram(key: str) -> np.ndarray:
    """How often each bin's characters occur in ``key``, 255 at most."""
    codes = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32)
    bins = _BINS[np.minimum(codes, 127)]
    return np.minimum(np.bincount(bins, minlength=38), 255).astype(np.int16)


class _NearKeys:
    """The keys compared by ratio, with what rules most of them out before rapidfuzz runs.

    Two keys' ratio counts the characters an alignment leaves out (indel distance), and
    no alignment leaves out fewer than their character counts differ by (the L1 distance
    of their histograms, coarser bins and counts capped at 255 only lower it).  So a key
    whose histogram differs from the query's by more than ``1 - _NEAR_RATIO / 100`` of the
    two lengths cannot reach the ratio; a numpy pass drops those, and ``extractOne`` runs
    over the rest in their order: the same best match, the first of equals, as over all.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.indexes: list[int] = []
        self._hists = np.zeros((16, 38), dtype=np.int16)
        self._lengths = np.zeros(16, dtype=np.int64)

    def add(self, index: int, key: str) -> None:
        n = len(self.keys)
        if n == len(self._lengths):
            self._hists = np.concatenate([self._hists, np.zeros_like(self._hists)])
            self._lengths = np.concatenate([self._lengths, np.zeros_like(self._lengths)])
        self._hists[n], self._lengths[n] = _histogram(key), len(key)
        self.keys.append(key)
        self.indexes.append(index)

    def find(self, key: str) -> int | None:
        """The index of the first key of the highest ratio with ``key``, at least _NEAR_RATIO."""
        n = len(self.keys)
        if not n:
            return None
        apart = np.abs(self._hists[:n] - _histogram(key)).sum(axis=1, dtype=np.int32)
        maybe = np.flatnonzero(apart <= _NEAR_SHARE * (self._lengths[:n] + len(key)))
        choices = [self.keys[i] for i in maybe]
        near = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=_NEAR_RATIO)
        return None if near is None else self.indexes[int(maybe[near[2]])]


def _shingles(words: list[str]) -> list[Shingle]:
    size = _MIN_CONTAINED_WORDS
    return [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]


@dataclass
class _Originals:
    """The sentences seen so far that repeat nothing, indexed for fast look-up.

    Exact keys by dict, near ones by ``rapidfuzz.process.extractOne`` (in C) over those
    a histogram bound leaves (:class:`_NearKeys`), containment by word shingles.  The
    near look-up still reads every original's histogram (a numpy row of 38 counts), so a
    long article costs n^2 of those, not of ratios.
    """

    exact: dict[str, int] = field(default_factory=dict)
    near: _NearKeys = field(default_factory=_NearKeys)
    keys: dict[int, str] = field(default_factory=dict)
    shingles: dict[Shingle, list[int]] = field(default_factory=dict)
    heads: dict[Shingle, list[int]] = field(default_factory=dict)

    def add(self, index: int, key: str) -> None:
        words = key.split()
        self.exact.setdefault(key, index)
        self.keys[index] = key
        if len(words) >= _MIN_NEAR_WORDS:
            self.near.add(index, key)
        shingles = _shingles(words)
        for shingle in shingles:
            self.shingles.setdefault(shingle, []).append(index)
        if shingles:
            self.heads.setdefault(shingles[0], []).append(index)

    def find(self, key: str) -> int | None:
        """Index of an original that ``key`` repeats (see :func:`is_repeat`), or ``None``."""
        words = key.split()
        if key in self.exact:
            return self.exact[key] if len(words) >= _MIN_EXACT_WORDS else None
        if len(words) < _MIN_NEAR_WORDS:
            return None
        near = self.near.find(key)
        return near if near is not None else self._containing(key, words)

    def _containing(self, key: str, words: list[str]) -> int | None:
        shingles = _shingles(words)
        if not shingles:
            return None
        candidates = set(self.shingles.get(shingles[0], ()))
        for shingle in shingles:
            candidates.update(self.heads.get(shingle, ()))
        matches = [i for i in candidates if is_repeat(key, self.keys[i])]
        return min(matches, default=None)


def flag_repeats(doc: Document, settings: Settings) -> Document:
    """``doc`` with ``Sentence.repeat_of`` set to the index of the original it repeats."""
    originals = _Originals()
    sentences: list[Sentence] = []
    for sent in doc.sentences:
        key = comparison_key(sent.text)
        first = None if sent.is_title or not key else originals.find(key)
        if first is None and not sent.is_title and key:
            originals.add(sent.index, key)
        sentences.append(replace(sent, repeat_of=first))
    return replace(doc, sentences=tuple(sentences))


def repeat_pairs(doc: Document) -> list[tuple[int, int]]:
    """Sorted 1-based raw line pairs ``(line of the first, line of the repeat)``."""
    by_index = {sent.index: sent for sent in doc.sentences}
    pairs = {
        (by_index[sent.repeat_of].line, sent.line)
        for sent in doc.sentences
        if sent.repeat_of is not None
    }
    return sorted(pairs)
