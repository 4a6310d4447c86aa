"""The languages sitrep reads: which one an article is written in, and each one's vocabulary.

English is read by the grammar modules of :mod:`sitrep.extract`; Ukrainian and Russian by
:mod:`sitrep.extract.cyrillic`.  Their words come from ``data/lang/<code>/vocabulary.json``
(see :class:`Vocabulary`), built into regexes by :mod:`sitrep.lang.patterns`.  The language is detected per article, never configured.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from sitrep.lang.patterns import Cue, alternation, compile_words, expand
from sitrep.model import LanguageCode

__all__ = [
    "LANGUAGES",
    "Cue",
    "LanguageCode",
    "Vocabulary",
    "cyrillic_abbreviations",
    "detect_language",
    "month_numbers",
    "month_pattern",
    "vocabulary",
    "word_key",
]

LANGUAGES: tuple[LanguageCode, ...] = ("en", "uk", "ru")

_CYRILLIC = re.compile(r"[а-яіїєґё]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)
_UKRAINIAN_ONLY = re.compile(r"[іїєґ]", re.I)
_RUSSIAN_ONLY = re.compile(r"[ыэъё]", re.I)
# Letters read to decide: a lead paragraph says it; a whole long page adds nothing.
_SAMPLE = 20_000


def detect_language(text: str) -> LanguageCode:
    """``"uk"``, ``"ru"`` or ``"en"``: Cyrillic letters outnumbering Latin ones make a text
    Ukrainian or Russian, decided by the letters only one of the two alphabets has
    (і ї є ґ against ы э ъ ё); anything else is read as English."""
    sample = text[:_SAMPLE]
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic <= len(_LATIN.findall(sample)):
        return "en"
    # і is among the commonest Ukrainian letters: a text with none of і ї є ґ is Russian
    return (
        "uk" if len(_UKRAINIAN_ONLY.findall(sample)) > len(_RUSSIAN_ONLY.findall(sample)) else "ru"
    )


_APOSTROPHES = str.maketrans({"'": None, "’": None, "ʼ": None, "`": None, "‘": None, "ё": "е"})


def word_key(word: str) -> str:
    """How vocabulary is matched: lower case, apostrophes dropped, ``ё`` read as ``е``."""
    return word.lower().translate(_APOSTROPHES)


@dataclass(frozen=True, slots=True, eq=False)  # one per language: hashed by identity
class Vocabulary:
    """One language's words, as its data file ``data/lang/<code>/vocabulary.json`` gives them.

    Lists named after stems (``killed``, ``injured``, ``events`` ...) match a word's
    beginning; lists of forms (``numbers``, ``one_person``, ``month_forms`` ...) whole words.
    """

    code: LanguageCode
    data: dict[str, Any]

    def words(self, name: str) -> tuple[str, ...]:
        return tuple(word_key(w) for w in self.data.get(name, ()))

    def table(self, name: str) -> dict[str, Any]:
        return {word_key(k): v for k, v in self.data.get(name, {}).items()}

    def rows(self, name: str) -> tuple[tuple[Any, ...], ...]:
        return tuple((word_key(row[0]), *row[1:]) for row in self.data.get(name, ()))

    def alternation(self, name: str) -> str:
        """The list ``name`` of the ``cues`` or ``phrases`` table as one regex group, its
        ``{name}``s from ``phrases``; for grammar that places it itself."""
        phrases: dict[str, list[str]] = self.data["phrases"]
        return alternation(self.data["cues"].get(name) or phrases[name], phrases)

    def word_regex(
        self, name: str, *, after: str = r"\b", flags: re.RegexFlag = re.IGNORECASE
    ) -> re.Pattern[str]:
        """The list ``name`` as one whole-word regex: ``\\b(?:one|two ...)\\b`` by default."""
        phrases: dict[str, list[str]] = self.data["phrases"]
        words = self.data["cues"].get(name) or phrases[name]
        return compile_words(words, phrases, after=after, flags=flags)

    def regex(self, name: str) -> re.Pattern[str]:
        """The list ``name`` of the ``patterns`` table as one case-insensitive regex: each
        alternative as written (its own word bounds), spaces and ``{name}`` read as in cues."""
        phrases: dict[str, list[str]] = self.data.get("phrases", {})
        alternatives = self.data["patterns"][name]
        return re.compile("|".join(f"(?:{expand(a, phrases)})" for a in alternatives), re.I)

    def cue(self, name: str, tail: str = "") -> Cue:
        """The gated whole-word cue ``name`` of the ``cues`` table, its alternatives as written
        (see :mod:`sitrep.lang.patterns`); ``tail`` is grammar the data cannot say, such as a
        lookahead for a capitalised name."""
        return Cue(r"\b" + self.alternation(name) + tail)


@cache
def _month_forms() -> tuple[tuple[str, ...], ...]:
    """Each month's forms, name first (``data/lang/en/months.txt``, line n is month n)."""
    text = resources.files("sitrep").joinpath("data/lang/en/months.txt").read_text("utf-8")
    lines = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    if len(lines) != 12:
        raise ValueError(f"data/lang/en/months.txt names {len(lines)} months, not 12")
    return tuple(tuple(forms) for forms in lines)


@cache
def month_numbers() -> dict[str, int]:
    """Every English month form, lower-cased, to its month: ``{"january": 1, "jan": 1, ...}``."""
    return {
        form.lower(): month for month, forms in enumerate(_month_forms(), start=1) for form in forms
    }


@cache
def month_pattern(abbreviations: bool = True) -> str:
    """A non-capturing alternation of the English months as written (``January``, ``Sept``),
    longest form first; with ``abbreviations=False`` the full names only.  Case is the
    caller's: compile with ``re.IGNORECASE`` to match ``MARCH`` or ``march``."""
    forms = [f for m in _month_forms() for f in (m if abbreviations else m[:1])]
    return "(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")"


@cache
def vocabulary(code: LanguageCode) -> Vocabulary:
    """The vocabulary of ``code`` from ``data/lang/<code>/vocabulary.json``."""
    path = resources.files("sitrep").joinpath(f"data/lang/{code}/vocabulary.json")
    return Vocabulary(code, json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def cyrillic_abbreviations() -> frozenset[str]:
    """Abbreviations of Ukrainian and Russian text that end in a full stop ("вул", "тис")."""
    return frozenset(
        word_key(w).rstrip(".")
        for code in ("uk", "ru")
        for w in vocabulary(code).words("abbreviations")
    )
