"""What happened: ACLED event type and sub-type, weapon, targets, actor, status.

``classify`` runs a sentence through an ordered list of rules (``_RULES``);
the first rule that recognises its event decides the type.  The order
follows ACLED's codebook where cues compete:

- a protest broken up with stun grenades is a protest (with intervention);
- a munition defused by sappers or downed by air defence is disrupted
  weapons use, unless someone was hurt (then it is the strike);
- an arrest by the SBU or police is an arrest even when the suspect planned
  a strike; a detention by Russian forces or occupation officials is an
  abduction;
- a mine, an IED, a suicide bomb or gas decides wherever it is named (a
  vehicle hitting a mine during an assault is a landmine event);
- troops shooting at people or at a car is an attack on civilians, unless
  artillery or another heavy weapon is named first;
- who takes ground, not the verb, decides between "government regains" and
  "non-state actor overtakes" territory (ACLED codes Russia taking Ukrainian
  ground as the latter, and Ukraine in Kursk region the same way);
- a grenade dropped from a drone is an air/drone strike, a thrown one a
  grenade;
- remote violence beats a clash, unless the clash is named first and the
  weapon is not its instrument ("attacked positions with drones").

Weapon and target vocabularies are closed lists of what analysts code,
normalised to one name each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitrep.extract._event_cues import (
    EventCue,
    compiled,
    government_of,
    harmed,
    in_background,
    side_of,
)
from sitrep.extract._remote import DROP, GRENADE, Remote, event_cue, find_weapons, remote_cue
from sitrep.lang import vocabulary
from sitrep.lang.patterns import expand
from sitrep.model import Status

__all__ = [
    "EventCue",
    "classify",
    "find_actor",
    "find_status",
    "find_targets",
    "find_weapons",
    "names_clash",
]


Rule = Callable[[str, Remote | None], EventCue | None]

_EN = vocabulary("en")

_PROTEST = _EN.cue("protest")
_PROTEST_NOUN = _EN.cue("protest_noun")
_DISPERSAL = _EN.cue("dispersal")
_LETHAL_DISPERSAL = _EN.cue("lethal_dispersal")


def _protest(text: str, remote: Remote | None) -> EventCue | None:
    """Protests, and how they were met: dispersed (intervention) or fired on (excessive force)."""
    dispersal = _DISPERSAL.search(text)
    m = _PROTEST.search(text) or (dispersal if _PROTEST_NOUN.search(text) else None)
    if m is None:
        return None
    if remote and remote.cue.weapon and remote.cue.start < m.start() and not dispersal:
        return None  # a strike that protesters later answered
    sub = "protest_with_intervention" if dispersal else "peaceful_protest"
    if _LETHAL_DISPERSAL.search(text):
        sub = "excessive_force_against_protesters"
    return event_cue("protests", sub, m)


_SEXUAL = _EN.cue("sexual_violence")


def _sexual_violence(text: str, remote: Remote | None) -> EventCue | None:
    """Rape and sexual assault, whatever else the sentence mentions."""
    m = _SEXUAL.search(text)
    return event_cue("violence_against_civilians", "sexual_violence", m) if m else None


_DEFUSE_VERB = _EN.cue("defuse")
_CLEAR_VERB = _EN.cue("clear")
_DEMINER = _EN.cue("deminer")
# a dud made safe with no one named doing it ("an unexploded shell was removed")
_UXO_CLEARED = _EN.cue("uxo_cleared")
_ORDNANCE = _EN.cue("ordnance")


def _defusal(text: str, remote: Remote | None) -> EventCue | None:
    """Ordnance defused or cleared by sappers: disrupted weapons use, unless it went off and hurt someone."""
    m = _DEFUSE_VERB.search(text) if _ORDNANCE.search(text) else None
    if m is None and _DEMINER.search(text):
        m = _CLEAR_VERB.search(text)
    m = m or _UXO_CLEARED.search(text)
    if m is None or _hit_elsewhere(text, m):
        return None
    if harmed(text):
        return remote.cue if remote else None
    return event_cue(
        "strategic_developments", "disrupted_weapons_use", m, remote.cue.weapon if remote else None
    )


_INTERCEPT = _EN.cue("intercept")
# what air defence downs: without one, "intercepted a call" or "downed power lines" is no interception
_AIRBORNE = _EN.cue("airborne")
_MANNED = _EN.word_regex("manned_aircraft")
_UNMANNED = _EN.word_regex("unmanned_weapon")
_FAILED_INTERCEPT = _EN.cue("failed_intercept")
_DEBRIS = _EN.cue("debris")
_HIT_VERB = _EN.cue("hit")


def _hit_elsewhere(text: str, m: re.Match[str]) -> bool:
    """Another clause says a weapon hit something: the strike, not the dud made safe, is the event."""
    clauses = re.finditer(r"[^;,]+", text)
    return any(_HIT_VERB.search(c.group()) for c in clauses if not c.start() <= m.start() < c.end())


def _interception(text: str, remote: Remote | None) -> EventCue | None:
    """Air defence downing drones or missiles: disrupted weapons use, unless people were hurt or something else hit."""
    m = _INTERCEPT.search(text)
    if m is None or not _AIRBORNE.search(text) or _FAILED_INTERCEPT.search(text):
        return None
    if harmed(text) or _hit_beyond_debris(text):
        return None
    if _MANNED.search(text) and not _UNMANNED.search(text):
        # ACLED codes a crewed aircraft shot down as an attack on it (remote violence), and
        # keeps "disrupted weapons use" for munitions and drones made harmless
        return event_cue("explosions_remote_violence", "shelling_artillery_missile_attack", m)
    return event_cue(
        "strategic_developments", "disrupted_weapons_use", m, remote.cue.weapon if remote else None
    )


# "nothing hit the ground", "none of them reached the city": a hit denied
_NO_HIT = re.compile(r"\b(?:nothing|none|no\b|not|never|n['’]t)", re.IGNORECASE)


def _hit_beyond_debris(text: str) -> bool:
    """A clause says a weapon hit something, and it is not the debris of a downed one ("others hit a depot")."""
    clauses = re.split(r"[;,]|\bbut\b|\bwhile\b|\bwhereas\b|\band\b", text)
    return any(_hits(c) and not _DEBRIS.search(c) for c in clauses)


def _hits(clause: str) -> bool:
    m = _HIT_VERB.search(clause)
    return m is not None and not _NO_HIT.search(clause, 0, m.start())


_DETAIN = _EN.cue("detain")
_TAKEN_AWAY = _EN.cue("taken_away")


def _detention(text: str, remote: Remote | None) -> EventCue | None:
    """Detentions: arrests by Ukrainian authorities, abductions by Russian forces and occupation officials."""
    m = next(
        (m for m in _DETAIN.finditer(text) if not _adjective(text, m)), None
    ) or _TAKEN_AWAY.search(text)
    if m is None:
        return None
    side = side_of(text, m.start(), m.end())
    if side == "russia":
        return event_cue("violence_against_civilians", "abduction_forced_disappearance", m)
    if not _DETAIN.search(m.group()):
        return None  # "took away", "captured the mayor": only Russian forces are coded as abducting
    if side == "ukraine" or remote is None or m.start() < remote.cue.start:
        return event_cue("strategic_developments", "arrests", m)
    return None


def _decisive_remote(text: str, remote: Remote | None) -> EventCue | None:
    """A mine, IED, suicide bomb or gas, wherever it is named."""
    return remote.cue if remote and remote.decisive else None


_ABDUCTION = _EN.cue("abduction")
_SHOT = _EN.cue("shot")
# Gunfire at a car, or soldiers shooting at people: small arms.  "Forces fired
# on" a crowd is how artillery fire is reported, so it stays shelling.
_FIRE_ON = _EN.cue("fire_on")
# troops killing people with no weapon named: small arms
_KILLED = _EN.cue("killed_by_troops")
_HEAVY = _EN.cue("heavy_weapon")


def _civilian_violence(text: str, remote: Remote | None) -> EventCue | None:
    """Abductions; attacks on civilians unless a heavier weapon is named first."""
    m = _ABDUCTION.search(text)
    if m:
        return event_cue("violence_against_civilians", "abduction_forced_disappearance", m)
    heavy = _heavy_weapon(text, remote)
    m = _SHOT.search(text) or (
        _FIRE_ON.search(text) or _KILLED.search(text) if heavy is None else None
    )
    if m and (heavy is None or m.start() < heavy):
        return event_cue("violence_against_civilians", "attack", m, "small arms")
    return None


def _heavy_weapon(text: str, remote: Remote | None) -> int | None:
    """Where the first weapon beyond small arms is named (artillery counts, though it is no weapon cue)."""
    starts = [m.start() for m in [_HEAVY.search(text)] if m]
    if remote and remote.cue.weapon:
        starts.append(remote.cue.start)
    return min(starts, default=None)


_TAKE = _EN.cue("take")
_RETAKE = _EN.cue("retake")
# moving into or out of a place changes its hands only when troops of a named side move
_MOVE = _EN.cue("move")
_WITHDRAW = _EN.cue("withdraw", r"(?=\s+(?-i:[A-Z]))")
_MILITARY = _EN.word_regex("military_noun")
# "the occupied city", "recently liberated villages", "captured soldiers": no ground changes hands
_ADJECTIVE_BEFORE = re.compile(
    r"(?:\b" + _EN.alternation("before_adjective") + r"\s+|-)$", re.IGNORECASE
)
_NOT_GROUND_AFTER = re.compile(
    r"\s+(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+|several\s+|dozens\s+of\s+)?(?:[\w'’-]+\s+){0,2}?"
    + _EN.alternation("not_ground")
    + r"\b",
    re.IGNORECASE,
)


# ground that changed hands with no fighting told: ACLED's non-violent transfer of territory
_NO_FIGHT = _EN.word_regex("no_fight")


def _territory(text: str, remote: Remote | None) -> EventCue | None:
    """Ground changing hands: the side that takes it, not the verb, decides the sub-type."""
    m, kind = _territory_verb(text)
    if m is None or (
        remote and m.start() > remote.cue.start and not in_background(text, remote.cue.start)
    ):
        return None
    side = side_of(text, m.start(), m.end())
    if kind in ("move", "withdraw") and (side is None or not _MILITARY.search(text, 0, m.start())):
        return None
    if _NO_FIGHT.search(text):
        return event_cue("strategic_developments", "non_violent_transfer_of_territory", m)
    if side is None:
        gained = kind == "retake"
    else:
        gained = (side == government_of(text)) != (kind == "withdraw")
    return event_cue(
        "battles",
        "government_regains_territory" if gained else "non_state_actor_overtakes_territory",
        m,
    )


def _territory_verb(text: str) -> tuple[re.Match[str] | None, str]:
    """The first verb of ground changing hands, and its kind (retake, take, move, withdraw)."""
    for cue, kind in (
        (_RETAKE, "retake"),
        (_TAKE, "take"),
        (_MOVE, "move"),
        (_WITHDRAW, "withdraw"),
    ):
        for m in cue.finditer(text):
            if not _adjective(text, m) and not _NOT_GROUND_AFTER.match(text, m.end()):
                return m, kind
    return None, ""


def _adjective(text: str, m: re.Match[str]) -> bool:
    """A participle used as an adjective ("the occupied city", "a detained woman")."""
    return " " not in m.group() and bool(_ADJECTIVE_BEFORE.search(text[: m.start()]))


def _grenade(text: str, remote: Remote | None) -> EventCue | None:
    """A thrown grenade; one dropped from a drone is an air/drone strike."""
    m = GRENADE.search(text)
    if m is None or DROP.search(text) or (remote and remote.cue.weapon == "drone"):
        return None
    return event_cue("explosions_remote_violence", "grenade", m, "grenade")


_CLASH = _EN.cue("clash")
_FIGHTING = _EN.cue("fighting")
_INSTRUMENT = re.compile(r"\b(?:with|using|by)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _clash_or_remote(text: str, remote: Remote | None) -> EventCue | None:
    """Remote violence, unless ground fighting is named first (and the weapon is not its instrument)."""
    strong = _CLASH.search(text)
    clash = strong or _FIGHTING.search(text)
    if clash and (remote is None or _clash_first(text, clash, strong is not None, remote.cue)):
        return event_cue("battles", "armed_clash", clash)
    return remote.cue if remote else None


def names_clash(text: str) -> re.Match[str] | None:
    """Where ``text`` names ground fighting at all ("inciting clashes", "were repelled",
    "fighting continued"), whatever else it names first; ``None`` when it names none."""
    return _CLASH.search(text) or _FIGHTING.search(text)


def _clash_first(text: str, clash: re.Match[str], strong: bool, remote: EventCue) -> bool:
    """The clash is named before the remote cue, which is not the clash's instrument ("attacked ... with artillery")."""
    if clash.start() > remote.start:
        return False
    if strong:
        return not _INSTRUMENT.search(text[: remote.start])
    return remote.weapon is None


_OTHERS = [
    (
        _EN.cue("arrest_word"),
        "strategic_developments",
        "arrests",
    ),
    (
        _EN.cue("protest_word"),
        "protests",
        "peaceful_protest",
    ),
    (
        _EN.cue("looting"),
        "strategic_developments",
        "looting_property_destruction",
    ),
    (
        _EN.cue("agreement"),
        "strategic_developments",
        "agreement",
    ),
    (
        _EN.cue("base"),
        "strategic_developments",
        "headquarters_or_base_established",
    ),
    # official acts ACLED codes as "other": evacuation orders, curfews, sham referendums
    (
        _EN.cue("official_act"),
        "strategic_developments",
        "other",
    ),
]


def _other(text: str, remote: Remote | None) -> EventCue | None:
    """Strategic developments and protests without a stronger cue."""
    for cue, event_type, sub in _OTHERS:
        m = cue.search(text)
        if m:
            return event_cue(event_type, sub, m)
    return None


# The precedence of event families; the first rule that returns a cue decides.
_RULES: tuple[Rule, ...] = (
    _protest,
    _sexual_violence,
    _defusal,
    _interception,
    _detention,
    _decisive_remote,
    _civilian_violence,
    _territory,
    _grenade,
    _clash_or_remote,
    _other,
)


def classify(text: str) -> EventCue | None:
    """The main event cue of a sentence, or ``None`` if it describes no event."""
    remote = remote_cue(text)
    for rule in _RULES:
        cue = rule(text, remote)
        if cue is not None:
            return cue
    return None


# (target, its alternatives), in the order find_targets tries them
_TARGETS = [
    (target, "|".join(expand(a) for a in alternatives))
    for target, alternatives in _EN.data["targets"]
]


# Where the hurt are treated is not what was hit: "died in hospital", "taken to a hospital".
_CARE = re.compile(
    r"\b(?:in|to|into|from)\s+(?:(?:a|the|local|city|regional|nearby)\s+)?hospitals?\b", re.I
)


def find_targets(text: str) -> list[str]:
    """What was hit, normalised (residential building, hospital, ...)."""
    text = _CARE.sub(" ", text)
    found: list[str] = []
    for name, pattern in _TARGETS:
        if compiled(rf"\b(?:{pattern})").search(text) and name not in found:
            if name == "hospital" and (
                "maternity hospital" in found or "children's hospital" in found
            ):
                continue
            if name == "factory" and "aircraft factory" in found:
                continue
            found.append(name)
    return found


# "Ukrainian troops ... shelled": a Ukrainian force, then within 40 characters its verb
_UA_ACTOR = re.compile(
    r"\b(?:Ukrainian|Ukraine['’]s)\s+"
    + _EN.alternation("ukraine_force")
    + r"\b[^.]{0,40}?\b"
    + _EN.alternation("actor_verb"),
    re.I,
)
_RU_ACTOR = re.compile(r"\b" + _EN.alternation("russia_actor"), re.IGNORECASE)


def find_actor(text: str, context: str = "") -> str | None:
    """Who did it: "Russian forces", "Ukrainian forces", or ``None`` when unstated."""
    if _UA_ACTOR.search(text):
        return "Ukrainian forces"
    if _RU_ACTOR.search(text) or _RU_ACTOR.search(context):
        return "Russian forces"
    return None


_HEDGE = _EN.word_regex("hedge")


def find_status(text: str, claimant_side: str | None) -> Status:
    """``claimed`` for a party's own claim, ``unconfirmed`` for hedged reports."""
    if _HEDGE.search(text):
        return "unconfirmed"
    if re.search(r"\bclaim(?:ed|s)?\b", text, re.I) and claimant_side in ("Russia", "Ukraine"):
        return "claimed"
    return "reported"
