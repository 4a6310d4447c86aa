"""Incidents: reports of one event at one place on one day, from different articles.

Candidates are blocked by (admin-1, day) cells within
``settings.incident_window_days`` (a report whose year is unknown looks in
every year indexed, and is found through (admin-1, month, day) cells), so the
cost of adding a report grows with the size of its cells, not with the
corpus.  Day arithmetic is on real calendars: 28 February and 1 March are
adjacent in a common year.  Compatible reports (see
:mod:`sitrep.resolve.matching`) form components; each component is then cut
into incidents greedily in canonical order (earliest published first): a
report joins the compatible incident it agrees with best (see ``cut``), never one
that already holds a report of its own article ("another person was killed"
stays a separate incident).  A component only grows when reports are added,
and its incidents depend only on its members, so any order of additions
gives the same incidents.

Incident ids hash the key of the incident's first report in canonical order
(``article#rN``).  New articles are usually published later than the ones an
incident already has, so an incident keeps its id as reports join it; the id
changes only when an earlier-published report joins, or when two incidents
merge (the later one's id is then retired).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from sitrep.ids import stable_id
from sitrep.model import UNKNOWN_TYPE, Incident, PartialDate, Report
from sitrep.resolve.dates import YEARLESS_YEARS, placements
from sitrep.resolve.disjoint import DisjointSets
from sitrep.resolve.matching import (
    Entry,
    affinity,
    compatible,
    is_coarse,
    precision_rank,
    reach,
    same_counts,
)
from sitrep.resolve.numbers import spread, summarise

__all__ = ["IncidentIndex", "build_incident", "cut", "mergeable", "window_days"]

DayCell = tuple[str, dt.date]  # (admin-1, day) of a report whose date is complete
YearlessCell = tuple[str, int, int]  # (admin-1, month, day) of one whose year is unknown

# A report joins an incident only when it shares the place name, or a count
# and the exact day (see ``affinity``): being compatible is not enough for a
# region-level report ("in Donetsk Oblast") to join one town's incident.
# Tuned on the synthetic corpus: 0 (join anything compatible) lost 4 points of
# pairwise precision; 3-6 tried, 4 is the lowest that requires such evidence.
MIN_AFFINITY = 4


def window_days(days: Iterable[dt.date], window: int) -> set[dt.date]:
    """Every day within ``window`` days of one of ``days``."""
    return {day + dt.timedelta(days=k) for day in days for k in range(-window, window + 1)}


def mergeable(entry: Entry) -> bool:
    """Whether a report can join others at all: it has a date and a place below the country."""
    place = entry.report.place
    return place is not None and place.precision != "country" and entry.report.date is not None


def cut(entries: list[Entry], window: int) -> list[list[Entry]]:
    """Split a component into incidents, greedily in canonical order (precise places first).

    A report may join an incident when it is compatible with every report of
    it and shares enough detail with one (``MIN_AFFINITY``); a region-level
    report must also state the same counts as one (it names no town, so a
    different count could as well be another incident in the region that
    day).  Of the incidents it may join it joins the one it agrees with best
    on average, so an incident that holds a report it contradicts loses to
    one whose reports all agree with it.
    """
    clusters: list[list[Entry]] = []
    # Region-level reports go last, so they join the incident whose numbers
    # they share rather than whichever town's incident came first.
    for entry in sorted(entries, key=lambda e: (is_coarse(e.report.place), e.order)):
        best: list[Entry] | None = None
        best_score = -math.inf
        for cluster in clusters:
            if not all(compatible(entry, member, window) for member in cluster):
                continue
            scores = [affinity(entry, member) for member in cluster]
            mean = sum(scores) / len(scores)
            if _may_join(entry, cluster, scores) and mean > best_score:
                best, best_score = cluster, mean
        if best is None:
            clusters.append([entry])
        else:
            best.append(entry)
    return clusters


def _may_join(entry: Entry, cluster: list[Entry], scores: list[int]) -> bool:
    if max(scores) < MIN_AFFINITY:
        return False
    return not is_coarse(entry.report.place) or any(same_counts(entry, m) for m in cluster)


def build_incident(cluster: list[Entry]) -> Incident:
    """The incident a cluster describes, with its summary numbers (see :mod:`numbers`)."""
    reports = tuple(e.report for e in cluster)
    placed = min(cluster, key=lambda e: (precision_rank(e.report.place), e.order))
    # the type is voted by the reports that name one; unknown only when none does
    typed = [r for r in reports if r.event_type != UNKNOWN_TYPE] or reports
    votes = Counter((r.event_type, r.sub_event_type) for r in typed)
    event_type, sub_event_type = max(votes, key=lambda t: (votes[t], -_first(reports, t)))
    return Incident(
        id=stable_id("incident", cluster[0].key),
        date=incident_date(cluster),
        place=placed.report.place,
        event_type=event_type,
        sub_event_type=sub_event_type,
        reports=reports,
        killed=summarise(r.killed for r in reports),
        injured=summarise(r.injured for r in reports),
        killed_range=spread(r.killed for r in reports),
        injured_range=spread(r.injured for r in reports),
    )


def incident_date(cluster: list[Entry]) -> PartialDate | None:
    """The attack's day: the day most reports that tell of the attack itself agree on.

    A follow-up dated only by its publication ("the toll rose to 21 on Sunday") dates its
    numbers, not the attack, so it decides only when nothing else is dated.  Stated days
    outrank "overnight" and relative ones ("on Saturday"), which may be a day off; among
    those left, the day most outlets give wins, ties going to the earliest told.
    """
    dated = sorted(
        (e for e in cluster if e.report.date is not None),
        key=lambda e: (e.followup, e.flexible, e.day is None, e.order),
    )
    if not dated:
        return None
    lead = dated[0]
    peers = [
        e
        for e in dated
        if e.day is not None and (e.followup, e.flexible) == (lead.followup, lead.flexible)
    ]
    if not peers:
        return lead.report.date
    votes = Counter(e.day for e in peers)
    top = max(votes.values())
    return next(e.report.date for e in peers if votes[e.day] == top)


def _first(reports: tuple[Report, ...], kind: tuple[str, str]) -> int:
    return next(i for i, r in enumerate(reports) if (r.event_type, r.sub_event_type) == kind)


class IncidentIndex:
    """Incremental incident resolution over blocked cells of reports."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.entries: dict[str, Entry] = {}
        self.sets = DisjointSets()
        self._by_day: dict[DayCell, list[str]] = defaultdict(list)
        self._yearless: dict[YearlessCell, list[str]] = defaultdict(list)
        self._years: set[int] = set()

    def add(self, entries: Iterable[Entry]) -> set[str]:
        """Index ``entries``; returns the roots of the components that changed."""
        touched: list[str] = []
        for entry in entries:
            if entry.key in self.entries:
                continue
            self.entries[entry.key] = entry
            self.sets.add(entry.key)
            touched.append(entry.key)
            if mergeable(entry):
                self._link(entry)
        return {self.sets.find(key) for key in touched}

    def _link(self, entry: Entry) -> None:
        for key in self._candidates(entry):
            if compatible(entry, self.entries[key], self.window):
                self.sets.union(entry.key, key)
        date = entry.report.date
        if entry.day is not None:
            self._by_day[(entry.admin1, entry.day)].append(entry.key)
            self._years.add(entry.day.year)
        elif date is not None:
            self._yearless[(entry.admin1, date.month, date.day)].append(entry.key)

    def _candidates(self, entry: Entry) -> Iterator[str]:
        """Keys of the reports in the cells ``entry`` could match: its admin-1, days in the window."""
        date = entry.report.date
        if date is None:
            return
        span = reach(self.window)
        if entry.day is not None:
            days = window_days([entry.day], span)
            month_days = days
        else:  # a year-unknown date may fall in any year indexed
            years = {year + k for year in self._years for k in (-1, 0, 1)}
            days = window_days(placements(date, years), span)
            month_days = window_days(placements(date, YEARLESS_YEARS), span) | days
        for day in days:
            yield from self._by_day.get((entry.admin1, day), ())
        for month, day_of_month in {(d.month, d.day) for d in month_days}:
            yield from self._yearless.get((entry.admin1, month, day_of_month), ())

    def incidents(self, root: str) -> list[tuple[Incident, list[Entry]]]:
        """The incidents of one component, each with its entries in canonical order."""
        members = [self.entries[key] for key in self.sets.members(root)]
        return [(build_incident(cluster), cluster) for cluster in cut(members, self.window)]
