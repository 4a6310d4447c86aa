"""Dates whose year may be unknown: completed from a publication date, or placed in years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sitrep.model import PartialDate

__all__ = ["YEARLESS_YEARS", "full_date", "placements"]

# A leap and a common year: where a date of unknown year is placed to measure
# how close it can be to another.
YEARLESS_YEARS = (2000, 2001)


def placements(date: PartialDate, years: Iterable[int]) -> list[dt.date]:
    """``date``'s month and day in each of ``years`` where it exists (29 February only in leap years)."""
    placed = []
    for year in years:
        try:
            placed.append(dt.date(year, date.month, date.day))
        except ValueError:
            continue
    return placed


def full_date(date: PartialDate, published: dt.date | None) -> dt.date | None:
    """``date`` with its year; an unknown year is taken from ``published`` (SCORING.md allows it).

    That is the latest such day on or before publication; ``None`` without a
    publication date, or for 29 February before a common-year publication.
    """
    if date.year is not None:
        return date.to_date()
    if published is None:
        return None
    before = (date.month, date.day) <= (published.month, published.day)
    placed = placements(date, [published.year if before else published.year - 1])
    return placed[0] if placed else None
