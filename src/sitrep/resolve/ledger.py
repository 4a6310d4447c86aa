"""The figures ledger: each cumulative tally as series of claims, one line per claimant.

A series is keyed by (metric, scope, side).  Inside it, claims are grouped by
claimant family (:mod:`sitrep.resolve.claimants`) and ordered by as-of date:
a family's later value revises its earlier one.  Contradictions between
families are found by :mod:`sitrep.resolve.contradictions`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from sitrep.model import Figure
from sitrep.resolve.claimants import claimant_family
from sitrep.resolve.dates import full_date
from sitrep.resolve.numbers import interval

__all__ = [
    "Claim",
    "Line",
    "Series",
    "SeriesKey",
    "as_of_day",
    "build_series",
    "make_claim",
    "series_key",
]

SeriesKey = tuple[str, str, str]


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def series_key(figure: Figure) -> SeriesKey:
    """``(metric, scope, side)``, normalised so "Ukraine" and "ukraine" are one series."""
    return (figure.metric, _norm(figure.scope), _norm(figure.side))


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure as a claim: who (family), when (effective as-of day), what range."""

    key: str
    figure: Figure
    family: str
    day: dt.date | None
    bounds: tuple[float, float] | None

    @property
    def order(self) -> tuple[str, str]:
        return (self.day.isoformat() if self.day else "9999", self.key)


def as_of_day(figure: Figure, published: dt.date | None) -> dt.date | None:
    """The day a figure stands for: its as-of date, else the article's (stated or inferred) date."""
    if figure.as_of is None:
        return published
    return full_date(figure.as_of, published)


def make_claim(key: str, figure: Figure, published: dt.date | None) -> Claim:
    return Claim(
        key,
        figure,
        claimant_family(figure.claimant),
        as_of_day(figure, published),
        interval(figure.value),
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One claimant family's values over time, oldest first."""

    family: str
    figures: tuple[Figure, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """Every claim about one (metric, scope, side), one line per claimant family."""

    metric: str
    scope: str
    side: str | None
    lines: tuple[Line, ...]


def build_series(claims: list[Claim]) -> Series:
    """Group claims of one series into lines, each ordered by as-of day."""
    by_family: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c.order):
        by_family[claim.family].append(claim)
    first = min(claims, key=lambda c: c.order).figure
    lines = tuple(
        Line(family, tuple(c.figure for c in line), tuple(c.key for c in line))
        for family, line in sorted(by_family.items())
    )
    return Series(first.metric, first.scope, first.side, lines)
