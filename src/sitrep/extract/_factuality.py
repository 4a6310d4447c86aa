"""Did it happen, and is it news?  Sentences that report no new event.

Real coverage is full of sentences that name weapons, places and even tolls
without reporting a new attack: an air-raid alert, a warning that Russia
"could" strike, a court sentence for a shelling last year, an aid package of
Patriot missiles, talks, a fact-check of a fake video, a UN count since
2022, "the city is regularly shelled", an anniversary.  ``no_new_event``
names the reason such a sentence makes no report, or returns ``None``.

Each test is a cue for the kind of statement and, where a real strike is
often told in the same words, a guard that the sentence does report harm or
a hit ("sirens sounded before two missiles struck" is a strike).
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.lang import vocabulary
from sitrep.model import PartialDate

__all__ = ["BACKGROUND_DAYS", "is_background_date", "no_new_event"]

# An event dated this many days or more before the article is background
# ("the strike on the station in April"), not the article's news.  Wire
# follow-ups of one strike run up to about a week; features and anniversaries
# come later.  Set by hand from that; 7-30 would all separate the two.
BACKGROUND_DAYS = 14


_EN = vocabulary("en")

# Something was hit or someone hurt: the sentence reports a strike, whatever else it says.
_HARM = _EN.regex("hit_or_harm")
# An air-raid alert, a siren, drones spotted: told with no hit or harm, the warning itself.
_ALERT = _EN.regex("alert")
# "Russia could strike again", "warned that Moscow would", "plans to launch"; a passive
# possibility ("may be targeted"), a risk or an expectation ("expected more glide-bomb
# attacks"), and what could befall ("without being seen and struck"), not what did.
_MODAL = _EN.regex("modal")
_FACTCHECK = _EN.regex("factcheck")
_COURT = _EN.regex("court")
_DIPLOMACY = _EN.regex("diplomacy")
# A habit or a running count, not one event: "is regularly shelled", "1,200 times since"; a
# backdrop ("Russia's endless rockets and bombs"), the war's toll ("the campaign that has
# claimed thousands of lives").
_HABITUAL = _EN.regex("habitual")
# "two years ago", "last summer", "as previously reported"; "Two years after the Olenivka
# prison explosion, ..." opening a sentence (inside one, "a year after an attack there" tells
# a new strike).
_PAST_REFERENCE = _EN.regex("past_reference")
# An outlet's look back at what it reported before ("We will remind that on April 7 ...",
# "As a reminder, ..."): background even when it happened the day before.
_REMINDER = _EN.regex("reminder")
_REMEMBRANCE = _EN.regex("remembrance")
# Not the war's violence: a road accident, a visit to the wounded, a contest named a battle.
_NOT_WAR = _EN.regex("not_war")
_WEAPON = _EN.regex("weapon_word")
# An assessment of the war, not a report of an event (when it tells no hit or harm).
_ANALYSIS = _EN.regex("analysis")
_CULTURE = _EN.regex("culture")
_DENIAL = _EN.regex("denial")
_SPORT = _EN.regex("sport")
_NOT_COMBAT = _EN.regex("not_combat")


def _hurt_or_hit(text: str) -> bool:
    return bool(_HARM.search(text))


def no_new_event(text: str, recent: bool = False) -> str | None:
    """Why ``text`` reports no new event ("alert", "modal", "court", ...), or ``None`` if it may.

    ``recent``: the sentence dates something within ``BACKGROUND_DAYS`` of
    publication ("regularly shelled Kharkiv was hit on Monday"): a habit or a
    look back in the same sentence does not then make it background.
    """
    # a hit or a death only spoken of as possible ("would hit", "could be struck") is no harm
    harm = _hurt_or_hit(_MODAL.sub(" ", text))
    if _NOT_WAR.search(text) and not _WEAPON.search(text):
        return "not war"
    if _FACTCHECK.search(text):
        return "fact-check"
    if _COURT.search(text):
        return "court"
    if _REMEMBRANCE.search(text):
        return "remembrance"
    if _REMINDER.search(text) or (not recent and _PAST_REFERENCE.search(text)):
        return "past"
    if not recent and _HABITUAL.search(text):
        return "habitual"
    if _DENIAL.search(text):
        return "denial"
    if not harm:
        for reason, pattern in (
            ("alert", _ALERT),
            ("modal", _MODAL),
            ("diplomacy", _DIPLOMACY),
            ("analysis", _ANALYSIS),
        ):
            if pattern.search(text):
                return reason
        if _NOT_COMBAT.search(text) or (
            (_SPORT.search(text) or _CULTURE.search(text))
            and re.search(r"\b(?:clash|battle)", text, re.I)
        ):
            return "not combat"
    elif _MODAL.search(text) and not re.search(r"\b(?:was|were|has|have|had)\b", text):
        return "modal"
    return None


def is_background_date(date: PartialDate | None, published: dt.date | None) -> bool:
    """An event date ``BACKGROUND_DAYS`` or more before publication: background, not news."""
    if date is None or published is None:
        return False
    day = date.to_date()
    return day is not None and (published - day).days >= BACKGROUND_DAYS
