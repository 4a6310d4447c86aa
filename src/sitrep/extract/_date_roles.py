"""Event time and report time: which date of a sentence is the incident's.

Real coverage dates the same strike twice in one sentence: "The death toll
from Friday's strike on Dnipro rose to 57 on Sunday, the governor said" has
the event on Friday and the count as of Sunday.  A date is

* **event time** when it belongs to the attack ("Friday's strike", "the strike
  on the station on 8 April", "was hit on Saturday");
* **report time** when it belongs to the telling or the count ("said on
  Tuesday", "rose to 30 on Sunday", "as of Monday morning");
* **dateline** when it stands in the wire header ("KYIV, Jan 17 (Reuters) -");
* plain otherwise.

The incident takes the first event-time date, else the first plain one.  A
sentence that updates a toll ("the death toll rose to 45") and states only
report time has no event date of its own: the update dates the numbers,
never the incident, and the report is a follow-up (see ``is_update``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

from sitrep.extract.dates import DateMention
from sitrep.lang import month_pattern, vocabulary
from sitrep.model import PartialDate

__all__ = ["DateRoles", "date_roles", "dateline_end", "is_update", "refers_back"]

_EN = vocabulary("en")
_WEEKDAY = _EN.alternation("weekdays")  # "Monday" ... "Sunday"

# A wire header at the very start of a sentence: "KYIV, Ukraine (AP) —",
# "ZAPORIZHZHIA, June 3 (Reuters) -", "Kyiv, 12 March (AFP):", "Kiev:".
_DATELINE = re.compile(
    r"""\A\s*
    (?:
      (?P<caps>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2})      # KYIV, KRAMATORSK, NEW YORK
      |(?!"""
    + _WEEKDAY
    + r"""\b)
       (?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)(?=\s*[,(:])   # Kyiv (AFP), Kiev:
    )
    (?:\s*,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?                # , Ukraine
    (?:\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?  # , June 3
    \s*(?P<agency>\((?:[A-Z][\w.&/ -]{0,30})\))?                    # (AP), (Reuters)
    \s*(?P<sep>—|–|--|-|:)\s+
    """,
    re.VERBOSE,
)

_REPORT_BEFORE = re.compile(
    r"""\b(?:
      said|says|reported|reports|announced|wrote|posted|added|stated|confirmed|updated|released|published|issued|
      told\s+(?:\w+\s+){0,3}?|
      (?:has\s+|had\s+|have\s+|continued\s+to\s+|continues\s+to\s+)?(?:rose|risen|rises|rise|rising|climbed|climbs|increased|increases|grew|grown|
        jumped|reached|reaches|stood|stands|went\s+up)|
      as\s+of|
      continu(?:ed|ing|es)\s+(?:into|through|until)|
      (?:funerals?|burials?)\s+(?:began|begin|begins|were\s+held|was\s+held|took\s+place)|
      (?:were|was)\s+(?:buried|laid\s+to\s+rest)|mourned|mourning
    )\s+(?:[\w,'’():.-]+\s+){0,4}?(?:on|by|as\s+of|at|late\s+on|early\s+on|until|through)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A report-time date that is the day of the telling ("said on Saturday"), not of a count
# ("as of June 28", "rose to 8 on Sunday") or of work going on ("continued into Tuesday").
_SPOKEN = re.compile(r"\b" + _EN.alternation("spoken_verb") + r"\b(?:[^.;]{0,40})$", re.I)
_EVENT_NOUN = _EN.alternation("event_word")  # "strikes?", "shelling", "air strike", "struck"
_EVENT_AFTER = re.compile(rf"\A['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_EVENT_NOUN}\b", re.IGNORECASE)
_EVENT_BEFORE = re.compile(
    rf"\b{_EVENT_NOUN}\b[^.;:]{{0,70}}?\b(?:on|in\s+the\s+early\s+hours\s+of|early\s+on|late\s+on|overnight\s+on)?\s*$",
    re.IGNORECASE,
)
_SAID_BETWEEN = _EN.word_regex("said_or_rose")

# A sentence that revises a toll: a toll head and a verb of change, or "rose to 30".
_UPDATE = re.compile(
    r"""\b(?:death\s+toll|toll|number\s+of\s+(?:[\w-]+\s+){0,2}?(?:dead|deaths|killed|injured|wounded|victims|casualties))
        \b[^.;]{0,160}?\b(?:rose|risen|rises|rise|rising|climbed|climbs|increased|increases|grew|grown|jumped|reached|mounted|mounts|went\s+up|gone\s+up)\b
      |\b(?:rose|risen|climbed|increased)\s+to\s+(?:at\s+least\s+)?\d""",
    re.IGNORECASE | re.VERBOSE,
)


# "the strike", "Saturday's attack", "this tragedy": an attack the reader already knows of.
_DEFINITE_ATTACK = re.compile(
    r"""\b(?:the|this|that|(?:last\s+)?\w+day['’]s|(?:the\s+)?weekend['’]s|yesterday['’]s|last\s+night['’]s)\s+
        (?:[\w-]+\s+){0,4}?(?:strikes?|attacks?|airstrikes?|bombing|bombardment|barrage|assault|raids?|onslaught|shelling|explosions?|blasts?|tragedy|massacre)\b""",
    re.IGNORECASE | re.VERBOSE,
)


@functools.lru_cache(maxsize=4096)
def refers_back(text: str) -> bool:
    """Whether ``text`` speaks of an attack as already known ("the strike", "Saturday's attack")."""
    return bool(_DEFINITE_ATTACK.search(text))


class DateRoles(NamedTuple):
    """The sentence's event date (or ``None``) and the date its numbers are as of (or ``None``)."""

    event: DateMention | None
    as_of: DateMention | None


def dateline_end(text: str) -> int:
    """Where a wire dateline at the start of ``text`` ends (0 when there is none).

    A bare capitalised word before a dash or colon ("Update:", "Kiev:") is a
    dateline only when an agency or an all-caps name marks it, or it is
    followed by a colon and the sentence goes on (the "Kiev:" style).
    """
    m = _DATELINE.match(text)
    if m is None:
        return 0
    if m.group("caps") or m.group("agency") or m.group("sep") == ":":
        return m.end()
    return 0


def is_update(text: str) -> bool:
    """Whether ``text`` revises a toll ("the death toll ... rose to 45")."""
    return bool(_UPDATE.search(text))


# "On November 23, it became known that the toll had risen": the day of the telling.
_KNOWN_AFTER = re.compile(
    r"\A,?\s+it\s+(?:became|was\s+made)\s+known\b|\A,?\s+it\s+(?:was\s+)?(?:emerged|reported|announced|confirmed)\b",
    re.IGNORECASE,
)


# "April 14, 15 and 16 have been declared days of mourning": days after the attack, not of it.
_MOURNING_AFTER = re.compile(
    r"""\A(?:\s*(?:,|(?:and|respectively|\d{1,2}(?:st|nd|rd|th)?|"""
    + _WEEKDAY
    + "|"
    + month_pattern(abbreviations=False)
    + r""")\b))*,?\s*(?:has|have|was|were|is|are|will\s+be)\s+(?:been\s+)?
        (?:declared|announced|proclaimed|designated)?\s*(?:as\s+)?(?:an?\s+|the\s+)?
        (?:days?|period)\s+of\s+(?:[\w-]+\s+)?mourning""",
    re.IGNORECASE | re.VERBOSE,
)


def _role(text: str, d: DateMention) -> str:
    before = text[max(0, d.start - 90) : d.start]
    after = text[d.end : d.end + 90]  # \A anchors at a slice's start, not at match()'s pos
    if _KNOWN_AFTER.match(after) or _MOURNING_AFTER.match(text[d.end : d.end + 200]):
        return "report"
    if _EVENT_AFTER.match(after):
        return "event"
    if _REPORT_BEFORE.search(before[-50:]):
        return "report"
    near = _EVENT_BEFORE.search(before)
    if near is not None and not _SAID_BETWEEN.search(near.group(0)):
        return "event"
    return "plain"


# "on Wednesday, a day after Russian artillery hit the market": the day told is the telling's,
# the attack that many days before it.
_DAYS_AFTER = re.compile(
    rf"\A,?\s+(?:just\s+|only\s+)?(?P<n>a|one|two|three|four|five|\d)\s+days?\s+after\b[^.;]{{0,60}}?\b{_EVENT_NOUN}\b",
    re.I,
)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _days_before(text: str, d: DateMention) -> DateMention | None:
    """The attack's day when ``d`` is followed by "a day after ..." (``d`` minus the days)."""
    m = _DAYS_AFTER.match(text[d.end : d.end + 110])
    day = d.date.to_date() if m else None
    if m is None or day is None:
        return None
    n = _SMALL.get(m["n"].lower()) or int(m["n"])
    return DateMention(
        d.start, d.end, PartialDate.from_date(day - dt.timedelta(days=n)), d.relative, d.night
    )


def date_roles(text: str, dates: list[DateMention]) -> DateRoles:
    """The event date and the as-of date among ``dates`` (mentions in ``text``)."""
    start = dateline_end(text)
    for d in dates:
        earlier = _days_before(text, d)
        if earlier is not None:
            return DateRoles(earlier, d)
    roles = [(d, "dateline" if d.start < start else _role(text, d)) for d in dates]
    event = next((d for d, r in roles if r == "event"), None)
    event = event or next((d for d, r in roles if r == "plain"), None)
    as_of = next((d for d, r in roles if r == "report"), None)
    if (
        event is None
        and not is_update(text)
        and not (as_of and not _SPOKEN.search(text[max(0, as_of.start - 50) : as_of.start]))
    ):
        # "Russian missiles hit Dnipro, the governor said on Saturday": told the day it happened
        # (not "rescue work continued into Tuesday"); a dateline's date is the filing day, the
        # event's when nothing else dates it
        event = as_of or next((d for d, r in roles if r == "dateline"), None)
    return DateRoles(event, as_of)
