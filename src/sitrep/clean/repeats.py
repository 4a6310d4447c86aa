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


def _shingles(words: list[str]) -> list[Shingle]:
    size = _MIN_CONTAINED_WORDS
    return [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]


@dataclass
class _Originals:
    """The sentences seen so far that repeat nothing, indexed for fast look-up.

    Exact keys by dict, near ones by ``rapidfuzz.process.extractOne`` (in C),
    containment by word shingles, so a long article costs about linear time
    rather than a Python loop over every pair.
    """

    exact: dict[str, int] = field(default_factory=dict)
    near_keys: list[str] = field(default_factory=list)
    near_indexes: list[int] = field(default_factory=list)
    keys: dict[int, str] = field(default_factory=dict)
    shingles: dict[Shingle, list[int]] = field(default_factory=dict)
    heads: dict[Shingle, list[int]] = field(default_factory=dict)

    def add(self, index: int, key: str) -> None:
        words = key.split()
        self.exact.setdefault(key, index)
        self.keys[index] = key
        if len(words) >= _MIN_NEAR_WORDS:
            self.near_keys.append(key)
            self.near_indexes.append(index)
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
        near = process.extractOne(key, self.near_keys, scorer=fuzz.ratio, score_cutoff=_NEAR_RATIO)
        if near is not None:
            return self.near_indexes[near[2]]
        return self._containing(key, words)

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
