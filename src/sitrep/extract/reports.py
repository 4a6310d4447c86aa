"""Sentence-level reports: one per place an event sentence names.

A sentence yields reports when it has an event cue (``events.classify``)
or states casualties.  Casualty counts that are cumulative tallies belong
to ``figures`` and are left out here.  ``grouping.group_reports`` then
merges the reports of one article that describe one incident.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from sitrep.config import Settings
from sitrep.extract import events
from sitrep.extract._casualties import CasualtyMention, find_casualties
from sitrep.extract._date_roles import DateRoles, date_roles, dateline_end, is_update
from sitrep.extract._factuality import BACKGROUND_DAYS, is_background_date, no_new_event
from sitrep.extract.claimants import find_claimant, normalise_claimant, speaker_is_pronoun
from sitrep.extract.cyrillic.reports import extract_cyrillic_reports
from sitrep.extract.dates import DateMention, find_dates
from sitrep.extract.places import LANDMARK as _LANDMARK
from sitrep.extract.tallies import is_tally
from sitrep.lang import Vocabulary, vocabulary
from sitrep.model import (
    UNKNOWN_TYPE,
    Claimant,
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

_EN = vocabulary("en")
# A sentence that only describes a standing state ("are vulnerable", "take
# seconds to reach") is no event: some verb must be past or perfect, or casualties be told
# ("As a result of the rocket attack ..., there are several casualties").
_PAST = _EN.word_regex("past_verb")
# A verbless news line that names a strike: "Russian rocket strikes on Kyiv."
_STRIKE_LINE = re.compile(
    r"\s*(?:(?:Russian|Russia['’]s|Massive|New|Deadly)\s+)?(?:(?:rocket|missile|drone|air|artillery|ballistic)\s+)?"
    r"(?:strikes?|attacks?|shelling|bombardment|barrage)\s+(?:on|at|hit|hits)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*[.!]?\s*"
)
_QUOTE_START = re.compile(r"^\s*['‘“\"]")
_CAPITAL = re.compile(r"\b(?:the|Ukraine's|Ukrainian)\s+capital\b", re.I)


def publication_date(doc: Document):  # type: ignore[no-untyped-def]
    """The publication date used to resolve relative dates (stated or inferred)."""
    return doc.article.published


def _evidence(doc: Document, sent: Sentence) -> Evidence:
    text = doc.article.text[sent.start : sent.end]
    return Evidence(line=sent.line, start=sent.start, end=sent.end, text=text, sentence=sent.index)


class _ArticlePlaces:
    """The article's place mentions, indexed once (a long article's sentences each ask):
    by sentence, the first Kyiv, and whether any mention is not a reporting body's."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self.by_sentence: dict[int, list[PlaceMention]] = {}
        for m in doc.places:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        self.kyiv = next(
            (
                m.place
                for m in doc.places
                if m.place.name == "Kyiv" and m.place.precision == "settlement"
            ),
            None,
        )
        self._plain: bool | None = None

    def of(self, sent: Sentence) -> list[PlaceMention]:
        return self.by_sentence.get(sent.index, [])

    def any_plain(self) -> bool:
        """Whether some mention of the article is not part of a reporting body's name."""
        if self._plain is None:
            text = {s.index: s.text for s in self._doc.sentences}
            self._plain = any(not _is_authority(text[m.sentence], m) for m in self._doc.places)
        return self._plain


def _event_places(doc: Document, sent: Sentence, index: _ArticlePlaces) -> list[PlaceMention]:
    """Places in ``sent`` where an event can be.

    Left out: Ukraine or Russia as a whole; a foreign attacker ("Moscow's
    bombardment", "from Belgorod"); and places that only say where another
    place is — its units ("Sartana, Donetsk", "Novoselivka, Lyman hromada
    (Kramatorsk raion)"), a landmark ("Lyptsi, north of Kharkiv",
    "Kalynivka near Chasiv Yar"), another name for it ("Marinka (Maryinka)"),
    or where the fire came from ("shelled Toretsk from positions in Horlivka").
    """
    header = dateline_end(sent.text)  # "KYIV (AP) —" says where the story was filed, not the event
    mentions = [m for m in index.of(sent) if m.start >= header]
    if not any(m.place.precision != "country" for m in mentions):
        # nothing after the dateline says where: the filing place is where it happened
        # ("KRYVYI RIH, 4 April 2025 — A Russian ballistic missile hit a residential area")
        mentions = list(index.of(sent))
    authority = [_is_authority(sent.text, m) for m in mentions]
    if any(authority) and index.any_plain():
        # "..., the Dnipropetrovsk regional military administration reported": a source, not a
        # place (a mention of another sentence, or one not a body's, is what else there is)
        mentions = [m for m, source in zip(mentions, authority, strict=True) if not source]
    kept: list[PlaceMention] = []
    units = _Units()
    last_end = 0
    for m in mentions:
        before, last_end = sent.text[last_end : m.start], m.end
        if m.place.precision == "country":
            continue  # "Ukraine", "Russia": too coarse for an event place
        if _seat_of_government(sent.text, m):
            continue
        if m.place.country != "Ukraine" and sent.text[m.end : m.end + 2] in ("'s", "’s"):
            continue  # "Moscow's bombardment" names the attacker, not the place
        if m.place.country != "Ukraine" and sent.text[
            max(0, m.start - 12) : m.start
        ].lower().endswith(("border with ", "from ")):
            continue
        if kept and (_ORIGIN.search(before) or _LANDMARK.search(before) or _ALIAS.search(before)):
            continue
        if kept and _is_admin_hint(sent.text, kept[-1], m):
            continue
        if (
            kept
            and m.place.precision == "district"
            and _POSSESSIVE_GAP.fullmatch(before)
            and m.place.parent != kept[-1].place.name
        ):
            continue  # "Kherson's Dniprovskyi district": a district we do not know, not Kyiv's namesake
        if units.hold_one_in(m.place):
            continue  # "Vasylivka raion" after a village in it
        kept.append(m)
        units.add(m.place)
    kept = _off_route(sent.text, kept)
    # A raion or oblast named beside settlements in it is context, not a separate event place.
    units = _Units(k.place for k in kept)
    return [m for m in kept if not units.hold_one_in(m.place)]


_HROMADA = _EN.word_regex("hromada_word", flags=re.NOFLAG)
_DISTRICT = _EN.word_regex("district_word", flags=re.NOFLAG)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_TO_BETWEEN = re.compile(
    r"\A(?:\s+(?:region|oblast|city))?\s+(?:to|towards?)\s+(?:the\s+)?\Z", re.I
)


def _off_route(text: str, kept: list[PlaceMention]) -> list[PlaceMention]:
    """ "a column moving from Kherson region to Enerhodar": the ends of a route say where it went,
    the destination where it was; a place named apart ("near Vasylkiv") says better than either."""
    for a, b in itertools.pairwise(kept):
        if _FROM_BEFORE.search(text[max(0, a.start - 12) : a.start]) and _TO_BETWEEN.match(
            text[a.end : b.start]
        ):
            others = [m for m in kept if m is not a and m is not b]
            return others if others else [m for m in kept if m is not a]
    return kept


# "from positions near", "from the direction of", "from occupied": where fire came from
_ORIGIN = re.compile(
    r"""\bfrom\s+
    (?:
        (?:their\s+|its\s+|Russian\s+)?positions\s+(?:in|near|around)\s+
      | the\s+direction\s+of\s+
      | the\s+area\s+of\s+
      | (?:the\s+)?(?:occupied|Russian-held|Russian-occupied)\s+
    )?
    (?:the\s+)?$""",
    re.I | re.VERBOSE,
)
# A place named as part of a body that reports ("the Kharkiv regional military
# administration said"), unless that body's building is what was hit.
_AUTHORITY = re.compile(
    r"(?:['’]s)?\s+(?:regional\s+|oblast\s+|city\s+|district\s+)?(?:military\s+|state\s+|civil[\s-]military\s+)?"
    r"(?:administration|council|governor|police|prosecutor['’]?s?|authorities|officials|mayor|emergency\s+service)\b"
    r"(?!\s+(?:building|headquarters|offices?|premises))",
    re.I,
)
_HIT_BEFORE = re.compile(
    r"\b(?:hit|struck|strikes?\s+on|targeted|shelled|attacked|destroyed|damaged)\s+(?:the\s+)?$",
    re.I,
)


# More than the non-space characters of any _HIT_BEFORE match ("strikes on the": 12), so a
# match ending where a place starts begins inside the tail holding this many.
_HIT_REACH = 13


def _tail_start(text: str, end: int, chars: int) -> int:
    """Where the shortest tail of ``text[:end]`` with ``chars`` non-space characters starts
    (0 when it has fewer): a pattern anchored at the end with fewer than ``chars`` of them
    finds the same there as in all of ``text[:end]``, without reading a long sentence from
    its start for every place in it."""
    seen = 0
    for i in range(end - 1, -1, -1):
        if not text[i].isspace():
            seen += 1
            if seen == chars:
                return i
    return 0


def _is_authority(text: str, m: PlaceMention) -> bool:
    hit_from = _tail_start(text, m.start, _HIT_REACH)
    if _HIT_BEFORE.search(text[hit_from : m.start]) or _OFFICIAL_AS_VICTIM.search(
        text[max(0, m.start - 80) : m.start]
    ):
        return False
    return bool(
        _AUTHORITY.match(text, m.end) or _TITLE_OF.search(text[max(0, m.start - 80) : m.start])
    )


# "kidnapped the mayor of Slavutych": the official is the victim, the place where it happened.
_OFFICIAL_AS_VICTIM = re.compile(
    r"""\b(?:kidnap\w*|abduct\w*|detain\w*|captur\w*|arrest\w*|kill\w*|shot|murder\w*|seiz\w*
      |took|taken|held)\s+
    (?:the\s+)?(?:[\w'’-]+\s+){0,3}?
    (?:governor|head|chief|mayor|secretary|deputy|priest)\s+(?:of|for)\s+(?:the\s+)?$""",
    re.I | re.VERBOSE,
)
# "the military governor of the Dnipropetrovsk region", "adviser to the head of the Kharkiv ...":
# the place names whose official speaks.
_TITLE_OF = re.compile(
    r"""\b(?:governor|head|chief|mayor|administration|council|police|prosecutor['’]?s?|officials?
      |adviser|advisor|spokes(?:man|woman|person)|secretary|commander|ombuds(?:man|woman|person))
    \s+(?:office\s+)?(?:of|for)\s+(?:the\s+)?$""",
    re.I | re.VERBOSE,
)
# A capital named for its government ("support Kyiv", "Moscow denied", "talks in Beijing" stay):
# an event is placed there only after a preposition of place or an attack verb, or when it
# opens the sentence as the thing attacked ("Kyiv came under attack").
_LOCATIVE_BEFORE = re.compile(
    r"""\b(?:in|on|at|over|near|around|outside|across|into|of|toward|towards         # place
      |hit|struck|attacked|targeted|shelled|bombed|pounded|strikes?|attacks?)\s+   # attack
    (?:the\s+)?(?:(?:Ukrainian|Russian)\s+)?(?:capital\s+|city\s+of\s+|region\s+of\s+)?$""",
    re.I | re.VERBOSE,
)
_ATTACKED_AFTER = re.compile(
    r"(?:['’]s\s+[A-Z]\w+|\s+(?:was|were|is|has\s+been|had\s+been|came|comes|suffered|region|oblast))\b",
    re.I,
)


def _seat_of_government(text: str, m: PlaceMention) -> bool:
    """A capital named as the state that acts or is acted for, not where an event happened."""
    if m.place.precision != "settlement" or not (
        m.place.country != "Ukraine" or m.place.name == "Kyiv"
    ):
        return False
    if _LOCATIVE_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        return False
    return not _ATTACKED_AFTER.match(text, m.end)


_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:the\s+)?")
# "Marinka (Maryinka)", "Pokrov (formerly Ordzhonikidze)", "Toretsk, formerly Dzerzhynsk"
_ALIAS = re.compile(
    r"^\s*(?:\(\s*(?:formerly\s+|previously\s+|also\s+)?|,\s*(?:formerly|previously)\s+)$", re.I
)


def _contains(unit: Place, place: Place) -> bool:
    """Whether ``unit`` is a city, raion or oblast that ``place`` lies in ("Kherson's Dniprovskyi district")."""
    if unit.precision == "settlement":
        return (
            place.precision == "district"
            and place.parent == unit.name
            and place.admin1 == unit.admin1
        )
    if unit.precision == "raion":
        return (
            place.precision in ("settlement", "district")
            and unit.admin2 is not None
            and unit.admin2 == place.admin2
        )
    if unit.precision == "oblast":
        return (
            place.precision != "oblast" and unit.admin1 is not None and unit.admin1 == place.admin1
        )
    return False


class _Units:
    """Places kept so far, keyed as :func:`_contains` compares them, so that asking whether
    any lies in a unit takes one look-up, not one test per place (a run-on sentence names
    hundreds)."""

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self._districts: set[tuple[str | None, str | None]] = set()  # (city, oblast)
        self._raions: set[str | None] = set()  # admin2 of settlements and districts
        self._oblasts: set[str | None] = set()  # admin1 of all but oblasts
        for place in places:
            self.add(place)

    def add(self, place: Place) -> None:
        if place.precision == "district":
            self._districts.add((place.parent, place.admin1))
        if place.precision in ("settlement", "district"):
            self._raions.add(place.admin2)
        if place.precision != "oblast":
            self._oblasts.add(place.admin1)

    def hold_one_in(self, unit: Place) -> bool:
        """Whether ``_contains(unit, place)`` for some place added."""
        if unit.precision == "settlement":
            return (unit.name, unit.admin1) in self._districts
        if unit.precision == "raion":
            return unit.admin2 is not None and unit.admin2 in self._raions
        if unit.precision == "oblast":
            return unit.admin1 is not None and unit.admin1 in self._oblasts
        return False


def _is_admin_hint(text: str, prev: PlaceMention, m: PlaceMention) -> bool:
    """``Sartana, Donetsk``: the second name is the first one's oblast, raion or hromada."""
    between = text[prev.end : m.start]
    if not re.fullmatch(r"\s*(?:,|\(|in|of)\s*(?:the\s+)?", between):
        return False
    name = m.surface.lower().replace("'s", "")
    if _HROMADA.search(name):
        return True
    admin = (prev.place.admin1 or "").lower()
    if _DISTRICT.search(name):
        admin = (prev.place.admin2 or "").lower()
    return bool(name) and bool(admin) and admin.split()[0] == name.split()[0]


def _assign(
    text: str, items: list[CasualtyMention], places: list[PlaceMention]
) -> dict[int, list[CasualtyMention]]:
    """Casualties go to the nearest place mention (several places in one sentence)."""
    out: dict[int, list[CasualtyMention]] = {i: [] for i in range(len(places))}
    if not places:
        return out
    breaks = _Breaks(text)  # found once: a long sentence's many places and counts stay linear
    nearest = _Nearest(places, breaks) if _in_order(places) else None
    for c in items:
        if nearest is not None:
            out[nearest.of(c)].append(c)
            continue
        best = min(range(len(places)), key=lambda i, c=c: _distance(breaks, places[i], c))  # type: ignore[misc]
        out[best].append(c)
    return out


def _in_order(places: list[PlaceMention]) -> bool:
    """Whether the mentions are non-empty, apart and in text order (as the gazetteer reads them)."""
    return all(m.start < m.end for m in places) and all(
        a.end <= b.start for a, b in itertools.pairwise(places)
    )


class _Nearest:
    """The place :func:`_distance` puts nearest a count, found by bisection over mentions
    that are apart and in order (see :func:`_in_order`): the first place after the count is
    the nearest after it, and the last one before it the nearest before it, since a span
    inside another holds no clause break the other lacks; the earlier mention wins a tie."""

    def __init__(self, places: list[PlaceMention], breaks: _Breaks) -> None:
        self._places, self._breaks = places, breaks
        self._starts = [m.start for m in places]
        self._ends = [m.end for m in places]

    def of(self, c: CasualtyMention) -> int:
        after = bisect.bisect_left(self._starts, c.end)  # places[after:] start after the count
        # of the places before, those reaching the count are all as near (distance 0): the first
        before = min(bisect.bisect_left(self._ends, c.start), after - 1)
        candidates = [i for i in (before, after) if 0 <= i < len(self._places)]
        return min(candidates, key=lambda i: _distance(self._breaks, self._places[i], c))


_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")


class _Breaks:
    """The clause breaks of a sentence, for asking whether a span holds one in log time."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _CLAUSE_BREAK.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def within(self, start: int, end: int) -> bool:
        # breaks do not overlap, so their ends rise with their starts: the first one starting
        # inside the span is the only one that could end inside it first
        k = bisect.bisect_left(self.starts, start)
        return k < len(self.starts) and self.ends[k] <= end


def _distance(breaks: _Breaks, place: PlaceMention, c: CasualtyMention) -> tuple[bool, int, int]:
    """How far a count is from a place: across a clause break is farther than any distance
    within one, and a place after the count ("two were killed in Rubizhne") is nearer than one before."""
    after = place.start >= c.end
    start, end = (c.end, place.start) if after else (place.end, c.start)
    if end <= start:
        return False, 0, 0 if after else 1
    return breaks.within(start, end), end - start, 0 if after else 1


_TOTAL_WORDS = _EN.word_regex("total_word")


def _number(items: list[CasualtyMention], kind: str, text: str = "") -> Number | None:
    """The sentence's count: the largest, or the sum where a count adds "another" victim
    ("two were killed and another died in hospital" = 3)."""
    mine = [c for c in items if c.kind == kind]
    if not mine:
        return None
    values = [c.number for c in mine]
    if (
        len(values) > 1
        and any(c.another or c.added for c in mine[1:])
        and all(n.value is not None for n in values)
        and not _TOTAL_WORDS.search(text)
    ):
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


_DIED_LATER = re.compile(
    r"""\b(?:died|dies)\s+(?:later\s+)?
        (?:in\s+(?:the\s+)?hospital|of\s+(?:his|her|their)\s+(?:injuries|wounds))
      | \bsuccumbed\b""",
    re.I | re.VERBOSE,
)


def _recent_toll_change(text: str, casualties: list[CasualtyMention]) -> bool:
    """The sentence raises an attack's toll: an update, an added victim, a death in hospital."""
    if not casualties:
        return False
    return (
        is_update(text)
        or any(c.added or c.another for c in casualties)
        or bool(_DIED_LATER.search(text))
    )


def _sentence_reports(
    doc: Document, sent: Sentence, index: _ArticlePlaces, before: str = ""
) -> list[Report]:
    text = sent.text
    vocab = vocabulary(doc.language)
    cue = events.classify(text, vocab)
    casualties = [c for c in find_casualties(text) if not is_tally(text, c, vocab, before)]
    if cue is None and not casualties:
        return []
    if _QUOTE_START.match(text) and not casualties:
        return []
    if (
        not _PAST.search(text)
        and not casualties
        and not find_dates(text, doc.article.published)
        and not _STRIKE_LINE.fullmatch(text)
    ):
        return []
    published = doc.article.published
    dates = find_dates(text, published)
    roles = date_roles(text, dates)
    date = roles.event
    # with no publication date, a sentence that names its day tells that day's events ("On 11
    # April 2022 ... fired Grad at settlements 66 times"), not a habit
    recent = _dates_recent(dates, published) or (
        published is None and any(d.date.day for d in dates)
    )
    if no_new_event(text, vocab, recent):
        return []
    # a strike weeks back is background, unless the sentence tells its toll changing now
    # ("another person injured in the attack on September 3 died in hospital today")
    background = is_background_date(date.date if date else None, published)
    if background and not (
        _recent_toll_change(text, casualties) and _dates_recent(dates, published)
    ):
        return []
    places = _event_places(doc, sent, index)
    place_values: list[Place | None] = [m.place for m in places]
    if not places:
        place_values = [index.kyiv if _CAPITAL.search(text) else None]
    claimant = find_claimant(text, vocab)
    typed = cue is not None
    cue = cue or events.EventCue(UNKNOWN_TYPE, UNKNOWN_TYPE, 0, 0, None)
    weapons = events.find_weapons(text, vocab)
    base = Report(
        article_id=doc.article.id,
        date=date.date if date else None,
        place=None,
        event_type=cue.event_type,
        sub_event_type=cue.sub_event_type,
        evidence=(_evidence(doc, sent),),
        extractor=NAME,
        weapon=cue.weapon or (weapons[0] if weapons else None),
        targets=tuple(events.find_targets(text, vocab)),
        actor=events.find_actor(text, vocab),
        status=events.find_status(text, claimant.side if claimant else None, vocab),
        claimant=claimant,
        date_inferred=bool(date and (date.relative or date.night)),
        typed=typed,
        as_of=_as_of(roles, published),
        followup=(date is None and is_update(text)) or background,
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
                killed=_number(mine, "killed", text),
                injured=_number(mine, "injured", text),
                victims=victims,
                targets=base.targets if i == 0 or len(place_values) == 1 else (),
            )
        )
    # "Another drone attack killed one" is a new incident; "one more person died in hospital",
    # a bare count, adds to the toll of the attack the article reports.
    separate = typed and any(c.another for c in casualties)
    return [replace(r, separate=separate) for r in reports]


def _body_sentences(doc: Document) -> list[Sentence]:
    return [
        s for s in doc.sentences if not (s.boilerplate or s.repeat_of is not None or s.is_title)
    ]


# How far back "he said" looks for the person it refers to.
_PRONOUN_REACH = 6
# An attribution-only sentence after a count ("..., he wrote on Telegram.") is short.
_ATTRIBUTION_WORDS = 14


def _last_person(sents: list[Sentence], i: int, vocab: Vocabulary) -> Claimant | None:
    """The person (a name, with or without a role) most recently quoted before sentence ``i``."""
    for sent in reversed(sents[max(0, i - _PRONOUN_REACH) : i]):
        found = find_claimant(sent.text, vocab)
        if (
            found is not None
            and (found.role is not None or len(found.name.split()) >= 2)
            and not _is_body(found)
        ):
            return found
    return None


_BODY = _EN.word_regex("body_word", flags=re.NOFLAG)


def _is_body(claimant: Claimant) -> bool:
    return claimant.role is None and bool(_BODY.search(claimant.name))


# "Minister X said this at a briefing": the sentence before is theirs, however long this one is.
_SAID_THIS = re.compile(
    r"\b(?:said|stated|reported|announced|wrote|noted)\s+this\b|\bthis\s+was\s+(?:said|stated|reported|announced)\b",
    re.I,
)
# Ukrainian outlets head a story with its source: "Source: Serhii Lysak, Head of the Oblast
# Military Administration, on Telegram"; "Background:" starts what came before.
_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<who>[^.]{3,200})$", re.I)
_BACKGROUND_LINE = re.compile(r"^\s*(?:Background|Previously|Earlier)\s*:", re.I)
# A release signed by its issuing body: a short last line that names only the body.
_SIGNATURE_WORDS = 12
_ISSUER = _EN.word_regex("issuer_word", flags=re.NOFLAG)


def _source_line(sents: list[Sentence], vocab: Vocabulary) -> tuple[Claimant | None, int]:
    """The article's "Source:" line and the index of the first sentence it no longer covers
    (a "Background:" line; past the end when there is none)."""
    source: Claimant | None = None
    for k, sent in enumerate(sents):
        if _BACKGROUND_LINE.match(sent.text):
            return source, k
        m = _SOURCE_LINE.match(sent.text)
        if m is not None and source is None:
            who = m.group("who").strip()
            speaker = re.sub(r",?\s+(?:on|via|in)\s+[\w ]{2,30}$", "", who)
            source = find_claimant(f"{speaker}, said.", vocab) or normalise_claimant(
                speaker.split(",")[0], vocab, who
            )
    return source, len(sents)


def _signature(doc: Document) -> Claimant | None:
    """A press release's closing line that names its issuing body ("Department of
    Communications of the Ministry of Internal Affairs of Ukraine")."""
    lines = (s for s in reversed(doc.sentences) if s.text.strip())
    for sent in itertools.islice(lines, 3):  # the last three, read from the end only
        text = sent.text.strip()
        if (
            len(text.split()) > _SIGNATURE_WORDS
            or re.search(r"\d|[.!?]$", text)
            or not _ISSUER.search(text)
        ):
            continue
        found = normalise_claimant(text, vocabulary(doc.language))
        if found is not None and _is_body(found):
            return found
    return None


# "... is reported to have killed": the writer names no source; nor does the sentence before.
_HEARSAY = re.compile(
    r"\b(?:is|are|was|were)\s+(?:reported|said|believed|thought|understood)\s+to\b|\breportedly\b",
    re.I,
)
_OPEN_QUOTE = re.compile(r"^\s*(?:Quote\s*:\s*)?[“\"]")
# How many sentences a quotation may run on before its attribution.
_QUOTE_REACH = 3


def _quote_speaker(sents: list[Sentence], i: int, vocab: Vocabulary) -> Claimant | None:
    """The speaker of a quotation that opens in sentence ``i`` and closes, attributed, a few
    sentences on ("“As of now ... 35 residents ... 75 were injured,” the governor said")."""
    if (
        not _OPEN_QUOTE.match(sents[i].text)
        or "”" in sents[i].text[1:]
        or sents[i].text.count('"') > 1
    ):
        return None
    for j in range(i + 1, min(len(sents), i + 1 + _QUOTE_REACH)):
        text = sents[j].text
        close = max(text.find("”"), text.find('"'))
        if close >= 0:
            rest = text[close:]
            return find_claimant(rest, vocab) or (
                _last_person(sents, i, vocab) if speaker_is_pronoun(rest, vocab) else None
            )
    return None


def _attribution(
    doc: Document, sents: list[Sentence], i: int, source: tuple[Claimant | None, int]
) -> Claimant | None:
    """Who a count sentence that names nobody is told by: "he said" in it, the short attribution
    after it ("..., he wrote on Telegram." / "X said this at a briefing"), the article's
    "Source:" line, the speaker of the sentence before it ("X said that missiles hit the
    station. 30 people were killed ..."), or the body that signs the release."""
    sent, vocab = sents[i], vocabulary(doc.language)
    if speaker_is_pronoun(sent.text, vocab):
        return _last_person(sents, i, vocab)
    quoted = _quote_speaker(sents, i, vocab) or (source[0] if i < source[1] else None)
    if quoted is not None:
        return quoted
    if i + 1 < len(sents):
        nxt = sents[i + 1].text
        short = len(nxt.split()) <= _ATTRIBUTION_WORDS and not find_casualties(nxt)
        if short or _SAID_THIS.search(nxt):
            found = find_claimant(nxt, vocab) or (
                _last_person(sents, i, vocab) if speaker_is_pronoun(nxt, vocab) else None
            )
            if found is not None:
                return found
    found = None
    if i > 0 and sents[i - 1].paragraph == sent.paragraph and not _HEARSAY.search(sent.text):
        found = find_claimant(sents[i - 1].text, vocab)
    return found or _signature(doc)


def _attributed(
    doc: Document,
    reports: list[Report],
    sents: list[Sentence],
    i: int,
    source: tuple[Claimant | None, int],
) -> list[Report]:
    if not any(r.claimant is None and (r.killed or r.injured) for r in reports):
        return reports
    found = _attribution(doc, sents, i, source)
    if found is None:
        return reports
    return [
        replace(r, claimant=found) if r.claimant is None and (r.killed or r.injured) else r
        for r in reports
    ]


def extract_reports(doc: Document, settings: Settings) -> Document:
    """Stage: every sentence-level report in the article (before grouping)."""
    if doc.language != "en":
        return extract_cyrillic_reports(doc, settings)
    reports: list[Report] = []
    sents = _body_sentences(doc)
    source = _source_line(sents, vocabulary(doc.language))
    index = _ArticlePlaces(doc)
    for i, sent in enumerate(sents):
        before = sents[i - 1].text if i > 0 and sents[i - 1].paragraph == sent.paragraph else ""
        reports.extend(
            _attributed(doc, _sentence_reports(doc, sent, index, before), sents, i, source)
        )
    return replace(doc, reports=tuple(reports))
