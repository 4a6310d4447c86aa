"""The situation report as a value: what ``build_report`` found, before any rendering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sitrep.model import Contradiction, Figure, Incident, Number

__all__ = ["Claim", "OblastSummary", "SeriesSummary", "SituationReport", "Totals", "totals"]


@dataclass(frozen=True, slots=True)
class OblastSummary:
    """New incidents in one oblast; ``killed``/``injured`` sum the low ends ("at least").

    A sum is ``None`` when no incident of the oblast has that count: unknown,
    never "at least 0".
    """

    oblast: str
    incidents: tuple[Incident, ...]
    killed: int | None
    injured: int | None
    unknown_killed: int  # incidents whose killed count is unknown


@dataclass(frozen=True, slots=True)
class Totals:
    """A period's incidents and the low-end sums of their counts (``None``: none known)."""

    incidents: int
    killed: int | None
    injured: int | None


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def totals(incidents: tuple[Incident, ...] | list[Incident]) -> Totals:
    """:class:`Totals` of ``incidents``."""
    return Totals(
        incidents=len(incidents),
        killed=_sum([low(i.killed) for i in incidents]),
        injured=_sum([low(i.injured) for i in incidents]),
    )


@dataclass(frozen=True, slots=True)
class Claim:
    """The latest value one claimant gave for a series, with its outlet and as-of date."""

    figure: Figure
    claimant: str
    outlet: str | None
    as_of: dt.date | None
    new: bool  # first stated within the report's period
    contested: bool


@dataclass(frozen=True, slots=True)
class SeriesSummary:
    metric: str
    scope: str
    claims: tuple[Claim, ...]

    @property
    def contested(self) -> bool:
        return any(c.contested for c in self.claims)


@dataclass(frozen=True, slots=True)
class SituationReport:
    """Everything the report says about ``date_from``..``date_to`` (inclusive)."""

    date_from: dt.date
    date_to: dt.date
    oblasts: tuple[OblastSummary, ...]
    outlets: dict[str, str | None]  # article id -> outlet
    series: tuple[SeriesSummary, ...]
    contradictions: tuple[Contradiction, ...]
    daily: tuple[tuple[dt.date, int], ...]
    totals: Totals = Totals(0, None, None)
    previous: Totals | None = None  # the period of the same length just before

    @property
    def incidents(self) -> tuple[Incident, ...]:
        return tuple(i for o in self.oblasts for i in o.incidents)


def low(number: Number | None) -> int | None:
    """The value a count is at least: ``at least 5`` -> 5, ``dozens`` -> its low end."""
    if number is None:
        return None
    return number.low if number.low is not None else number.value
