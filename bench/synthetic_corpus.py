"""A synthetic corpus with known truth, for tests and benchmarks (no part of the installed
package: the tests find it through pytest's ``pythonpath``, the scripts beside it in bench/).

``iter_documents(n, seed)`` streams ``n`` Documents (article text with
sentences, boilerplate flags, reports and figures as the extractor would
produce them); ``generate(n_incidents, seed)`` returns Documents and the
:class:`Truth` they were made from.  The corpus is built from *episodes*:
one or two true incidents at one (place, day) slot, reported by one to four
independent articles with slightly different numbers, tolls revised in later
articles, verbatim copies and rewrites by other outlets (stories), copies
without a date, "overnight" reports dated a day off, transliterated names,
region-level places, shuffled sentences, outlet boilerplate, and figure
claims by several claimants with planted outliers (contradictions).

Each episode draws from its own ``random.Random(f"{seed}:{index}")``, so the
stream is deterministic, needs no memory of earlier episodes and can start
anywhere.  Slots are unique: episode ``i`` is on day ``i // PER_DAY`` at a
place that no other episode of that day uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitrep.geo import OLD_SPELLINGS
from sitrep.ids import figure_key, report_key
from sitrep.model import (
    Article,
    Claimant,
    Document,
    Evidence,
    Figure,
    Number,
    PartialDate,
    Place,
    Qualifier,
    Report,
    Sentence,
)
from sitrep.resolve.claimants import claimant_side

__all__ = [
    "PLACES",
    "Episode",
    "Truth",
    "covering_episodes",
    "generate",
    "iter_documents",
    "iter_episodes",
]

EXTRACTOR = "synthetic.v1"
START = dt.date(2022, 2, 24)
PER_DAY = 12  # episodes per day; fewer than len(PLACES) so each day's slots are distinct

_P = [  # (name, admin1, lat, lon)
    ("Kyiv", "Kyiv City", 50.4501, 30.5234),
    ("Kharkiv", "Kharkiv Oblast", 49.9935, 36.2304),
    ("Odesa", "Odesa Oblast", 46.4825, 30.7233),
    ("Dnipro", "Dnipropetrovsk Oblast", 48.4647, 35.0462),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", 47.8388, 35.1396),
    ("Mykolaiv", "Mykolaiv Oblast", 46.9750, 31.9946),
    ("Kherson", "Kherson Oblast", 46.6354, 32.6169),
    ("Chernihiv", "Chernihiv Oblast", 51.4982, 31.2893),
    ("Sumy", "Sumy Oblast", 50.9077, 34.7981),
    ("Lviv", "Lviv Oblast", 49.8397, 24.0297),
    ("Mariupol", "Donetsk Oblast", 47.0971, 37.5434),
    ("Kramatorsk", "Donetsk Oblast", 48.7389, 37.5844),
    ("Sloviansk", "Donetsk Oblast", 48.8520, 37.6059),
    ("Bakhmut", "Donetsk Oblast", 48.5947, 38.0008),
    ("Avdiivka", "Donetsk Oblast", 48.1394, 37.7497),
    ("Pokrovsk", "Donetsk Oblast", 48.2819, 37.1756),
    ("Kostiantynivka", "Donetsk Oblast", 48.5277, 37.7069),
    ("Izium", "Kharkiv Oblast", 49.2128, 37.2567),
    ("Kupiansk", "Kharkiv Oblast", 49.7106, 37.6156),
    ("Chuhuiv", "Kharkiv Oblast", 49.8359, 36.6880),
    ("Bucha", "Kyiv Oblast", 50.5435, 30.2124),
    ("Irpin", "Kyiv Oblast", 50.5218, 30.2506),
    ("Bila Tserkva", "Kyiv Oblast", 49.7968, 30.1311),
    ("Brovary", "Kyiv Oblast", 50.5110, 30.7909),
    ("Nikopol", "Dnipropetrovsk Oblast", 47.5712, 34.3964),
    ("Kryvyi Rih", "Dnipropetrovsk Oblast", 47.9105, 33.3918),
    ("Pavlohrad", "Dnipropetrovsk Oblast", 48.5167, 35.8667),
    ("Kremenchuk", "Poltava Oblast", 49.0680, 33.4204),
    ("Poltava", "Poltava Oblast", 49.5883, 34.5514),
    ("Vinnytsia", "Vinnytsia Oblast", 49.2331, 28.4682),
    ("Zhytomyr", "Zhytomyr Oblast", 50.2547, 28.6587),
    ("Rivne", "Rivne Oblast", 50.6199, 26.2516),
    ("Lutsk", "Volyn Oblast", 50.7472, 25.3254),
    ("Ternopil", "Ternopil Oblast", 49.5535, 25.5948),
    ("Khmelnytskyi", "Khmelnytskyi Oblast", 49.4230, 26.9871),
    ("Uman", "Cherkasy Oblast", 48.7484, 30.2218),
    ("Cherkasy", "Cherkasy Oblast", 49.4444, 32.0598),
    ("Kropyvnytskyi", "Kirovohrad Oblast", 48.5079, 32.2623),
    ("Ochakiv", "Mykolaiv Oblast", 46.6126, 31.5480),
    ("Vuhledar", "Donetsk Oblast", 47.7797, 37.2486),
    ("Lysychansk", "Luhansk Oblast", 48.9042, 38.4341),
    ("Sievierodonetsk", "Luhansk Oblast", 48.9482, 38.4917),
    ("Hostomel", "Kyiv Oblast", 50.5693, 30.2651),
    ("Vyshhorod", "Kyiv Oblast", 50.5847, 30.4898),
]
#: The settlements episodes happen in (a small stand-in for the gazetteer).
PLACES: tuple[Place, ...] = tuple(
    Place(name, lat, lon, admin1, "settlement", id=f"syn-{name.lower().replace(' ', '-')}")
    for name, admin1, lat, lon in _P
)
_DISTRICTS = tuple(
    Place(name, lat, lon, "Kyiv City", "district", id=f"syn-kyiv-{name.lower()}", parent="Kyiv")
    for name, lat, lon in (
        ("Obolon", 50.5167, 30.4985),
        ("Podil", 50.4650, 30.5190),
        ("Darnytskyi", 50.4110, 30.6330),
    )
)
# The places some reports name in an old spelling: the first one sitrep.geo.OLD_SPELLINGS
# lists for each (Kyiv -> Kiev, Mykolaiv -> Nikolaev, Zaporizhzhia -> Zaporozhye).
_VARIANTS = {
    name: next(old for old, new in OLD_SPELLINGS.items() if new == name.lower()).capitalize()
    for name in ("Kyiv", "Kharkiv", "Odesa", "Irpin", "Hostomel", "Mykolaiv", "Zaporizhzhia")
}

_TYPES = (  # (event_type, sub_event_type, weight)
    ("explosions_remote_violence", "shelling_artillery_missile_attack", 5),
    ("explosions_remote_violence", "air_drone_strike", 3),
    ("battles", "armed_clash", 1),
    ("violence_against_civilians", "attack", 1),
)
_WEAPON = {
    "shelling_artillery_missile_attack": (
        "shelling",
        "rocket fire",
        "a missile strike",
        "artillery fire",
    ),
    "air_drone_strike": ("an air strike", "a drone attack", "a guided bomb", "Shahed drones"),
    "armed_clash": ("heavy fighting", "a gun battle", "clashes"),
    "attack": ("an attack on civilians", "gunfire at a checkpoint"),
}
_TARGETS = (
    "a residential building",
    "the city council building",
    "a school",
    "a hospital",
    "a market",
    "a railway station",
    "an apartment block",
    "a power plant",
    "a bus stop",
    "a shopping centre",
)
_FAMILIES = (
    ("un", "the UN human rights office"),
    ("un", "the UN monitoring mission"),
    ("ses", "the State Emergency Service"),
    ("ukraine", "Ukrainian officials"),
    ("governor", "the regional governor"),
    ("russia", "the Russian defence ministry"),
)
_METRICS = ("civilians_killed", "civilians_injured", "children_killed", "people_killed")
_WORDS = [
    "the",
    "city",
    "residents",
    "said",
    "war",
    "front",
    "power",
    "water",
    "heat",
    "night",
    "morning",
    "sirens",
    "shelter",
    "metro",
    "bridge",
    "road",
    "convoy",
    "troops",
    "border",
    "talks",
    "delegation",
    "aid",
    "corridor",
    "evacuation",
    "bus",
    "train",
    "station",
    "hospital",
    "school",
    "market",
    "winter",
    "summer",
    "supply",
    "grain",
    "port",
    "ship",
    "sea",
    "coast",
    "river",
    "village",
    "town",
    "district",
    "region",
    "army",
    "forces",
    "defence",
    "line",
    "counteroffensive",
    "tanks",
    "drones",
    "missiles",
    "artillery",
    "volunteers",
    "medics",
    "doctors",
    "nurses",
    "families",
    "children",
    "elderly",
    "refugees",
    "homes",
    "roofs",
    "windows",
    "glass",
    "rubble",
    "debris",
    "fire",
    "smoke",
    "crater",
    "street",
    "square",
    "park",
    "church",
    "monument",
    "museum",
    "library",
    "factory",
    "plant",
    "field",
    "farm",
    "harvest",
    "tractor",
    "fuel",
    "price",
    "shortage",
    "queue",
    "bread",
    "pharmacy",
    "cash",
    "bank",
    "signal",
    "internet",
    "phone",
    "radio",
    "broadcast",
    "statement",
    "interview",
    "video",
    "images",
    "photos",
    "journalists",
    "reporters",
    "officials",
    "ministers",
    "leaders",
    "allies",
    "sanctions",
    "weapons",
    "package",
    "tanks",
    "jets",
    "loans",
    "europe",
    "america",
    "britain",
    "poland",
    "germany",
    "france",
    "brussels",
    "washington",
    "london",
    "warsaw",
    "capital",
    "streets",
    "hours",
    "days",
    "weeks",
    "months",
    "year",
    "quickly",
    "slowly",
    "again",
    "still",
    "never",
    "always",
    "yet",
    "already",
    "soon",
    "later",
    "earlier",
    "after",
    "before",
    "during",
    "while",
    "because",
    "although",
    "however",
    "meanwhile",
    "despite",
    "across",
    "along",
    "around",
    "through",
]

_OUTLETS = tuple(f"Outlet {c}" for c in "ABCDEFGHIJ")


def _boilerplate(outlet: str) -> tuple[str, ...]:
    tag = outlet.split()[-1]
    return (
        f"Support independent journalism at {outlet} today.",
        f"Your donation keeps {outlet} reporters on the ground, subscribe for {tag} premium.",
        f"Join the {outlet} comment forum and share your view.",
    )


@dataclass
class Truth:
    """What the corpus was made from: the answers ``resolve`` should find."""

    stories: dict[str, str] = field(default_factory=dict)  # article id -> story label
    incidents: dict[str, str] = field(default_factory=dict)  # report key -> incident label
    incident_contradictions: set[tuple[str, str]] = field(
        default_factory=set
    )  # (incident label, measure)
    figure_outliers: set[str] = field(default_factory=set)  # figure keys planted to contradict
    inferred_published: dict[str, dt.date] = field(default_factory=dict)

    def update(self, other: Truth) -> None:
        self.stories.update(other.stories)
        self.incidents.update(other.incidents)
        self.incident_contradictions |= other.incident_contradictions
        self.figure_outliers |= other.figure_outliers
        self.inferred_published.update(other.inferred_published)


@dataclass(frozen=True, slots=True)
class Episode:
    docs: tuple[Document, ...]
    truth: Truth
    n_incidents: int


@dataclass
class _Event:
    label: str
    place: Place
    day: dt.date
    event_type: str
    sub_event_type: str
    killed: int
    injured: int


@dataclass
class _Piece:
    """A sentence to be, with what it supports."""

    text: str
    boilerplate: bool = False
    report: tuple[str, int, int, PartialDate, bool, Place, str] | None = (
        None  # label, killed, injured, date, quals, place, claimant
    )
    figure: tuple[str, str, str | None, Number, str, dt.date, bool] | None = (
        None  # metric, scope, side, value, claimant, as_of, outlier
    )


def iter_episodes(seed: int, start: int = 0) -> Iterator[Episode]:
    """Episodes ``start, start + 1, ...`` of the corpus for ``seed`` (endless)."""
    index = start
    while True:
        yield _episode(seed, index)
        index += 1


def covering_episodes(n: int, seed: int = 0) -> Iterator[Episode]:
    """The first episodes, whole, until they hold at least ``n`` documents (a few more at most).

    Whole episodes keep the truth exact: a planted contradiction needs all of
    its episode's articles.
    """
    count = 0
    for episode in iter_episodes(seed):
        if count >= n:
            return
        yield episode
        count += len(episode.docs)


def iter_documents(n: int, seed: int = 0) -> Iterator[Document]:
    """The first ``n`` documents of the corpus for ``seed``, streamed."""
    count = 0
    for episode in iter_episodes(seed):
        for doc in episode.docs:
            if count == n:
                return
            yield doc
            count += 1


def generate(n_incidents: int, seed: int = 0, start: int = 0) -> tuple[list[Document], Truth]:
    """Documents covering at least ``n_incidents`` true incidents, and their truth.

    The episodes are ``start, start + 1, ...``: a stretch of the long corpus.
    """
    docs: list[Document] = []
    truth = Truth()
    made = 0
    for episode in iter_episodes(seed, start):
        if made >= n_incidents:
            break
        docs.extend(episode.docs)
        truth.update(episode.truth)
        made += episode.n_incidents
    return docs, truth


def _slot(index: int) -> tuple[dt.date, Place]:
    # Day d takes the next PER_DAY places of a fixed shuffle, so a place comes
    # back only after len(PLACES) // PER_DAY = 3 days: an "overnight" report
    # dated a day off cannot meet another episode at its place.
    day, j = divmod(index, PER_DAY)
    return START + dt.timedelta(days=day), PLACES[((j + day * PER_DAY) * 7) % len(PLACES)]


def _events(rng: random.Random, index: int) -> list[_Event]:
    day, place = _slot(index)
    etype, sub, _ = rng.choices(_TYPES, weights=[t[2] for t in _TYPES])[0]
    killed = int(rng.paretovariate(1.2)) - 1 + rng.randint(0, 3)
    events = [_Event(f"i{index}:0", place, day, etype, sub, killed, killed * 2 + rng.randint(1, 9))]
    if rng.random() < 0.12:
        if place.name == "Kyiv":
            events.append(
                _Event(
                    f"i{index}:1",
                    rng.choice(_DISTRICTS),
                    day,
                    etype,
                    sub,
                    killed + 1,
                    rng.randint(1, 5),
                )
            )
        else:
            other = (
                ("battles", "armed_clash")
                if etype != "battles"
                else ("violence_against_civilians", "attack")
            )
            events.append(_Event(f"i{index}:1", place, day, *other, killed + 2, rng.randint(0, 4)))
    return events


def _episode(seed: int, index: int) -> Episode:
    rng = random.Random(f"{seed}:{index}")
    events = _events(rng, index)
    truth = Truth()
    outlets = rng.sample(_OUTLETS, 6)
    quotes = [_filler(rng, 14) for _ in range(2)]
    n_indep = rng.choice((1, 1, 2, 2, 3, 4))
    articles: list[
        tuple[str, list[_Piece], dt.date | None, str]
    ] = []  # (story label, pieces, published, outlet)
    revised = False
    for j in range(n_indep):
        pieces: list[_Piece] = []
        published = events[0].day + dt.timedelta(days=rng.random() < 0.3)
        for e_i, event in enumerate(events if j == 0 else events[:1]):
            killed, injured = event.killed, event.injured
            own = j > 0 and rng.random() < 0.2
            if own:  # an outlet's slightly different count, told as its own (no claimant)
                step = max(1, killed // 10)
                killed = killed + step if killed < step or rng.random() < 0.5 else killed - step
            elif j > 0 and not revised and rng.random() < 0.15:  # the toll rose: a later article
                revised = True
                published = events[0].day + dt.timedelta(days=2)
                killed = event.killed + 1 + killed // 3
                injured = event.injured + 2
            pieces.append(_report_piece(rng, event, killed, injured, j == 0 and e_i == 0, own))
        pieces.extend(
            _figure_pieces(rng, events[0], index, truth) if j == 0 and rng.random() < 0.3 else []
        )
        pieces.extend(_Piece(q) for q in quotes if j == 0)
        pieces.extend(_Piece(_filler(rng, rng.randint(12, 20))) for _ in range(rng.randint(10, 18)))
        articles.append((f"s{index}:{j}", pieces, published, outlets[j]))
    if n_indep and rng.random() < 0.5:
        articles.append(_copy(rng, articles[0], outlets[5], revised))
    return _materialise(rng, seed, index, events, articles, truth)


def _report_piece(
    rng: random.Random, event: _Event, killed: int, injured: int, first: bool, own: bool = False
) -> _Piece:
    place = event.place
    # Only a report that restates the event's counts is made region-level: one
    # that also changed its counts would share nothing but its oblast, day and
    # type with its incident, and so could not be told from another incident
    # in that oblast that day (its truth would be a guess).
    restated = (killed, injured) == (event.killed, event.injured)
    if rng.random() < 0.05 and not first and restated:
        place = Place(
            place.admin1 or "", None, None, place.admin1, "oblast", id=f"syn-{place.admin1}"
        )
    elif place.name in _VARIANTS and rng.random() < 0.3:
        place = Place(
            _VARIANTS[place.name],
            place.lat,
            place.lon,
            place.admin1,
            place.precision,
            parent=place.parent,
        )
    overnight = rng.random() < 0.1
    weapon = rng.choice(_WEAPON[event.sub_event_type])
    claimant = rng.choice(("the regional governor", "the mayor", "police", "emergency workers"))
    where = place.name if place.precision != "district" else f"the {place.name} district of Kyiv"
    k = f"at least {killed}" if rng.random() < 0.5 else f"{killed}"
    when = (
        "overnight"
        if overnight
        else rng.choice(("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "early today"))
    )
    text = rng.choice(
        (
            f"{k.capitalize()} people were killed and {injured} injured in {where} {when} by {weapon}, {claimant} said.",
            f"Russian {weapon} hit {rng.choice(_TARGETS)} in {where} {when}, killing {k} and wounding {injured}, according to {claimant}.",
            f"In {where}, {k} civilians died and {injured} were hurt {when} after {weapon}, {claimant} reported.",
        )
    )
    if own:  # the outlet's own count: the same sentence without its attribution
        text = re.sub(
            r",? (?:according to )?" + re.escape(claimant) + r"(?: said| reported)?\.$", ".", text
        )
        claimant = ""
    quals = k.startswith("at least")
    day = event.day - dt.timedelta(days=overnight and rng.random() < 0.5)  # "overnight": either day
    date = (
        PartialDate(None, day.month, day.day) if rng.random() < 0.03 else PartialDate.from_date(day)
    )
    return _Piece(text, report=(event.label, killed, injured, date, quals, place, claimant))


def _figure_pieces(rng: random.Random, event: _Event, index: int, truth: Truth) -> list[_Piece]:
    metric = rng.choice(_METRICS)
    scope = event.place.admin1 or "Ukraine"
    days = (event.day - START).days
    base = 50 + 20 * (zlib.crc32((metric + scope).encode()) % 7) + days * 3  # a slowly rising tally
    pieces = []
    first = rng.choice(_FAMILIES[:5])
    fams = [first, rng.choice([f for f in _FAMILIES[:5] if f[0] != first[0]])]
    outlier = rng.random() < 0.3
    high = rng.random() < 0.5  # the outlier is 8x the tally, else a tenth of it
    for n, (_, name) in enumerate(fams):
        value = int(base * rng.uniform(0.93, 1.0))
        planted = outlier and n == 1
        if planted:
            value = max(1, int(value * (8.0 if high else 0.1)))
        # A planted disagreement must be one the qualifiers cannot explain:
        # "more than 144" allows 1,176, "144" does not.
        bounded = outlier and (planted != high)
        qual: Qualifier = rng.choice(
            ("exact", "about") if bounded else ("exact", "more_than", "at_least", "about")
        )
        number = Number(value, qual, value, value if qual == "exact" else None)
        phrase = {
            "exact": "",
            "more_than": "more than ",
            "at_least": "at least ",
            "about": "about ",
        }[qual]
        what = metric.replace("_", " ")
        template = rng.choice(
            (
                "{N} said {p}{v} {w} in {s} since the invasion began.",
                "In {s}, {p}{v} {w} so far, according to {n}.",
                "The toll in {s} stands at {p}{v} {w}, {n} said on {d}.",
            )
        )
        text = template.format(
            N=name[0].upper() + name[1:],
            n=name,
            p=phrase,
            v=f"{value:,}",
            w=what,
            s=scope,
            d=event.day.strftime("%B %d"),
        )
        pieces.append(_Piece(text, figure=(metric, scope, None, number, name, event.day, planted)))
    return pieces


def _filler(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _copy(
    rng: random.Random,
    source: tuple[str, list[_Piece], dt.date | None, str],
    outlet: str,
    revised: bool,
) -> tuple[str, list[_Piece], dt.date | None, str]:
    label, pieces, published, _ = source
    if rng.random() < 0.3:  # a rewrite: the facts and the quotes, new wording around them
        kept = [p for p in pieces if p.report or p.figure] + pieces[
            len([p for p in pieces if p.report or p.figure]) :
        ][:2]
        new = kept + [_Piece(_filler(rng, rng.randint(12, 20))) for _ in range(rng.randint(6, 10))]
    else:  # a verbatim copy with small edits
        new = [
            _Piece(_edit(rng, p.text), report=p.report, figure=p.figure)
            if not p.report and not p.figure
            else p
            for p in pieces
        ]
        if len(new) > 4 and rng.random() < 0.5:
            del new[-1]
    undated = not revised and rng.random() < 0.3
    return (label, new, None if undated else published, outlet)


def _edit(rng: random.Random, text: str) -> str:
    words = text.split()
    if len(words) > 6 and rng.random() < 0.3:
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
    return " ".join(words)


def _article_id(seed: int, index: int, j: int) -> str:
    return hashlib.blake2b(f"{seed}:{index}:{j}".encode(), digest_size=8).hexdigest()


def _materialise(
    rng: random.Random,
    seed: int,
    index: int,
    events: list[_Event],
    articles: list[tuple[str, list[_Piece], dt.date | None, str]],
    truth: Truth,
) -> Episode:
    docs = []
    day_of = {e.label: e for e in events}
    for j, (label, pieces, published, outlet) in enumerate(articles):
        article_id = _article_id(seed, index, j)
        body = list(pieces)
        if rng.random() < 0.1:
            rng.shuffle(body)
        plates = [_Piece(t, boilerplate=True) for t in _boilerplate(outlet)]
        ordered = [
            _Piece(f"{events[0].place.name}: {_filler(rng, 6)[:-1]}"),
            *plates[:1],
            *body,
            *plates[1:],
        ]
        docs.append(_document(article_id, ordered, published, outlet, day_of, truth))
        truth.stories[article_id] = label
    dated: dict[str, dt.date] = {}
    for doc in docs:
        if doc.article.published is not None:
            label = truth.stories[doc.article.id]
            dated[label] = min(dated.get(label, doc.article.published), doc.article.published)
    for doc in docs:
        label = truth.stories[doc.article.id]
        if (
            doc.article.published is None
            and label in dated
            and sum(v == label for v in truth.stories.values()) > 1
        ):
            truth.inferred_published[doc.article.id] = dated[label]
    truth.incident_contradictions = _disputed(docs, truth)
    return Episode(tuple(docs), truth, len(events))


def _disputed(docs: list[Document], truth: Truth) -> set[tuple[str, str]]:
    """(incident, measure) whose reports differ at about the same time (DESIGN: revisions are not contradictions)."""
    stated: dict[tuple[str, str], list[tuple[dt.date | None, int, str]]] = {}
    for doc in docs:
        for i, report in enumerate(doc.reports):
            label = truth.incidents[report_key(doc.article.id, i)]
            for measure, number in (("killed", report.killed), ("injured", report.injured)):
                if number is not None and number.value is not None:
                    claimant = report.claimant.name if report.claimant else ""
                    stated.setdefault((label, measure), []).append(
                        (doc.article.published, number.value, claimant)
                    )
    return {
        key
        for key, values in stated.items()
        if any(_conflict(a, b) for a in values for b in values)
    }


def _conflict(a: tuple[dt.date | None, int, str], b: tuple[dt.date | None, int, str]) -> bool:
    """Different values by different claimants told within a day, other than a later, higher toll."""
    (da, va, ca), (db, vb, cb) = a, b
    if va == vb or (ca and ca == cb):
        return False
    if ca and cb and claimant_side(Claimant(ca)) == claimant_side(Claimant(cb)):
        return False  # one side's sources: the toll at different hours or days
    if da is None or db is None:
        return True
    if not (ca and cb) and da != db:
        return False  # an outlet's own count a day off another: the toll as it moved
    if abs((da - db).days) > 1:
        return False  # days apart: moments of one series
    return (da < db) != (va < vb)


def _document(
    article_id: str,
    pieces: list[_Piece],
    published: dt.date | None,
    outlet: str,
    events: dict[str, _Event],
    truth: Truth,
) -> Document:
    sentences: list[Sentence] = []
    reports: list[Report] = []
    figures: list[Figure] = []
    text_parts: list[str] = []
    offset = 0
    for i, piece in enumerate(pieces):
        start, end = offset, offset + len(piece.text)
        sentences.append(
            Sentence(
                i, start, end, piece.text, i + 1, i, boilerplate=piece.boilerplate, is_title=i == 0
            )
        )
        evidence = (Evidence(i + 1, start, end, piece.text, i),)
        if piece.report is not None:
            label, killed, injured, date, quals, place, claimant = piece.report
            event = events[label]
            truth.incidents[report_key(article_id, len(reports))] = label
            reports.append(
                Report(
                    article_id,
                    date,
                    place,
                    event.event_type,
                    event.sub_event_type,
                    evidence,
                    EXTRACTOR,
                    killed=Number(killed, "at_least", killed, None)
                    if quals
                    else Number.exact(killed),
                    injured=Number.exact(injured),
                    claimant=Claimant(claimant) if claimant else None,
                )
            )
        if piece.figure is not None:
            metric, scope, side, number, name, as_of, planted = piece.figure
            if planted:
                truth.figure_outliers.add(figure_key(article_id, len(figures)))
            figures.append(
                Figure(
                    article_id,
                    metric,
                    scope,
                    number,
                    evidence,
                    EXTRACTOR,
                    Claimant(name),
                    side,
                    PartialDate(2022, 2, 24),
                    PartialDate.from_date(as_of),
                )
            )
        text_parts.append(piece.text)
        offset = end + 1
    article = Article(
        article_id,
        "\n".join(text_parts),
        f"synthetic:{article_id}",
        title=pieces[0].text,
        published=published,
        published_basis="stated" if published else "unknown",
        outlet=outlet,
    )
    return Document(
        article, sentences=tuple(sentences), reports=tuple(reports), figures=tuple(figures)
    )
