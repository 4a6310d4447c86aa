"""What happened: ACLED event type and sub-type, weapon, targets, actor, status.

Cues are matched on one sentence; the first cue family in precedence order
decides the type (a landmine beats shelling, remote violence beats a
clash).  Weapon and target vocabularies are closed lists of what analysts
code, normalised to one name each.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.model import Status

__all__ = ["EventCue", "classify", "find_actor", "find_status", "find_targets", "find_weapons"]

# (pattern, event_type, sub_event_type, weapon): first family hit wins; within
# remote violence the earliest cue in the sentence wins.
_REMOTE = [
    (r"\b(?:land\s?mines?|(?:anti-personnel|anti-tank)\s+mines?|mine\s+(?:explosion|blast)|stepped\s+on\s+an?\s+(?:\w+\s+)?mine|(?:an?|the)\s+mine\s+(?:exploded|detonated|went\s+off)|IEDs?|improvised\s+explosive|explosive\s+devices?|tripwire|booby[- ]trap\w*|unexploded\s+(?:ordnance|shell|munition)s?|explosive\s+remnants)", "remote_explosive_landmine_ied", "landmine"),
    (r"\bsuicide\s+(?:bomb\w*|attack\w*)", "suicide_bomb", "suicide bomb"),
    (r"\bchemical\s+(?:weapons?|munitions?|agents?)|\bpoison(?:ous)?\s+gas", "chemical_weapon", "chemical weapon"),
    (r"\b(?:guided\s+aerial\s+bombs?|(?:guided|glide|gliding)\s+bombs?|aerial\s+(?:guided\s+)?bombs?|KABs?|FAB-\d+)", "air_drone_strike", "guided aerial bomb"),
    (r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+attacks?|aerial\s+bombardment|bombers?|(?:war)?planes?\s+(?:struck|bombed|dropped)|helicopters?\s+(?:fired|struck)|bombed|bombing|bombs?)", "air_drone_strike", "air strike"),
    (r"\b(?:drones?|UAVs?|unmanned\s+aerial|Shaheds?|Geran\w*|loitering\s+munitions?|Lancets?|kamikaze|quadcopters?|FPV)", "air_drone_strike", "drone"),
    (r"\b(?:cruise\s+missiles?|Kalibr|Kh-\d+\w*)", "shelling_artillery_missile_attack", "cruise missile"),
    (r"\b(?:ballistic\s+missiles?|Iskander\w*|S-300|S-400|Tochka)", "shelling_artillery_missile_attack", "ballistic missile"),
    (r"\b(?:missiles?|missile\s+strikes?)", "shelling_artillery_missile_attack", "missile"),
    (r"\b(?:MLRS|multiple\s+rocket|Grads?|Uragan|Smerch|Tornado|rockets?)", "shelling_artillery_missile_attack", "rocket"),
    (r"\b(?:mortars?)", "shelling_artillery_missile_attack", "mortar"),
    (r"\b(?:artillery|howitzers?|shell(?:ed|ing|s)?|shellfire|barrage|bombard(?:ed|ment|ing)?|tank\s+fire|fired\s+(?:at|on|upon)|struck|strikes?|striking|hit\s+by|explosions?|blasts?|attacks?\s+on)", "shelling_artillery_missile_attack", None),
]
_GRENADE = r"\bgrenades?\b"
_VIOLENCE_CIVILIANS = [
    (r"\b(?:raped|rape|sexual(?:ly)?\s+(?:assault|violence|abuse)\w*)", "sexual_violence"),
    (r"\b(?:abduct\w*|kidnap\w*|forcibly\s+disappeared|taken\s+hostage|held\s+captive|deported)", "abduction_forced_disappearance"),
    (r"\b(?:shot\s+(?:dead|and\s+killed)|shot\s+(?:a|an|two|three|\d+)\s+(?:\w+\s+)?(?:civilians?|residents?|man|woman|men|women|people|volunteers?)|executed|execution|tortured|torture|beaten|beat\s+(?:a|an)|opened\s+fire\s+on\s+(?:a\s+)?(?:civilian|car|vehicle|evacuation|residents?|people))", "attack"),
]
_CLASH = r"\b(?:clash\w*|armed\s+clash|fighting|fought|battles?|firefights?|skirmish\w*|exchange\s+of\s+fire|gun\s+battles?|assault(?:ed|s)?|offensive|counter-?offensive|repelled|repulsed|attacked\s+(?:Ukrainian|Russian)\s+positions)"
_TAKE = r"\b(?:captured|capture\s+of|seized|took\s+(?:full\s+)?control|taken\s+(?:full\s+)?control|taking\s+(?:full\s+)?control|occupied|overran|entered|advanced\s+into)"
_RETAKE = r"\b(?:recaptured|retook|re-?took|liberat\w+|regained(?:\s+control)?|took\s+back|de-?occupied|recapture|retaken)"
_DISRUPTED = r"\b(?:shot\s+down|intercepted|downed|destroyed\s+\d+\s+(?:drones|missiles)|air\s+defen[cs]es?\s+(?:destroyed|downed|repelled))"
_ARRESTS = r"\b(?:arrested|detained|apprehended|arrest\s+of|detention\s+of)"
_PROTEST = r"\b(?:protest\w*|rall(?:y|ied|ies)|demonstrat\w+|picket\w*|march(?:ed)?\s+(?:in|through|against))"
_LOOT = r"\b(?:loot\w+|pillag\w+|blew\s+up|set\s+(?:on\s+)?fire\s+to|torched|demolished)"
_AGREEMENT = r"\b(?:prisoner\s+(?:exchange|swap)|agreed\s+(?:to|on)|ceasefire\s+agreement|signed\s+an?\s+agreement|humanitarian\s+corridor)"


@dataclass(frozen=True, slots=True)
class EventCue:
    """The event a sentence describes, and the cue that said so."""

    event_type: str
    sub_event_type: str
    start: int
    end: int
    weapon: str | None


def _first(patterns: list[tuple[str, str, str | None]], text: str) -> EventCue | None:
    best: EventCue | None = None
    specific = True
    for i, (pattern, sub, weapon) in enumerate(patterns):
        m = _search(pattern, text)
        if m is None:
            continue
        cue = EventCue("explosions_remote_violence", sub, m.start(), m.end(), weapon)
        if i < 3:
            return cue  # landmine, suicide bomb, chemical weapon: specific, always win
        if best is None or (m.start() < best.start and (weapon is not None or not specific)):
            best = cue
            specific = weapon is not None
    return best


def classify(text: str) -> EventCue | None:
    """The main event cue of a sentence, or ``None`` if it describes no event."""
    remote = _first(_REMOTE, text)
    grenade = _search(_GRENADE, text)
    violence = _match_sub(_VIOLENCE_CIVILIANS, text)
    take = _search(_TAKE, text)
    retake = _search(_RETAKE, text)
    if retake and not remote:
        return EventCue("battles", "government_regains_territory", retake.start(), retake.end(), None)
    if take and not remote and not re.search(r"\b(?:footage|drone|camera|video|image|photo)s?\b[^.]{0,20}$", text[: take.start()], re.I):
        return EventCue("battles", "non_state_actor_overtakes_territory", take.start(), take.end(), None)
    if violence and not remote:
        sub, m = violence
        return EventCue("violence_against_civilians", sub, m.start(), m.end(), "small arms" if sub == "attack" else None)
    if grenade and not (remote and remote.weapon == "drone"):
        return EventCue("explosions_remote_violence", "grenade", grenade.start(), grenade.end(), "grenade")
    disrupted = _search(_DISRUPTED, text)
    if disrupted and (remote is None or not _damage(text)):
        return EventCue("strategic_developments", "disrupted_weapons_use", disrupted.start(), disrupted.end(), remote.weapon if remote else None)
    clash = _search(_CLASH, text)
    if remote and not (clash and clash.start() < remote.start and remote.weapon is None):
        return remote
    if clash:
        return EventCue("battles", "armed_clash", clash.start(), clash.end(), None)
    for pattern, etype, sub in (
        (_ARRESTS, "strategic_developments", "arrests"),
        (_PROTEST, "protests", "peaceful_protest"),
        (_LOOT, "strategic_developments", "looting_property_destruction"),
        (_AGREEMENT, "strategic_developments", "agreement"),
    ):
        m = _search(pattern, text)
        if m:
            return EventCue(etype, sub, m.start(), m.end(), None)
    return None


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    # whole words only: "firefighter" is no "firefight", "bombardment" no "bomb"
    return re.compile(f"(?:{pattern})(?![\\w-])", re.IGNORECASE)


def _search(pattern: str, text: str) -> re.Match[str] | None:
    return _compiled(pattern).search(text)


def _match_sub(table: list[tuple[str, str]], text: str) -> tuple[str, re.Match[str]] | None:
    for pattern, sub in table:
        m = _search(pattern, text)
        if m:
            return sub, m
    return None


def _damage(text: str) -> bool:
    return bool(re.search(r"\b(?:debris|fragments?|wreckage)\b.{0,40}\b(?:fell|hit|damag|struck|injur|kill)|\bkill\w*|\binjur\w*|\bwound\w*|\bdamag\w*", text, re.I))


_WEAPONS = [(p, w) for p, _, w in _REMOTE if w] + [(_GRENADE, "grenade"), (r"\bartillery|howitzers?|shell(?:ed|ing|s)\b", "artillery")]


def find_weapons(text: str) -> list[str]:
    """Every weapon the sentence names, in order of appearance, normalised."""
    hits = []
    for pattern, weapon in _WEAPONS:
        m = _search(pattern, text)
        if m:
            hits.append((m.start(), weapon))
    seen: list[str] = []
    for _, weapon in sorted(hits):
        if weapon not in seen and not (weapon == "missile" and "cruise missile" in seen):
            seen.append(weapon)
    return seen


_TARGETS = [
    (r"maternity\s+(?:hospital|ward|unit)", "maternity hospital"),
    (r"children['’]?s\s+hospital", "children's hospital"),
    (r"hospitals?|medical\s+facilit\w+|clinic", "hospital"),
    (r"kindergartens?|nursery", "kindergarten"),
    (r"schools?|educational\s+institution|university|college|lyceum", "school"),
    (r"(?:aircraft|plane)\s+(?:factory|plant|manufactur\w+)|Antonov", "aircraft factory"),
    (r"factor(?:y|ies)|industrial\s+(?:facility|enterprise|site)|(?<!power\s)plant\b", "factory"),
    (r"airports?|airfields?|air\s+base", "airport"),
    (r"power\s+(?:plant|station)s?|thermal\s+power|energy\s+(?:infrastructure|facilit\w+)|substations?|power\s+grid", "power plant"),
    (r"city\s+council\s+building|city\s+hall|administration\s+building|regional\s+administration|government\s+building", "city council building"),
    (r"(?:railway|train)\s+station|railway|rail\s+infrastructure", "railway station"),
    (r"(?:residential|apartment|high-rise|multi-stor\w+|nine-stor\w+|five-stor\w+)\s+(?:building|block|tower)s?|apartment\s+blocks?|blocks?\s+of\s+flats|housing\s+estate|residential\s+(?:area|district|quarter)|private\s+houses?|homes?|houses?", "residential building"),
    (r"\bbus(?:es)?\b", "bus"),
    (r"\bcars?\b|vehicles?", "car"),
    (r"markets?|shopping\s+(?:centre|center|mall)|supermarket|stores?\b", "market"),
    (r"churche?s?|cathedral|monastery", "church"),
    (r"bridges?", "bridge"),
    (r"(?:military\s+)?training\s+(?:base|ground|centre|center)|military\s+base|barracks", "military base"),
    (r"\bports?\b|harbou?r", "port"),
    (r"warehouses?|depots?|storage\s+facilit\w+", "warehouse"),
    (r"theatre|theater", "theatre"),
    (r"shelters?", "shelter"),
]


def find_targets(text: str) -> list[str]:
    """What was hit, normalised (residential building, hospital, ...)."""
    found: list[str] = []
    for pattern, name in _TARGETS:
        if _compiled(rf"\b(?:{pattern})").search(text) and name not in found:
            if name == "hospital" and ("maternity hospital" in found or "children's hospital" in found):
                continue
            if name == "factory" and "aircraft factory" in found:
                continue
            found.append(name)
    return found


_UA_ACTOR = re.compile(r"\b(?:Ukrainian|Ukraine['’]s)\s+(?:forces|troops|military|army|armed\s+forces|soldiers|drones?|artillery|defenders|servicemen)\b[^.]{0,40}?\b(?:shelled|struck|attacked|hit|fired|launched|recaptured|retook|liberated|killed|destroyed|captured|shot)", re.I)
_RU_ACTOR = re.compile(r"\b(?:Russian|Russia['’]s|Russia\b|Moscow['’]s|Putin['’]s|occupiers|occupying|invaders|enemy|pro-Russian|Wagner|Kremlin)", re.I)


def find_actor(text: str, context: str = "") -> str | None:
    """Who did it: "Russian forces", "Ukrainian forces", or ``None`` when unstated."""
    if _UA_ACTOR.search(text):
        return "Ukrainian forces"
    if _RU_ACTOR.search(text) or _RU_ACTOR.search(context):
        return "Russian forces"
    return None


def find_status(text: str, claimant_side: str | None) -> Status:
    """``claimed`` for a party's own claim, ``unconfirmed`` for hedged reports."""
    if re.search(r"\b(?:investigat\w+|possible|possibly|unconfirmed|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*|allegedly|purportedly)\b", text, re.I):
        return "unconfirmed"
    if re.search(r"\bclaim(?:ed|s)?\b", text, re.I) and claimant_side in ("Russia", "Ukraine"):
        return "claimed"
    return "reported"
