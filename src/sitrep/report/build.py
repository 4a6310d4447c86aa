"""``build_report``: query the store for one period and summarise it."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from sitrep.export._sources import article_sources
from sitrep.model import Contradiction, Figure, Incident
from sitrep.report.model import (
    Claim,
    OblastSummary,
    SeriesSummary,
    SituationReport,
    totals,
)
from sitrep.store.base import IncidentFilter, QueryStore

__all__ = ["build_report"]

UNKNOWN_OBLAST = "Unknown oblast"


def _oblasts(incidents: Iterable[Incident]) -> tuple[OblastSummary, ...]:
    groups: dict[str, list[Incident]] = defaultdict(list)
    for incident in incidents:
        groups[(incident.place.admin1 if incident.place else None) or UNKNOWN_OBLAST].append(
            incident
        )
    summaries = []
    for name, items in groups.items():
        sums = totals(items)
        summaries.append(
            OblastSummary(
                oblast=name,
                incidents=tuple(items),
                killed=sums.killed,
                injured=sums.injured,
                unknown_killed=sum(1 for i in items if i.killed is None),
            )
        )
    return tuple(sorted(summaries, key=lambda s: (-(s.killed or 0), -(s.injured or 0), s.oblast)))


def _claim_key(figure: Figure) -> tuple[str, str, str, int | None]:
    return (
        figure.article_id,
        figure.metric,
        figure.claimant.name if figure.claimant else "",
        figure.value.value,
    )


def _as_of(figure: Figure, published: dict[str, dt.date | None]) -> dt.date | None:
    """The figure's as-of date, else its article's publication date."""
    return (figure.as_of.to_date() if figure.as_of else None) or published.get(figure.article_id)


def _series(
    store: QueryStore, date_from: dt.date, date_to: dt.date, contradictions: list[Contradiction]
) -> tuple[SeriesSummary, ...]:
    """Per (metric, scope), each claimant's latest value as of ``date_to``."""
    contested = {_claim_key(c) for x in contradictions for c in x.claims if isinstance(c, Figure)}
    figures = store.list_figures()
    articles = {f.article_id: store.get_article(f.article_id) for f in figures}
    published = {a: (art.published if art else None) for a, art in articles.items()}
    outlets = {a: s.outlet for a, s in article_sources(store, list(articles)).items()}
    latest: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    for figure in figures:
        as_of = _as_of(figure, published)
        if as_of is not None and as_of > date_to:
            continue
        name = figure.claimant.name if figure.claimant else "unattributed"
        current = latest[(figure.metric, figure.scope)].get(name)
        if current is None or (as_of or dt.date.min) >= (current.as_of or dt.date.min):
            latest[(figure.metric, figure.scope)][name] = Claim(
                figure=figure,
                claimant=name,
                outlet=outlets.get(figure.article_id),
                as_of=as_of,
                new=as_of is not None and as_of >= date_from,
                contested=_claim_key(figure) in contested,
            )
    return tuple(
        SeriesSummary(metric, scope, tuple(claims[k] for k in sorted(claims)))
        for (metric, scope), claims in sorted(latest.items())
    )


def build_report(store: QueryStore, date: dt.date, days: int = 1) -> SituationReport:
    """The situation report for the ``days`` days ending on ``date``."""
    date_from = date - dt.timedelta(days=days - 1)
    incidents = store.list_incidents(IncidentFilter(date_from=date_from, date_to=date, limit=None))
    ids = {i.id for i in incidents}
    contradictions = store.list_contradictions()
    series = _series(store, date_from, date, contradictions)
    scopes = {(s.metric, s.scope) for s in series}
    relevant = [
        c
        for c in contradictions
        if c.incident in ids or (c.kind == "figure" and (c.metric, c.scope) in scopes)
    ]
    per_day = Counter(i.date.to_date() for i in incidents if i.date and i.date.to_date())
    daily = tuple(
        (date_from + dt.timedelta(days=n), per_day.get(date_from + dt.timedelta(days=n), 0))
        for n in range(days)
    )
    sources = article_sources(store, [r.article_id for i in incidents for r in i.reports])
    before = store.list_incidents(
        IncidentFilter(
            date_from=date_from - dt.timedelta(days=days),
            date_to=date_from - dt.timedelta(days=1),
            limit=None,
        )
    )
    return SituationReport(
        date_from=date_from,
        date_to=date,
        oblasts=_oblasts(incidents),
        outlets={a: s.outlet for a, s in sources.items()},
        totals=totals(incidents),
        previous=totals(before),
        series=series,
        contradictions=tuple(relevant),
        daily=daily,
    )  # fmt: skip
