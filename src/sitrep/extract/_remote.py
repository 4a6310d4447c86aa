"""Remote violence: which weapon a sentence names, and the ACLED sub-type it implies.

``remote_cue`` picks the sentence's remote-violence cue for ``events.classify``;
``find_weapons`` lists every weapon named, for the report's weapon field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract._event_cues import Cue, EventCue, harmed

__all__ = ["DROP", "GRENADE", "Remote", "event_cue", "find_weapons", "remote_cue"]

_MINE = r"(?<!coal\s)(?<!salt\s)(?<!ore\s)mines?"
# a word before "mine", quoted or not: "a PFM-1 'butterfly' mine"
_MODIFIER = r"(?:[\w'’\"-]+\s+)"


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
        Cue(
            rf"\b(?:land\s?mines?|(?:anti-personnel|anti-tank|anti-vehicle|naval|sea|butterfly|petal)\s+mines?|{_MINE}\s+(?:explosion|blast)s?|(?:stepped|stepping|steps|step|trod|treading)\s+on\s+an?\s+{_MODIFIER}{{0,2}}?mine|(?:killed|died|dies|injured|wounded|hurt|maimed|blown\s+up|hit|struck)\s+(?:[\w-]+ly\s+)?(?:by|on)\s+(?:an?|the)\s+{_MODIFIER}{{0,2}}?{_MINE}|(?:an?|the)\s+(?:[\w-]+\s+)?mine\s+(?:exploded|detonated|went\s+off|blew\s+up)|(?:hit|struck|ran\s+(?:over|into|onto)|drove\s+(?:over|onto|into)|triggered|detonated|set\s+off)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{_MINE}|blown\s+up\s+(?:by|on)\s+an?\s+(?:[\w-]+\s+)?mine|exploded\s+on\s+an?\s+(?:[\w-]+\s+)?mine|mines?\s+(?:was\s+|were\s+)?planted|planted\s+(?:[\w-]+\s+)?mines|tripwires?|booby[- ]trap\w*)",
            "mine tripwire booby",
        ),
        "remote_explosive_landmine_ied",
        "landmine",
        True,
    ),
    # a dud counts only when it goes off or hurts someone (see remote_cue)
    (
        Cue(
            r"\b(?:unexploded\s+(?:ordnance|shells?|munitions?|bombs?|missiles?|rockets?|mines?|submunitions?)|explosive\s+remnants|UXO)",
            "uxo unexploded remnants",
        ),
        "remote_explosive_landmine_ied",
        "unexploded ordnance",
        True,
    ),
    (
        Cue(
            r"\b(?:IEDs?|improvised\s+explosive|explosive\s+(?:devices?|objects?|items?)|(?<!aerial\s)(?<!guided\s)(?<!glide\s)(?<!air\s)bomb\s+(?:exploded|went\s+off|detonated)|(?:car|truck|lorry|vehicle)[- ]bombs?|bomb\s+(?:was\s+|had\s+been\s+)?(?:planted|hidden|placed|attached)|planted\s+(?:an?\s+)?(?:bomb|explosives?)|remotely\s+detonated|blew\s+(?:up\s+)?(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+)?(?:[\w'’-]+\s+){0,3}?(?:bridges?|dams?|roads?|cars?|vehicles?|buildings?|offices?|cent(?:er|re)s?|depots?|railway\s+(?:tracks?|lines?))|(?:bridges?|dams?)\s+(?:[\w-]+\s+){0,3}?(?:was|were|had\s+been)\s+blown\s+up)",
            "ied improvised explosive bomb remotely blew blown",
        ),
        "remote_explosive_landmine_ied",
        "IED",
        True,
    ),
    (Cue(r"\bsuicide\s+(?:bomb\w*|attack\w*)", "suicide"), "suicide_bomb", "suicide bomb", True),
    (
        Cue(
            r"\bchemical\s+(?:weapons?|munitions?|agents?)|\bpoison(?:ous)?\s+gas|\bgas\s+grenades?|\bK-51|\bCS\s+gas|\bchloropicrin|\briot[- ]control\s+agents?",
            "chemical gas k-51 chloropicrin riot",
        ),
        "chemical_weapon",
        "chemical weapon",
        True,
    ),
    (
        Cue(
            r"\b(?:guided\s+aerial\s+bombs?|(?:guided|glide|gliding)\s+bombs?|aerial\s+(?:guided\s+)?bombs?|KABs?|FAB-\d+)",
            "bomb kab fab-",
        ),
        "air_drone_strike",
        "guided aerial bomb",
        False,
    ),
    (
        Cue(
            r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+attacks?|aerial\s+bombardment|bombers?|(?:war)?planes?\s+(?:struck|bombed|dropped)|helicopters?\s+(?:fired|struck)|bombed|bombing|bombs?)",
            "air aerial bomb plane helicopter",
        ),
        "air_drone_strike",
        "air strike",
        False,
    ),
    # "drone footage" shows an event; it is no drone strike
    (
        Cue(
            r"\b(?:drones?(?!\s+(?:footage|videos?|images?|photos?|cameras?|views?|shots?)(?![\w-]))|UAVs?|unmanned\s+aerial|Shaheds?|Shahed-\d+|Geran\w*|loitering\s+munitions?|Lancets?|kamikaze|quadcopters?|FPV)",
            "drone uav unmanned shahed geran loitering lancet kamikaze quadcopter fpv",
        ),
        "air_drone_strike",
        "drone",
        False,
    ),
    (
        Cue(r"\b(?:cruise\s+missiles?|Kalibrs?|Kh-\d+\w*)", "cruise kalibr kh-"),
        "shelling_artillery_missile_attack",
        "cruise missile",
        False,
    ),
    (
        Cue(
            r"\b(?:ballistic\s+missiles?|Iskander\w*|Kinzhals?|S-300|S-400|Tochka\w*)",
            "ballistic iskander kinzhal s-300 s-400 tochka",
        ),
        "shelling_artillery_missile_attack",
        "ballistic missile",
        False,
    ),
    # an anti-tank missile is direct fire in a clash, not a missile strike
    (
        Cue(r"\b(?:(?<!anti-tank\s)missiles?|missile\s+strikes?)", "missile"),
        "shelling_artillery_missile_attack",
        "missile",
        False,
    ),
    (
        Cue(
            r"\b(?:MLRS|multiple\s+rocket|Grads?|Uragan|Smerch|Tornado|HIMARS|rockets?)",
            "mlrs rocket grad uragan smerch tornado himars",
        ),
        "shelling_artillery_missile_attack",
        "rocket",
        False,
    ),
    (Cue(r"\b(?:mortars?)", "mortar"), "shelling_artillery_missile_attack", "mortar", False),
    (
        Cue(
            r"\b(?:artillery|howitzers?|shell(?:ed|ing|s)?|shellfire|projectiles?|barrage|bombard(?:ed|ment|ing)?|tank\s+fire|(?:fired|firing)\s+(?:[\w-]+\s+){0,6}?(?:at|on|upon|in|towards?)|(?:destroyed|hit|shot)\s+(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+|several\s+)?(?:[\w'’-]+\s+){0,3}?(?:tanks?|convoys?|columns?|(?:armou?red\s+)?vehicles?|BMPs?|BTRs?|IFVs?|APCs?|MTLBs?|warships?|ships?|boats?|equipment|command\s+posts?|ammunition\s+depots?|fuel\s+depots?|control\s+cent(?:er|re)s?)|(?:tanks?|convoys?|columns?|vehicles?|equipment)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+destroyed|struck|strikes?|striking|hit\s+by|explosions?|blasts?|attacks?\s+on|(?:came|come|comes|coming)\s+under\s+(?:[\w-]+\s+)?fire)",
            "artillery howitzer shell projectile barrage bombard tank fired firing struck strik hit shot explosion blast attack destroyed came come coming",
        ),
        "shelling_artillery_missile_attack",
        None,
        False,
    ),
]
_WENT_OFF = Cue(
    r"\b(?:exploded|explod\w+|detonated|went\s+off|blew\s+up|blast)",
    "explod detonated went blew blast",
)
# a drone or aircraft dropping a munition: an air/drone strike, never an IED or a thrown grenade
DROP = Cue(
    r"\bdrop(?:ped|ping|s)?\s+(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+|several\s+)?(?:[\w-]+\s+){0,2}?(?:explosives?|grenades?|munitions?|bombs?|ordnance|charges?|devices?|shells?)",
    "drop",
)


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


GRENADE = Cue(
    r"\b(?<!stun\s)(?<!gas\s)(?<!rocket-propelled\s)grenades?(?!\s+launchers?)", "grenade"
)


_WEAPONS = [(cue, w) for cue, _, w, _ in _REMOTE if w] + [
    (GRENADE, "grenade"),
    (Cue(r"\bartillery|howitzers?|shell(?:ed|ing|s)\b", "artillery howitzer shell"), "artillery"),
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
