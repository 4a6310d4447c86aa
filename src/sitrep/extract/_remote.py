"""Remote violence: which weapon a sentence names, and the ACLED sub-type it implies.

``remote_cue`` picks the sentence's remote-violence cue for ``events.classify``;
``find_weapons`` lists every weapon named, for the report's weapon field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract._event_cues import EventCue, harmed
from sitrep.lang import Cue, vocabulary

__all__ = ["DROP", "GRENADE", "Remote", "event_cue", "find_weapons", "remote_cue"]

_EN = vocabulary("en")


@dataclass(frozen=True, slots=True)
class Remote:
    """The sentence's remote-violence cue; a decisive one (mine, IED, suicide bomb, gas) beats most rules."""

    cue: EventCue
    decisive: bool


# (cue, sub_event_type, weapon, decisive).  A decisive cue wins wherever it
# stands in the sentence; among the others the earliest cue naming a weapon
# wins, and the generic verbs (last row: "struck", "explosions") count only
# when no weapon is named.
_REMOTE: list[tuple[Cue, str, str | None, bool]] = [
    (
        _EN.cue("landmine"),
        "remote_explosive_landmine_ied",
        "landmine",
        True,
    ),
    # a dud counts only when it goes off or hurts someone (see remote_cue)
    (
        _EN.cue("unexploded_ordnance"),
        "remote_explosive_landmine_ied",
        "unexploded ordnance",
        True,
    ),
    (
        _EN.cue("ied"),
        "remote_explosive_landmine_ied",
        "IED",
        True,
    ),
    (_EN.cue("suicide_bomb"), "suicide_bomb", "suicide bomb", True),
    (
        _EN.cue("chemical_weapon"),
        "chemical_weapon",
        "chemical weapon",
        True,
    ),
    (
        _EN.cue("guided_bomb"),
        "air_drone_strike",
        "guided aerial bomb",
        False,
    ),
    (
        _EN.cue("air_strike"),
        "air_drone_strike",
        "air strike",
        False,
    ),
    # "drone footage" shows an event; it is no drone strike
    (
        _EN.cue("drone"),
        "air_drone_strike",
        "drone",
        False,
    ),
    (
        _EN.cue("cruise_missile"),
        "shelling_artillery_missile_attack",
        "cruise missile",
        False,
    ),
    (
        _EN.cue("ballistic_missile"),
        "shelling_artillery_missile_attack",
        "ballistic missile",
        False,
    ),
    # an anti-tank missile is direct fire in a clash, not a missile strike
    (
        _EN.cue("missile"),
        "shelling_artillery_missile_attack",
        "missile",
        False,
    ),
    (
        _EN.cue("rocket"),
        "shelling_artillery_missile_attack",
        "rocket",
        False,
    ),
    (_EN.cue("mortar"), "shelling_artillery_missile_attack", "mortar", False),
    (
        _EN.cue("shelling"),
        "shelling_artillery_missile_attack",
        None,
        False,
    ),
]
_WENT_OFF = _EN.cue("went_off")
# a drone or aircraft dropping a munition: an air/drone strike, never an IED or a thrown grenade
DROP = _EN.cue("drop")


def event_cue(event_type: str, sub: str, m: re.Match[str], weapon: str | None = None) -> EventCue:
    """The cue ``m`` found, typed ``event_type``/``sub``."""
    return EventCue(event_type, sub, m.start(), m.end(), weapon)


def remote_cue(text: str) -> Remote | None:
    """The remote-violence cue: a decisive one if any, else the earliest naming a weapon, else a generic verb."""
    dropped = DROP.search(text)
    found = []
    for cue, sub, weapon, decisive in _REMOTE:
        m = cue.search(text)
        if m is None or (dropped and weapon == "IED"):
            continue
        if weapon == "unexploded ordnance" and not (harmed(text) or _WENT_OFF.search(text)):
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


GRENADE = _EN.cue("grenade")


_WEAPONS = [(cue, w) for cue, _, w, _ in _REMOTE if w] + [
    (GRENADE, "grenade"),
    (_EN.cue("artillery"), "artillery"),
]


def find_weapons(text: str) -> list[str]:
    """Every weapon the sentence names, in order of appearance, normalised."""
    hits = []
    for cue, weapon in _WEAPONS:
        m = cue.search(text)
        if m:
            hits.append((m.start(), weapon))
    seen: list[str] = []
    for _, weapon in sorted(hits):
        if weapon not in seen and not (weapon == "missile" and "cruise missile" in seen):
            seen.append(weapon)
    return seen
