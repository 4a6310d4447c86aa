"""Incremental resolution against a store: what ``sitrep ingest`` runs after storing articles.

:class:`sitrep.resolve.Resolution` keeps its state in memory.  A store keeps
the same state in tables (migration 0004; ``sitrep.store.sql.STATE_TABLES``),
and this module runs the resolve rules (``sitrep.resolve``) over that state: the
store persists, the rules decide, this orchestrates.  So each ingest resolves only the
articles not resolved yet (*pending*) against the part of the store they can
touch, and updates the resolved layer in place:

* **Stories.**  The MinHash signatures of all resolved articles are stored
  in runs (one place a row, ``MAX_RUN`` articles at most), which are read one
  at a time and scanned for the signatures of all pending articles at once
  (:func:`~sitrep.resolve.lsh.agreeing_pairs`): no index is held in memory.
  A pending article's candidates are confirmed by exact Jaccard against the
  shingles of those candidates only, and a confirmed partner brings its whole
  story.  The pending articles' signatures become a new run, merged with the
  stored runs no more than twice its size, so there are O(log n) runs below
  ``MAX_RUN``.
* **Incidents.**  The stored reports in a pending report's blocking cells
  (admin-1 x days in the window, or month-day when the year is unknown) bring
  their whole components (reports linked by compatibility).  A fresh
  :class:`~sitrep.resolve.incidents.IncidentIndex` over those components and
  the pending reports gives the components that changed; each is cut into
  incidents again and replaces the incidents it had.
* **Figures.**  For each series a pending (or re-dated) claim belongs to, the
  stored claims within ``FIGURE_WINDOW_DAYS`` of its day, with every claim of
  their contradictions, are loaded into a fresh
  :class:`~sitrep.resolve.contradictions.SeriesContradictions`, which then
  takes the pending claims; the contradictions it retires and makes are
  written back.

Each record depends only on its component (a set of near-duplicates, a
component of compatible reports, a group of contradicting claims), and every
component a pending record can join is loaded whole, so the store ends up
with exactly what :func:`sitrep.resolve.resolve` gives for all its articles
from scratch (tests/store/test_incremental_resolution.py checks this on both
backends).

Pending articles are resolved in chunks, each in one transaction together
with the state it adds, so a killed run leaves a consistent store and the
next run resolves what is still pending.  The state records a fingerprint of
the resolve rules (their source and the settings they read); when it does not
match, the resolution is rebuilt from scratch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from sitrep.bounds import sane_date
from sitrep.config import Settings
from sitrep.ids import figure_key
from sitrep.model import Contradiction, Document, Incident
from sitrep.resolve.contradictions import FIGURE_WINDOW_DAYS, SeriesContradictions
from sitrep.resolve.contradictions import incident_contradictions as find_incident_contradictions
from sitrep.resolve.dates import YEARLESS_YEARS, placements
from sitrep.resolve.disjoint import DisjointSets
from sitrep.resolve.incidents import IncidentIndex, mergeable, window_days
from sitrep.resolve.ledger import Claim, SeriesKey, make_claim, series_key
from sitrep.resolve.lsh import agreeing_pairs, min_agreement
from sitrep.resolve.matching import Entry, make_entry, reach
from sitrep.resolve.stories import (
    NUM_PERM,
    StoryMember,
    build_story,
    inferred_dates,
    jaccards,
    minhash_signature,
    shingles,
    stated_published,
    story_text,
)
from sitrep.store import _codec as codec
from sitrep.store.backends import Row
from sitrep.store.incident_ids import renamed_contradictions
from sitrep.store.resolution_state import ResolutionState
from sitrep.store.sql import RESOLVED_TABLES, SqlStore

__all__ = ["CHUNK", "STATE_FORMAT", "ResolveProgress", "resolve_pending", "rules_fingerprint"]

#: Called after each chunk of pending articles is resolved: (resolved so far, pending in all).
ResolveProgress = Callable[[int, int], None]

# Pending articles resolved per transaction: bounds memory when a whole store
# is (re)built, and how much a killed run loses.
CHUNK = 5_000

# The layout of the state tables: bump it when what they hold changes meaning.
STATE_FORMAT = 2


def rules_fingerprint(settings: Settings) -> str:
    """A hash of the resolve rules' source, the settings they read and ``STATE_FORMAT``."""
    digest = hashlib.sha256(f"state format {STATE_FORMAT}".encode())
    sources = [f for f in resources.files("sitrep.resolve").iterdir() if f.name.endswith(".py")]
    # The ids the rules mint and the distance they measure decide the resolution too.
    sources += [resources.files("sitrep").joinpath(name) for name in ("ids.py", "geo.py")]
    # and the month names by which matching tells a sentence that names its day
    sources += [resources.files("sitrep").joinpath("data/lang/en/months.txt")]
    for source in sorted(sources, key=lambda f: f.name):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    used = (
        settings.lsh_threshold,
        settings.jaccard_threshold,
        settings.shingle_size,
        settings.incident_window_days,
    )
    digest.update(repr(used).encode())
    return digest.hexdigest()[:32]


def resolve_pending(
    store: SqlStore, settings: Settings, progress: ResolveProgress | None = None
) -> int:
    """Resolve every stored article not resolved yet against the store; returns how many.

    ``progress`` gets (resolved so far, pending in all) after each chunk.

    A store whose state was built by other rules (or by ``replace_resolution``)
    is resolved again from scratch.
    """
    db = store.db
    fingerprint = rules_fingerprint(settings)
    with db.transaction():
        store.lock_resolution()
        if store.resolution_rules() != fingerprint:
            store.clear_resolution()
            store.set_resolution_rules(fingerprint)
    pending = store.unresolved_article_ids()
    resolved = 0
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        with db.transaction():
            store.lock_resolution()
            # Another ingest may have resolved some meanwhile: take what is still pending.
            done = store.resolved_among(chunk)
            docs = store.load_documents([a for a in chunk if a not in done])
            _Update(store, settings, docs).run()
            resolved += len(docs)
        if progress is not None:
            progress(start + len(chunk), len(pending))
    if resolved:
        db.refresh_statistics(RESOLVED_TABLES)
    return resolved


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> dt.date | None:
    # Bounded like every stored date (sitrep.bounds): an old out-of-range row reads as unknown.
    return None if text is None else sane_date(dt.date.fromisoformat(text))


def _month_day(day: dt.date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _cell_row(entry: Entry, published: dt.date | None, component: str) -> Row:
    """The ``resolution_reports`` row of a report: its blocking cell and its component."""
    date = entry.report.date
    cell = date is not None and mergeable(entry)
    return {
        "report_id": entry.key,
        "article_id": entry.article_id,
        "published": _iso(published),
        "admin1": entry.admin1 if cell else None,
        "day": _iso(entry.day) if cell else None,
        "month_day": f"{date.month:02d}-{date.day:02d}" if cell and date is not None else None,
        "component": component,
    }


# Articles per stored signature run at most: a run is read whole when pending articles are
# compared with it, so this bounds the memory of a resolution (65,536 x 128 places x 4 bytes
# = 32 MiB) whatever the size of the store; runs below it merge as they grow, so a store of
# 1,000,000 articles has about 16 runs plus O(log) small ones.
MAX_RUN = 65_536


@dataclass(frozen=True, slots=True)
class _StoredRun:
    """A stored run of signatures: its articles and their number of signatures."""

    id: int
    article_ids: list[str]


def _columns(blob: bytes, count: int) -> np.ndarray:
    """A stored run's signatures, one place a row (NUM_PERM x count uint32)."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32).reshape(NUM_PERM, count)


class _Update:
    """One chunk of pending documents resolved against the store, in one transaction."""

    def __init__(self, store: SqlStore, settings: Settings, docs: Sequence[Document]) -> None:
        self.store = store
        self.state = ResolutionState(store)
        self.settings = settings
        self.docs = sorted(docs, key=lambda d: d.article.id)

    def run(self) -> None:
        dates, redated = self._stories()
        self._incidents()
        self._figures(dates, redated)

    # -- stories -----------------------------------------------------------------
    def _stories(self) -> tuple[dict[str, dt.date | None], dict[str, dt.date]]:
        """Resolve stories; returns each pending article's effective date and the
        stored articles whose inferred date changed."""
        sets = DisjointSets()
        members = {
            d.article.id: StoryMember(d.article.id, stated_published(d.article)) for d in self.docs
        }
        partners = self._copies(sets)
        old_stories: dict[str, list[str]] = defaultdict(list)
        for row in self.state.story_rows_sharing(partners):
            old_stories[row["story_id"]].append(row["article_id"])
        for story_members in old_stories.values():
            for article_id in story_members:
                sets.add(article_id)
                sets.union(story_members[0], article_id)
        stored = {a for article_ids in old_stories.values() for a in article_ids} | partners
        for row in self.state.stated_published(stored):
            members[row["article_id"]] = StoryMember(row["article_id"], _day(row["published"]))
        known = {
            row["article_id"]: _day(row["published"])
            for row in self.state.inferred_published(stored)
        }
        stories = []
        changed: dict[str, dt.date] = {}
        for root in {sets.find(d.article.id) for d in self.docs if d.article.id in sets}:
            story = build_story(members[key] for key in sets.members(root))
            if story is not None:
                stories.append(story)
                for key, day in inferred_dates(story, members).items():
                    if known.get(key) != day:
                        changed[key] = day
        self.store.delete_stories(old_stories)
        self.store.write_stories(stories)
        self.store.write_inferred_dates(changed)
        dates = {d.article.id: members[d.article.id].published for d in self.docs}
        dates.update({k: v for k, v in changed.items() if k in dates})
        redated = {k: v for k, v in changed.items() if k not in dates}
        return dates, redated

    def _copies(self, sets: DisjointSets) -> set[str]:
        """Join each pending article with its near-duplicates; returns the stored ones found.

        A pending article's candidates are the resolved articles, then the pending ones
        before it, whose signatures agree with its own in ``min_agreement`` places."""
        hashes = [shingles(story_text(doc), self.settings.shingle_size) for doc in self.docs]
        signed = [i for i, h in enumerate(hashes) if len(h)]
        signatures = np.stack([minhash_signature(hashes[i]) for i in signed]) if signed else None
        stored, runs = self._stored_candidates(signatures)
        earlier = self._chunk_candidates(signatures)
        known: dict[str, np.ndarray] = {}  # shingles by article id
        partners: set[str] = set()
        rows: list[Row] = []
        position = {doc_index: k for k, doc_index in enumerate(signed)}  # doc -> its signature
        for i, (doc, doc_hashes) in enumerate(zip(self.docs, hashes, strict=True)):
            article_id = doc.article.id
            sets.add(article_id)
            rows.append(
                {
                    "article_id": article_id,
                    "published": _iso(stated_published(doc.article)),
                    "shingles": doc_hashes.astype("<u4").tobytes(),
                }
            )
            if not len(doc_hashes):
                continue
            k = position[i]
            candidates = stored[k] + [self.docs[signed[j]].article.id for j in earlier[k]]
            self._fetch_shingles([c for c in candidates if c not in known], known)
            for other in self._similar(doc_hashes, candidates, known):
                if other not in sets:
                    partners.add(other)
                    sets.add(other)
                sets.union(article_id, other)
            known[article_id] = doc_hashes
        self.state.add_articles(rows)
        if signatures is not None:
            self._save_run(runs, [self.docs[i].article.id for i in signed], signatures)
        return partners

    def _minimum(self) -> int:
        return min_agreement(self.settings.lsh_threshold, NUM_PERM)

    def _stored_candidates(
        self, signatures: np.ndarray | None
    ) -> tuple[list[list[str]], list[_StoredRun]]:
        """Per signature, the resolved articles agreeing with it, in stored order; and the runs.

        The runs are read one at a time, so memory holds one run of at most ``MAX_RUN``."""
        found: list[list[str]] = [[] for _ in range(0 if signatures is None else len(signatures))]
        runs = []
        for row in self.state.signature_runs():
            run = _StoredRun(row["id"], json.loads(row["article_ids"]))
            runs.append(run)
            if signatures is None:
                continue
            columns = _columns(self.state.signatures(run.id), len(run.article_ids))
            for q, r in zip(*agreeing_pairs(signatures, columns, self._minimum()), strict=True):
                found[int(q)].append(run.article_ids[int(r)])
        return found, runs

    def _chunk_candidates(self, signatures: np.ndarray | None) -> list[list[int]]:
        """Per signature, the earlier signatures of this chunk agreeing with it."""
        if signatures is None:
            return []
        earlier: list[list[int]] = [[] for _ in range(len(signatures))]
        pairs = agreeing_pairs(signatures, np.ascontiguousarray(signatures.T), self._minimum())
        for q, r in zip(*pairs, strict=True):
            if r < q:
                earlier[int(q)].append(int(r))
        return earlier

    def _similar(
        self, hashes: np.ndarray, candidates: list[str], known: dict[str, np.ndarray]
    ) -> list[str]:
        """The candidates whose exact shingle Jaccard with ``hashes`` reaches the threshold."""
        if not candidates:
            return []
        others = np.concatenate([known[c] for c in candidates])
        sizes = np.array([len(known[c]) for c in candidates])
        similar = jaccards(hashes, others, sizes) >= self.settings.jaccard_threshold
        return [c for c, ok in zip(candidates, similar, strict=True) if ok]

    def _save_run(
        self, runs: list[_StoredRun], article_ids: list[str], signatures: np.ndarray
    ) -> None:
        """Store the pending articles' signatures as a run, merged with the stored runs no
        more than twice its size (while the result stays within ``MAX_RUN``)."""
        columns = np.ascontiguousarray(signatures.T)
        next_id = max((run.id for run in runs), default=0) + 1
        while (
            runs
            and len(runs[-1].article_ids) <= 2 * len(article_ids)
            and len(runs[-1].article_ids) + len(article_ids) <= MAX_RUN
        ):
            last = runs.pop()
            stored = _columns(self.state.signatures(last.id), len(last.article_ids))
            columns = np.concatenate([stored, columns], 1)
            article_ids = last.article_ids + article_ids
            self.state.delete_run(last.id)
        self.state.add_run(next_id, json.dumps(article_ids), columns.astype("<u4").tobytes())

    def _fetch_shingles(self, article_ids: list[str], into: dict[str, np.ndarray]) -> None:
        for row in self.state.shingle_rows(article_ids):
            into[row["article_id"]] = np.frombuffer(bytes(row["shingles"]), dtype="<u4").astype(
                np.uint32
            )

    # -- incidents ----------------------------------------------------------------
    def _incidents(self) -> None:
        window = self.settings.incident_window_days
        new = [
            make_entry(d.article.id, i, report, stated_published(d.article))
            for d in self.docs
            for i, report in enumerate(d.reports)
        ]
        components = self._neighbour_components(new)
        stored = self._stored_entries(components)
        index = IncidentIndex(window)
        index.add(stored)
        roots = index.add(new)
        joined = {key for root in roots for key in index.sets.members(root)}
        old = [e.key for e in stored if e.key in joined]
        self.store.delete_incidents(self.state.incidents_of(old))
        incidents: list[Incident] = []
        contradictions: list[Contradiction] = []
        label: dict[str, str] = {}
        for root in roots:
            keys = index.sets.members(root)
            label.update(dict.fromkeys(keys, min(keys)))
            for incident, cluster in index.incidents(root):
                incidents.append(incident)
                contradictions += find_incident_contradictions(incident.id, cluster)
        report_ids = {e.report: e.key for e in index.entries.values()}
        ids = self.store.write_incidents(incidents, report_ids)
        self.store.write_contradictions(renamed_contradictions(contradictions, ids), report_ids, {})
        published = {d.article.id: stated_published(d.article) for d in self.docs}
        self.state.add_reports([_cell_row(e, published[e.article_id], label[e.key]) for e in new])
        relabel: dict[str, list[str]] = defaultdict(list)
        for e in stored:
            if e.key in joined and components[e.key] != label[e.key]:
                relabel[label[e.key]].append(e.key)
        for component, keys in relabel.items():
            self.state.set_component(component, keys)

    def _neighbour_components(self, new: list[Entry]) -> dict[str, str]:
        """Stored report key -> component, for every component a new report may join."""
        window = reach(self.settings.incident_window_days)
        seen: set[tuple[Any, ...]] = set()
        hits: set[str] = set()
        for entry in new:
            date = entry.report.date
            if not mergeable(entry) or date is None:
                continue
            if entry.day is not None:
                days = window_days([entry.day], window)
                span = (entry.admin1, _iso(min(days)), _iso(max(days)))
                if span not in seen:
                    seen.add(span)
                    hits.update(self.state.components_between(*span))
                month_days = {_month_day(d) for d in days}
                undated_only = True  # dated reports were found by day above
            else:  # the year is unknown: any year's reports of nearby month-days
                days = window_days(placements(date, YEARLESS_YEARS), window)
                month_days = {_month_day(d) for d in days}
                undated_only = False
            key = (undated_only, entry.admin1, tuple(sorted(month_days)))
            if key not in seen:
                seen.add(key)
                hits.update(
                    self.state.components_on(
                        entry.admin1, sorted(month_days), undated_only=undated_only
                    )
                )
        return self.state.members_of(hits)

    def _stored_entries(self, components: dict[str, str]) -> list[Entry]:
        return [
            make_entry(
                row["article_id"], row["idx"], codec.report_from(row), _day(row["stated_published"])
            )
            for row in self.state.report_rows(components)
        ]

    # -- figures -------------------------------------------------------------------
    def _figures(self, dates: dict[str, dt.date | None], redated: dict[str, dt.date]) -> None:
        incoming: dict[SeriesKey, list[Claim]] = defaultdict(list)
        rows: list[Row] = []
        for doc in self.docs:
            article_id = doc.article.id
            for i, figure in enumerate(doc.figures):
                claim = make_claim(figure_key(article_id, i), figure, dates[article_id])
                incoming[series_key(figure)].append(claim)
                rows.append(self._claim_row(claim, article_id, dates[article_id]))
        self.state.add_claims(rows)
        old_days: dict[SeriesKey, set[dt.date]] = defaultdict(set)
        for row in self.state.claim_rows_of_articles(redated):
            key = (row["series_metric"], row["series_scope"], row["series_side"])
            day = redated[row["article_id"]]
            incoming[key].append(make_claim(row["id"], codec.figure_from(row), day))
            if row["claim_day"] is not None:
                old_days[key].add(dt.date.fromisoformat(row["claim_day"]))
        for key, claims in incoming.items():
            days = {c.day for c in claims if c.day is not None} | old_days[key]
            self._update_series(key, claims, days, redated)

    def _claim_row(self, claim: Claim, article_id: str, published: dt.date | None) -> Row:
        metric, scope, side = series_key(claim.figure)
        return {
            "figure_id": claim.key,
            "article_id": article_id,
            "metric": metric,
            "scope": scope,
            "side": side,
            "published": _iso(published),
            "day": _iso(claim.day),
            "contradiction_id": None,
        }

    def _update_series(
        self,
        key: SeriesKey,
        claims: list[Claim],
        days: set[dt.date],
        redated: dict[str, dt.date],
    ) -> None:
        near: set[str] = set()
        for day in days:
            low = day - dt.timedelta(days=FIGURE_WINDOW_DAYS)
            high = day + dt.timedelta(days=FIGURE_WINDOW_DAYS)
            near.update(self.state.claims_between(key, low.isoformat(), high.isoformat()))
        near.update(self.state.figures_in(self.state.contradictions_of(near)))
        incoming = {c.key for c in claims}
        series = SeriesContradictions()
        series.update(self._stored_claims(near - incoming))
        moved = [c for c in claims if c.key.rpartition("#")[0] in redated]
        series.update(self._stored_claims({c.key for c in moved}))  # where they were
        made, retired = series.update(claims)
        figure_ids = {c.figure: k for k, c in series.claims.items()}
        self.store.delete_contradictions([*retired, *(c.id for c in made)])
        self.store.write_contradictions(made, {}, figure_ids)
        for claim in moved:
            published = _iso(redated[claim.key.rpartition("#")[0]])
            self.state.move_claim(claim.key, published, _iso(claim.day))
        grouped: dict[str | None, list[str]] = defaultdict(list)
        for claim_key in near | incoming:
            grouped[series.group_of(claim_key)].append(claim_key)
        for group, keys in grouped.items():
            self.state.set_contradiction(group, keys)

    def _stored_claims(self, keys: Iterable[str]) -> list[Claim]:
        return [
            make_claim(row["id"], codec.figure_from(row), _day(row["claim_published"]))
            for row in self.state.claim_rows(keys)
        ]
