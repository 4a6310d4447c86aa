"""The UI: server-rendered pages over the same queries as the API; JS only draws."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from sitrep.model import EVENT_TYPES, Article
from sitrep.serve.deps import SettingsDep, StoreDep
from sitrep.serve.highlight import Passage, highlight, mark_terms
from sitrep.serve.schemas import (
    ReportOut,
    contradiction_out,
    figure_series,
    incident_detail,
    incident_out,
)
from sitrep.serve.templating import render
from sitrep.store.base import IncidentFilter

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True, slots=True)
class ReportView:
    """A report with its evidence passages, highlighted in their paragraphs."""

    report: ReportOut
    passages: list[Passage]


def _passages(report: ReportOut, article: Article | None) -> list[Passage]:
    if article is None:
        return []
    return [highlight(article.text, e.start, e.end) for e in report.evidence]


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request, settings: SettingsDep, store: StoreDep) -> HTMLResponse:
    return render(
        request,
        "map.html",
        event_types=EVENT_TYPES,
        tile_url=settings.tile_url or "",
        counts=store.counts(),
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, store: StoreDep) -> HTMLResponse:
    incident = store.get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"No incident {incident_id!r}.")
    detail = incident_detail(incident, store.get_article)
    views = [
        ReportView(r, _passages(r, store.get_article(r.article_id))) for r in detail.report_list
    ]
    contradictions = [
        contradiction_out(c) for c in store.list_contradictions() if c.incident == incident_id
    ]
    return render(
        request, "incident.html", incident=detail, views=views, contradictions=contradictions
    )


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, store: StoreDep) -> HTMLResponse:
    contradictions = store.list_contradictions()
    series = figure_series(store.list_figures(), contradictions, store.get_article)
    return render(
        request,
        "ledger.html",
        series=series,
        contradictions=[contradiction_out(c) for c in contradictions],
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    query = q.strip()
    incidents = store.list_incidents(IncidentFilter(q=query, limit=200)) if query else []
    hits = [
        (incident_out(i), [mark_terms(e.text, query) for r in i.reports for e in r.evidence][:3])
        for i in incidents
    ]
    return render(request, "search.html", q=query, hits=hits)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    store: StoreDep,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"No article {article_id!r}.")
    passage = highlight(article.text, start, end) if start is not None and end is not None else None
    lines = article.text.splitlines()
    return render(request, "article.html", article=article, lines=lines, passage=passage)
