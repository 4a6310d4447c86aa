"""Feeds and pages for the watch tests."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    text: str
    day: str = "Mon, 06 May 2024 10:00:00 GMT"
    link: str = ""
    full: bool = True  # content:encoded (the article) or only a description (a summary)


def rss(items: list[Item], title: str = "Frontline Wire") -> bytes:
    entries = []
    for item in items:
        body = f"<p>{escape(item.text)}</p>"
        tag = "content:encoded" if item.full else "description"
        entries.append(
            f"<item><title>{escape(item.title)}</title><guid>{item.guid}</guid>"
            f"<link>{escape(item.link)}</link><pubDate>{item.day}</pubDate>"
            f"<{tag}><![CDATA[{body}]]></{tag}></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>https://frontline.example.org/</link>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
        '<meta property="article:published_time" content="2024-05-06T08:00:00Z"></head>'
        f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
    ).encode()


def news(n: int) -> Item:
    places = ["Sumy", "Odesa", "Kherson", "Dnipro", "Zaporizhzhia", "Mykolaiv"]
    place = places[n % len(places)]
    return Item(
        guid=f"urn:wire:{n}",
        title=f"Drone attack on {place}",
        text=f"A Russian drone attack damaged a school in {place} on Sunday night, "
        f"local officials said in report number {n}. No one was hurt.",
    )
