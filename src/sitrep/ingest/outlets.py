"""Which outlet published an article: from its URL's domain, or a signature in its text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["OUTLET_DOMAINS", "OUTLET_SIGNATURES", "outlet_from_text", "outlet_from_url"]

#: Registered domain -> outlet name.  A small table of outlets that cover the war;
#: any other domain is its own name.
OUTLET_DOMAINS: dict[str, str] = {
    "dailymail.co.uk": "Daily Mail",
    "dailymail.com": "Daily Mail",
    "independent.co.uk": "The Independent",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "cnn.com": "CNN",
    "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News",
    "abcnews.go.com": "ABC News",
    "theguardian.com": "The Guardian",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "ft.com": "Financial Times",
    "kyivindependent.com": "The Kyiv Independent",
    "kyivpost.com": "Kyiv Post",
    "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform",
    "pravda.com.ua": "Ukrainska Pravda",
    "aljazeera.com": "Al Jazeera",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "npr.org": "NPR",
    "france24.com": "France 24",
    "dw.com": "Deutsche Welle",
    "euronews.com": "Euronews",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "themoscowtimes.com": "The Moscow Times",
    "news.sky.com": "Sky News",
}

#: Phrases by which an outlet refers to itself in its own pages.
OUTLET_SIGNATURES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bThe Independent is\b|\bIndependent Premium\b"), "The Independent"),
    (re.compile(r"\btold MailOnline\b|\bMail Force\b"), "Daily Mail"),
    (re.compile(r"\bSupport the Guardian\b|\bThe Guardian is\b"), "The Guardian"),
    (re.compile(r"\bSupport the Kyiv Independent\b"), "The Kyiv Independent"),
)

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "go"})


def _domain(url: str) -> str | None:
    """The host without ``www.``; None when ``url`` has none or cannot be parsed ("http://[")."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def outlet_from_url(url: str) -> str | None:
    """Outlet of ``url``: a known outlet's name, else the registered domain."""
    host = _domain(url)
    if host is None:
        return None
    labels = host.split(".")
    for size in range(len(labels), 1, -1):
        suffix = ".".join(labels[-size:])
        if suffix in OUTLET_DOMAINS:
            return OUTLET_DOMAINS[suffix]
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_from_text(text: str) -> str | None:
    """The outlet whose signature phrase appears in ``text``, if any."""
    for pattern, outlet in OUTLET_SIGNATURES:
        if pattern.search(text):
            return outlet
    return None
