"""The filter flags, defined once for ``incidents``, ``export`` and ``figures``.

Every command that lists records takes the same ``--from``, ``--to``,
``--oblast``, ``--search``, ``--limit`` and ``--offset``; the incident
commands add ``--type``, ``--min-killed`` and ``--bbox``; ``figures`` adds
``--metric``, ``--scope`` and ``--claimant``.  Each flag means the same thing
everywhere (``--from``/``--to`` are the incident's day or the figure's as-of
day; ``--oblast`` is the incident's admin1 or the figure's scope).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sitrep.export.ledger import FigureFilter
    from sitrep.store.base import IncidentFilter

__all__ = [
    "BboxOption",
    "ClaimantOption",
    "FromOption",
    "LimitOption",
    "MetricOption",
    "MinKilledOption",
    "OblastOption",
    "OffsetOption",
    "ScopeOption",
    "SearchOption",
    "ToOption",
    "TypeOption",
    "figure_filter",
    "incident_filter",
    "parse_bbox",
]

_DAY = ["%Y-%m-%d"]

FromOption = Annotated[
    dt.datetime | None,
    typer.Option("--from", formats=_DAY, help="First day, YYYY-MM-DD.", show_default=False),
]
ToOption = Annotated[
    dt.datetime | None,
    typer.Option("--to", formats=_DAY, help="Last day, YYYY-MM-DD.", show_default=False),
]
OblastOption = Annotated[
    str | None, typer.Option("--oblast", help="Oblast or scope (start of its name).")
]
SearchOption = Annotated[
    str | None, typer.Option("--search", "-q", help="Words in the place, type or evidence.")
]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="Event type or sub-type, e.g. air_drone_strike.")
]
MinKilledOption = Annotated[
    int | None, typer.Option("--min-killed", help="At least this many killed.")
]
BboxOption = Annotated[
    str | None, typer.Option("--bbox", help="west,south,east,north in degrees.", show_default=False)
]
MetricOption = Annotated[
    str | None, typer.Option("--metric", help="e.g. civilians_killed, refugees.")
]
ScopeOption = Annotated[
    str | None, typer.Option("--scope", help="Place the figure covers, exactly, e.g. Ukraine.")
]
ClaimantOption = Annotated[
    str | None, typer.Option("--claimant", help="Who gave the figure (part of the name).")
]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` as four floats (a usage error otherwise)."""
    if text is None:
        return None
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError as e:
        raise typer.BadParameter(
            "Give four numbers: west,south,east,north, e.g. 35.0,49.5,37.0,50.5",
            param_hint="--bbox",
        ) from e
    return west, south, east, north


def incident_filter(
    date_from: dt.datetime | None = None,
    date_to: dt.datetime | None = None,
    oblast: str | None = None,
    search: str | None = None,
    event_type: str | None = None,
    min_killed: int | None = None,
    bbox: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> IncidentFilter:
    """The store's incident filter from the flags (``limit=None``: every match)."""
    from sitrep.store.base import IncidentFilter

    return IncidentFilter(
        date_from=_day(date_from),
        date_to=_day(date_to),
        oblast=oblast,
        event_type=event_type,
        min_killed=min_killed,
        q=search,
        bbox=parse_bbox(bbox),
        limit=limit,
        offset=offset,
    )


def figure_filter(
    date_from: dt.datetime | None = None,
    date_to: dt.datetime | None = None,
    oblast: str | None = None,
    search: str | None = None,
    metric: str | None = None,
    scope: str | None = None,
    claimant: str | None = None,
) -> FigureFilter:
    """The ledger's figure filter from the flags."""
    from sitrep.export.ledger import FigureFilter

    return FigureFilter(
        metric=metric,
        scope=scope,
        scope_prefix=oblast,
        claimant=claimant,
        date_from=_day(date_from),
        date_to=_day(date_to),
        q=search,
    )
