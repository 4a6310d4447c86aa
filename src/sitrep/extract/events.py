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

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.extract._event_cues import (
    EventCue,
    compiled,
    government_of,
    harmed,
    in_background,
    side_of,
)
from sitrep.extract._remote import Remote, event_cue, find_weapons, remote_cue, remote_words
from sitrep.lang import Cue, Vocabulary
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


Rule = Callable[[str, Remote | None, Vocabulary], EventCue | None]


def _protest(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Protests, and how they were met: dispersed (intervention) or fired on (excessive force)."""
    w = _words(vocab)
    dispersal = w.dispersal.search(text)
    m = w.protest.search(text) or (dispersal if w.protest_noun.search(text) else None)
    if m is None:
        return None
    if remote and remote.cue.weapon and remote.cue.start < m.start() and not dispersal:
        return None  # a strike that protesters later answered
    sub = "protest_with_intervention" if dispersal else "peaceful_protest"
    if w.lethal_dispersal.search(text):
        sub = "excessive_force_against_protesters"
    return event_cue("protests", sub, m)


def _sexual_violence(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Rape and sexual assault, whatever else the sentence mentions."""
    w = _words(vocab)
    m = w.sexual.search(text)
    return event_cue("violence_against_civilians", "sexual_violence", m) if m else None


def _defusal(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Ordnance defused or cleared by sappers: disrupted weapons use, unless it went off and hurt someone."""
    w = _words(vocab)
    m = w.defuse_verb.search(text) if w.ordnance.search(text) else None
    if m is None and w.deminer.search(text):
        m = w.clear_verb.search(text)
    m = m or w.uxo_cleared.search(text)
    if m is None or _hit_elsewhere(text, m, vocab):
        return None
    if harmed(text, vocab):
        return remote.cue if remote else None
    return event_cue(
        "strategic_developments", "disrupted_weapons_use", m, remote.cue.weapon if remote else None
    )


def _hit_elsewhere(text: str, m: re.Match[str], vocab: Vocabulary) -> bool:
    """Another clause says a weapon hit something: the strike, not the dud made safe, is the event."""
    w = _words(vocab)
    clauses = re.finditer(r"[^;,]+", text)
    return any(
        w.hit_verb.search(c.group()) for c in clauses if not c.start() <= m.start() < c.end()
    )


def _interception(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Air defence downing drones or missiles: disrupted weapons use, unless people were hurt or something else hit."""
    w = _words(vocab)
    m = w.intercept.search(text)
    if m is None or not w.airborne.search(text) or w.failed_intercept.search(text):
        return None
    if harmed(text, vocab) or _hit_beyond_debris(text, vocab):
        return None
    if w.manned.search(text) and not w.unmanned.search(text):
        # ACLED codes a crewed aircraft shot down as an attack on it (remote violence), and
        # keeps "disrupted weapons use" for munitions and drones made harmless
        return event_cue("explosions_remote_violence", "shelling_artillery_missile_attack", m)
    return event_cue(
        "strategic_developments", "disrupted_weapons_use", m, remote.cue.weapon if remote else None
    )


# "nothing hit the ground", "none of them reached the city": a hit denied
_NO_HIT = re.compile(r"\b(?:nothing|none|no\b|not|never|n['’]t)", re.IGNORECASE)


def _hit_beyond_debris(text: str, vocab: Vocabulary) -> bool:
    """A clause says a weapon hit something, and it is not the debris of a downed one ("others hit a depot")."""
    w = _words(vocab)
    clauses = re.split(r"[;,]|\bbut\b|\bwhile\b|\bwhereas\b|\band\b", text)
    return any(_hits(c, vocab) and not w.debris.search(c) for c in clauses)


def _hits(clause: str, vocab: Vocabulary) -> bool:
    w = _words(vocab)
    m = w.hit_verb.search(clause)
    return m is not None and not _NO_HIT.search(clause, 0, m.start())


def _detention(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Detentions: arrests by Ukrainian authorities, abductions by Russian forces and occupation officials."""
    w = _words(vocab)
    m = next(
        (m for m in w.detain.finditer(text) if not _adjective(text, m, vocab)), None
    ) or w.taken_away.search(text)
    if m is None:
        return None
    side = side_of(text, m.start(), m.end(), vocab)
    if side == "russia":
        return event_cue("violence_against_civilians", "abduction_forced_disappearance", m)
    if not w.detain.search(m.group()):
        return None  # "took away", "captured the mayor": only Russian forces are coded as abducting
    if side == "ukraine" or remote is None or m.start() < remote.cue.start:
        return event_cue("strategic_developments", "arrests", m)
    return None


def _decisive_remote(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """A mine, IED, suicide bomb or gas, wherever it is named."""
    return remote.cue if remote and remote.decisive else None


def _civilian_violence(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Abductions; attacks on civilians unless a heavier weapon is named first."""
    w = _words(vocab)
    m = w.abduction.search(text)
    if m:
        return event_cue("violence_against_civilians", "abduction_forced_disappearance", m)
    heavy = _heavy_weapon(text, remote, vocab)
    m = w.shot.search(text) or (
        w.fire_on.search(text) or w.killed.search(text) if heavy is None else None
    )
    if m and (heavy is None or m.start() < heavy):
        return event_cue("violence_against_civilians", "attack", m, "small arms")
    return None


def _heavy_weapon(text: str, remote: Remote | None, vocab: Vocabulary) -> int | None:
    """Where the first weapon beyond small arms is named (artillery counts, though it is no weapon cue)."""
    w = _words(vocab)
    starts = [m.start() for m in [w.heavy.search(text)] if m]
    if remote and remote.cue.weapon:
        starts.append(remote.cue.start)
    return min(starts, default=None)


def _territory(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Ground changing hands: the side that takes it, not the verb, decides the sub-type."""
    w = _words(vocab)
    m, kind = _territory_verb(text, vocab)
    if m is None or (
        remote and m.start() > remote.cue.start and not in_background(text, remote.cue.start, vocab)
    ):
        return None
    side = side_of(text, m.start(), m.end(), vocab)
    if kind in ("move", "withdraw") and (side is None or not w.military.search(text, 0, m.start())):
        return None
    if w.no_fight.search(text):
        return event_cue("strategic_developments", "non_violent_transfer_of_territory", m)
    if side is None:
        gained = kind == "retake"
    else:
        gained = (side == government_of(text, vocab)) != (kind == "withdraw")
    return event_cue(
        "battles",
        "government_regains_territory" if gained else "non_state_actor_overtakes_territory",
        m,
    )


def _territory_verb(text: str, vocab: Vocabulary) -> tuple[re.Match[str] | None, str]:
    """The first verb of ground changing hands, and its kind (retake, take, move, withdraw)."""
    w = _words(vocab)
    for cue, kind in (
        (w.retake, "retake"),
        (w.take, "take"),
        (w.move, "move"),
        (w.withdraw, "withdraw"),
    ):
        for m in cue.finditer(text):
            if not _adjective(text, m, vocab) and not w.not_ground_after.match(text, m.end()):
                return m, kind
    return None, ""


def _adjective(text: str, m: re.Match[str], vocab: Vocabulary) -> bool:
    """A participle used as an adjective ("the occupied city", "a detained woman")."""
    w = _words(vocab)
    return " " not in m.group() and bool(w.adjective_before.search(text[: m.start()]))


def _grenade(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """A thrown grenade; one dropped from a drone is an air/drone strike."""
    m = remote_words(vocab).grenade.search(text)
    if (
        m is None
        or remote_words(vocab).drop.search(text)
        or (remote and remote.cue.weapon == "drone")
    ):
        return None
    return event_cue("explosions_remote_violence", "grenade", m, "grenade")


_INSTRUMENT = re.compile(r"\b(?:with|using|by)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _clash_or_remote(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Remote violence, unless ground fighting is named first (and the weapon is not its instrument)."""
    w = _words(vocab)
    strong = w.clash.search(text)
    clash = strong or w.fighting.search(text)
    if clash and (remote is None or _clash_first(text, clash, strong is not None, remote.cue)):
        return event_cue("battles", "armed_clash", clash)
    return remote.cue if remote else None


def names_clash(text: str, vocab: Vocabulary) -> re.Match[str] | None:
    """Where ``text`` names ground fighting at all ("inciting clashes", "were repelled",
    "fighting continued"), whatever else it names first; ``None`` when it names none."""
    w = _words(vocab)
    return w.clash.search(text) or w.fighting.search(text)


def _clash_first(text: str, clash: re.Match[str], strong: bool, remote: EventCue) -> bool:
    """The clash is named before the remote cue, which is not the clash's instrument ("attacked ... with artillery")."""
    if clash.start() > remote.start:
        return False
    if strong:
        return not _INSTRUMENT.search(text[: remote.start])
    return remote.weapon is None


# (cue, event type, sub-type) of what is left: strategic developments and protests
_OTHERS = (
    ("arrest_word", "strategic_developments", "arrests"),
    ("protest_word", "protests", "peaceful_protest"),
    ("looting", "strategic_developments", "looting_property_destruction"),
    ("agreement", "strategic_developments", "agreement"),
    ("base", "strategic_developments", "headquarters_or_base_established"),
    # official acts ACLED codes as "other": evacuation orders, curfews, sham referendums
    ("official_act", "strategic_developments", "other"),
)


def _other(text: str, remote: Remote | None, vocab: Vocabulary) -> EventCue | None:
    """Strategic developments and protests without a stronger cue."""
    w = _words(vocab)
    for cue, event_type, sub in w.others:
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


def classify(text: str, vocab: Vocabulary) -> EventCue | None:
    """The main event cue of a sentence, or ``None`` if it describes no event."""
    remote = remote_cue(text, vocab)
    for rule in _RULES:
        cue = rule(text, remote, vocab)
        if cue is not None:
            return cue
    return None


# Where the hurt are treated is not what was hit: "died in hospital", "taken to a hospital".
_CARE = re.compile(
    r"\b(?:in|to|into|from)\s+(?:(?:a|the|local|city|regional|nearby)\s+)?hospitals?\b", re.I
)


def find_targets(text: str, vocab: Vocabulary) -> list[str]:
    """What was hit, normalised (residential building, hospital, ...)."""
    w = _words(vocab)
    text = _CARE.sub(" ", text)
    found: list[str] = []
    for name, pattern in w.targets:
        if compiled(rf"\b(?:{pattern})").search(text) and name not in found:
            if name == "hospital" and (
                "maternity hospital" in found or "children's hospital" in found
            ):
                continue
            if name == "factory" and "aircraft factory" in found:
                continue
            found.append(name)
    return found


def find_actor(text: str, vocab: Vocabulary, context: str = "") -> str | None:
    """Who did it: "Russian forces", "Ukrainian forces", or ``None`` when unstated."""
    w = _words(vocab)
    if w.ua_actor.search(text):
        return "Ukrainian forces"
    if w.ru_actor.search(text) or w.ru_actor.search(context):
        return "Russian forces"
    return None


def find_status(text: str, claimant_side: str | None, vocab: Vocabulary) -> Status:
    """``claimed`` for a party's own claim, ``unconfirmed`` for hedged reports."""
    w = _words(vocab)
    if w.hedge.search(text):
        return "unconfirmed"
    if re.search(r"\bclaim(?:ed|s)?\b", text, re.I) and claimant_side in ("Russia", "Ukraine"):
        return "claimed"
    return "reported"


# The cues named after their field, each a list of the vocabulary's cues table.
_CUES = {
    "protest": "protest",
    "protest_noun": "protest_noun",
    "dispersal": "dispersal",
    "lethal_dispersal": "lethal_dispersal",
    "sexual": "sexual_violence",
    "defuse_verb": "defuse",
    "clear_verb": "clear",
    "deminer": "deminer",
    "uxo_cleared": "uxo_cleared",
    "ordnance": "ordnance",
    "intercept": "intercept",
    "airborne": "airborne",
    "failed_intercept": "failed_intercept",
    "debris": "debris",
    "hit_verb": "hit",
    "detain": "detain",
    "taken_away": "taken_away",
    "abduction": "abduction",
    "shot": "shot",
    "fire_on": "fire_on",
    "killed": "killed_by_troops",
    "heavy": "heavy_weapon",
    "take": "take",
    "retake": "retake",
    "move": "move",
    "clash": "clash",
    "fighting": "fighting",
}


@dataclass(frozen=True, slots=True)
class _Words:
    """The event cues of one language (its vocabulary's cues and phrases), built once."""

    protest: Cue
    protest_noun: Cue
    dispersal: Cue
    lethal_dispersal: Cue
    sexual: Cue
    defuse_verb: Cue
    clear_verb: Cue
    deminer: Cue
    # a dud made safe with no one named doing it ("an unexploded shell was removed")
    uxo_cleared: Cue
    ordnance: Cue
    intercept: Cue
    # what air defence downs: without one, "intercepted a call" or "downed power lines" is no
    # interception
    airborne: Cue
    failed_intercept: Cue
    debris: Cue
    hit_verb: Cue
    detain: Cue
    taken_away: Cue
    abduction: Cue
    shot: Cue
    # gunfire at a car, or soldiers shooting at people: small arms.  "Forces fired on" a crowd
    # is how artillery fire is reported, so it stays shelling.
    fire_on: Cue
    # troops killing people with no weapon named: small arms
    killed: Cue
    heavy: Cue
    take: Cue
    retake: Cue
    # moving into or out of a place changes its hands only when troops of a named side move
    move: Cue
    clash: Cue
    fighting: Cue
    withdraw: Cue
    manned: re.Pattern[str]
    unmanned: re.Pattern[str]
    military: re.Pattern[str]
    # "the occupied city", "recently liberated villages", "captured soldiers": no ground
    # changes hands
    adjective_before: re.Pattern[str]
    not_ground_after: re.Pattern[str]
    # ground that changed hands with no fighting told: ACLED's non-violent transfer of territory
    no_fight: re.Pattern[str]
    others: tuple[tuple[Cue, str, str], ...]  # _OTHERS with its cues
    targets: tuple[tuple[str, str], ...]  # (target, its pattern), in the order tried
    # "Ukrainian troops ... shelled": a Ukrainian force, then within 40 characters its verb
    ua_actor: re.Pattern[str]
    ru_actor: re.Pattern[str]
    hedge: re.Pattern[str]


@functools.cache
def _words(vocab: Vocabulary) -> _Words:
    """The event cues of ``vocab``, built once."""
    return _Words(
        **{field: vocab.cue(name) for field, name in _CUES.items()},
        withdraw=vocab.cue("withdraw", r"(?=\s+(?-i:[A-Z]))"),
        manned=vocab.word_regex("manned_aircraft"),
        unmanned=vocab.word_regex("unmanned_weapon"),
        military=vocab.word_regex("military_noun"),
        adjective_before=re.compile(
            r"(?:\b" + vocab.alternation("before_adjective") + r"\s+|-)$", re.IGNORECASE
        ),
        not_ground_after=re.compile(
            r"\s+(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+|several\s+|dozens\s+of\s+)?"
            r"(?:[\w'’-]+\s+){0,2}?" + vocab.alternation("not_ground") + r"\b",
            re.IGNORECASE,
        ),
        no_fight=vocab.word_regex("no_fight"),
        others=tuple((vocab.cue(name), kind, sub) for name, kind, sub in _OTHERS),
        targets=tuple(
            (target, "|".join(expand(a) for a in alternatives))
            for target, alternatives in vocab.data["targets"]
        ),
        ua_actor=re.compile(
            r"\b(?:Ukrainian|Ukraine['’]s)\s+"
            + vocab.alternation("ukraine_force")
            + r"\b[^.]{0,40}?\b"
            + vocab.alternation("actor_verb"),
            re.I,
        ),
        ru_actor=re.compile(r"\b" + vocab.alternation("russia_actor"), re.IGNORECASE),
        hedge=vocab.word_regex("hedge"),
    )
