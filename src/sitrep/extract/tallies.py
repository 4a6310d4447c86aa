"""Is a stated count a cumulative tally (a figure) rather than one incident's toll?

"More than 2,000 civilians have died in a week of war" is a tally;
"at least 25 people died ... as Russian forces stepped up their bombardment
on Wednesday" is an incident.  Cues: a period ("since ...", "in a week of
war", "so far"), a toll, a present or past perfect with a large count, or
military losses.
"""

from __future__ import annotations

import bisect
import functools
import re

from sitrep.extract._casualties import CasualtyMention
from sitrep.lang import Vocabulary

__all__ = ["is_tally", "ranks_an_attack"]

_TOLL = re.compile(r"\btoll\b", re.I)
# "the death toll from the missile strike on the theatre": one incident's toll, however large
_ONE_STRIKE = re.compile(
    r"""\btoll\s+
    (?:[^.;]{0,60}?\b(?:as\s+a\s+result\s+of|after|following|in)|from|of|in)\s+
    (?:the|a|an|this|that|[\w-]+['’]s?)\s+(?:[\w'’-]+\s+){0,4}?
    (?:strike|attack|missile|bombing|explosion|blast|airstrike|air\s+strike)\b""",
    re.I | re.VERBOSE,
)
_PERFECT = re.compile(
    r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+)?(?:killed|died|injured|wounded)\b", re.I
)
_ATTACK = re.compile(
    r"\b(?:strike|struck|shell|attack|missile|bomb|drone|rocket|explosion|hit)\w*", re.I
)
_ENGAGEMENT = re.compile(
    r"\b(?:clash|battle|assault|attack|strike|struck|ambush|fight|offensive|shell|repel|storm|raid)\w*",
    re.I,
)
# A soldiers' count of 50 or more in a clause that names no engagement is a
# side's running loss claim ("Ukraine says 500 Russian soldiers died"); one
# that names a clash or an assault is that engagement's toll, up to 1,000.
# 50 is the earlier rule's threshold; 1,000 is a judgment, not swept: the
# largest single-engagement soldiers' toll in the seeds and in
# tests/golden/incident_notes.jsonl is 30, and general staff daily claims run above 1,000.
_SOLDIERS_TALLY = 50
_SOLDIERS_ALWAYS_TALLY = 1000


@functools.cache
def _period(vocab: Vocabulary) -> re.Pattern[str]:
    """The phrases that make a count run over a period ("since the start of the war", "so far")."""
    return vocab.word_regex("tally_period")


def is_tally(text: str, mention: CasualtyMention, vocab: Vocabulary, before: str = "") -> bool:
    """Whether ``mention`` in sentence ``text`` is a running total, not one incident's toll.

    ``before`` is the sentence before it: a soldiers' count that follows the clash it
    counts ("... clashed in Bilohorivka. About 80 soldiers were killed.") is that clash's.
    """
    value = mention.number.value or mention.number.low or 0
    if mention.victims == "soldiers" and value >= _SOLDIERS_TALLY:
        engagement = _ENGAGEMENT.search(_clause(text, mention.start)) or (
            _ENGAGEMENT.search(before) and not _period(vocab).search(before)
        )
        if value >= _SOLDIERS_ALWAYS_TALLY or not engagement:
            return True
    habit, period, toll = _sentence_cues(text, vocab)
    if habit:
        return (
            False  # "strikes routinely kill a dozen": no count of anything, neither toll nor tally
        )
    if period is not None and not (_BARE_SO_FAR.fullmatch(period) and value < _SO_FAR_TALLY):
        return True
    if toll and value >= 100:
        return True
    perfect, attack = _clause_cues(_clause(text, mention.start))
    if perfect and mention.number.value is not None and value >= _PERFECT_ALWAYS_TALLY:
        return True  # "Russian attacks have killed or wounded more than 25,000 civilians"
    return perfect and value >= _PERFECT_TALLY and not attack


# Cached like _sentence_cues: a clause of 4,000 counts was read 4,000 times (65 s, bench/fuzz.py).
@functools.lru_cache(maxsize=1024)
def _clause_cues(clause: str) -> tuple[bool, bool]:
    """Whether the clause speaks in the perfect tense ("have killed"), and of attacks."""
    return bool(_PERFECT.search(clause)), bool(_ATTACK.search(clause))


@functools.lru_cache(maxsize=1024)
def _sentence_cues(text: str, vocab: Vocabulary) -> tuple[bool, str | None, bool]:
    """What the whole sentence says, asked once however many counts it holds: a habit, the
    period a count runs over, a toll that is not one strike's."""
    period = _period(vocab).search(text)
    toll = bool(_TOLL.search(text)) and not _ONE_STRIKE.search(text)
    return bool(_HABIT.search(text)), period.group() if period else None, toll


def ranks_an_attack(text: str) -> bool:
    """ "One of the deadliest since the start of the war": the period ranks one attack, so its
    count is no running total for the ledger (whether it is the article's incident is left to
    the incident rules, which keep it out: read as a toll it split real strikes, measured)."""
    return bool(_COMPARISON.search(text))


_COMPARISON = re.compile(
    r"""\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest
      |most\s+(?:deadly|lethal|devastating|massive))\b[^.;]{0,80}""",
    re.I | re.VERBOSE,
)
_HABIT = re.compile(
    r"\b(?:routinely|regularly|typically|usually|often)\s+(?:kill|injure|wound|claim)\w*", re.I
)
# A bare "so far" ("So far, 49 people have been killed and 219 injured") runs one attack's toll
# in an article about it; a war's running totals run to thousands.  500 is a judgment: the
# largest single-strike injured count in the real coverage set is 297 (Poltava, 2024).
_BARE_SO_FAR = re.compile(r"so\s+far", re.I)
_SO_FAR_TALLY = 500
# "297 people have been injured" in a report of one strike; the earlier threshold was 100,
# below the injured of the largest strikes (Poltava 2024, Kramatorsk 2022).
_PERFECT_TALLY = 500
# Above this a perfect-tense count is the war's even where the clause names attacks
# ("Russian attacks have killed ... 25,000 civilians"): no single strike of this war
# has approached it (the deadliest, Mariupol's theatre, is estimated at several hundred).
_PERFECT_ALWAYS_TALLY = 2000


def _clause(text: str, pos: int) -> str:
    """The clause around ``pos``: between ``;``, ``, but``, ``, where`` boundaries."""
    bounds = _clause_bounds(text)
    at = bisect.bisect_right(bounds, pos) - 1
    if 0 <= at < len(bounds) - 1 and bounds[at] < bounds[at + 1]:
        return text[bounds[at] : bounds[at + 1]]
    return text


@functools.lru_cache(maxsize=64)
def _clause_bounds(text: str) -> tuple[int, ...]:
    """Where the clauses of ``text`` begin, then its end (found once per sentence)."""
    found = [m.end() for m in re.finditer(r";|,\s+(?:but|where|while|and\s+the)\b", text)]
    return (0, *found, len(text))
