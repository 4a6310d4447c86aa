"""Sentence-level reports: one per place an event sentence names.

A sentence yields reports when it has an event cue (``events.classify``)
or states casualties.  Casualty counts that are cumulative tallies belong
to ``figures`` and are left out here.  ``grouping.group_reports`` then
merges the reports of one article that describe one incident.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitrep.config import Settings
from sitrep.extract import events
from sitrep.extract._casualties import CasualtyMention, find_casualties
from sitrep.extract._date_roles import DateRoles, date_roles, dateline_end, is_update
from sitrep.extract._factuality import BACKGROUND_DAYS, is_background_date, no_new_event
from sitrep.extract.claimants import find_claimant
from sitrep.extract.dates import DateMention, find_dates
from sitrep.extract.places import LANDMARK as _LANDMARK
from sitrep.extract.tallies import is_tally
from sitrep.model import (
    Document,
    Evidence,
    Number,
    PartialDate,
    Place,
    PlaceMention,
    Report,
    Sentence,
)

__all__ = ["NAME", "extract_reports", "publication_date"]

NAME = "reports.v1"

# A sentence that only describes a standing state ("are vulnerable", "take
# seconds to reach") is no event: some verb must be past or perfect.
_PAST = re.compile(
    r"\b(?:\w+ed|struck|hit|shot|fired|fell|blew|was|were|had|has\s+been|have\s+been|came|"
    r"died|killing|injuring|wounding|hitting|launched|dead|took|seized|overran|rained|saw|left|"
    r"destroyed|pounded|burning|burns|continues|raging|rage)\b",
    re.I,
)
_QUOTE_START = re.compile(r"^\s*['‘“\"]")
_CAPITAL = re.compile(r"\b(?:the|Ukraine's|Ukrainian)\s+capital\b", re.I)


def publication_date(doc: Document):  # type: ignore[no-untyped-def]
    """The publication date used to resolve relative dates (stated or inferred)."""
    return doc.article.published


def _evidence(doc: Document, sent: Sentence) -> Evidence:
    text = doc.article.text[sent.start : sent.end]
    return Evidence(line=sent.line, start=sent.start, end=sent.end, text=text, sentence=sent.index)


def _event_places(doc: Document, sent: Sentence) -> list[PlaceMention]:
    """Places in ``sent`` where an event can be.

    Left out: Ukraine or Russia as a whole; a foreign attacker ("Moscow's
    bombardment", "from Belgorod"); and places that only say where another
    place is — its units ("Sartana, Donetsk", "Novoselivka, Lyman hromada
    (Kramatorsk raion)"), a landmark ("Lyptsi, north of Kharkiv",
    "Kalynivka near Chasiv Yar"), another name for it ("Marinka (Maryinka)"),
    or where the fire came from ("shelled Toretsk from positions in Horlivka").
    """
    header = dateline_end(sent.text)  # "KYIV (AP) —" says where the story was filed, not the event
    mentions = [m for m in doc.places if m.sentence == sent.index and m.start >= header]
    sources = [m for m in mentions if _is_authority(sent.text, m)]
    if sources and _other_places(doc, sources):
        # "..., the Dnipropetrovsk regional military administration reported": a source, not a place
        mentions = [m for m in mentions if m not in sources]
    kept: list[PlaceMention] = []
    last_end = 0
    for m in mentions:
        before, last_end = sent.text[last_end : m.start], m.end
        if m.place.precision == "country":
            continue  # "Ukraine", "Russia": too coarse for an event place
        if _seat_of_government(sent.text, m):
            continue
        if m.place.country != "Ukraine" and sent.text[m.end : m.end + 2] in ("'s", "’s"):
            continue  # "Moscow's bombardment" names the attacker, not the place
        if m.place.country != "Ukraine" and sent.text[max(0, m.start - 12) : m.start].lower().endswith(("border with ", "from ")):
            continue
        if kept and (_ORIGIN.search(before) or _LANDMARK.search(before) or _ALIAS.search(before)):
            continue
        if kept and _is_admin_hint(sent.text, kept[-1], m):
            continue
        if kept and m.place.precision == "district" and _POSSESSIVE_GAP.fullmatch(before) and m.place.parent != kept[-1].place.name:
            continue  # "Kherson's Dniprovskyi district": a district we do not know, not Kyiv's namesake
        if any(_contains(m.place, k.place) for k in kept):
            continue  # "Vasylivka raion" after a village in it
        kept.append(m)
    # A raion or oblast named beside settlements in it is context, not a separate event place.
    return [m for m in kept if not any(_contains(m.place, k.place) for k in kept)]


_ORIGIN = re.compile(
    r"\bfrom\s+(?:(?:their\s+|its\s+|Russian\s+)?positions\s+(?:in|near|around)\s+|the\s+direction\s+of\s+|the\s+area\s+of\s+|(?:the\s+)?(?:occupied|Russian-held|Russian-occupied)\s+)?(?:the\s+)?$",
    re.I,
)
# A place named as part of a body that reports ("the Kharkiv regional military
# administration said"), unless that body's building is what was hit.
_AUTHORITY = re.compile(
    r"(?:['’]s)?\s+(?:regional\s+|oblast\s+|city\s+|district\s+)?(?:military\s+|state\s+|civil[\s-]military\s+)?"
    r"(?:administration|council|governor|police|prosecutor['’]?s?|authorities|officials|mayor|emergency\s+service)\b"
    r"(?!\s+(?:building|headquarters|offices?|premises))",
    re.I,
)
_HIT_BEFORE = re.compile(r"\b(?:hit|struck|strikes?\s+on|targeted|shelled|attacked|destroyed|damaged)\s+(?:the\s+)?$", re.I)


def _other_places(doc: Document, sources: list[PlaceMention]) -> bool:
    text = {s.index: s.text for s in doc.sentences}
    return any(m not in sources and not _is_authority(text[m.sentence], m) for m in doc.places)


def _is_authority(text: str, m: PlaceMention) -> bool:
    if _HIT_BEFORE.search(text[: m.start]):
        return False
    return bool(_AUTHORITY.match(text, m.end) or _TITLE_OF.search(text[max(0, m.start - 80) : m.start]))


# "the military governor of the Dnipropetrovsk region", "adviser to the head of the Kharkiv ...":
# the place names whose official speaks.
_TITLE_OF = re.compile(
    r"\b(?:governor|head|chief|mayor|administration|council|police|prosecutor['’]?s?|officials?|adviser|advisor|"
    r"spokes(?:man|woman|person)|secretary|commander|ombuds(?:man|woman|person))\s+(?:office\s+)?(?:of|for)\s+(?:the\s+)?$",
    re.I,
)
# A capital named for its government ("support Kyiv", "Moscow denied", "talks in Beijing" stay):
# an event is placed there only after a preposition of place or an attack verb, or when it
# opens the sentence as the thing attacked ("Kyiv came under attack").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|on|at|over|near|around|outside|across|into|of|toward|towards|hit|struck|attacked|targeted|"
    r"shelled|bombed|pounded|strikes?|attacks?)\s+(?:the\s+)?(?:(?:Ukrainian|Russian)\s+)?(?:capital\s+|city\s+of\s+|region\s+of\s+)?$",
    re.I,
)
_ATTACKED_AFTER = re.compile(r"\A(?:['’]s\s+[A-Z]\w+|\s+(?:was|were|is|has\s+been|had\s+been|came|comes|suffered|region|oblast))\b", re.I)


def _seat_of_government(text: str, m: PlaceMention) -> bool:
    """A capital named as the state that acts or is acted for, not where an event happened."""
    if m.place.precision != "settlement" or not (m.place.country != "Ukraine" or m.place.name == "Kyiv"):
        return False
    if _LOCATIVE_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        return False
    return not _ATTACKED_AFTER.match(text, m.end)


_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:the\s+)?")
# "Marinka (Maryinka)", "Pokrov (formerly Ordzhonikidze)", "Toretsk, formerly Dzerzhynsk"
_ALIAS = re.compile(r"^\s*(?:\(\s*(?:formerly\s+|previously\s+|also\s+)?|,\s*(?:formerly|previously)\s+)$", re.I)


def _contains(unit: Place, place: Place) -> bool:
    """Whether ``unit`` is a city, raion or oblast that ``place`` lies in ("Kherson's Dniprovskyi district")."""
    if unit.precision == "settlement":
        return place.precision == "district" and place.parent == unit.name and place.admin1 == unit.admin1
    if unit.precision == "raion":
        return place.precision in ("settlement", "district") and unit.admin2 is not None and unit.admin2 == place.admin2
    if unit.precision == "oblast":
        return place.precision != "oblast" and unit.admin1 is not None and unit.admin1 == place.admin1
    return False


def _is_admin_hint(text: str, prev: PlaceMention, m: PlaceMention) -> bool:
    """``Sartana, Donetsk``: the second name is the first one's oblast, raion or hromada."""
    between = text[prev.end : m.start]
    if not re.fullmatch(r"\s*(?:,|\(|in|of)\s*(?:the\s+)?", between):
        return False
    name = m.surface.lower().replace("'s", "")
    if re.search(r"\b(?:hromada|community|municipality)\b", name):
        return True
    admin = (prev.place.admin1 or "").lower()
    if re.search(r"\b(?:district|raion)\b", name):
        admin = (prev.place.admin2 or "").lower()
    return bool(name) and bool(admin) and admin.split()[0] == name.split()[0]


def _kyiv_from_doc(doc: Document) -> Place | None:
    for m in doc.places:
        if m.place.name == "Kyiv" and m.place.precision == "settlement":
            return m.place
    return None


def _assign(text: str, items: list[CasualtyMention], places: list[PlaceMention]) -> dict[int, list[CasualtyMention]]:
    """Casualties go to the nearest place mention (several places in one sentence)."""
    out: dict[int, list[CasualtyMention]] = {i: [] for i in range(len(places))}
    if not places:
        return out
    for c in items:
        nearest = min(range(len(places)), key=lambda i, c=c: _distance(text, places[i], c))  # type: ignore[misc]
        out[nearest].append(c)
    return out


_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")


def _distance(text: str, place: PlaceMention, c: CasualtyMention) -> tuple[bool, int, int]:
    """How far a count is from a place: across a clause break is farther than any distance
    within one, and a place after the count ("two were killed in Rubizhne") is nearer than one before."""
    after = place.start >= c.end
    start, end = (c.end, place.start) if after else (place.end, c.start)
    gap = text[start:end] if end > start else ""
    return bool(_CLAUSE_BREAK.search(gap)), len(gap), 0 if after else 1


def _number(items: list[CasualtyMention], kind: str) -> Number | None:
    """The sentence's count: the largest, or the sum where a count adds "another" victim
    ("two were killed and another died in hospital" = 3)."""
    mine = [c for c in items if c.kind == kind]
    if not mine:
        return None
    values = [c.number for c in mine]
    if len(values) > 1 and any(c.another for c in mine[1:]) and all(n.value is not None for n in values):
        total = sum(n.value or 0 for n in values)
        exact = all(n.qualifier == "exact" for n in values)
        return Number(total, "exact" if exact else "at_least", total, total if exact else None)
    return max(values, key=lambda n: n.low or n.value or 0)


def _as_of(roles: DateRoles, published: dt.date | None) -> PartialDate | None:
    """When the sentence's numbers are stated: its report-time date, else the article's date."""
    if roles.as_of is not None:
        return roles.as_of.date
    return PartialDate.from_date(published) if published is not None else None


def _dates_recent(dates: list[DateMention], published: dt.date | None) -> bool:
    """Whether a date of the sentence lies within ``BACKGROUND_DAYS`` before publication."""
    days = [d.date.to_date() for d in dates] if published is not None else []
    return any(day is not None and 0 <= (published - day).days < BACKGROUND_DAYS for day in days)  # type: ignore[operator]


def _sentence_reports(doc: Document, sent: Sentence, settings: Settings) -> list[Report]:
    text = sent.text
    cue = events.classify(text)
    casualties = [c for c in find_casualties(text) if not is_tally(text, c)]
    if cue is None and not casualties:
        return []
    if _QUOTE_START.match(text) and not casualties:
        return []
    if not _PAST.search(text) and not casualties and not find_dates(text, doc.article.published):
        return []
    published = doc.article.published
    dates = find_dates(text, published)
    roles = date_roles(text, dates)
    date = roles.event
    if no_new_event(text, _dates_recent(dates, published)) or is_background_date(date.date if date else None, published):
        return []
    places = _event_places(doc, sent)
    place_values: list[Place | None] = [m.place for m in places]
    if not places:
        kyiv = _kyiv_from_doc(doc) if _CAPITAL.search(text) else None
        place_values = [kyiv]
    claimant = find_claimant(text)
    typed = cue is not None
    cue = cue or events.EventCue("explosions_remote_violence", "shelling_artillery_missile_attack", 0, 0, None)
    weapons = events.find_weapons(text)
    base = Report(
        article_id=doc.article.id,
        date=date.date if date else None,
        place=None,
        event_type=cue.event_type,
        sub_event_type=cue.sub_event_type,
        evidence=(_evidence(doc, sent),),
        extractor=NAME,
        weapon=cue.weapon or (weapons[0] if weapons else None),
        targets=tuple(events.find_targets(text)),
        actor=events.find_actor(text),
        status=events.find_status(text, claimant.side if claimant else None),
        claimant=claimant,
        date_inferred=bool(date and (date.relative or date.night)),
        typed=typed,
        as_of=_as_of(roles, published),
        followup=date is None and is_update(text),
    )
    by_place = _assign(text, casualties, places) if places else {0: casualties}
    reports = []
    for i, place in enumerate(place_values):
        mine = by_place.get(i, [])
        victims = next((c.victims for c in mine if c.victims != "others"), None)
        reports.append(
            replace(
                base,
                place=place,
                killed=_number(mine, "killed"),
                injured=_number(mine, "injured"),
                victims=victims,
                targets=base.targets if i == 0 or len(place_values) == 1 else (),
            )
        )
    # "Another drone attack killed one" is a new incident; "one more person died in hospital",
    # a bare count, adds to the toll of the attack the article reports.
    separate = typed and any(c.another for c in casualties)
    return [replace(r, separate=separate) for r in reports]


def extract_reports(doc: Document, settings: Settings) -> Document:
    """Stage: every sentence-level report in the article (before grouping)."""
    reports: list[Report] = []
    for sent in doc.sentences:
        if sent.boilerplate or sent.repeat_of is not None or sent.is_title:
            continue
        reports.extend(_sentence_reports(doc, sent, settings))
    return replace(doc, reports=tuple(reports))
