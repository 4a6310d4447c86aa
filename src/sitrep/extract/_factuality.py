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
import functools
import re
from dataclasses import dataclass

from sitrep.lang import Vocabulary
from sitrep.model import PartialDate

__all__ = ["BACKGROUND_DAYS", "is_background_date", "no_new_event"]

# An event dated this many days or more before the article is background
# ("the strike on the station in April"), not the article's news.  Wire
# follow-ups of one strike run up to about a week; features and anniversaries
# come later.  Set by hand from that; 7-30 would all separate the two.
BACKGROUND_DAYS = 14


def _hurt_or_hit(text: str, vocab: Vocabulary) -> bool:
    w = _words(vocab)
    return bool(w.harm.search(text))


def no_new_event(text: str, vocab: Vocabulary, recent: bool = False) -> str | None:
    """Why ``text`` reports no new event ("alert", "modal", "court", ...), or ``None`` if it may.

    ``recent``: the sentence dates something within ``BACKGROUND_DAYS`` of
    publication ("regularly shelled Kharkiv was hit on Monday"): a habit or a
    look back in the same sentence does not then make it background.
    """
    # a hit or a death only spoken of as possible ("would hit", "could be struck") is no harm
    w = _words(vocab)
    harm = _hurt_or_hit(w.modal.sub(" ", text), vocab)
    if w.not_war.search(text) and not w.weapon.search(text):
        return "not war"
    if w.factcheck.search(text):
        return "fact-check"
    if w.court.search(text):
        return "court"
    if w.remembrance.search(text):
        return "remembrance"
    if w.reminder.search(text) or (not recent and w.past_reference.search(text)):
        return "past"
    if not recent and w.habitual.search(text):
        return "habitual"
    if w.denial.search(text):
        return "denial"
    if not harm:
        for reason, pattern in (
            ("alert", w.alert),
            ("modal", w.modal),
            ("diplomacy", w.diplomacy),
            ("analysis", w.analysis),
        ):
            if pattern.search(text):
                return reason
        if w.not_combat.search(text) or (
            (w.sport.search(text) or w.culture.search(text))
            and re.search(r"\b(?:clash|battle)", text, re.I)
        ):
            return "not combat"
    elif w.modal.search(text) and not re.search(r"\b(?:was|were|has|have|had)\b", text):
        return "modal"
    return None


def is_background_date(date: PartialDate | None, published: dt.date | None) -> bool:
    """An event date ``BACKGROUND_DAYS`` or more before publication: background, not news."""
    if date is None or published is None:
        return False
    day = date.to_date()
    return day is not None and (published - day).days >= BACKGROUND_DAYS


@dataclass(frozen=True, slots=True)
class _Words:
    """The patterns that tell a sentence reports no new event, in one language (its
    vocabulary's patterns table), built once."""

    # something was hit or someone hurt: the sentence reports a strike, whatever else it says
    harm: re.Pattern[str]
    # an air-raid alert, a siren, drones spotted: told with no hit or harm, the warning itself
    alert: re.Pattern[str]
    # "Russia could strike again", "warned that Moscow would", "plans to launch"; a passive
    # possibility ("may be targeted"), a risk or an expectation ("expected more glide-bomb
    # attacks"), and what could befall ("without being seen and struck"), not what did
    modal: re.Pattern[str]
    factcheck: re.Pattern[str]
    court: re.Pattern[str]
    diplomacy: re.Pattern[str]
    # a habit or a running count, not one event: "is regularly shelled", "1,200 times since";
    # a backdrop ("Russia's endless rockets and bombs"), the war's toll ("the campaign that has
    # claimed thousands of lives")
    habitual: re.Pattern[str]
    # "two years ago", "last summer", "as previously reported"; "Two years after the Olenivka
    # prison explosion, ..." opening a sentence (inside one, "a year after an attack there"
    # tells a new strike)
    past_reference: re.Pattern[str]
    # an outlet's look back at what it reported before ("We will remind that on April 7 ...",
    # "As a reminder, ..."): background even when it happened the day before
    reminder: re.Pattern[str]
    remembrance: re.Pattern[str]
    # not the war's violence: a road accident, a visit to the wounded, a contest named a battle
    not_war: re.Pattern[str]
    weapon: re.Pattern[str]
    # an assessment of the war, not a report of an event (when it tells no hit or harm)
    analysis: re.Pattern[str]
    culture: re.Pattern[str]
    denial: re.Pattern[str]
    sport: re.Pattern[str]
    not_combat: re.Pattern[str]


@functools.cache
def _words(vocab: Vocabulary) -> _Words:
    return _Words(
        harm=vocab.regex("hit_or_harm"),
        alert=vocab.regex("alert"),
        modal=vocab.regex("modal"),
        factcheck=vocab.regex("factcheck"),
        court=vocab.regex("court"),
        diplomacy=vocab.regex("diplomacy"),
        habitual=vocab.regex("habitual"),
        past_reference=vocab.regex("past_reference"),
        reminder=vocab.regex("reminder"),
        remembrance=vocab.regex("remembrance"),
        not_war=vocab.regex("not_war"),
        weapon=vocab.regex("weapon_word"),
        analysis=vocab.regex("analysis"),
        culture=vocab.regex("culture"),
        denial=vocab.regex("denial"),
        sport=vocab.regex("sport"),
        not_combat=vocab.regex("not_combat"),
    )
