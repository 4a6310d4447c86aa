"""Cue machinery for event typing: gated patterns, who acted, whether people were harmed.

``events.classify`` decides the ACLED type; this module answers the small
questions it asks of a sentence: does a cue occur (``Cue``), which side is
the subject of a verb (``side_of``), did anyone die or get hurt
(``harmed``), and is a cue only background (``in_background``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from sitrep.lang import vocabulary

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


# A side named as the doer.  Russian alternatives come first and swallow the
# noun they qualify, so "Russian-installed police" is one Russian mention,
# not a Russian adjective followed by (Ukrainian) police.
_EN = vocabulary("en")
_RU = r"\b" + _EN.alternation("russia_doer") + r"\b"
_UA = r"\b" + _EN.alternation("ukraine_doer") + r"\b"
_SIDES = re.compile(rf"(?P<russia>{_RU})|(?P<ukraine>{_UA})", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# where one subject's clause ends: "Ukrainian troops withdrew and Russian forces took control"
_CUT = re.compile(r",|\b" + _EN.alternation("clause_cut") + r"\b", re.IGNORECASE)
_REPORTING = _EN.word_regex("reporting")


def _first_side(segment: str) -> Side | None:
    m = _SIDES.search(segment)
    if m is None:
        return None
    return "russia" if m.group("russia") else "ukraine"


def side_of(text: str, start: int, end: int) -> Side | None:
    """The side doing the verb at ``text[start:end]``: the agent of a passive, else its subject.

    The subject is the first side named in the nearest stretch before the
    verb that names one, the stretches being cut at commas and conjunctions, at reporting verbs
    ("Ukraine said Russian forces captured ...") and at semicolons.  A passive
    without an agent has no known doer.
    """
    agent = re.match(r"\s+by\s+(?:the\s+)?", text[end:], re.IGNORECASE)
    if agent:
        side = _first_side(text[end + agent.end() : end + agent.end() + 60])
        if side:
            return side
    if _PASSIVE.search(text[:start]):
        return None  # "two Russian soldiers were detained": the side named is the patient
    clause = text[:start].rsplit(";", 1)[-1]
    cuts = {m.end() for m in _CUT.finditer(clause)}
    reports = {m.end() for m in _REPORTING.finditer(clause)}
    for cut in sorted(cuts | reports | {0}, reverse=True):
        side = _first_side(clause[cut:])
        if side:
            return side
    return None


_BORDER_REGION = _EN.word_regex("russian_border_regions")
_UA_NEIGHBOUR = _EN.word_regex("ukrainian_border_oblasts")


def government_of(text: str) -> Side:
    """Whose government holds the ground: Russia's in its border regions (Kursk 2024), else Ukraine's."""
    if _BORDER_REGION.search(text) and not _UA_NEIGHBOUR.search(text):
        return "russia"
    return "ukraine"


_HARM = _EN.word_regex("harm")
# "casualties are being clarified" states no harm either
_NEGATION = re.compile(r"\b" + _EN.alternation("no_harm") + r"\b|n['’]t\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[,;.:()]|\s(?:but|and|while|although|though)\s|\s[–—-]\s", re.IGNORECASE
)


def harmed(text: str) -> bool:
    """Someone was killed or injured: a harm word in a clause with no negation ("no one was hurt")."""
    return any(
        _HARM.search(clause) and not _NEGATION.search(clause)
        for clause in _CLAUSE_BREAK.split(text)
    )


_BACKGROUND = re.compile(r"\b" + _EN.alternation("setting") + r"\b[^,;.]{0,40}$", re.IGNORECASE)


def in_background(text: str, start: int) -> bool:
    """The cue at ``start`` sits in a setting phrase ("after weeks of shelling, ...")."""
    return bool(_BACKGROUND.search(text[:start]))
