"""``/api/ledger.{csv,json}`` and ``/api/contradictions.{csv,json}``: the ledger as downloads.

The same rows as ``sitrep figures --csv`` and ``sitrep contradictions --csv``
(:mod:`sitrep.export.ledger`), over the ledger page's filters.
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from sitrep.export._sources import article_sources
from sitrep.export.ledger import (
    CONTRADICTION_COLUMNS,
    FIGURE_COLUMNS,
    FigureFilter,
    contradiction_rows,
    figure_row,
    select_figures,
    write_rows,
)
from sitrep.model import Contradiction, Figure
from sitrep.serve.deps import StoreDep
from sitrep.serve.filters import MAX_TEXT, parse_day

__all__ = ["figure_filter", "ledger_contradictions", "page_figure_filter", "router"]

router = APIRouter(prefix="/api", tags=["figures"])

Fmt = Literal["csv", "json"]
_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


def _text(description: str) -> Any:
    return Query(max_length=MAX_TEXT, description=description)


def _day(description: str, pattern: str = rf"^{_DAY}$") -> Any:
    # A string, not dt.date: pydantic reads "0" as 1970-01-01 (as serve/filters.py does).
    return Query(pattern=pattern, description=description, json_schema_extra={"format": "date"})


def figure_filter(
    metric: Annotated[str | None, _text("e.g. civilians_killed.")] = None,
    scope: Annotated[str | None, _text("Exact scope, e.g. Ukraine.")] = None,
    oblast: Annotated[str | None, _text("Start of the scope's name.")] = None,
    claimant: Annotated[str | None, _text("Part of the claimant's name.")] = None,
    date_from: Annotated[str | None, _day("First as-of day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, _day("Last as-of day, YYYY-MM-DD.")] = None,
    q: Annotated[str | None, _text("Words in the evidence.")] = None,
) -> FigureFilter:
    """FastAPI dependency: the ledger's filter from the query string."""
    return FigureFilter(
        metric=metric or None,
        scope=scope or None,
        scope_prefix=oblast or None,
        claimant=claimant or None,
        date_from=parse_day(date_from, "date_from"),
        date_to=parse_day(date_to, "date_to"),
        q=(q or "").strip() or None,
    )


def page_figure_filter(
    metric: Annotated[str | None, _text("")] = None,
    scope: Annotated[str | None, _text("")] = None,
    oblast: Annotated[str | None, _text("")] = None,
    claimant: Annotated[str | None, _text("")] = None,
    date_from: Annotated[str | None, _day("", rf"^({_DAY})?$")] = None,
    date_to: Annotated[str | None, _day("", rf"^({_DAY})?$")] = None,
    q: Annotated[str | None, _text("")] = None,
) -> FigureFilter:
    """The same filter for the ledger page, whose form sends empty fields (``date_from=``)."""
    return figure_filter(metric, scope, oblast, claimant, date_from or None, date_to or None, q)


FilterDep = Annotated[FigureFilter, Depends(figure_filter)]


def ledger_contradictions(
    contradictions: list[Contradiction], figures: list[Figure], f: FigureFilter
) -> list[Contradiction]:
    """The contradictions a filtered ledger shows: figure ones of its series (all when unfiltered)."""
    if f == FigureFilter():
        return contradictions
    shown = {(x.metric, x.scope) for x in figures}
    return [c for c in contradictions if c.kind == "figure" and (c.metric, c.scope) in shown]


def _download(
    rows: list[dict[str, object]], columns: tuple[str, ...], fmt: str, name: str
) -> Response:
    out = io.BytesIO()
    write_rows(rows, columns, fmt, out)
    headers = {"Content-Disposition": f'attachment; filename="sitrep-{name}.{fmt}"'}
    return Response(out.getvalue(), media_type=_MEDIA[fmt], headers=headers)


_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}, "application/json": {}}}
}


@router.get(
    "/ledger.{fmt}",
    summary="Figures ledger as CSV or JSON",
    response_class=Response,
    responses=_RESPONSES,
)
def ledger_download(fmt: Fmt, store: StoreDep, filters: FilterDep) -> Response:
    """Every figure claim the filters admit, one row each (columns: docs/data-dictionary.md)."""
    figures = select_figures(store.list_figures(filters.metric, filters.scope), filters)
    sources = article_sources(store, [f.article_id for f in figures])
    rows = [
        figure_row(f, s.outlet if s else None, s.url if s else None)
        for f in figures
        for s in [sources.get(f.article_id)]
    ]
    return _download(rows, FIGURE_COLUMNS, fmt, "ledger")


@router.get(
    "/contradictions.{fmt}",
    summary="Contradictions as CSV or JSON",
    response_class=Response,
    responses=_RESPONSES,
)
def contradictions_download(fmt: Fmt, store: StoreDep, filters: FilterDep) -> Response:
    """One row per claim of each contradiction, naming the value that differs."""
    figures = select_figures(store.list_figures(filters.metric, filters.scope), filters)
    chosen = ledger_contradictions(store.list_contradictions(), figures, filters)
    return _download(contradiction_rows(chosen), CONTRADICTION_COLUMNS, fmt, "contradictions")
