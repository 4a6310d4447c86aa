"""Tolls: "the death toll from Saturday's strike on Dnipro has risen to 46".

A toll names its count after a verb of change or a copula, and the phrase
between the head ("death toll", "the number of people killed") and that verb
can be long: a relative clause, a place, a date.  The head and its verb are
found within one clause of at most ``_REACH`` characters; a count in between
("the attack on a town of 40,000") is not the toll.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from sitrep.extract._numbers import find_counts
from sitrep.lang import vocabulary
from sitrep.model import Number

__all__ = ["Toll", "find_tolls"]


class Toll(NamedTuple):
    """``text[start:end]`` runs from the head ("death toll") to the count."""

    kind: Literal["killed", "injured"]
    number: Number
    start: int
    end: int


_EN = vocabulary("en")
_HEAD = re.compile(
    r"""\b(?:
        (?:death|dead)\s+toll
      | (?<=the\s)toll
      | (?:total\s+)?(?:number|count)\s+of\s+
        (?:(?:people|persons|those|civilians|residents)\s+)?
        (?:(?P<dead>dead|deaths|killed|fatalities)|(?P<hurt>injured|wounded|injuries))
    )\b""",
    re.I | re.VERBOSE,
)
# How far a toll's verb may sit from its head.  The longest in
# tests/golden/incident_notes_b.jsonl is 95 characters ("The death toll from
# the Russian missile that tore through ... on 29 March 2022 rose to"); 120
# leaves room for a longer place name without reaching into a second clause.
# 2024-09 Reuters: "The death toll from a Russian missile strike on a military institute in the
# east central Ukrainian town of Poltava on Tuesday rose to" is 120; 160 leaves room.
_REACH = 160
# A full stop ends the clause, except in a number or after an abbreviated month or title ("Sept. 3").
_CLAUSE_END = re.compile(
    r"[;!?]|(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))(?<!\bSept)(?<!\b(?:St|Mr|Ms|No|Dr))\.(?!\d)"
)
# A verb of change or a copula anywhere after the head: "rose on Monday to 15", "now stands at 14".
_VERB = re.compile(r"\b(?:(?:has|had|have)\s+)?" + _EN.alternation("toll_verb") + r"\b", re.I)
# Words that give the count right after the head: "a death toll of 14", "the toll hit 20".
_AT_HEAD = re.compile(
    r"\s*(?:(?:is|was|stands|stood|now|rose|climbed|reached|hit|hits)\s+)?(?:of|at|to|is|was|hit|hits)?\s*$",
    re.I,
)
# Between the verb and its count: nothing, or up to four words ending "to"/"at" ("rose on Monday to").
_TO_COUNT = re.compile(r"^\s*(?:(?:[\w'’-]+\s+){0,4}?(?:to|at)\s+)?$", re.I)
# "bringing the death toll from the strike to 14": the verb before the head, "to" after it.
_BRINGING = re.compile(
    r"\b(?:bring\w*|brought|rais\w+|push\w*|took|taking)\s+(?:the\s+|its\s+)?$", re.I
)
_TO = re.compile(r"\bto\b", re.I)
# "the toll stands at 178 civilians injured": the count's own cue says what it counts
_CUE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|died|injured|wounded|hurt)\b", re.I)


def find_tolls(text: str) -> list[Toll]:
    """Every toll stated in ``text``: "the number of injured reached 30" is an injured toll."""
    heads = list(_HEAD.finditer(text))
    found = []
    for k, head in enumerate(heads):
        limit = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        window = text[head.end() : min(limit, head.end() + _REACH)]
        end = _CLAUSE_END.search(window)
        window = window[: end.start()] if end else window
        count = _count(window, bool(_BRINGING.search(text, 0, head.start())))
        if count is not None and not _CUE_AFTER.match(window, count[1]):
            kind: Literal["killed", "injured"] = "injured" if head.group("hurt") else "killed"
            number, count_end = count
            found.append(Toll(kind, number, head.start(), head.end() + count_end))
    return found


def _count(window: str, bringing: bool) -> tuple[Number, int] | None:
    """The toll's count in the words after its head, and where it ends."""
    counts = find_counts(window)
    if not counts:
        return None
    first = counts[0]
    if _AT_HEAD.fullmatch(window[: first.start]):
        return first.number, first.end
    verbs = [m.end() for m in _VERB.finditer(window)]
    if bringing:
        verbs += [m.start() for m in _TO.finditer(window)]
    for verb in sorted(verbs):
        for c in counts:
            if c.start >= verb and _TO_COUNT.match(window[verb : c.start]):
                return c.number, c.end
    return None
