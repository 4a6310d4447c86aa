"""Dates in a sentence, resolved against the publication date.

Explicit dates with or without a year, weekdays ("on Wednesday"), and
relative expressions ("today", "this morning", "overnight", "yesterday")
resolve against the publication date and never land after it.  When the
text gives no year and the article has no publication date, the year stays
unknown (``PartialDate(None, m, d)``): we never invent one.

The stack names dateparser; ``bench/dates_vs_dateparser.py`` measures it
against this grammar on the 300 incident notes of tests/golden: both find
the coded date in 297 of 300 (the grammar then read two-day nights, "5-6
May", as their second day, now their first; dateparser misses "April 17,
2024" and reads "Around 14 August" as 1 August), at 0.3 ms vs 23 ms a
note.  So the grammar is used alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.extract._numbers import _UNITS
from sitrep.lang import month_numbers, month_pattern, vocabulary
from sitrep.model import PartialDate

__all__ = ["DateMention", "find_dates", "war_day_date"]

INVASION_START = dt.date(2022, 2, 24)  # day one of Russia's full-scale invasion

_MONTHS = month_numbers()  # "january"/"jan" -> 1 (data/lang/en/months.txt)
_EN = vocabulary("en")
_WEEKDAYS = {day.lower(): n for n, day in enumerate(_EN.data["phrases"]["weekdays"])}
_WEEKDAY_NAME = _EN.alternation("weekdays")  # "Monday" ... "Sunday"
_MONTH = rf"(?P<month>{month_pattern()})\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_YEAR2 = r"(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY_NAME}),?\s+)?"

# A span of days ("the night of 5-6 May", "9/10 November") dates from its first day.
_FIRST_DAY = r"(?:(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|/|to|and)\s*)?"
_EXPLICIT = re.compile(
    rf"\b{_WEEKDAY}(?:{_FIRST_DAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}|{_MONTH2}\s+{_DAY2}(?:\s*(?:-|–|/)\s*[0-3]?\d)?\b{_YEAR2})",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b")
_RELATIVE = re.compile(
    r"\b(?P<rel>earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening)|overnight|"
    r"last\s+night|yesterday|the\s+previous\s+(?:day|evening|night)|the\s+day\s+before|"
    r"(?:over\s+)?(?:the|this|last)\s+weekend)\b"
    rf"|\b(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?P<wd>{_WEEKDAY_NAME})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_WAR_DAY = re.compile(
    r"\b(?:day\s+(?P<n1>\d{1,4}|[a-z-]+)\b(?:\s+of\s+(?:the\s+)?(?:war|invasion))?"
    r"|(?:the\s+)?(?P<n2>[a-z-]+|\d{1,4}(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+)?(?:war|invasion|russian\s+invasion|full-scale\s+invasion|conflict)"
    r"|since\s+the\s+(?P<n4>[a-z-]+|\d{1,4}(?:st|nd|rd|th))\s+day\b"
    r"|(?P<n3>\d{1,4})-day\s+(?:war|invasion|conflict))",
    re.IGNORECASE,
)
_ORDINALS = {
    **_EN.data["numbers"]["ordinals"],  # "first" ... "twentieth"
    # the cardinals ("day thirty-one" is read as a count), from the number grammar
    **{word: n for word, n in _UNITS.items() if n},
    "twenty": 20,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: ``text[start:end]`` and the day it means.

    ``relative`` is true for expressions that needed the publication date;
    ``night`` for "overnight"/"last night" (the event may be the day before).
    """

    start: int
    end: int
    date: PartialDate
    relative: bool = False
    night: bool = False


def _safe_date(year: int | None, month: int, day: int) -> PartialDate | None:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 Feb stays valid
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _with_year(month: int, day: int, published: dt.date | None) -> PartialDate | None:
    """A month-day without a year: the latest such day not after publication."""
    if published is None:
        return _safe_date(None, month, day)
    for year in (published.year, published.year - 1):
        found = _safe_date(year, month, day)
        if found is not None and found.to_date() is not None and found.to_date() <= published:  # type: ignore[operator]
            return found
    return None


def _explicit(m: re.Match[str], published: dt.date | None) -> PartialDate | None:
    month_name = (m.group("month") or m.group("month2")).lower().rstrip(".")
    day = int(m.group("first") or m.group("day") or m.group("day2"))
    year_text = m.group("year") or m.group("year2")
    month = _MONTHS[month_name]
    if year_text:
        return _safe_date(int(year_text), month, day)
    return _with_year(month, day, published)


def _relative(m: re.Match[str], published: dt.date) -> tuple[dt.date, bool] | None:
    rel = (m.group("rel") or "").lower()
    if m.group("wd"):
        weekday = _WEEKDAYS[m.group("wd").lower()]
        back = (published.weekday() - weekday) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), False
    if rel in (
        "yesterday",
        "the previous day",
        "the day before",
        "the previous evening",
        "the previous night",
    ):
        return published - dt.timedelta(days=1), "night" in rel
    if rel in ("overnight", "last night"):
        return published, True
    if rel.endswith(
        "weekend"
    ):  # the Saturday on or before publication; flexible by a day like a night
        return published - dt.timedelta(days=(published.weekday() - 5) % 7), True
    return published, False


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` that names a day, left to right."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for regex in (_ISO, _NUMERIC):
        for m in regex.finditer(text):
            day = _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            if day is not None:
                found.append(DateMention(m.start(), m.end(), day))
                taken.append((m.start(), m.end()))
    for m in _EXPLICIT.finditer(text):
        if not free(m.start(), m.end()):
            continue
        day = _explicit(m, published)
        if day is not None:
            found.append(DateMention(m.start(), m.end(), day))
            taken.append((m.start(), m.end()))
    if published is not None:
        for m in _RELATIVE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            resolved = _relative(m, published)
            if resolved is not None:
                when, night = resolved
                found.append(
                    DateMention(
                        m.start(),
                        m.end(),
                        PartialDate.from_date(when),
                        True,
                        night or "night" in m.group(0).lower(),
                    )
                )
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def war_day_date(text: str) -> dt.date | None:
    """The date meant by "day seven of the war", "the eighth day", "Moscow's 19-day war"."""
    for m in _WAR_DAY.finditer(text):
        raw = (m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4") or "").lower()
        raw = re.sub(r"(st|nd|rd|th)$", "", raw) if raw[:1].isdigit() else raw
        n = int(raw) if raw.isdigit() else _ORDINALS.get(raw)
        if n and 1 <= n <= 2000:
            return INVASION_START + dt.timedelta(days=n - 1)
    return None
