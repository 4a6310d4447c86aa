"""Remote violence: which weapon a sentence names, and the ACLED sub-type it implies.

``remote_cue`` picks the sentence's remote-violence cue for ``events.classify``;
``find_weapons`` lists every weapon named, for the report's weapon field.  Both take the
article's vocabulary, whose cues ``remote_words`` builds once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract._event_cues import EventCue, harmed
from sitrep.lang import Cue, Vocabulary

__all__ = ["Remote", "RemoteWords", "event_cue", "find_weapons", "remote_cue", "remote_words"]


@dataclass(frozen=True, slots=True)
class Remote:
    """The sentence's remote-violence cue; a decisive one (mine, IED, suicide bomb, gas) beats most rules."""

    cue: EventCue
    decisive: bool


# (cue, sub_event_type, weapon, decisive).  A decisive cue wins wherever it
# stands in the sentence; among the others the earliest cue naming a weapon
# wins, and the generic verbs (last row: "struck", "explosions") count only
# when no weapon is named.
_REMOTE: tuple[tuple[str, str, str | None, bool], ...] = (
    ("landmine", "remote_explosive_landmine_ied", "landmine", True),
    # a dud counts only when it goes off or hurts someone (see remote_cue)
    ("unexploded_ordnance", "remote_explosive_landmine_ied", "unexploded ordnance", True),
    ("ied", "remote_explosive_landmine_ied", "IED", True),
    ("suicide_bomb", "suicide_bomb", "suicide bomb", True),
    ("chemical_weapon", "chemical_weapon", "chemical weapon", True),
    ("guided_bomb", "air_drone_strike", "guided aerial bomb", False),
    ("air_strike", "air_drone_strike", "air strike", False),
    # "drone footage" shows an event; it is no drone strike
    ("drone", "air_drone_strike", "drone", False),
    ("cruise_missile", "shelling_artillery_missile_attack", "cruise missile", False),
    ("ballistic_missile", "shelling_artillery_missile_attack", "ballistic missile", False),
    # an anti-tank missile is direct fire in a clash, not a missile strike
    ("missile", "shelling_artillery_missile_attack", "missile", False),
    ("rocket", "shelling_artillery_missile_attack", "rocket", False),
    ("mortar", "shelling_artillery_missile_attack", "mortar", False),
    ("shelling", "shelling_artillery_missile_attack", None, False),
)


@dataclass(frozen=True, slots=True)
class RemoteWords:
    """The remote-violence cues of one language (its vocabulary's cues table)."""

    remote: tuple[tuple[Cue, str, str | None, bool], ...]  # _REMOTE with its cues
    went_off: Cue
    # a drone or aircraft dropping a munition: an air/drone strike, never an IED or a thrown grenade
    drop: Cue
    grenade: Cue
    weapons: tuple[tuple[Cue, str], ...]  # every cue naming a weapon, and the weapon


@functools.cache
def remote_words(vocab: Vocabulary) -> RemoteWords:
    """The remote-violence cues of ``vocab``, built once."""
    remote = tuple((vocab.cue(name), sub, weapon, d) for name, sub, weapon, d in _REMOTE)
    grenade = vocab.cue("grenade")
    named = [(cue, weapon) for cue, _, weapon, _ in remote if weapon]
    weapons = (*named, (grenade, "grenade"), (vocab.cue("artillery"), "artillery"))
    return RemoteWords(remote, vocab.cue("went_off"), vocab.cue("drop"), grenade, weapons)


def event_cue(event_type: str, sub: str, m: re.Match[str], weapon: str | None = None) -> EventCue:
    """The cue ``m`` found, typed ``event_type``/``sub``."""
    return EventCue(event_type, sub, m.start(), m.end(), weapon)


def remote_cue(text: str, vocab: Vocabulary) -> Remote | None:
    """The remote-violence cue: a decisive one if any, else the earliest naming a weapon, else a generic verb."""
    w = remote_words(vocab)
    dropped = w.drop.search(text)
    found = []
    for cue, sub, weapon, decisive in w.remote:
        m = cue.search(text)
        if m is None or (dropped and weapon == "IED"):
            continue
        if weapon == "unexploded ordnance" and not (harmed(text, vocab) or w.went_off.search(text)):
            continue
        if decisive:
            return Remote(event_cue("explosions_remote_violence", sub, m, weapon), True)
        found.append(event_cue("explosions_remote_violence", sub, m, weapon))
    named = [c for c in found if c.weapon]
    if named:
        return Remote(min(named, key=lambda c: c.start), False)
    if dropped:
        return Remote(
            event_cue("explosions_remote_violence", "air_drone_strike", dropped, "drone"), False
        )
    return Remote(found[0], False) if found else None


def find_weapons(text: str, vocab: Vocabulary) -> list[str]:
    """Every weapon the sentence names, in order of appearance, normalised."""
    w = remote_words(vocab)
    hits = []
    for cue, weapon in w.weapons:
        m = cue.search(text)
        if m:
            hits.append((m.start(), weapon))
    seen: list[str] = []
    for _, weapon in sorted(hits):
        if weapon not in seen and not (weapon == "missile" and "cruise missile" in seen):
            seen.append(weapon)
    return seen
