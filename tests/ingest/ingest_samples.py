"""Invented articles in each input format, for the ingest tests."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TEXT_ARTICLE = (
    "Missile strike damages apartment block in Dnipro\n"
    "A Russian missile hit a nine-storey building in Dnipro on Friday, killing three people, "
    "the regional governor said.\n"
    "Rescuers pulled eleven people from the rubble.\n"
)

HTML_ARTICLE = """<!DOCTYPE html>
<html><head>
<title>Drone attack on Kyiv injures four | Kyiv Post</title>
<meta property="og:title" content="Drone attack on Kyiv injures four">
<meta property="og:site_name" content="Kyiv Post">
<meta property="article:published_time" content="2023-05-28T09:15:00+03:00">
<link rel="canonical" href="https://www.kyivpost.com/post/17400">
</head><body>
<nav><a href="/">Home</a> <a href="/war">War</a></nav>
<article>
<h1>Drone attack on Kyiv injures four</h1>
<p>Russia launched more than fifty drones at Kyiv overnight, the city's military
administration said on Sunday, in the largest drone attack on the capital so far.</p>
<p>Four people were injured by falling debris in the Holosiivskyi district, and a
warehouse caught fire in the Solomianskyi district, officials said.</p>
<p>Air defences shot down most of the drones before they reached the city.</p>
</article>
<footer>Copyright Kyiv Post</footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Frontline Wire</title><link>https://frontline.example.org/</link>
<item>
<title>Shelling hits Kherson market</title>
<link>https://frontline.example.org/kherson-market</link>
<guid>kherson-market</guid>
<pubDate>Thu, 03 Aug 2023 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Russian shelling hit a market in Kherson on Thursday, killing
two people.</p><p>Seven more were injured, the regional administration said.</p>]]></description>
</item>
<item>
<title>An empty item</title>
<guid>empty</guid>
</item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire Service</title>
<entry>
<title>Explosions in Zaporizhzhia</title>
<id>urn:x:1</id>
<link href="https://www.reuters.com/world/europe/zaporizhzhia-1"/>
<updated>2023-09-01T06:00:00Z</updated>
<content type="html">&lt;p&gt;Explosions were heard in Zaporizhzhia early on Friday, the mayor said.&lt;/p&gt;</content>
</entry>
</feed>
"""


def warc_bytes(pages: list[tuple[str, str]], gzip: bool = True) -> bytes:
    """A WARC holding one HTML response per ``(url, html)`` and a non-HTML one."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = html.encode()
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=headers
        )
        writer.write_record(record)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/a.png",
            "response",
            payload=io.BytesIO(b"\x89PNG"),
            length=4,
            http_headers=image,
        )
    )
    return buffer.getvalue()
