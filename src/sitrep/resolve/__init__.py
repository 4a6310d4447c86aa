"""Resolution across articles: stories, incidents, the figures ledger, contradictions.

``resolve(docs, settings)`` builds a :class:`~sitrep.model.Corpus` from
scratch; :class:`Resolution` does the same incrementally: ``add`` new
documents and only the stories and incident components they touch are
recomputed, and only the figure claims near the new ones (same series, a few
days apart) are compared.  Any split of the documents into batches, in any order,
gives the same corpus as one call (a Hypothesis test checks it).

Records come out sorted by their stable ids (see :mod:`sitrep.ids`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.config import Settings
from sitrep.ids import figure_key, report_key
from sitrep.model import Contradiction, Corpus, Document, Incident, Story
from sitrep.resolve.contradictions import SeriesContradictions, incident_contradictions
from sitrep.resolve.incidents import IncidentIndex
from sitrep.resolve.ledger import Claim, Series, SeriesKey, build_series, make_claim, series_key
from sitrep.resolve.matching import make_entry
from sitrep.resolve.stories import StoryIndex, stated_published

__all__ = ["Delta", "Resolution", "figure_key", "report_key", "resolve"]


@dataclass(frozen=True, slots=True)
class Delta:
    """What one ``Resolution.add`` changed: records to upsert and ids to delete."""

    stories: tuple[Story, ...] = ()
    incidents: tuple[Incident, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    inferred_published: dict[str, dt.date] = field(default_factory=dict)
    removed: tuple[str, ...] = ()


class Resolution:
    """Resolution state (LSH index, incident blocks, ledger) that grows with ``add``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._stories = StoryIndex(settings)
        self._incidents = IncidentIndex(settings.incident_window_days)
        self._published: dict[str, dt.date | None] = {}
        self._story_of: dict[str, Story] = {}  # by root
        self._inferred: dict[str, dt.date] = {}
        self._incidents_of: dict[str, list[Incident]] = {}  # by component root
        self._incident_contra: dict[str, list[Contradiction]] = {}  # by incident id
        self._report_keys: dict[str, tuple[str, ...]] = {}  # by incident id
        self._series: dict[SeriesKey, SeriesContradictions] = defaultdict(SeriesContradictions)
        self._claims_of: dict[str, list[tuple[SeriesKey, str]]] = defaultdict(list)  # by article

    def add(self, docs: Iterable[Document]) -> Delta:
        """Resolve ``docs`` against everything added before (already known articles are skipped)."""
        new = self._new(docs)
        removed: list[str] = []
        stories, redated = self._add_stories(new, removed)
        incidents, incident_contra = self._add_incidents(new, removed)
        series_contra = self._add_figures(new, redated, removed)
        changed_ids = {s.id for s in stories} | {i.id for i in incidents}
        changed_ids |= {c.id for c in (*incident_contra, *series_contra)}
        return Delta(
            stories=tuple(stories),
            incidents=tuple(incidents),
            contradictions=tuple(incident_contra + series_contra),
            inferred_published={k: self._inferred[k] for k in redated if k in self._inferred},
            removed=tuple(sorted(set(removed) - changed_ids)),
        )

    def _new(self, docs: Iterable[Document]) -> list[Document]:
        new: list[Document] = []
        for doc in docs:
            if doc.article.id not in self._published:
                self._published[doc.article.id] = stated_published(doc.article)
                new.append(doc)
        return new

    def _add_stories(self, new: list[Document], removed: list[str]) -> tuple[list[Story], set[str]]:
        roots = self._stories.add(new)
        for root in list(self._story_of):
            if root in roots or self._stories.sets.find(root) != root:
                removed.append(self._story_of.pop(root).id)
        changed: list[Story] = []
        redated: set[str] = set()
        for root in roots:
            story = self._stories.story(root)
            if story is None:
                continue
            self._story_of[root] = story
            changed.append(story)
            for key, day in self._stories.inferred(story).items():
                if self._inferred.get(key) != day:
                    self._inferred[key] = day
                    redated.add(key)
        return changed, redated

    def _add_incidents(
        self, new: list[Document], removed: list[str]
    ) -> tuple[list[Incident], list[Contradiction]]:
        entries = [
            make_entry(doc.article.id, i, report, self._published[doc.article.id])
            for doc in new
            for i, report in enumerate(doc.reports)
        ]
        roots = self._incidents.add(entries)
        for root in list(self._incidents_of):
            if root in roots or self._incidents.sets.find(root) != root:
                for incident in self._incidents_of.pop(root):
                    removed.append(incident.id)
                    removed.extend(c.id for c in self._incident_contra.pop(incident.id, []))
                    self._report_keys.pop(incident.id, None)
        incidents: list[Incident] = []
        contradictions: list[Contradiction] = []
        for root in roots:
            built = self._incidents.incidents(root)
            self._incidents_of[root] = [incident for incident, _ in built]
            for incident, cluster in built:
                incidents.append(incident)
                self._report_keys[incident.id] = tuple(e.key for e in cluster)
                found = incident_contradictions(incident.id, cluster)
                if found:
                    self._incident_contra[incident.id] = found
                    contradictions.extend(found)
        return incidents, contradictions

    def _add_figures(
        self, new: list[Document], redated: set[str], removed: list[str]
    ) -> list[Contradiction]:
        moved: dict[SeriesKey, list[Claim]] = defaultdict(list)
        for key in redated:  # an article's date changed: its claims move
            for skey, ckey in self._claims_of.get(key, ()):
                claim = self._series[skey].claims[ckey]
                moved[skey].append(make_claim(ckey, claim.figure, self._date(key)))
        for doc in new:
            for i, figure in enumerate(doc.figures):
                skey, ckey = series_key(figure), figure_key(doc.article.id, i)
                moved[skey].append(make_claim(ckey, figure, self._date(doc.article.id)))
                self._claims_of[doc.article.id].append((skey, ckey))
        changed: list[Contradiction] = []
        for skey, claims in moved.items():
            made, retired = self._series[skey].update(claims)
            changed.extend(made)
            removed.extend(retired)
        return changed

    def _date(self, article_id: str) -> dt.date | None:
        return self._published.get(article_id) or self._inferred.get(article_id)

    def corpus(self) -> Corpus:
        """Everything resolved so far, each kind of record sorted by id."""
        contradictions = [c for cs in self._incident_contra.values() for c in cs]
        contradictions += [c for series in self._series.values() for c in series.found.values()]
        return Corpus(
            stories=tuple(sorted(self._story_of.values(), key=lambda s: s.id)),
            incidents=tuple(
                sorted((i for v in self._incidents_of.values() for i in v), key=lambda i: i.id)
            ),
            contradictions=tuple(sorted(contradictions, key=lambda c: c.id)),
            inferred_published=dict(sorted(self._inferred.items())),
        )

    def ledger(self) -> tuple[Series, ...]:
        """Every figure series, one line per claimant family (see :mod:`sitrep.resolve.ledger`)."""
        built = [
            build_series(list(series.claims.values()))
            for _, series in sorted(self._series.items())
            if series.claims
        ]
        return tuple(built)

    def report_keys(self, incident_id: str) -> tuple[str, ...]:
        """Keys (``article#rN``) of an incident's reports, in the order of ``Incident.reports``."""
        return self._report_keys[incident_id]


def resolve(docs: Sequence[Document], settings: Settings) -> Corpus:
    """Resolve ``docs`` from scratch into stories, incidents and contradictions."""
    resolution = Resolution(settings)
    resolution.add(docs)
    return resolution.corpus()
