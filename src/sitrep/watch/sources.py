"""Polling one watched source: an RSS/Atom URL (or file), a folder, or a list of article URLs.

:func:`poll` returns what is new since the last poll, as entries with their
articles, without marking anything: the caller marks them once the articles
are stored (see :mod:`sitrep.watch.run`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest import read_file
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.feeds import FeedEntry, feed_entries, looks_like_feed
from sitrep.ingest.html import parse_html
from sitrep.ingest.limits import check_article
from sitrep.model import Article, Failure
from sitrep.watch.fetch import Fetcher, FetchFailed, Response
from sitrep.watch.state import EntryMark, SourceState, WatchState

__all__ = ["MAX_LINK_ATTEMPTS", "NewEntry", "Poll", "is_url", "poll"]

#: Polls that try to fetch an entry's full article before its feed summary is taken instead.
MAX_LINK_ATTEMPTS = 3
#: New entries taken from one source in one poll (a first poll of a long sitemap is
#: spread over several; the rest are new in the next one).
MAX_NEW_ENTRIES = 500


@dataclass(frozen=True, slots=True)
class NewEntry:
    """An entry not seen before: its key, its day and what it reads as (``None``: retry later)."""

    key: str
    day: dt.date
    items: tuple[Article | Failure, ...] = ()
    retry: bool = False

    def mark(self) -> EntryMark:
        article = next((i.id for i in self.items if isinstance(i, Article)), None)
        return EntryMark(self.key, "retry" if self.retry else "seen", self.day, article)


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll of ``source`` found: new entries, and the source state to save
    once they are stored (validators are kept back while an entry waits for a retry)."""

    source: str
    entries: tuple[NewEntry, ...] = ()
    state: SourceState | None = None
    error: str | None = None
    skipped: bool = False  # in backoff after errors
    notes: tuple[str, ...] = field(default_factory=tuple)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _day(items: tuple[Article | Failure, ...]) -> dt.date:
    dated = (i.published for i in items if isinstance(i, Article) and i.published)
    return next(dated, None) or _today()


# ---- folders ------------------------------------------------------------------------


def _folder_entries(folder: Path, seen: set[str], settings: Settings) -> Iterator[NewEntry]:
    """Files of ``folder`` new or changed since seen (key: path, size and mtime)."""
    for path in sorted(folder.rglob("*")):
        if any(p.startswith(".") for p in path.relative_to(folder).parts) or not path.is_file():
            continue
        info = path.stat()
        key = f"{path.relative_to(folder)}:{info.st_size}:{info.st_mtime_ns}"
        if key not in seen:
            items = tuple(read_file(path, settings))
            yield NewEntry(key, _day(items), items)


# ---- lists of article URLs ----------------------------------------------------------

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)


def listed_urls(text: str) -> list[str]:
    """The article URLs of a sitemap (``<loc>``) or of a text list (one URL a line)."""
    if "<loc>" in text.lower():
        found = _LOC.findall(text)
    else:
        found = [line.strip() for line in text.splitlines()]
    return list(dict.fromkeys(u.replace("&amp;", "&") for u in found if is_url(u)))


def _page_article(fetcher: Fetcher, url: str, settings: Settings) -> Article:
    """The article at ``url``, extracted by trafilatura; raises FetchFailed or InputError."""
    page = fetcher.fetch(url)
    text = page.body.decode(_charset(page) or "utf-8", errors="replace")
    return parse_html(text, url, url=page.url or url)


def _charset(page: Response) -> str | None:
    match = re.search(r"charset=([\w.-]+)", page.content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _page_entry(fetcher: Fetcher, url: str, settings: Settings, attempts: int) -> NewEntry:
    try:
        article = _page_article(fetcher, url, settings)
    except FetchFailed as e:
        if attempts + 1 < MAX_LINK_ATTEMPTS:
            return NewEntry(url, _today(), retry=True)
        item: Article | Failure = Failure(source=url, reason=e.reason, kind="fetch")
    except InputError as e:
        item = failure(e)
    except Exception as e:  # one page must not end the poll: any error is its Failure
        item = unexpected(url, e)
    else:
        item = article
    return NewEntry(url, _day((item,)), (item,))


# ---- feeds --------------------------------------------------------------------------


def _full_article(
    fetcher: Fetcher, entry: FeedEntry, settings: Settings, attempts: int
) -> NewEntry:
    """The entry with the article at its link (its feed summary carries only a summary);
    the summary after :data:`MAX_LINK_ATTEMPTS` failed tries."""
    summary = entry.item
    assert entry.link is not None
    page = _page_entry(fetcher, entry.link, settings, attempts)
    if page.retry:
        return replace(page, key=entry.key)
    (item,) = page.items
    if isinstance(item, Failure):
        return NewEntry(entry.key, _day((summary,)), (summary,))  # the summary is what there is
    if isinstance(summary, Article):
        item = check_article(
            replace(
                item,
                source=summary.source,
                title=item.title or summary.title,
                published=item.published or summary.published,
                published_basis=item.published_basis if item.published else summary.published_basis,
                outlet=item.outlet or summary.outlet,
                record_id=summary.record_id,
            )
        )
    return NewEntry(entry.key, _day((item,)), (item,))


def _feed_entry(
    fetcher: Fetcher, entry: FeedEntry, settings: Settings, attempts: int, follow: bool
) -> NewEntry:
    if follow and not entry.full and entry.link and isinstance(entry.item, Article):
        return _full_article(fetcher, entry, settings, attempts)
    return NewEntry(entry.key, _day((entry.item,)), (entry.item,))


# ---- one poll -------------------------------------------------------------------------


def _body_entries(
    body: bytes,
    source: str,
    fetcher: Fetcher,
    state: WatchState,
    settings: Settings,
    follow: bool,
) -> Iterator[NewEntry]:
    seen, attempts = state.seen(source), state.attempts(source)
    if looks_like_feed(body[:4096].decode("utf-8", errors="replace")):
        fresh = [e for e in feed_entries(body, source) if e.key not in seen]
        for entry in fresh[:MAX_NEW_ENTRIES]:
            yield _feed_entry(fetcher, entry, settings, attempts.get(entry.key, 0), follow)
        return
    urls = [u for u in listed_urls(body.decode("utf-8", errors="replace")) if u not in seen]
    for url in urls[:MAX_NEW_ENTRIES]:
        yield _page_entry(fetcher, url, settings, attempts.get(url, 0))


def _fetch_body(
    spec: str, fetcher: Fetcher, previous: SourceState
) -> tuple[bytes | None, SourceState]:
    """The source's body (``None``: not modified) and its state with new validators."""
    if not is_url(spec):
        return Path(spec).read_bytes(), previous
    response = fetcher.fetch(spec, previous.etag, previous.last_modified)
    fresh = replace(previous, errors=0, retry_after=None, last_error=None)
    if response.status == 304:
        return None, fresh
    return response.body, replace(fresh, etag=response.etag, last_modified=response.last_modified)


def _backoff(previous: SourceState, reason: str, interval: float) -> SourceState:
    """The state after one more failed poll: wait ``interval`` x 2^errors, at most a day."""
    errors = previous.errors + 1
    wait = min(interval * 2 ** (errors - 1), 86_400.0)
    retry = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)
    return replace(previous, errors=errors, retry_after=retry, last_error=reason)


def poll(
    spec: str,
    state: WatchState,
    fetcher: Fetcher,
    settings: Settings,
    *,
    interval: float = 600.0,
    follow: bool = True,
) -> Poll:
    """What is new at ``spec`` (a feed or list URL or file, or a folder) since last seen."""
    previous = state.source(spec)
    if previous.retry_after is not None and previous.retry_after > dt.datetime.now(dt.UTC):
        return Poll(spec, skipped=True, error=previous.last_error)
    if Path(spec).is_dir():
        entries = tuple(_folder_entries(Path(spec), state.seen(spec), settings))
        return Poll(spec, entries, previous)
    try:
        body, fresh = _fetch_body(spec, fetcher, previous)
        entries = (
            ()
            if body is None
            else tuple(_body_entries(body, spec, fetcher, state, settings, follow))
        )
    except (FetchFailed, InputError) as e:
        return Poll(spec, state=_backoff(previous, e.reason, interval), error=e.reason)
    except OSError as e:
        reason = f"cannot be read ({e.strerror}). Check the path."
        return Poll(spec, state=_backoff(previous, reason, interval), error=reason)
    if any(e.retry for e in entries):  # keep the old validators: the feed is asked again
        fresh = replace(fresh, etag=previous.etag, last_modified=previous.last_modified)
    return Poll(spec, entries, fresh)
