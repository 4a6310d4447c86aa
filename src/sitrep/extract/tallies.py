"""Is a stated count a cumulative tally (a figure) rather than one incident's toll?

"More than 2,000 civilians have died in a week of war" is a tally;
"at least 25 people died ... as Russian forces stepped up their bombardment
on Wednesday" is an incident.  Cues: a period ("since ...", "in a week of
war", "so far"), a toll, a present or past perfect with a large count, or
military losses.
"""

from __future__ import annotations

import re

from sitrep.extract._casualties import CasualtyMention

__all__ = ["is_tally"]

_PERIOD = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|invasion|war|conflict)|Russia|February\s+24|24\s+February|the\s+full-scale|it\s+began)|"
    r"in\s+(?:a|the\s+first|two|three|\w+)\s+weeks?\s+of\s+(?:the\s+)?(?:war|invasion|fighting)|"
    r"during\s+the\s+(?:first|second|\w+)\s+(?:week|month|day)s?\s+of|so\s+far|to\s+date|in\s+total|overall|"
    r"by\s+the\s+previous\s+(?:evening|day|night)|since\s+the\s+conflict|of\s+the\s+war|"
    r"confirmed\s+military\s+casualties|military\s+casualties)\b",
    re.I,
)
_PERFECT = re.compile(r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+)?(?:killed|died|injured|wounded)\b", re.I)
_ATTACK = re.compile(r"\b(?:strike|struck|shell|attack|missile|bomb|drone|rocket|explosion|hit)\w*", re.I)


def is_tally(text: str, mention: CasualtyMention) -> bool:
    """Whether ``mention`` in sentence ``text`` is a running total, not one incident's toll."""
    value = mention.number.value or mention.number.low or 0
    if mention.victims == "soldiers" and value >= 50:
        return True
    if _PERIOD.search(text):
        return True
    if re.search(r"\btoll\b", text, re.I) and value >= 100:
        return True
    clause = _clause(text, mention.start)
    return bool(_PERFECT.search(clause) and value >= 100 and not _ATTACK.search(clause))


def _clause(text: str, pos: int) -> str:
    """The clause around ``pos``: between ``;``, ``, but``, ``, where`` boundaries."""
    bounds = [0] + [m.end() for m in re.finditer(r";|,\s+(?:but|where|while|and\s+the)\b", text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= pos < b:
            return text[a:b]
    return text
