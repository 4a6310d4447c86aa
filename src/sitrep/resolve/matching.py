"""When two reports can describe the same incident: place, day and type.

A report is wrapped in an :class:`Entry` with what matching needs (its key,
its effective day, whether its day is flexible).  ``compatible`` is the hard
test; ``affinity`` ranks compatible candidates (more shared detail is better).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.geo import OLD_SPELLINGS, haversine_km
from sitrep.ids import report_key
from sitrep.lang import month_pattern
from sitrep.model import UNKNOWN_TYPE, Number, PartialDate, Place, Report
from sitrep.resolve.dates import YEARLESS_YEARS, full_date, placements

__all__ = [
    "Entry",
    "affinity",
    "compatible",
    "day_gap",
    "is_coarse",
    "is_revision",
    "make_entry",
    "place_key",
    "precision_rank",
    "reach",
    "same_counts",
    "same_place",
]

# Two settlement points this close are one place under two gazetteer entries.
# 3 km keeps Bucha and Irpin (centres 3.4 km apart, distinct towns) apart;
# DESIGN suggested ~5 km; 1-5 km tried on the synthetic gazetteer.
SAME_SETTLEMENT_KM = 3.0

# Shelling, missiles and air strikes are told apart unreliably by reporters
# ("rocket strikes" vs "shelling" vs "air strike" for the same attack).
_INTERCHANGEABLE = frozenset({"shelling_artillery_missile_attack", "air_drone_strike"})

_OVERNIGHT = re.compile(r"\bovernight\b|\bnight\b|\bnightly\b|\blate on\b", re.IGNORECASE)
# Words that tell a day; a report whose sentences have none is dated only by its publication.
_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|night|morning|evening|afternoon|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|"
    rf"{month_pattern()})\b|\d{{1,2}}[./]\d{{1,2}}",
    re.IGNORECASE,
)

# A follow-up ("the death toll in Dnipro has risen to 46", dated only by its
# publication) may join an incident this many days before it.  Wire follow-ups
# of one strike run over about a week (rescue work, deaths in hospital);
# later mentions are background (extract: BACKGROUND_DAYS = 14).  3-14 tried
# on our own coverage set (tests/golden/coverage): 7 joins every follow-up.
FOLLOWUP_DAYS = 7
COUNT_SPREAD = 0.5
_LOWER_BOUNDS = frozenset({"at_least", "more_than"})

_PRECISION_RANK = {"district": 0, "settlement": 1, "raion": 2, "oblast": 3, "country": 4}
_COARSE = _PRECISION_RANK["raion"]


def _norm(name: str | None) -> str:
    if not name:
        return ""
    text = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("’", "'")).strip()
    return " ".join(OLD_SPELLINGS.get(word, word) for word in text.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """A report being resolved.  ``order`` is the canonical order (earliest published first)."""

    key: str
    article_id: str
    report: Report
    day: dt.date | None  # full date; None when the year (or the date) is unknown
    flexible: bool  # "overnight" or an inferred date: may be one window off
    order: tuple[str, str, int]
    followup: bool = (
        False  # updates a toll, dated only by publication: the attack may be days earlier
    )

    @property
    def admin1(self) -> str:
        place = self.report.place
        return "" if place is None else _norm(place.admin1)


def make_entry(article_id: str, index: int, report: Report, published: dt.date | None) -> Entry:
    """Wrap the ``index``-th report of an article published on ``published`` (stated, or None)."""
    evidence = " ".join(e.text for e in report.evidence)
    flexible = report.date_inferred or bool(_OVERNIGHT.search(evidence))
    stamp = published.isoformat() if published is not None else "9999-99-99"
    return Entry(
        key=report_key(article_id, index),
        article_id=article_id,
        report=report,
        day=None if report.date is None else full_date(report.date, published),
        flexible=flexible,
        order=(stamp, article_id, index),
        followup=report.followup or dated_by_publication(report, published),
    )


def dated_by_publication(report: Report, published: dt.date | None) -> bool:
    """No sentence of the report tells a day: it took its article's date, so the attack it
    tells of happened on that day or some days before (a feature two days after a strike)."""
    if not report.date_inferred or published is None or report.date is None:
        return False
    if full_date(report.date, published) != published:
        return False
    return not any(_DAY_WORDS.search(e.text) for e in report.evidence)


def reach(window: int) -> int:
    """How many days either side of a report its candidates' cells span (follow-ups included)."""
    return max(window, FOLLOWUP_DAYS)


def place_key(place: Place) -> str:
    """The settlement a place stands for (a district stands for its city)."""
    if place.precision == "district" and place.parent:
        return _norm(place.parent)
    return _norm(place.name)


def same_place(a: Place, b: Place) -> bool:
    """True when ``a`` and ``b`` are one place, or one lies inside the other."""
    if "country" in (a.precision, b.precision):
        return False
    if a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1):
        return False
    if a.id is not None and a.id == b.id:
        return True
    if "oblast" in (a.precision, b.precision):
        return bool(a.admin1 and b.admin1) or _norm(a.name) == _norm(b.name)
    if "raion" in (a.precision, b.precision):
        return bool(a.admin2) and _norm(a.admin2) == _norm(b.admin2)
    if a.precision == "district" and b.precision == "district":
        return _norm(a.name) == _norm(b.name) and place_key(a) == place_key(b)
    if place_key(a) == place_key(b):
        return True
    return _km(a, b) <= SAME_SETTLEMENT_KM and "district" not in (a.precision, b.precision)


def _km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _dates(entry: Entry, date: PartialDate, years: Iterable[int]) -> list[dt.date]:
    return [entry.day] if entry.day is not None else placements(date, years)


def day_gap(a: Entry, b: Entry) -> int | None:
    """Days between two reports' dates; a date of unknown year counts in the year closest.

    ``None`` when either is undated, or for a 29 February of unknown year
    when no leap year lies within a year of the other date.
    """
    da, db = a.report.date, b.report.date
    if da is None or db is None:
        return None
    if a.day is None and b.day is not None:  # place the year-unknown date around the known one
        (a, da), (b, db) = (b, db), (a, da)
    gaps = [
        abs((x - y).days)
        for x in _dates(a, da, YEARLESS_YEARS)
        for y in _dates(b, db, (x.year - 1, x.year, x.year + 1))
    ]
    return min(gaps, default=None)


def _same_day(a: Entry, b: Entry, window: int) -> bool:
    gap = day_gap(a, b)
    if gap is None:
        return False
    if gap <= (window if (a.flexible or b.flexible) else 0):
        return True
    return _follows(a, b) or _follows(b, a)


def _follows(later: Entry, earlier: Entry) -> bool:
    """``later`` is a follow-up told up to ``FOLLOWUP_DAYS`` after ``earlier``'s day."""
    if not later.followup:
        return False
    if later.day is None or earlier.day is None:
        gap = day_gap(later, earlier)
        return gap is not None and gap <= FOLLOWUP_DAYS
    return 0 <= (later.day - earlier.day).days <= FOLLOWUP_DAYS


def _same_type(a: Report, b: Report) -> bool:
    """One type, or interchangeable remote sub-types; a report of unknown type (its sentence
    named no event) may be of any."""
    if UNKNOWN_TYPE in (a.event_type, b.event_type):
        return True
    if a.event_type != b.event_type:
        return False
    sa, sb = a.sub_event_type, b.sub_event_type
    return not sa or not sb or sa == sb or {sa, sb} <= _INTERCHANGEABLE


def compatible(a: Entry, b: Entry, window: int) -> bool:
    """Could ``a`` and ``b`` describe one incident?  (Never two reports of one article.)"""
    pa, pb = a.report.place, b.report.place
    return (
        a.article_id != b.article_id
        and pa is not None
        and pb is not None
        and _same_type(a.report, b.report)
        and _same_day(a, b, window)
        and same_place(pa, pb)
    )


def is_revision(a: Entry, b: Entry, va: int, vb: int) -> bool:
    """True when ``va`` and ``vb`` differ as a toll rising over days: the later-published is higher."""
    # order[0] is the stated publication date, "9999-..." when unknown.
    if va == vb or "9999" in (a.order[0][:4], b.order[0][:4]) or a.order[0] == b.order[0]:
        return False
    return (a.order[0] < b.order[0]) == (va < vb)


def _same_settlement(a: Place | None, b: Place | None) -> bool:
    # Two reports naming one oblast or raion share no detail: every incident
    # of the region that day can be reported that way.
    if a is None or b is None or is_coarse(a) or is_coarse(b):
        return False
    return _norm(a.name) == _norm(b.name)


def _same_day_for_sure(a: Entry, b: Entry) -> bool:
    # An "overnight" report is dated either day: matching one of them exactly
    # is no evidence over matching the other (compatible() checked the window).
    if a.day is None or b.day is None:
        return False
    return a.day == b.day or a.flexible or b.flexible


def _count_score(a: Entry, b: Entry, na: Number | None, nb: Number | None) -> int:
    if na is None or nb is None or na.value is None or nb.value is None:
        return 0
    if na.value == nb.value:
        return 2
    if is_revision(a, b, na.value, nb.value):
        return 1
    if min((na, nb), key=lambda n: n.value or 0).qualifier in _LOWER_BOUNDS:
        # "At least two killed" told in the first hour does not speak against 18 told later
        # the same day: a lower bound below the other count agrees with it.
        return 0
    # Outlets a day apart quote 8 and 10 for one strike (a toll told at different hours);
    # only counts far apart speak against one incident.  Tuned on the real-coverage dev
    # set (bench/real_coverage_score.py) and the synthetic corpus: 0.3-0.6 tried.
    return 0 if abs(na.value - nb.value) <= COUNT_SPREAD * max(na.value, nb.value) else -2


def same_counts(a: Entry, b: Entry) -> bool:
    """True when two reports state a count in common and every count both state is equal."""
    pairs = [
        (na.value, nb.value)
        for na, nb in ((a.report.killed, b.report.killed), (a.report.injured, b.report.injured))
        if na is not None and nb is not None and na.value is not None and nb.value is not None
    ]
    return bool(pairs) and all(va == vb for va, vb in pairs)


def affinity(a: Entry, b: Entry) -> int:
    """How much detail two compatible reports share: a larger score is a likelier match.

    The same settlement or district name 4, the same full day 2 (any day in
    the window when one day is flexible), the same sub-event type 1; per count (killed, injured) 2 when equal, 1 when the
    later-published report is higher (a revision), -2 when they disagree
    otherwise.  A region-level report has no name to share, so it joins an
    incident on its day and counts (see ``incidents.MIN_AFFINITY``).
    """
    ra, rb = a.report, b.report
    score = 4 * _same_settlement(ra.place, rb.place)
    score += 2 * _same_day_for_sure(a, b)
    score += ra.sub_event_type == rb.sub_event_type
    score += _count_score(a, b, ra.killed, rb.killed)
    score += _count_score(a, b, ra.injured, rb.injured)
    return score


def precision_rank(place: Place | None) -> int:
    """0 for a district ... 4 for the country; 5 for no place."""
    return 5 if place is None else _PRECISION_RANK.get(place.precision, 4)


def is_coarse(place: Place | None) -> bool:
    """A raion, an oblast, the country or no place: too vague to tell incidents apart."""
    return precision_rank(place) >= _COARSE
