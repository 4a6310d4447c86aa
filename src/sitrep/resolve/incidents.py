"""Incidents: reports of one event at one place on one day, from different articles.

Candidates are blocked by (admin-1, month-day) cells within
``settings.incident_window_days``, so the cost of adding a report grows with
the size of its cells, not with the corpus.  Compatible reports (see
:mod:`sitrep.resolve.matching`) form components; each component is then cut
into incidents greedily in canonical order (earliest published first): a
report joins the compatible incident it shares most detail with, never one
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
from collections import Counter, defaultdict
from collections.abc import Iterable

from sitrep.model import Incident, Report
from sitrep.resolve.disjoint import DisjointSets
from sitrep.resolve.ids import stable_id
from sitrep.resolve.matching import Entry, affinity, compatible, precision_rank
from sitrep.resolve.numbers import spread, summarise

__all__ = ["IncidentIndex", "build_incident", "cut"]

Cell = tuple[str, int, int]

# A report joins an incident only when it shares the place name, or a count
# and the exact day (see ``affinity``): being compatible is not enough for a
# region-level report ("in Donetsk Oblast") to join one town's incident.
# Tuned on the synthetic corpus: 0 (join anything compatible) lost 4 points of
# pairwise precision; 3-6 tried, 4 is the lowest that requires such evidence.
MIN_AFFINITY = 4
_COARSE = 2  # precision rank of a raion (see matching.precision_rank)


def _cells(entry: Entry, window: int) -> list[Cell]:
    date = entry.report.date
    if date is None:
        return []
    base = dt.date(2000, date.month, date.day)  # a leap year holds every month-day
    days = (base + dt.timedelta(days=k) for k in range(-window, window + 1))
    return [(entry.admin1, d.month, d.day) for d in days]


def _mergeable(entry: Entry) -> bool:
    place = entry.report.place
    return place is not None and place.precision != "country" and entry.report.date is not None


def cut(entries: list[Entry], window: int) -> list[list[Entry]]:
    """Split a component into incidents, greedily in canonical order (precise places first)."""
    clusters: list[list[Entry]] = []
    # Region-level reports go last, so they join the incident whose numbers
    # they share rather than whichever town's incident came first.
    for entry in sorted(
        entries, key=lambda e: (precision_rank(e.report.place) >= _COARSE, e.order)
    ):
        best: list[Entry] | None = None
        best_score = -1
        for cluster in clusters:
            if not all(compatible(entry, member, window) for member in cluster):
                continue
            score = max(affinity(entry, member) for member in cluster)
            if score >= MIN_AFFINITY and score > best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append([entry])
        else:
            best.append(entry)
    return clusters


def build_incident(cluster: list[Entry]) -> Incident:
    """The incident a cluster describes, with its summary numbers (see :mod:`numbers`)."""
    reports = tuple(e.report for e in cluster)
    dated = sorted(
        cluster, key=lambda e: (e.report.date is None, e.flexible, e.day is None, e.order)
    )
    placed = min(cluster, key=lambda e: (precision_rank(e.report.place), e.order))
    votes = Counter((r.event_type, r.sub_event_type) for r in reports)
    event_type, sub_event_type = max(votes, key=lambda t: (votes[t], -_first(reports, t)))
    return Incident(
        id=stable_id("incident", cluster[0].key),
        date=dated[0].report.date,
        place=placed.report.place,
        event_type=event_type,
        sub_event_type=sub_event_type,
        reports=reports,
        killed=summarise(r.killed for r in reports),
        injured=summarise(r.injured for r in reports),
        killed_range=spread(r.killed for r in reports),
        injured_range=spread(r.injured for r in reports),
    )


def _first(reports: tuple[Report, ...], kind: tuple[str, str]) -> int:
    return next(i for i, r in enumerate(reports) if (r.event_type, r.sub_event_type) == kind)


class IncidentIndex:
    """Incremental incident resolution over blocked cells of reports."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.entries: dict[str, Entry] = {}
        self.sets = DisjointSets()
        self._cells: dict[Cell, list[str]] = defaultdict(list)

    def add(self, entries: Iterable[Entry]) -> set[str]:
        """Index ``entries``; returns the roots of the components that changed."""
        touched: list[str] = []
        for entry in entries:
            if entry.key in self.entries:
                continue
            self.entries[entry.key] = entry
            self.sets.add(entry.key)
            touched.append(entry.key)
            if _mergeable(entry):
                self._link(entry)
        return {self.sets.find(key) for key in touched}

    def _link(self, entry: Entry) -> None:
        cells = _cells(entry, self.window)
        for cell in cells:
            for key in self._cells.get(cell, ()):
                if compatible(entry, self.entries[key], self.window):
                    self.sets.union(entry.key, key)
        self._cells[cells[self.window]].append(entry.key)

    def incidents(self, root: str) -> list[tuple[Incident, list[Entry]]]:
        """The incidents of one component, each with its entries in canonical order."""
        members = [self.entries[key] for key in self.sets.members(root)]
        return [(build_incident(cluster), cluster) for cluster in cut(members, self.window)]
