"""What a date, a count and a text may be: values outside these bounds are no dates and no counts.

Readers and the store apply them, so a placeholder date (``0001-01-01``,
``9999-12-31``, a feed's year 0) or a runaway number ("9223372036854775808
killed") becomes *unknown* instead of a value that breaks date arithmetic or a
64-bit column later.  Nothing is raised: an unknown is an honest value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitrep.model import Document, Figure, Number, PartialDate, Report

__all__ = [
    "EARLIEST",
    "MAX_COUNT",
    "bounded_document",
    "clean_chars",
    "latest",
    "sane_count",
    "sane_date",
    "sane_number",
    "sane_partial",
]

#: No article sitrep reads was published, and no event it counts happened, before this day.
EARLIEST = dt.date(1900, 1, 1)
#: The largest count that is a count of people: above every casualty or displacement
#: tally of any war (UNHCR's worldwide displaced, 2024: about 1.2e8) and far below
#: 2^31, so it fits every integer column.  Larger numbers are digits run together.
MAX_COUNT = 1_000_000_000
#: Days after today a date may lie: a feed in a time zone ahead of ours.
_DAYS_AHEAD = 1


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_chars(text: str) -> str:
    """``text`` with NUL and lone surrogates (which no database column takes) replaced
    by U+FFFD, one for one, so offsets into it still hold."""
    return _UNSTORABLE.sub("\ufffd", text)


def latest(today: dt.date | None = None) -> dt.date:
    """The last sane day: the run's date (``today``) plus a day."""
    return (today or dt.date.today()) + dt.timedelta(days=_DAYS_AHEAD)


def sane_date(day: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    """``day``, or ``None`` when it lies before :data:`EARLIEST` or after :func:`latest`."""
    if day is None or not EARLIEST <= day <= latest(today):
        return None
    return day


def sane_partial(day: PartialDate | None, today: dt.date | None = None) -> PartialDate | None:
    """``day`` (a year-less day is kept), or ``None`` when its year is out of bounds."""
    if day is None or day.year is None:
        return day
    try:
        full = day.to_date()
    except ValueError:
        return None
    return day if sane_date(full, today) is not None else None


def sane_count(value: int | None) -> bool:
    """True for ``None`` and for integers from 0 to :data:`MAX_COUNT`."""
    return value is None or (isinstance(value, int) and 0 <= value <= MAX_COUNT)


def sane_number(number: Number | None) -> Number | None:
    """``number``, or ``None`` when its value or either bound is no count."""
    if number is None:
        return None
    if all(sane_count(v) for v in (number.value, number.low, number.high)):
        return number
    return None


def _bounded_report(report: Report, today: dt.date | None) -> Report:
    return replace(
        report,
        date=sane_partial(report.date, today),
        as_of=sane_partial(report.as_of, today),
        killed=sane_number(report.killed),
        injured=sane_number(report.injured),
    )


def _bounded_figure(figure: Figure, today: dt.date | None) -> Figure | None:
    value = sane_number(figure.value)
    if value is None:
        return None  # a tally without a count is no tally
    return replace(
        figure,
        value=value,
        since=sane_partial(figure.since, today),
        as_of=sane_partial(figure.as_of, today),
    )


def bounded_document(doc: Document, today: dt.date | None = None) -> Document:
    """``doc`` with every date and count outside the bounds made unknown (figures dropped)."""
    article = doc.article
    published = sane_date(article.published, today)
    if published != article.published:
        article = replace(article, published=None, published_basis="unknown")
    figures = (_bounded_figure(f, today) for f in doc.figures)
    return replace(
        doc,
        article=article,
        reports=tuple(_bounded_report(r, today) for r in doc.reports),
        figures=tuple(f for f in figures if f is not None),
    )
