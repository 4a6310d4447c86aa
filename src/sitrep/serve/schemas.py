"""Pydantic response models of the JSON API, and their construction from model values.

The OpenAPI document is generated from these, so every endpoint's output is
described completely; the tests validate real responses against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from pydantic import BaseModel, Field

from sitrep.export._sources import outlet_label
from sitrep.export.ledger import differing_field
from sitrep.fields import number_fields, place_fields
from sitrep.model import (
    Article,
    Claimant,
    Contradiction,
    Evidence,
    Figure,
    Incident,
    Number,
    PartialDate,
    Place,
    Report,
    Story,
)

__all__ = [
    "ArticleOut",
    "ClaimOut",
    "ClaimantOut",
    "ContradictionOut",
    "EvidenceOut",
    "FigureSeriesOut",
    "IncidentDetailOut",
    "IncidentOut",
    "IncidentPageOut",
    "NumberOut",
    "PlaceOut",
    "ReportOut",
    "SeriesLineOut",
    "SeriesPointOut",
    "StoryOut",
    "article_out",
    "contradiction_out",
    "figure_series",
    "incident_detail",
    "incident_out",
    "story_out",
]

OutletOf = Callable[[str], Article | None]


# A count: the fields of sitrep.fields.NUMBER_FIELDS (tests/test_fields.py holds them equal).
class NumberOut(BaseModel):
    value: int | None = Field(description="The stated count; null for vague counts ('dozens').")
    qualifier: str = Field(
        description="exact, at_least, more_than, nearly, about, up_to, dozens, ..."
    )
    low: int | None
    high: int | None


# A place: fields of sitrep.fields.PLACE_FIELDS, by the same names (place_out fails otherwise).
class PlaceOut(BaseModel):
    name: str
    lat: float | None
    lon: float | None
    admin1: str | None = Field(description="Oblast (first-level division).")
    admin2: str | None
    precision: str
    id: str | None


class ClaimantOut(BaseModel):
    name: str
    role: str | None
    channel: str | None
    side: str | None


class EvidenceOut(BaseModel):
    article_id: str
    line: int = Field(description="1-based line of the raw article text.")
    start: int = Field(description="Character offset into the raw article text (inclusive).")
    end: int = Field(description="Character offset into the raw article text (exclusive).")
    text: str


class IncidentOut(BaseModel):
    id: str
    date: str | None = Field(description="ISO date, or --MM-DD when the year is unknown.")
    place: PlaceOut | None
    event_type: str
    sub_event_type: str
    killed: NumberOut | None
    injured: NumberOut | None
    killed_range: tuple[int | None, int | None]
    injured_range: tuple[int | None, int | None]
    reports: int = Field(description="Number of reports (articles) describing this incident.")


class IncidentPageOut(BaseModel):
    items: list[IncidentOut]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, null on the last page.")
    next: str | None = Field(
        default=None,
        description="Cursor of the next page (pass it as `after`), null on the last page.",
    )


class ReportOut(BaseModel):
    article_id: str
    outlet: str | None = Field(description="Outlet name; the URL's domain when none is known.")
    url: str | None = Field(default=None, description="The original article's URL.")
    title: str | None
    published: dt.date | None
    date: str | None
    as_of: str | None = Field(
        default=None, description="The day the report's numbers are stated for (report time)."
    )
    place: PlaceOut | None
    event_type: str
    sub_event_type: str
    killed: NumberOut | None
    injured: NumberOut | None
    victims: str | None
    weapon: str | None
    targets: list[str]
    actor: str | None
    status: str
    claimant: ClaimantOut | None
    evidence: list[EvidenceOut]
    extractor: str


class IncidentDetailOut(IncidentOut):
    report_list: list[ReportOut] = Field(
        description="Every report, each with its source's numbers."
    )


class SeriesPointOut(BaseModel):
    as_of: str | None
    value: NumberOut
    article_id: str
    outlet: str | None
    side: str | None = Field(default=None, description="Whose soldiers or people it counts.")
    since: str | None = Field(default=None, description="Start of the period, as stated.")
    review: list[str] = Field(
        default_factory=list,
        description="Why the row may be misfiled: no date, no claimant, number not in its evidence.",
    )
    evidence: list[EvidenceOut]
    contested: bool = Field(description="This claim is part of a recorded contradiction.")


class SeriesLineOut(BaseModel):
    claimant: str
    points: list[SeriesPointOut]


class FigureSeriesOut(BaseModel):
    metric: str
    scope: str
    side: str | None = Field(
        default=None, description="Whose soldiers or people the series counts."
    )
    lines: list[SeriesLineOut] = Field(description="One line per claimant, points by as-of date.")


class ClaimOut(BaseModel):
    article_id: str
    value: NumberOut | None = Field(description="The claim's value of the field that differs.")
    qualifier: str | None
    claimant: str | None
    as_of: str | None


class ContradictionOut(BaseModel):
    id: str = ""
    differs: str | None = Field(
        default=None,
        description="The value the sources disagree on: killed or injured, or the metric.",
    )
    kind: str
    metric: str | None
    scope: str | None
    incident: str | None
    gap: float | None
    minor: bool
    claims: list[ClaimOut]


class StoryOut(BaseModel):
    id: str
    article_ids: list[str]
    published: dt.date | None


class ArticleOut(BaseModel):
    id: str
    title: str | None
    published: dt.date | None
    published_basis: str
    url: str | None
    outlet: str | None
    source: str
    text: str


def _iso(day: PartialDate | None) -> str | None:
    return day.isoformat() if day else None


def number_out(number: Number | None) -> NumberOut | None:
    fields = number_fields(number)
    return None if fields is None else NumberOut(**fields)


def place_out(place: Place | None) -> PlaceOut | None:
    fields = place_fields(place, tuple(PlaceOut.model_fields))
    return None if fields is None else PlaceOut(**fields)


def claimant_out(claimant: Claimant | None) -> ClaimantOut | None:
    if claimant is None:
        return None
    return ClaimantOut(
        name=claimant.name, role=claimant.role, channel=claimant.channel, side=claimant.side
    )


def evidence_out(article_id: str, evidence: Iterable[Evidence]) -> list[EvidenceOut]:
    return [
        EvidenceOut(article_id=article_id, line=e.line, start=e.start, end=e.end, text=e.text)
        for e in evidence
    ]


def incident_out(incident: Incident) -> IncidentOut:
    return IncidentOut(
        id=incident.id,
        date=_iso(incident.date),
        place=place_out(incident.place),
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        killed=number_out(incident.killed),
        injured=number_out(incident.injured),
        killed_range=incident.killed_range,
        injured_range=incident.injured_range,
        reports=len(incident.reports),
    )


def report_out(report: Report, article: Article | None) -> ReportOut:
    return ReportOut(
        article_id=report.article_id,
        outlet=outlet_label(article.outlet, article.url) if article else None,
        url=article.url if article else None,
        title=article.title if article else None,
        published=article.published if article else None,
        date=_iso(report.date),
        as_of=_iso(report.as_of),
        place=place_out(report.place),
        event_type=report.event_type,
        sub_event_type=report.sub_event_type,
        killed=number_out(report.killed),
        injured=number_out(report.injured),
        victims=report.victims,
        weapon=report.weapon,
        targets=list(report.targets),
        actor=report.actor,
        status=report.status,
        claimant=claimant_out(report.claimant),
        evidence=evidence_out(report.article_id, report.evidence),
        extractor=report.extractor,
    )


def incident_detail(incident: Incident, article_of: OutletOf) -> IncidentDetailOut:
    reports = [report_out(r, article_of(r.article_id)) for r in incident.reports]
    return IncidentDetailOut(**incident_out(incident).model_dump(), report_list=reports)


def _claim_key(figure: Figure) -> tuple[str, str, int | None]:
    return (figure.article_id, figure.claimant.name if figure.claimant else "", figure.value.value)


def _cached(article_of: OutletOf) -> OutletOf:
    cache: dict[str, Article | None] = {}

    def lookup(article_id: str) -> Article | None:
        if article_id not in cache:
            cache[article_id] = article_of(article_id)
        return cache[article_id]

    return lookup


def contested_keys(contradictions: Iterable[Contradiction]) -> set[tuple[str, str, int | None]]:
    """Keys of every figure claim that takes part in a contradiction."""
    return {_claim_key(c) for x in contradictions for c in x.claims if isinstance(c, Figure)}


def review_reasons(figure: Figure, as_of: PartialDate | None) -> list[str]:
    """Why a ledger row may be misfiled, for a reader to check against its sentence."""
    reasons = []
    if as_of is None or as_of.year is None:
        reasons.append("no date")
    if figure.claimant is None:
        reasons.append("no claimant")
    value = figure.value.value
    text = " ".join(e.text for e in figure.evidence)
    if value is not None and f"{value:,}" not in text and str(value) not in text:
        reasons.append("number not in its evidence")
    return reasons


def figure_series(
    figures: Iterable[Figure], contradictions: Iterable[Contradiction], article_of: OutletOf
) -> list[FigureSeriesOut]:
    """Group figure claims into series per (metric, scope, side), one line per claimant
    (the side apart: Ukraine's and Russia's soldiers are two series)."""
    contested = contested_keys(contradictions)
    article_of = _cached(article_of)
    groups: dict[tuple[str, str, str], dict[str, list[SeriesPointOut]]] = {}
    for figure in figures:
        article = article_of(figure.article_id)
        as_of = figure.as_of or (
            PartialDate.from_date(article.published) if article and article.published else None
        )
        point = SeriesPointOut(
            as_of=_iso(as_of),
            value=_number(figure.value),
            article_id=figure.article_id,
            outlet=outlet_label(article.outlet, article.url) if article else None,
            side=figure.side,
            since=_iso(figure.since),
            review=review_reasons(figure, as_of),
            evidence=evidence_out(figure.article_id, figure.evidence),
            contested=_claim_key(figure) in contested,
        )
        claimant = figure.claimant.name if figure.claimant else "unattributed"
        key = (figure.metric, figure.scope, figure.side or "")
        groups.setdefault(key, {}).setdefault(claimant, []).append(point)
    return [
        FigureSeriesOut(
            metric=metric,
            scope=scope,
            side=side or None,
            lines=[
                SeriesLineOut(claimant=name, points=sorted(points, key=lambda p: p.as_of or ""))
                for name, points in sorted(lines.items())
            ],
        )
        for (metric, scope, side), lines in sorted(groups.items())
    ]


def _number(number: Number) -> NumberOut:
    return NumberOut(**(number_fields(number) or {}))


def _claim_out(claim: Figure | Report, differs: str | None = None) -> ClaimOut:
    if isinstance(claim, Figure):
        return ClaimOut(
            article_id=claim.article_id,
            value=number_out(claim.value),
            qualifier=claim.value.qualifier,
            claimant=claim.claimant.name if claim.claimant else None,
            as_of=_iso(claim.as_of),
        )
    # The value that differs (the injured figures when the killed ones agree).
    number = claim.injured if differs == "injured" else claim.killed or claim.injured
    return ClaimOut(
        article_id=claim.article_id,
        value=number_out(number),
        qualifier=number.qualifier if number else None,
        claimant=claim.claimant.name if claim.claimant else None,
        as_of=_iso(claim.date),
    )


def contradiction_out(contradiction: Contradiction) -> ContradictionOut:
    differs = differing_field(contradiction)
    return ContradictionOut(
        id=contradiction.id,
        differs=differs,
        kind=contradiction.kind,
        metric=contradiction.metric,
        scope=contradiction.scope,
        incident=contradiction.incident,
        gap=contradiction.gap,
        minor=contradiction.minor,
        claims=[_claim_out(c, differs) for c in contradiction.claims],
    )


def story_out(story: Story) -> StoryOut:
    return StoryOut(id=story.id, article_ids=list(story.article_ids), published=story.published)


def article_out(article: Article) -> ArticleOut:
    return ArticleOut(
        id=article.id,
        title=article.title,
        published=article.published,
        published_basis=article.published_basis,
        url=article.url,
        outlet=article.outlet,
        source=article.source,
        text=article.text,
    )
