"""The UI: server-rendered pages over the same queries as the API; JS only draws."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from sitrep.export._sources import outlet_label
from sitrep.export.ledger import FigureFilter, select_figures
from sitrep.model import EVENT_TYPES, Article
from sitrep.serve.deps import SettingsDep, StoreDep
from sitrep.serve.highlight import Passage, highlight, mark_terms
from sitrep.serve.routers.downloads import ledger_contradictions, page_figure_filter
from sitrep.serve.routers.incidents import moved_incident
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

SERIES_PER_PAGE = 20
CONTRADICTIONS_PER_PAGE = 50


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
def incident_page(request: Request, incident_id: str, store: StoreDep) -> Response:
    incident = store.get_incident(incident_id)
    if incident is None:
        moved = moved_incident(request, store, incident_id, "incident_page")
        if moved is not None:
            return moved  # a permalink of an incident merged into another
        raise HTTPException(404, f"No incident {incident_id!r}.")
    detail = incident_detail(incident, store.get_article)
    views = [
        ReportView(r, _passages(r, store.get_article(r.article_id))) for r in detail.report_list
    ]
    contradictions = [
        contradiction_out(c) for c in store.list_contradictions() if c.incident == incident_id
    ]
    return render(
        request,
        "incident.html",
        incident=detail,
        views=views,
        contradictions=contradictions,
        series=toll_series(detail.report_list),
    )


def toll_series(reports: list[ReportOut]) -> list[ReportOut]:
    """The reports that give a toll, by the day their numbers are stated for (report time)."""
    counted = [r for r in reports if r.killed is not None or r.injured is not None]
    return sorted(counted, key=lambda r: (r.as_of or r.date or "", str(r.published or "")))


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a list: which items, and the links to the pages around it."""

    page: int
    pages: int
    total: int
    first: int  # 1-based index of the page's first item

    @classmethod
    def of(cls, total: int, page: int, size: int) -> Pager:
        pages = max(1, -(-total // size))
        page = min(max(page, 1), pages)
        return cls(page, pages, total, (page - 1) * size + 1)

    def window(self, size: int) -> slice:
        return slice(self.first - 1, self.first - 1 + size)


def _query(f: FigureFilter, **extra: object) -> str:
    """The filter (and ``extra``) as a query string, empty values left out."""
    pairs = {
        "metric": f.metric, "scope": f.scope, "oblast": f.scope_prefix, "claimant": f.claimant,
        "date_from": f.date_from, "date_to": f.date_to, "q": f.q, **extra,
    }  # fmt: skip
    return urlencode({k: v for k, v in pairs.items() if v not in (None, "")})


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(
    request: Request,
    store: StoreDep,
    filters: Annotated[FigureFilter, Depends(page_figure_filter)],
    page: Annotated[int, Query(ge=1)] = 1,
    cpage: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    every = store.list_figures()
    figures = select_figures(every, filters)
    contradictions = store.list_contradictions()
    chosen = ledger_contradictions(contradictions, figures, filters)
    series = figure_series(figures, contradictions, store.get_article)
    pager = Pager.of(len(series), page, SERIES_PER_PAGE)
    cpager = Pager.of(len(chosen), cpage, CONTRADICTIONS_PER_PAGE)
    return render(
        request,
        "ledger.html",
        series=series[pager.window(SERIES_PER_PAGE)],
        pager=pager,
        cpager=cpager,
        filters=filters,
        query=_query(filters),
        page_query=lambda **kw: _query(
            filters, **({"page": pager.page, "cpage": cpager.page} | kw)
        ),
        metrics=sorted({f.metric for f in every}),
        scopes=sorted({f.scope for f in every}),
        contradictions=[
            contradiction_out(c) for c in chosen[cpager.window(CONTRADICTIONS_PER_PAGE)]
        ],
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI document in Swagger UI, every file from this server (no CDN)."""
    return render(request, "docs.html")


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
    outlet = outlet_label(article.outlet, article.url)
    return render(
        request, "article.html", article=article, lines=lines, passage=passage, outlet=outlet
    )
