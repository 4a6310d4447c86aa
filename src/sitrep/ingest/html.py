"""HTML pages to articles: main text and metadata by ``trafilatura``."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import warnings
from typing import Any

import lxml.html
import trafilatura
from dateutil.parser import UnknownTimezoneWarning
from lxml.etree import LxmlError

from sitrep.errors import EmptyInput, InputTooLarge, TruncatedInput, UnsupportedInput
from sitrep.ingest.identity import article_id
from sitrep.ingest.limits import check_article, clean_chars
from sitrep.ingest.outlets import OUTLET_DOMAINS, outlet_from_text, outlet_from_url
from sitrep.model import Article

__all__ = ["html_fragment_text", "is_cut_off", "parse_html"]

_OPENS_PAGE = re.compile(r"<html[\s>]|<body[\s>]", re.IGNORECASE)
_CLOSES_PAGE = re.compile(r"</html\s*>|</body\s*>", re.IGNORECASE)
_BLOCK_START = re.compile(r"<(p|br|div|li|h[1-6]|blockquote|tr|section|article)\b", re.IGNORECASE)
#: Most block elements in a page handed to trafilatura, whose time grows faster than
#: their number (measured: 5,000 <p> 0.8 s, 20,000 2.9 s, 40,000 8.9 s, 200,000 ~240 s).
#: Large news pages have 2,000-5,000 elements of every kind.
MAX_BLOCKS = 20_000


def is_cut_off(html: str) -> bool:
    """True for a page that opens ``<html>``/``<body>`` but never closes either."""
    return _OPENS_PAGE.search(html) is not None and _CLOSES_PAGE.search(html) is None


def html_fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed entry's content), one block per line."""
    if "<" not in fragment:
        return fragment.strip()
    # Source line breaks are spaces; block elements start new lines.  lxml stops at
    # a lone surrogate or NUL, so those are replaced first (one for one).
    markup = _BLOCK_START.sub(lambda m: "\n" + m.group(), " ".join(clean_chars(fragment).split()))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (LxmlError, ValueError):
        return ""
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _metadata_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _known_outlet(url: str | None) -> str | None:
    if url is None:
        return None
    outlet = outlet_from_url(url)
    return outlet if outlet in OUTLET_DOMAINS.values() else None


def _outlet(url: str | None, sitename: Any, body: str) -> str | None:
    if (known := _known_outlet(url)) is not None:
        return known
    if isinstance(sitename, str) and sitename.strip():
        return sitename.strip()
    return outlet_from_url(url) if url else outlet_from_text(body)


def _body_without_title(body: str, title: str | None) -> str:
    first, _, rest = body.partition("\n")
    if title is not None and first.strip() == title.strip():
        return rest.strip()
    return body.strip()


def _check_blocks(html: str, source: str) -> None:
    blocks = sum(1 for _ in itertools.islice(_BLOCK_START.finditer(html), MAX_BLOCKS + 1))
    if blocks > MAX_BLOCKS:
        raise InputTooLarge(
            source,
            f"has more than {MAX_BLOCKS:,} paragraphs and other blocks, more than one article "
            "has. Split the page into its articles.",
        )


def _extract(html: str, source: str, url: str | None) -> Any:
    """trafilatura's extraction; its parser's errors (lxml's, and what they lead to) are
    this page's :class:`UnsupportedInput`."""
    try:
        with warnings.catch_warnings():
            # A page's date in an unknown time zone ("12:00 XYZ") is read without it;
            # dateutil warns each time, which would end the page where warnings are errors.
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            return trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except (LxmlError, ValueError, TypeError, AttributeError, RecursionError) as e:
        raise UnsupportedInput(
            source, f"could not be parsed as HTML ({type(e).__name__}: {e}). Is it a web page?"
        ) from e


def parse_html(html: str, source: str, url: str | None = None) -> Article:
    """An :class:`Article` from an HTML page.

    ``Article.text`` is the extracted text: the title line, a blank line, then
    one paragraph per line.  Offsets refer to this text, not to the markup.
    """
    if is_cut_off(html):
        raise TruncatedInput(source, "ends before </html>: the page looks cut off. Fetch it again.")
    _check_blocks(html, source)
    extracted = _extract(clean_chars(html), source, url)
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        raise EmptyInput(source, "has no article text that could be extracted from the HTML.")
    title = getattr(extracted, "title", None) or None
    body = _body_without_title(text, title)
    header = f"{title}\n\n" if title else ""
    page_url = getattr(extracted, "url", None) or url
    published = _metadata_date(getattr(extracted, "date", None))
    article = Article(
        id=article_id(body),
        text=f"{header}{body}\n",
        source=source,
        title=title,
        published=published,
        published_basis="metadata" if published else "unknown",
        url=page_url,
        outlet=_outlet(page_url, getattr(extracted, "sitename", None), body),
        body_start=len(header),
    )
    return check_article(article, source)
