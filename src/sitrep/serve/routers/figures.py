"""``/api/figures``: the ledger, a series per (metric, scope) with one line per claimant."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sitrep.serve.deps import StoreDep
from sitrep.serve.filters import MAX_TEXT
from sitrep.serve.schemas import FigureSeriesOut, figure_series

router = APIRouter(prefix="/api/figures", tags=["figures"])


@router.get("", response_model=list[FigureSeriesOut], summary="Figure ledger")
def list_figures(
    store: StoreDep,
    metric: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    scope: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
) -> list[FigureSeriesOut]:
    """Every claimed figure, grouped by metric and scope, each claimant's values over time."""
    figures = store.list_figures(metric=metric, scope=scope)
    return figure_series(figures, store.list_contradictions(), store.get_article)
