"""The place stage: find place names in each sentence and decide which place each one means.

Names are found by :meth:`Gazetteer.find`.  A name many places share
(Donetsk Oblast alone has about a dozen Oleksandrivkas) is decided by, in order:

1. what the words around it say: "the Kharkiv *region*" is the oblast,
   "Kharkiv *city*" the city, "Pokrovsk *district*" the raion;
2. the units that qualify it right after the name: "Kamianske, Vasylivka
   raion", "Sartana, Donetsk", "Oleksandrivka (Kupiansk raion, Kharkiv
   oblast)", "Novoselivka, Lyman hromada" — these outrank size;
3. a city much larger than every other candidate wins ("Donetsk" alone is
   the city, not the oblast);
4. a hromada, raion or oblast named elsewhere in the sentence, then in the document;
5. the candidate nearest the document's other places ("Stepove, north of
   Avdiivka"): unambiguous ones first, else the likeliest reading of each;
6. where a :class:`PlacePrior`'s points cluster (a batch's other places:
   fighting concentrates near the front line);
7. the largest population.

Each mention records which step decided it (``PlaceMention.basis``), so a
reader can tell a place the text pins down from a best guess.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

from sitrep.config import Settings
from sitrep.extract._gazetteer import (
    Designator,
    Gazetteer,
    GazetteerEntry,
    NameMatch,
    load_gazetteer,
    name_alternates,
    normalise_name,
)
from sitrep.extract.cyrillic.places import finder as cyrillic_finder
from sitrep.lang import month_pattern, vocabulary
from sitrep.model import Document, Place, PlaceMention, Precision, Sentence

__all__ = [
    "LANDMARK",
    "NAME",
    "PlacePrior",
    "find_places",
    "guessed",
    "resolve_mentions",
    "to_place",
]

NAME = "places.v1"

# A city this large, and ten times larger than any other same-named place,
# is what the bare name means whatever the context.  Set by judgement, not
# yet tuned: it must sit below the oblast centres and big towns news names
# bare, and well above the towns that share names (Oleksandrivka, 10k);
# Bucha (42k) is below it and so follows context.  Checked only on the
# five seed articles and the tests' sentences; tune it on the accuracy gate.
DOMINANT_POPULATION = 50_000
DOMINANT_RATIO = 10
# A bare name that is both an oblast and a settlement means the oblast unless
# the settlement is a city at least this large (the oblast's namesake):
# "Volyn" is the oblast, "Donetsk" the city.
OBLAST_NAMESAKE_POPULATION = 50_000
# Without any certain place in an article, a town this large and ten times
# larger than its namesakes anchors the others ("Stepove, north of Avdiivka").
LIKELY_POPULATION = 2_000
# Points a prior keeps: enough to show where a batch clusters, few enough to read per lookup.
PRIOR_POINTS = 2000
# Radius within which a batch's other places count as "here" for the prior.
CLUSTER_KM = 50.0
# A prior point this close to a candidate is that very place, pinned down by another article.
SAME_PLACE_KM = 1.0
# Two gazetteer entries of one name and kind this close are one place listed twice (the
# sources' points for one village differ by up to ~2 km: checked on the duplicates of
# Shevchenkove, Ivanivka, Kupiansk raion); distinct namesakes lie further apart.
DUPLICATE_KM = 3.0


@dataclass(frozen=True, slots=True)
class PlacePrior:
    """Points where other places of a batch lie: the last tie-breaker before population.

    Fighting concentrates near the front line, so in a batch of short reports
    a village name many places share most likely means the one nearest the
    batch's other places.
    """

    points: tuple[tuple[float, float], ...] = ()
    # Places another article of the batch pinned down by name and region ("unique", "context").
    pinned: tuple[tuple[float, float], ...] = ()

    def closeness(self, point: tuple[float, float]) -> tuple[bool, int, float]:
        """Whether the batch pinned this very place down elsewhere, how many of the prior's points
        lie within ``CLUSTER_KM``, then minus the nearest distance.

        A namesake another article placed for certain ("Hroza, Kharkiv region") is the one a
        bare "the village of Hroza" in the same batch means, even where a city's other
        places crowd round a namesake."""
        points, pinned = _point_set(self.points), _point_set(self.pinned)
        same = any(
            _distance_km(point, p) <= SAME_PLACE_KM for p in pinned.within(point, SAME_PLACE_KM)
        )
        near = points.within(point, CLUSTER_KM)
        cluster = sum(points.count[p] for p in near if _distance_km(point, p) <= CLUSTER_KM)
        return same, cluster, -min(_distance_km(point, p) for p in points.nearest(point))

    @classmethod
    def sampled(
        cls,
        points: Sequence[tuple[float, float]],
        pinned: tuple[tuple[float, float], ...] = (),
        most: int = PRIOR_POINTS,
    ) -> PlacePrior:
        """A prior of at most ``most`` of ``points``, evenly spread over them (each lookup reads them all)."""
        step = max(1, math.ceil(len(points) / most))
        return cls(tuple(points[::step]), pinned[:most])

    @classmethod
    def from_documents(cls, docs: Iterable[Document]) -> PlacePrior:
        """Prior from the places a batch's articles pin down (not their best guesses)."""
        docs = list(docs)
        settled = [
            m for doc in docs for m in doc.places if m.place.precision in ("settlement", "district")
        ]
        points = cls.from_places(
            m.place for m in settled if m.basis not in ("largest", "cluster")
        ).points
        pinned = cls.from_places(
            m.place for m in settled if m.basis in ("unique", "context")
        ).points
        return cls(points, tuple(dict.fromkeys(pinned)))  # fmt: skip

    @classmethod
    def from_places(cls, places: Iterable[Place]) -> PlacePrior:
        """Prior from resolved places in Ukraine that have a point."""
        return cls(
            tuple(
                (p.lat, p.lon)
                for p in places
                if p.lat is not None and p.lon is not None and p.country == "Ukraine"
            )
        )


# Relative slack of the vectorised distance against ``_distance_km``: numpy's cos and hypot
# may differ from math's in the last bits (a few 1e-16); 1e-9 keeps every point that could be
# within a bound, and the exact distance then decides, so the answers are ``_distance_km``'s.
_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class _PointSet:
    """Distinct points, how often each occurs, and their coordinates as arrays: a prior's
    points are read once per candidate, and a batch names one village many times."""

    count: dict[tuple[float, float], int]
    distinct: tuple[tuple[float, float], ...]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]

    def _approx_km(self, point: tuple[float, float]) -> npt.NDArray[np.float64]:
        mean_lat = np.radians((self.lat + point[0]) / 2)
        dx = np.radians(self.lon - point[1]) * np.cos(mean_lat)
        km: npt.NDArray[np.float64] = 6371.0 * np.hypot(dx, np.radians(self.lat - point[0]))
        return km

    def within(self, point: tuple[float, float], km: float) -> list[tuple[float, float]]:
        """The points that may lie within ``km`` of ``point`` (a superset; check each exactly)."""
        if not self.distinct:
            return []
        keep = np.flatnonzero(self._approx_km(point) <= km * (1 + _SLACK) + _SLACK)
        return [self.distinct[i] for i in keep]

    def nearest(self, point: tuple[float, float]) -> list[tuple[float, float]]:
        """The points that may be the nearest to ``point`` (a superset of the nearest ones)."""
        approx = self._approx_km(point)
        bound = float(approx.min()) * (1 + 2 * _SLACK) + 2 * _SLACK
        return [self.distinct[i] for i in np.flatnonzero(approx <= bound)]


@functools.lru_cache(maxsize=8)
def _point_set(points: tuple[tuple[float, float], ...]) -> _PointSet:
    count = Counter(points)
    distinct = tuple(count)
    lat = np.array([p[0] for p in distinct], dtype=np.float64)
    lon = np.array([p[1] for p in distinct], dtype=np.float64)
    return _PointSet(dict(count), distinct, lat, lon)


def guessed(doc: Document) -> bool:
    """Whether some place of ``doc`` was the largest of its namesakes for want of any clue."""
    return any(m.basis == "largest" for m in doc.places)


def find_places(doc: Document, settings: Settings) -> Document:
    """Fill ``doc.places`` from every sentence not flagged as boilerplate."""
    prior = PlacePrior(doc.batch_points, doc.batch_pinned) if doc.batch_points else None
    gazetteer = load_gazetteer()
    find = (
        None
        if doc.language == "en"
        else cyrillic_finder(doc.language, gazetteer, [s.text for s in doc.sentences])
    )
    return replace(doc, places=resolve_mentions(doc.sentences, gazetteer, prior, find))


def resolve_mentions(
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    prior: PlacePrior | None = None,
    find: Callable[[str], list[NameMatch]] | None = None,
) -> tuple[PlaceMention, ...]:
    """Place mentions of ``sentences``, each resolved to one place (see the module doc).

    ``find`` reads the names of a sentence (default: the gazetteer's English reading)."""
    found = [(sent, _pin_to_oblasts(sent.text, _with_qualifiers(sent.text, find(sent.text) if find else _find(sent.text, gazetteer)), gazetteer))
             for sent in sentences if not sent.boilerplate]  # fmt: skip
    contexts = [_Context.of(matches) for _, matches in found]
    document = _Context.union(contexts)
    narrowed = [
        [
            _narrow(
                match, designator, _Context.of(_qualifiers(sent.text, matches, k)), ctx, document
            )
            for k, (match, designator) in enumerate(matches)
        ]
        for (sent, matches), ctx in zip(found, contexts, strict=True)
    ]
    for (sent, matches), choices in zip(found, narrowed, strict=True):
        _pair_landmarks(sent.text, [m for m, _ in matches], choices)
    settled = [
        c for sent in narrowed for c in sent if c.basis != "largest" and _anchors(c.entries[0])
    ]
    # Each point once: a place named a thousand times is one anchor (nearest is nearest).
    anchors = tuple(dict.fromkeys(_point(c.entries[0]) for c in settled))
    if not anchors:  # no place is certain: take names whose largest place far outweighs the rest
        anchors = tuple(dict.fromkeys(_point(c.entries[0]) for sent in narrowed for c in sent
                        if _likely(c.entries) and _anchors(c.entries[0])))  # fmt: skip
    mentions = []
    for (sent, matches), choices in zip(found, narrowed, strict=True):
        for (match, _), choice in zip(matches, choices, strict=True):
            others = anchors
            if choice.basis == "largest":  # only then are anchors asked (see _pick)
                own = _points(choice)
                others = tuple(p for p in anchors if p not in own)
            entry, basis = _pick(choice, others, prior)
            mentions.append(
                PlaceMention(
                    sent.index, match.start, match.end, match.surface, to_place(entry), basis
                )
            )
    return tuple(mentions)


# A capitalised word after a name and a comma that ends the clause or comes before "region":
# where an oblast qualifier stands ("Pisky, Mykoliav.", "Topolyne, Kherso region").
_QUALIFIER_WORD = re.compile(
    r"\s*,\s*([A-Z][a-z]{3,})(?=\s*(?:[.;,)]|$)|\s+(?:region|oblast|province)\b)"
)


def _find(text: str, gazetteer: Gazetteer) -> list[NameMatch]:
    """The gazetteer's names in ``text``, and an oblast misspelt where a qualifier stands."""
    out: list[NameMatch] = []
    for match in gazetteer.find(text):
        if out and match.start < out[-1].end:
            continue  # the word was read as the misspelt oblast
        out.append(match)
        word = _QUALIFIER_WORD.match(text, match.end)
        if word is None or gazetteer.has_key(normalise_name(word.group(1))):
            continue
        oblasts = gazetteer.oblasts_spelled_like(normalise_name(word.group(1)))
        if oblasts:
            out.append(NameMatch(word.start(1), word.end(1), word.group(1), oblasts))
    return out


def to_place(entry: GazetteerEntry) -> Place:
    """The :class:`~sitrep.model.Place` a gazetteer entry stands for."""
    return Place(
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        admin1=entry.admin1,
        precision=_PRECISION[entry.kind],
        id=entry.ref,
        admin2=entry.admin2,
        country=entry.country,
        parent=entry.parent,
    )


_PRECISION: dict[str, Precision] = {
    "settlement": "settlement",
    "district": "district",
    "raion": "raion",
    "oblast": "oblast",
    "country": "country",
    "foreign": "settlement",
}

# What may stand between a place and a later name that only locates it.
LANDMARK = re.compile(
    r"""(?:\b(?:
        near|outside|close\s+to|not\s+far\s+from|next\s+to|towards?
      | (?:on\s+)?the\s+(?:\w+\s+)?(?:edge|fringes?|outskirts|side)\s+of
      | (?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+outskirts)?\s+of
      | a\s+(?:suburb|village|town|district)\s+(?:of|near)
      | (?:on\s+)?the\s+outskirts\s+of
      | in\s+the\s+vicinity\s+of
      | \d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from)
    )\s+(?:the\s+)?(?:(?:city|town|village|regional\s+centre)\s+of\s+)?)$""",
    re.I | re.VERBOSE,
)
_COMMA = re.compile(r"\s*[,(]\s*")
# What may separate a name from the units that qualify it:
# "Kamianske, Vasylivka raion", "Serhiivka, Bilhorod-Dnistrovskyi raion of Odesa oblast",
# "Oleksandrivka (Kupiansk raion, Kharkiv oblast)", "Oleksandrivka in the Lyman hromada of".
_QUALIFIER_GAP = re.compile(r"\s*(?:[,(]\s*|\s(?:in|of)\s+)(?:the\s+)?", re.I)
_UNIT_DESIGNATORS = frozenset({"oblast", "raion", "hromada"})


def _with_qualifiers(
    text: str, matches: list[NameMatch]
) -> list[tuple[NameMatch, Designator | None]]:
    """Each match with its designator; in "Sartana, Donetsk" the second name is the oblast.

    A name right after another and a comma qualifies it when it names an
    oblast holding one of the first name's candidates and the first is not a
    large city (so "Kyiv, Kharkiv and Odesa" stays a list of cities).
    """
    out: list[tuple[NameMatch, Designator | None]] = []
    for k, match in enumerate(matches):
        designator = match.designator
        prev = matches[k - 1] if k else None
        if designator is None and prev is not None and _qualifies(text, prev, match):
            designator = "oblast"
        out.append((match, designator))
    return out


def _qualifiers(
    text: str, matches: list[tuple[NameMatch, Designator | None]], k: int
) -> list[tuple[NameMatch, Designator | None]]:
    """The administrative units named right after match ``k`` that qualify it."""
    out: list[tuple[NameMatch, Designator | None]] = []
    end = matches[k][0].end
    for match, designator in matches[k + 1 :]:
        if designator not in _UNIT_DESIGNATORS or not _QUALIFIER_GAP.fullmatch(
            text[end : match.start]
        ):
            break
        out.append((match, designator))
        end = match.end
    return out


def _qualifies(text: str, first: NameMatch, second: NameMatch) -> bool:
    if not _COMMA.fullmatch(text[first.end : second.start]):
        return False
    oblasts = {c.admin1 for c in second.candidates if c.kind == "oblast"}
    if not oblasts or first.candidates[0].population >= DOMINANT_POPULATION:
        return False
    return any(c.admin1 in oblasts and c.kind == "settlement" for c in first.candidates)


# --- a trailing or bracketed oblast pins the names before it ---------------------------

# "Sartana, Donetsk", "Olenivka (Kharkiv region)", "Lozove in the Donetsk oblast".
_PIN_GAP = re.compile(r"\s*[,(]\s*(?:the\s+)?|\s+in\s+(?:the\s+)?", re.I)
_PIN_GAP_BEFORE = re.compile(r"[\w)](?:\s*[,(]\s*(?:the\s+)?|\s+in\s+(?:the\s+)?)$", re.I)
_BARE_GAP_BEFORE = re.compile(r"[\w)]\s*[,(]\s*$")
# After a bare oblast name, another capitalised name continues a list of places
# ("Kyiv, Kharkiv and Odesa"), so the bare name was a place of the list, not a qualifier.
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[A-Z]")
# The names of one list: "Zatoka, Lebedivka and Bilenke in Odesa region".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A name the gazetteer does not know, right before its oblast: "Mine 6/7, Donetsk",
# "Shakhta imeni Gagarina, Donetsk", "Maiorsk, Donetsk region".
_UNKNOWN_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*|\d[\d/-]*)(?:\s+(?:[A-Z][\w'’-]*|imeni|\d[\d/-]*)){0,3}$"
)
# Words before a comma that name no place: dates ("Sunday", "14 May 2023"), bare numbers.
_NOT_A_NAME = re.compile(
    r"\A[\d\s/-]*\Z|\b(?:"
    + vocabulary("en").alternation("weekdays")
    + "|"
    + month_pattern(abbreviations=False)
    + r"|Today|Yesterday)\b"
)
_UNIT_KINDS = frozenset({"oblast", "raion", "country"})

Designated = tuple[NameMatch, Designator | None]


def _pin_to_oblasts(text: str, matches: list[Designated], gazetteer: Gazetteer) -> list[Designated]:
    """Apply each trailing oblast as a hard constraint on the names it qualifies.

    The qualifier outranks population and every other rule: "Kamianske,
    Zaporizhia" is the Zaporizhzhia village, not the Dnipropetrovsk city;
    "Rubizhne, Kharkiv" the Kharkiv one.  A name with no namesake there is
    looked for by its consonants in that oblast only ("Elenovka, Donetsk" is
    Olenivka), then just over that oblast's border ("Debaltseve, Luhansk" is
    the Donetsk town: the writer named the neighbour, and the qualifier is
    dropped); failing that it is dropped, and the qualifier stands for the
    oblast (precision oblast), never for its capital.
    """
    out = list(matches)
    q = 0
    while q < len(out):
        admin1 = _qualifier_oblast(text, out, q)
        if admin1 is None:
            q += 1
            continue
        targets = _qualified(text, out, q, admin1)
        unknown = None if targets else _unknown_name(text, out, q)
        if not targets and unknown is None:
            q += 1  # "Ukraine's second-largest city, Kharkiv": nothing for it to qualify
            continue
        out[q] = (out[q][0], "oblast")
        placed: list[NameMatch] = []
        if unknown is not None:
            key = normalise_name(unknown.surface)
            found = gazetteer.spelled_like(key, admin1) or _over_the_border(
                gazetteer.spelled_like(key, None), admin1, gazetteer
            )
            if found:
                placed.append(replace(unknown, candidates=found))
                out.insert(q, (placed[-1], None))
                q += 1
        for t in sorted(targets, reverse=True):
            pinned = _pinned(*out[t], admin1, gazetteer)
            if pinned is None:
                del out[t]
                q -= 1
            else:
                out[t] = (pinned, out[t][1])
                placed.append(pinned)
        if placed and all(c.admin1 != admin1 for m in placed for c in m.candidates):
            del out[q]  # it named the neighbouring oblast: no place of its own
            continue
        q += 1
    return out


def _qualifier_oblast(text: str, matches: list[Designated], q: int) -> str | None:
    """The oblast match ``q`` names when it qualifies the name before it, else None."""
    match, designator = matches[q]
    oblasts = [c.admin1 for c in match.candidates if c.kind == "oblast" and c.admin1]
    if len(set(oblasts)) != 1 or designator not in (None, "oblast"):
        return None
    prev = matches[q - 1][0] if q else None
    before = text[: match.start] if prev is None else text[prev.start : match.start]
    gap_re = _PIN_GAP_BEFORE if designator == "oblast" else _BARE_GAP_BEFORE
    if not gap_re.search(before):
        return None
    if designator is None:
        if _LIST_GOES_ON.match(text, match.end):
            return None
        if (
            prev is not None
            and _PIN_GAP.fullmatch(text[prev.end : match.start])
            and not _may_pin(prev, match, oblasts[0])
        ):
            return None
    return oblasts[0]


def _may_pin(prev: NameMatch, match: NameMatch, admin1: str) -> bool:
    """Whether a bare oblast name after ``prev`` can be its qualifier (not the next of a list of cities)."""
    if all(c.kind in _UNIT_KINDS for c in prev.candidates):
        return False  # "Kharkiv, Donetsk and Luhansk regions"
    cities = {c.name for c in match.candidates if c.kind == "settlement"}
    if any(c.kind == "district" and c.parent in cities for c in prev.candidates):
        return False  # "Obolon, Kyiv": a district and its city
    inside = any(c.admin1 == admin1 for c in prev.candidates)
    return inside or prev.candidates[0].population < DOMINANT_POPULATION


def _qualified(text: str, matches: list[Designated], q: int, admin1: str) -> list[int]:
    """Indices of the names the qualifier at ``q`` pins: the one before it (past raions and
    hromadas that qualify it too) and the names listed with that one.

    With no name before them, the raion or hromada itself is pinned when the oblast holds
    its namesake ("Kamianske district, Zaporizhia"); a bracket before the qualifier pins the
    names in it and the one it follows ("Huliaipole district (coded to Huliaipole), Zaporizhia").
    """
    j = q - 1
    end = matches[q][0].start
    while (
        j >= 0
        and matches[j][1] in ("raion", "hromada")
        and _PIN_GAP.fullmatch(text[matches[j][0].end : end])
    ):
        end = matches[j][0].start
        j -= 1
    if j >= 0 and _CLOSE_GAP.fullmatch(text[matches[j][0].end : end]):
        return _bracketed(text, matches, j)
    if j < 0 or not _PIN_GAP.fullmatch(text[matches[j][0].end : end]) or matches[j][1] == "oblast":
        unit = matches[j + 1][0] if j + 1 < q else None
        inside = unit is not None and any(
            c.admin1 == admin1 and c.kind in ("settlement", "raion") for c in unit.candidates
        )
        return [j + 1] if inside else []  # not a city district ("Petrovskyi district, Donetsk")
    targets = [j]
    while (
        j > 0
        and _LIST_GAP.fullmatch(text[matches[j - 1][0].end : matches[j][0].start])
        and matches[j - 1][1] is None
    ):
        j -= 1
        targets.append(j)
    return targets


# A bracket closing right before a qualifier: "Huliaipole district (coded to Huliaipole), Zaporizhia".
_CLOSE_GAP = re.compile(r"\)\s*,\s*(?:the\s+)?|\)\s+in\s+(?:the\s+)?", re.I)


def _bracketed(text: str, matches: list[Designated], j: int) -> list[int]:
    """The names in the bracket that match ``j`` ends, and the name right before the bracket."""
    opening = text.rfind("(", 0, matches[j][0].start)
    if opening < 0 or ")" in text[opening : matches[j][0].start]:
        return []
    inside = [k for k in range(j + 1) if matches[k][0].start > opening]
    before = min(inside) - 1
    if before >= 0 and not text[matches[before][0].end : opening].strip():
        inside.append(before)
    return sorted(inside, reverse=True)


def _pinned(
    match: NameMatch, designator: Designator | None, admin1: str, gazetteer: Gazetteer
) -> NameMatch | None:
    """``match`` with only its candidates in ``admin1`` (or spelled like it there), None if none.

    A name called a raion keeps the oblast's raion of that name."""
    units = _UNIT_KINDS - {"raion"} if designator == "raion" else _UNIT_KINDS
    inside = tuple(c for c in match.candidates if c.admin1 == admin1 and c.kind not in units)
    if not inside:
        inside = gazetteer.spelled_like(normalise_name(match.surface), admin1)
    if not inside:
        inside = _over_the_border(match.candidates, admin1, gazetteer)
    return replace(match, candidates=inside) if inside else None


# A settlement this close to the named oblast's nearest settlement lies on its border, where
# writers name the neighbour ("Debaltseve, Luhansk": Debaltseve is in Donetsk oblast, 7 km
# from Luhansk oblast's villages).  Set on ACLED's dev notes: the Donetsk/Luhansk border
# slips there lie 1-16 km over; the other oblasts wrongly named lie 130+ km away.
BORDER_KM = 20.0


def _over_the_border(
    candidates: Iterable[GazetteerEntry], admin1: str, gazetteer: Gazetteer
) -> tuple[GazetteerEntry, ...]:
    """Settlements of ``candidates`` just over the border of oblast ``admin1``, which has none of
    that name: the writer named the neighbouring oblast."""
    points = gazetteer.settlement_points(admin1)
    return tuple(
        c
        for c in candidates
        if c.kind == "settlement"
        and c.lat is not None
        and points
        and _nearest_km(_point(c), points) <= BORDER_KM
    )


def _unknown_name(text: str, matches: list[Designated], q: int) -> NameMatch | None:
    """A capitalised name the gazetteer lacks right before the qualifier at ``q`` ("Mine 6/7,
    Donetsk"), as a match without candidates yet."""
    end = matches[q][0].start
    gap_from = _runs_start(text, end, _PIN_GAP_RUNS)
    head = _PIN_GAP_BEFORE.search(text, gap_from, end)
    if head is None:
        return None
    name_from = _runs_start(text, head.start() + 1, _UNKNOWN_NAME_RUNS)
    name = _UNKNOWN_NAME.search(text, name_from, head.start() + 1)
    floor = matches[q - 1][0].end if q else 0
    if name is None or name.start() < floor or _NOT_A_NAME.search(name.group()):
        return None  # "On Sunday, Kyiv", "On 14 May 2023, Kyiv": a date, not a village
    return NameMatch(name.start(), name.end(), name.group(), ())


# The runs of non-space characters a match of _PIN_GAP_BEFORE ("x, the", "x in the") or of
# _UNKNOWN_NAME (up to four words) can reach back into: each ends where the text read ends and
# has no look-behind, so searching those runs finds what searching from the start finds.
_PIN_GAP_RUNS, _UNKNOWN_NAME_RUNS = 4, 4


def _runs_start(text: str, end: int, runs: int) -> int:
    """Where the last ``runs`` runs of non-space characters of ``text[:end]`` start (0 if fewer),
    found reading back from ``end`` (a long sentence names many places)."""
    i = end
    for _ in range(runs):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i == 0:
            return 0
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


@dataclass(frozen=True, slots=True)
class _Context:
    """Oblasts, raions and hromadas a text names explicitly."""

    oblasts: frozenset[str] = frozenset()
    raions: frozenset[str] = frozenset()
    hromadas: frozenset[str] = frozenset()  # stems: "Lyman hromada" -> "lyman"

    @classmethod
    def of(cls, matches: Sequence[tuple[NameMatch, Designator | None]]) -> _Context:
        oblasts: set[str] = set()
        raions: set[str] = set()
        hromadas: set[str] = set()
        for match, designator in matches:
            if designator == "oblast":
                oblasts.update(
                    c.admin1 for c in match.candidates if c.kind == "oblast" and c.admin1
                )
            elif designator == "raion":
                raions.update(c.admin2 for c in match.candidates if c.kind == "raion" and c.admin2)
            elif designator == "hromada":
                hromadas.add(_hromada_stem(match.candidates[0].name))
        return cls(frozenset(oblasts), frozenset(raions), frozenset(hromadas - {""}))

    @classmethod
    def union(cls, contexts: Iterable[_Context]) -> _Context:
        contexts = list(contexts)
        return cls(
            frozenset().union(*(c.oblasts for c in contexts)),
            frozenset().union(*(c.raions for c in contexts)),
            frozenset().union(*(c.hromadas for c in contexts)),
        )

    def __bool__(self) -> bool:
        return bool(self.oblasts or self.raions or self.hromadas)

    def select(self, candidates: tuple[GazetteerEntry, ...]) -> tuple[GazetteerEntry, ...]:
        """Candidates in a named hromada, else raion, else oblast, else all of them."""
        in_hromada = tuple(c for c in candidates if _in_hromada(c, self.hromadas))
        if in_hromada:
            return in_hromada
        in_raion = tuple(c for c in candidates if c.admin2 in self.raions and c.kind != "raion")
        if in_raion:
            return in_raion
        in_oblast = tuple(c for c in candidates if c.admin1 in self.oblasts)
        return in_oblast or candidates


def _hromada_stem(name: str) -> str:
    """What a settlement's name and its hromada's name share: "Bilozerka" / "Bilozerska" -> "bilozer"."""
    key = normalise_name(name).rstrip("aeiouy")
    for suffix in ("sk", "k"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            return key[: -len(suffix)]
    return key if len(key) >= 4 else ""


def _in_hromada(entry: GazetteerEntry, stems: frozenset[str]) -> bool:
    if not stems or entry.hromada is None or entry.kind != "settlement":
        return False
    key = normalise_name(entry.hromada)
    return any(key.startswith(stem) for stem in stems)


Basis = Literal["unique", "context", "dominant", "nearby", "cluster", "largest"]


@dataclass(frozen=True, slots=True)
class _Choice:
    """The candidates left for one mention, and what left them (``largest`` = nothing did)."""

    entries: tuple[GazetteerEntry, ...]
    basis: Basis


def _narrow(
    match: NameMatch,
    designator: Designator | None,
    qualifiers: _Context,
    sentence: _Context,
    document: _Context,
) -> _Choice:
    """Steps 1-4 of the module doc: what is left after the text has had its say."""
    candidates = _distinct(_own_names(match, _by_designator(match.candidates, designator)))
    if len(candidates) == 1:
        return _Choice(candidates, "unique")
    if designator == "hromada":
        own = tuple(c for c in candidates if _in_hromada(c, frozenset({_hromada_stem(c.name)})))
        candidates = own or candidates
    if qualifiers:
        candidates = qualifiers.select(candidates)
        if len(candidates) == 1:
            return _Choice(candidates, "context")
    if _dominant(candidates):
        return _Choice(candidates[:1], "dominant")
    for ctx in (sentence, document):
        narrower = ctx.select(candidates)
        if len(narrower) == 1 or (len(narrower) < len(candidates) and _dominant(narrower)):
            return _Choice(narrower[:1], "context")
        candidates = narrower
    return _Choice(candidates, "largest")


def _distinct(candidates: tuple[GazetteerEntry, ...]) -> tuple[GazetteerEntry, ...]:
    """One entry per place: the gazetteer's sources list some settlements twice, a few hundred
    metres apart ("Shevchenkove", 7,090, twice), which made a town look like one of two equal
    namesakes.  The first (largest) of entries of one kind and name within ``SAME_PLACE_KM`` stays."""
    kept: list[GazetteerEntry] = []
    for c in candidates:
        if not any(_same_entry(c, k) for k in kept):
            kept.append(c)
    return candidates if len(kept) == len(candidates) else tuple(kept)


def _same_entry(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    if a.kind != b.kind or a.name != b.name or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return _distance_km(_point(a), _point(b)) <= DUPLICATE_KM


def _own_names(
    match: NameMatch, candidates: tuple[GazetteerEntry, ...]
) -> tuple[GazetteerEntry, ...]:
    """Settlements called by this name, without those that merely list it as a variant.

    Variant lists are noisy (Siversk lists "Bakhmut"); a place's own name
    outranks another place's variant.  Without an own-name match ("Kiev",
    "Artemivsk") every candidate stays.
    """
    key = normalise_name(match.surface)
    owners = [c.population for c in candidates if c.kind == "settlement" and _is_own_name(c, key)]
    if not owners:
        return candidates
    # ...unless the place listing it as a variant is a town that far outweighs them
    # ("Zaporozhye" is also a hamlet's own name, "Orekhov" too).
    floor = max(LIKELY_POPULATION, DOMINANT_RATIO * max(owners))
    return tuple(
        c
        for c in candidates
        if c.kind != "settlement" or _is_own_name(c, key) or c.population >= floor
    )


def _is_own_name(entry: GazetteerEntry, key: str) -> bool:
    name = normalise_name(entry.name)
    return key == name or key.startswith(name + " ") or key in name_alternates(name)


_SETTLEMENT_KINDS = frozenset({"settlement", "district", "foreign", "country"})


def _by_designator(
    candidates: tuple[GazetteerEntry, ...], designator: Designator | None
) -> tuple[GazetteerEntry, ...]:
    def kinds(*wanted: str) -> tuple[GazetteerEntry, ...]:
        return tuple(c for c in candidates if c.kind in wanted)

    if designator == "oblast":
        return kinds("oblast") or candidates
    if designator == "raion":
        return kinds("district") or kinds("raion") or candidates
    if designator in ("settlement", "hromada"):
        return kinds("settlement", "district", "foreign") or candidates
    places, oblasts = kinds(*_SETTLEMENT_KINDS), kinds("oblast")
    if oblasts and (not places or places[0].population < OBLAST_NAMESAKE_POPULATION):
        return oblasts
    return places or oblasts or candidates


def _dominant(candidates: tuple[GazetteerEntry, ...]) -> bool:
    if len(candidates) < 2:
        return len(candidates) == 1
    first, second = candidates[0].population, candidates[1].population
    return first >= DOMINANT_POPULATION and first >= DOMINANT_RATIO * second


def _likely(candidates: tuple[GazetteerEntry, ...]) -> bool:
    """A town of some size whose namesakes are all far smaller (Avdiivka, 36k, vs hamlets)."""
    first = candidates[0].population
    return first >= LIKELY_POPULATION and (
        len(candidates) == 1 or first >= DOMINANT_RATIO * candidates[1].population
    )


def _anchors(entry: GazetteerEntry) -> bool:
    return (
        entry.kind in {"settlement", "district"}
        and entry.country == "Ukraine"
        and entry.lat is not None
    )


def _point(entry: GazetteerEntry) -> tuple[float, float]:
    assert entry.lat is not None and entry.lon is not None
    return entry.lat, entry.lon


# A place and the landmark that locates it ("Novoselivka near Lyman") farther apart than
# this are no evidence for each other.
LANDMARK_KM = 60.0


def _pair_landmarks(text: str, matches: list[NameMatch], choices: list[_Choice]) -> None:
    """ "Novoselivka near Lyman": where both names are shared, read them as the namesakes nearest each other."""
    for k in range(1, len(matches)):
        x, y = choices[k - 1], choices[k]
        if "largest" not in (x.basis, y.basis) or not LANDMARK.search(
            text[matches[k - 1].end : matches[k].start]
        ):
            continue
        pairs = [
            (_distance_km(_point(a), _point(b)), -(a.population + b.population), a, b)
            for a in (_plausible(x.entries) if x.basis == "largest" else x.entries[:1])
            for b in (_plausible(y.entries) if y.basis == "largest" else y.entries[:1])
            if a.lat is not None and b.lat is not None
        ]
        if not pairs:
            continue
        km, _, a, b = min(pairs, key=lambda p: p[:2])
        if km <= LANDMARK_KM:
            choices[k - 1] = _Choice((a,), "nearby") if x.basis == "largest" else x
            choices[k] = _Choice((b,), "nearby") if y.basis == "largest" else y


def _plausible(candidates: tuple[GazetteerEntry, ...]) -> tuple[GazetteerEntry, ...]:
    """Namesakes worth pairing: where one is a town, the hamlets ten times smaller are not."""
    largest = candidates[0].population
    if largest < LIKELY_POPULATION:
        return candidates
    return tuple(c for c in candidates if c.population * DOMINANT_RATIO >= largest)


def _points(choice: _Choice) -> set[tuple[float, float]]:
    return {_point(c) for c in choice.entries if c.lat is not None and c.lon is not None}


def _pick(
    choice: _Choice,
    anchors: tuple[tuple[float, float], ...],
    prior: PlacePrior | None,
) -> tuple[GazetteerEntry, Basis]:
    """Steps 5-7: nearest the document's places, then where the prior clusters, then the largest."""
    candidates = choice.entries
    if choice.basis != "largest":
        return candidates[0], choice.basis
    located = [c for c in candidates if c.lat is not None and c.lon is not None]
    if anchors and located:
        return min(located, key=lambda c: _nearest_km(_point(c), anchors)), "nearby"
    if _likely(candidates):
        return candidates[0], "dominant"
    if prior is not None and prior.points and located:
        return max(located, key=lambda c: prior.closeness(_point(c))), "cluster"
    return candidates[0], "largest"  # the gazetteer sorts candidates largest first


def _nearest_km(point: tuple[float, float], points: Sequence[tuple[float, float]]) -> float:
    return min(_distance_km(point, other) for other in points)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance, well within 1 % at Ukraine's scale."""
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(dx, dy)
