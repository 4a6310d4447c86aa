"""Plain-text articles in the three layouts seen in the wild.

1. A title line, then the body.
2. A `` date YYYY-MM-DD`` marker on the first line (glued to the first body
   line, no title) or on the second, after a title line (published is that
   date, stated).
3. A ``YYYYMMDD`` line and a URL line, after a title line or at the top,
   then the body (published stated, ``url``, outlet from the URL's domain).

Anything else is all body.  Outlet signatures in the text ("The Independent
is on the ground") name the outlet when no URL does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitrep.ingest.identity import article_id
from sitrep.ingest.outlets import outlet_from_text, outlet_from_url
from sitrep.model import Article

__all__ = ["looks_like_title", "parse_text"]

_DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_MARKER_LINE = re.compile(r"[ \t]*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")
_URL_LINE = re.compile(r"\s*(https?://\S+)\s*")
_LINE = re.compile(r"[^\n]*(\n|$)")
_SENTENCE_END = tuple(".!?…\"”’'")
# Longest first line taken as a title.  Set by hand: headlines with a
# standfirst run to ~45 words (seed 004's is 37); body sentences that end
# without a period are rarer than that.
_MAX_TITLE_WORDS = 45
_MAX_QUESTION_TITLE_WORDS = 20


def _lines(text: str, count: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the first ``count`` lines, ``end`` past the newline."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if len(spans) == count or m.start() == len(text):
            break
        spans.append((m.start(), m.end()))
    return spans


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def looks_like_title(line: str, followed_by_blank: bool) -> bool:
    """True when a first line reads as a headline rather than a body sentence."""
    words = line.split()
    if not words:
        return False
    if not line.rstrip().endswith(_SENTENCE_END):
        return len(words) <= _MAX_TITLE_WORDS
    return (
        followed_by_blank
        and line.rstrip().endswith("?")
        and len(words) <= _MAX_QUESTION_TITLE_WORDS
    )


def _header_layout(text: str) -> tuple[dt.date, str, int, bool] | None:
    """Layout 3: (published, url, body_start, titled) when lines 2-3 (or 1-2) are a date and a URL."""
    spans = _lines(text, 3)
    for first, titled in ((1, True), (0, False)):
        if len(spans) < first + 2:
            continue
        date_line = _COMPACT_DATE.fullmatch(text[spans[first][0] : spans[first][1]])
        url_line = _URL_LINE.fullmatch(text[spans[first + 1][0] : spans[first + 1][1]])
        if date_line is None or url_line is None:
            continue
        published = _date(*date_line.groups())
        if published is not None:
            return published, url_line.group(1), spans[first + 1][1], titled
    return None


def _titled_marker(text: str) -> tuple[str, dt.date, int, int] | None:
    """Layout 2 after a title: (title, published, title_end, body_start) when line 2 is a date marker."""
    spans = _lines(text, 2)
    if len(spans) < 2 or not text[spans[0][0] : spans[0][1]].strip():
        return None
    marker = _MARKER_LINE.match(text, spans[1][0])
    if marker is None:
        return None
    published = _date(*marker.group(1).split("-"))
    if published is None:
        return None
    return text[: spans[0][1]].strip(), published, spans[0][1], marker.end()


def _title(text: str) -> tuple[str, int] | None:
    """Layout 1: (title, body_start) when the first line reads as a headline."""
    spans = _lines(text, 2)
    if len(spans) < 2:
        return None
    first = text[spans[0][0] : spans[0][1]].strip()
    followed_by_blank = not text[spans[1][0] : spans[1][1]].strip()
    if not looks_like_title(first, followed_by_blank):
        return None
    return first, spans[0][1]


def _article(text: str, source: str, body_start: int, identity_start: int | None = None) -> Article:
    """``identity_start`` is where the text hashed for the id begins (default: the body)."""
    body = text[body_start if identity_start is None else identity_start :]
    return Article(
        id=article_id(body if body.strip() else text),
        text=text,
        source=source,
        body_start=body_start,
        outlet=outlet_from_text(text),
    )


def parse_text(text: str, source: str) -> Article:
    """An :class:`Article` from decoded plain text in any of the three layouts."""
    marker = _DATE_MARKER.match(text)
    if marker is not None and (published := _date(*marker.group(1).split("-"))) is not None:
        article = _article(text, source, marker.end())
        return replace(article, published=published, published_basis="stated")
    titled_marker = _titled_marker(text)
    if titled_marker is not None:
        title, published, title_end, body_start = titled_marker
        # The id hashes the text after the title, as it did before this layout was read.
        article = _article(text, source, body_start, identity_start=title_end)
        return replace(article, title=title, published=published, published_basis="stated")
    header = _header_layout(text)
    if header is not None:
        published, url, body_start, has_title = header
        return replace(
            _article(text, source, body_start),
            title=text[: text.index("\n")].strip() if has_title else None,
            published=published,
            published_basis="stated",
            url=url,
            outlet=outlet_from_url(url) or outlet_from_text(text),
        )
    titled = _title(text)
    if titled is not None:
        return replace(_article(text, source, titled[1]), title=titled[0])
    return _article(text, source, 0)
