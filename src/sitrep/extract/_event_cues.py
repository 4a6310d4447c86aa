"""Cue machinery for event typing: gated patterns, who acted, whether people were harmed.

``events.classify`` decides the ACLED type; this module answers the small
questions it asks of a sentence: which side is the subject of a verb (``side_of``), did
anyone die or get hurt (``harmed``), and is a cue only background (``in_background``).
Each takes the article's vocabulary (``sitrep.lang.vocabulary(doc.language)``), whose words
it compiles once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from sitrep.lang import Vocabulary

Side = Literal["russia", "ukraine"]

__all__ = [
    "EventCue",
    "Side",
    "compiled",
    "government_of",
    "harmed",
    "in_background",
    "side_of",
]


@dataclass(frozen=True, slots=True)
class EventCue:
    """The event a sentence describes, and the cue that said so."""

    event_type: str
    sub_event_type: str
    start: int
    end: int
    weapon: str | None


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` as a case-insensitive whole-word regex."""
    # whole words only: "firefighter" is no "firefight", "bombardment" no "bomb"
    return re.compile(f"(?:{pattern})(?![\\w-])", re.IGNORECASE)


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _first_side(segment: str, vocab: Vocabulary) -> Side | None:
    w = _words(vocab)
    m = w.sides.search(segment)
    if m is None:
        return None
    return "russia" if m.group("russia") else "ukraine"


def side_of(text: str, start: int, end: int, vocab: Vocabulary) -> Side | None:
    """The side doing the verb at ``text[start:end]``: the agent of a passive, else its subject.

    The subject is the first side named in the nearest stretch before the
    verb that names one, the stretches being cut at commas and conjunctions, at reporting verbs
    ("Ukraine said Russian forces captured ...") and at semicolons.  A passive
    without an agent has no known doer.
    """
    w = _words(vocab)
    agent = re.match(r"\s+by\s+(?:the\s+)?", text[end:], re.IGNORECASE)
    if agent:
        side = _first_side(text[end + agent.end() : end + agent.end() + 60], vocab)
        if side:
            return side
    if _PASSIVE.search(text[:start]):
        return None  # "two Russian soldiers were detained": the side named is the patient
    clause = text[:start].rsplit(";", 1)[-1]
    cuts = {m.end() for m in w.cut.finditer(clause)}
    reports = {m.end() for m in w.reporting.finditer(clause)}
    for cut in sorted(cuts | reports | {0}, reverse=True):
        side = _first_side(clause[cut:], vocab)
        if side:
            return side
    return None


def government_of(text: str, vocab: Vocabulary) -> Side:
    """Whose government holds the ground: Russia's in its border regions (Kursk 2024), else Ukraine's."""
    w = _words(vocab)
    if w.border_region.search(text) and not w.ua_neighbour.search(text):
        return "russia"
    return "ukraine"


# "casualties are being clarified" states no harm either
_CLAUSE_BREAK = re.compile(
    r"[,;.:()]|\s(?:but|and|while|although|though)\s|\s[–—-]\s", re.IGNORECASE
)


def harmed(text: str, vocab: Vocabulary) -> bool:
    """Someone was killed or injured: a harm word in a clause with no negation ("no one was hurt")."""
    w = _words(vocab)
    return any(
        w.harm.search(clause) and not w.negation.search(clause)
        for clause in _CLAUSE_BREAK.split(text)
    )


def in_background(text: str, start: int, vocab: Vocabulary) -> bool:
    """The cue at ``start`` sits in a setting phrase ("after weeks of shelling, ...")."""
    w = _words(vocab)
    return bool(w.background.search(text[:start]))


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of side, harm and setting in one language (its vocabulary's phrases)."""

    # a side named as the doer.  Russian alternatives come first and swallow the noun they
    # qualify, so "Russian-installed police" is one Russian mention, not a Russian adjective
    # followed by (Ukrainian) police.
    sides: re.Pattern[str]
    # where one subject's clause ends: "Ukrainian troops withdrew and Russian forces took control"
    cut: re.Pattern[str]
    reporting: re.Pattern[str]
    border_region: re.Pattern[str]
    ua_neighbour: re.Pattern[str]
    harm: re.Pattern[str]
    # "casualties are being clarified" states no harm either
    negation: re.Pattern[str]
    background: re.Pattern[str]


@functools.cache
def _words(vocab: Vocabulary) -> _Words:
    doers = [
        rf"(?P<{side}>\b{vocab.alternation(side + '_doer')}\b)" for side in ("russia", "ukraine")
    ]
    return _Words(
        sides=re.compile("|".join(doers), re.IGNORECASE),
        cut=re.compile(r",|\b" + vocab.alternation("clause_cut") + r"\b", re.IGNORECASE),
        reporting=vocab.word_regex("reporting"),
        border_region=vocab.word_regex("russian_border_regions"),
        ua_neighbour=vocab.word_regex("ukrainian_border_oblasts"),
        harm=vocab.word_regex("harm"),
        negation=re.compile(r"\b" + vocab.alternation("no_harm") + r"\b|n['’]t\b", re.IGNORECASE),
        background=re.compile(
            r"\b" + vocab.alternation("setting") + r"\b[^,;.]{0,40}$", re.IGNORECASE
        ),
    )
