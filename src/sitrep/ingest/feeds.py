"""RSS and Atom feeds: one article per entry with content or a summary."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as xml_escape

import feedparser
from lxml import etree

from sitrep.bounds import sane_date
from sitrep.config import Settings
from sitrep.errors import (
    InputError,
    InputTooLarge,
    RecordError,
    TruncatedInput,
    UndecodableInput,
)
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.html import html_fragment_text
from sitrep.ingest.identity import article_id
from sitrep.ingest.limits import check_article, clean_chars
from sitrep.ingest.outlets import OUTLET_DOMAINS, outlet_from_url
from sitrep.model import Article, Failure

__all__ = [
    "FULL_TEXT_CHARS",
    "FeedEntry",
    "feed_entries",
    "looks_like_feed",
    "parse_feed",
    "parse_feed_stream",
]


def looks_like_feed(text: str) -> bool:
    """True when ``text`` starts like an RSS, RDF or Atom document."""
    head = text.lstrip()[:2000].lower()
    return any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    return html_fragment_text(html or entry.get("summary", "") or "")


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date; ``None`` when absent or no date (feedparser passes on year 0)."""
    # dict.get: feedparser's own get maps one key to the other with a DeprecationWarning.
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if parsed is None:
        return None
    try:
        day = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (ValueError, TypeError, OverflowError):
        return None
    return sane_date(day)


def _entry_outlet(link: str | None, feed_title: str | None) -> str | None:
    outlet = outlet_from_url(link) if link else None
    if outlet in OUTLET_DOMAINS.values() or not feed_title:
        return outlet
    return feed_title


def _entry_article(entry: Any, source: str, feed_title: str | None) -> Article:
    where = _where(entry, source)
    body = clean_chars(_entry_text(entry))
    if not body:
        raise RecordError(where, "has no content or summary to read.")
    title = clean_chars(entry.get("title") or "").strip() or None
    header = f"{title}\n\n" if title else ""
    published = _entry_date(entry)
    link = entry.get("link")
    article = Article(
        id=article_id(body),
        text=f"{header}{body}\n",
        source=source,
        title=title,
        published=published,
        published_basis="metadata" if published else "unknown",
        url=link,
        outlet=_entry_outlet(link, feed_title),
        body_start=len(header),
        record_id=entry.get("id"),
    )
    return check_article(article, where)


def _where(entry: Any, source: str) -> str:
    """``feed.xml#<entry id or link>``, naming the entry in messages."""
    name = entry.get("id") or entry.get("link") or "?"
    return f"{source}#{clean_chars(str(name))[:200]}"


# Character references to surrogates (&#xD800;, &#55296;): feedparser encodes each to
# UTF-8 and raises on it.  They become U+FFFD, as lone surrogates do everywhere.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7][0-9]{3});")


def _surrogate_free(data: bytes) -> bytes:
    def replace(m: re.Match[bytes]) -> bytes:
        text = m.group()[2:-1]
        code = int(text[1:], 16) if text[:1] in b"xX" else int(text)
        return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else m.group()

    return _SURROGATE_REF.sub(replace, data)


#: Bytes within which an XML declaration (``<?xml … ?>``) ends.  Real ones take under 100;
#: feedparser's declaration pattern backtracks for minutes over a long line that opens
#: one and never closes it (found by bench/fuzz.py: 26 KB, 40 s).
_DECLARATION_BYTES = 1024


def _check_declaration(data: bytes, source: str) -> None:
    head = data.lstrip(b" \t\r\n")
    if head.startswith(b"<?") and b"?>" not in head[:_DECLARATION_BYTES]:
        raise TruncatedInput(
            source,
            f"starts with an XML declaration that does not end (no '?>' in its first "
            f"{_DECLARATION_BYTES:,} bytes). Fix the file's first line.",
        )


def _parse(data: bytes, source: str) -> Any:
    _check_declaration(data, source)
    try:
        return feedparser.parse(_surrogate_free(data))
    except (ValueError, LookupError) as e:  # an encoding declaration that is no encoding name
        raise UndecodableInput(
            source,
            f"could not be decoded as a feed ({e}). Check its encoding declaration, or pass "
            "--encoding.",
        ) from e


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: its key (id, else link, else title), its link, whether it
    carries the article's text (``full``) or only a summary, and what it reads as."""

    key: str
    link: str | None
    full: bool
    item: Article | Failure


#: A summary at least this long is taken for the article itself.  Feed summaries are one
#: to three sentences (under 600 characters in the seeds' outlets' feeds); short news
#: articles run from about 1,500.  Untuned beyond that.
FULL_TEXT_CHARS = 1_500


def _is_full(entry: Any) -> bool:
    if entry.get("content"):
        return True
    return len(html_fragment_text(entry.get("summary", "") or "")) >= FULL_TEXT_CHARS


def _entry_item(entry: Any, source: str, feed_title: str | None) -> Article | Failure:
    try:
        return _entry_article(entry, source, feed_title)
    except InputError as e:
        return failure(e)
    except Exception as e:  # one entry must not end the feed: any error is its Failure
        return unexpected(_where(entry, source), e)


def feed_entries(data: bytes, source: str) -> Iterator[FeedEntry]:
    """The entries of an RSS or Atom feed; a broken feed with no entries is truncated."""
    parsed = _parse(data, source)
    if parsed.bozo and not parsed.entries:
        raise TruncatedInput(
            source, f"is not a readable feed ({parsed.get('bozo_exception')}). Is it complete?"
        )
    feed_title = parsed.feed.get("title")
    for entry in parsed.entries:
        link = entry.get("link") or None
        key = clean_chars(str(entry.get("id") or link or entry.get("title") or ""))
        item = _entry_item(entry, source, feed_title)
        yield FeedEntry(key or _where(entry, source), link, _is_full(entry), item)


def parse_feed(data: bytes, source: str) -> Iterator[Article | Failure]:
    """Articles from an RSS or Atom feed; a broken feed with no entries is truncated."""
    for entry in feed_entries(data, source):
        yield entry.item


# ---- feeds larger than max_file_bytes: read an entry at a time -------------------------

_ENTRY_TAGS = frozenset(("item", "entry"))
_ATOM = "http://www.w3.org/2005/Atom"
_RSS1 = "http://purl.org/rss/1.0/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


class _EntryBounded(io.RawIOBase):
    """``stream``, raising :class:`InputTooLarge` once the entry being parsed passes
    ``limit`` bytes (lxml holds an element whole until it ends)."""

    def __init__(self, stream: BinaryIO | io.RawIOBase, limit: int, source: str) -> None:
        super().__init__()
        self._stream, self._limit, self._source = stream, limit, source
        self.total = 0
        self.entry_start: int | None = None
        self.entries = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.entry_start is not None and self.total - self.entry_start > self._limit:
            raise InputTooLarge(
                f"{self._source}#entry {self.entries + 1}",
                f"is an entry of more than max_file_bytes ({self._limit:,} bytes); reading "
                "the feed stopped there. Raise the limit with SITREP_MAX_FILE_BYTES.",
            )
        data = self._stream.read(len(buffer)) or b""
        self.total += len(data)
        data = _surrogate_free(data)  # never longer: a reference to U+FFFD is as short
        buffer[: len(data)] = data
        return len(data)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _wrapped(entry: Any, feed_title: str | None) -> bytes:
    """One entry as a feed of its own, for feedparser."""
    title = f"<title>{xml_escape(feed_title or '')}</title>"
    body: bytes = etree.tostring(entry)
    namespace = str(entry.tag)[1:].split("}")[0] if str(entry.tag).startswith("{") else ""
    if namespace == _ATOM:
        return f'<feed xmlns="{_ATOM}">{title}'.encode() + body + b"</feed>"
    if namespace == _RSS1:
        head = f'<rdf:RDF xmlns:rdf="{_RDF}" xmlns="{_RSS1}"><channel>{title}</channel>'
        return head.encode() + body + b"</rdf:RDF>"
    return f'<rss version="2.0"><channel>{title}'.encode() + body + b"</channel></rss>"


def _entry_articles(data: bytes, source: str) -> Iterator[Article | Failure]:
    """The article of one wrapped entry (or its Failure), as :func:`parse_feed` reads it."""
    try:
        yield from parse_feed(data, source)
    except InputError as e:
        yield failure(e)


def parse_feed_stream(
    stream: BinaryIO | io.RawIOBase, source: str, settings: Settings
) -> Iterator[Article | Failure]:
    """Articles from an RSS or Atom feed of any size, parsed an entry at a time.

    Each entry is handed to feedparser as a feed of its own, so it reads as in
    :func:`parse_feed`; memory holds one entry.  An entry over ``max_file_bytes``
    ends the feed with a Failure naming it (its bytes cannot be skipped unparsed).
    """
    bounded = _EntryBounded(stream, settings.max_file_bytes, source)
    events = etree.iterparse(
        bounded,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
        recover=True,
    )
    feed_title: str | None = None
    try:
        for event, element in events:
            name = _local(element.tag)
            if name in _ENTRY_TAGS and event == "start":
                bounded.entry_start = bounded.total
            elif name in _ENTRY_TAGS:
                bounded.entry_start, bounded.entries = None, bounded.entries + 1
                yield from _stream_entry(element, feed_title, source, bounded.entries)
                _release(element)
            elif event == "end" and name == "title" and feed_title is None:
                parent = element.getparent()
                if parent is not None and _local(parent.tag) in ("channel", "feed"):
                    feed_title = (element.text or "").strip() or None
    except etree.LxmlError as e:
        raise TruncatedInput(
            source,
            f"is not readable XML after entry {bounded.entries} ({e}). The entries before were "
            "read; is the file complete?",
        ) from e


def _stream_entry(
    element: Any, feed_title: str | None, source: str, number: int
) -> Iterator[Article | Failure]:
    """The article of the ``number``-th entry of a streamed feed, or its Failure."""
    try:
        data = _wrapped(element, feed_title)
    except etree.LxmlError as e:  # lxml cannot write the entry back out (a bad encoding)
        yield failure(RecordError(f"{source}#entry {number}", f"is not readable XML ({e})."))
        return
    yield from _entry_articles(data, source)


def _release(element: Any) -> None:
    """Drop a parsed entry, and the ones before it, from lxml's tree."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]
