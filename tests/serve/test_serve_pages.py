"""The UI pages: CSP, no inline script, escaping of article text, highlighted evidence."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from sitrep.serve.highlight import highlight, paragraph_bounds
from sitrep.serve.security import content_security_policy

PAGES = [
    "/",
    "/incidents/inc-kharkiv-0302",
    "/incidents/inc-odesa-0303",
    "/ledger",
    "/search?q=port",
    "/articles/a3",
    "/articles/a3?start=40&end=60",
]


@pytest.mark.parametrize("url", [*PAGES, "/api/incidents", "/static/app.css", "/nope"])
def test_every_response_carries_the_csp(client: TestClient, url: str) -> None:
    csp = client.get(url).headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "http" not in csp  # no other origin


def test_tile_origin_is_allowed_for_images_only() -> None:
    csp = content_security_policy("https://tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://tile.example.org" in csp
    assert "script-src 'self';" in csp


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_script_or_style(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert re.search(r"\sstyle=", html) is None
    assert re.search(r"<[^>]*\son[a-z]+=", html) is None  # no event-handler attributes at all
    assert re.search(r"""src=["']https?://""", html) is None  # nothing loaded from elsewhere
    assert re.search(r"""<link[^>]*href=["']https?://""", html) is None
    # The only outside addresses are the original articles, as links that send nothing back.
    for anchor in re.findall(r"""<a[^>]*href=["']https?://[^>]*>""", html):
        assert 'rel="noopener noreferrer nofollow"' in anchor, anchor


@pytest.mark.parametrize(
    "url",
    ["/articles/a3", "/incidents/inc-odesa-0303", "/search?q=port", "/articles/a3?start=0&end=60"],
)
def test_hostile_article_text_renders_inert(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "&lt;script&gt;alert(" in html or "&lt;img src=x onerror" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_incident_page_shows_each_source_and_highlighted_evidence(client: TestClient) -> None:
    html = client.get("/incidents/inc-kharkiv-0302").text
    assert "Example Herald" in html and "Example Times" in html
    assert "at least 5" in html and ">4<" in html
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', html)
    assert any(m.startswith("A missile struck an apartment block in Kharkiv") for m in marks)


def test_map_page_shows_odbl_attribution_and_local_assets(client: TestClient) -> None:
    html = client.get("/").text
    assert "OpenStreetMap contributors, ODbL 1.0" in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert 'data-tile-url=""' in html


def test_ledger_lists_the_contradiction(client: TestClient) -> None:
    text = " ".join(client.get("/ledger").text.split())
    assert (
        "State Emergency Service of Ukraine says more than 2,000 (2022-03-02) vs OHCHR says 249"
        in text
    )
    assert text.count('<span class="flag" title="contested">') == 2


def test_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/incidents/nope")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]


TEXT = "Title\nfirst <b>para</b> & more\nsecond line"


@pytest.mark.parametrize(
    ("start", "end", "marked"),
    [
        (6, 11, "first"),
        (12, 19, "&lt;b&gt;para"),
        (31, 37, "second"),
        (-5, 3, "Tit"),
        (31, 999, "second line"),
    ],
)
def test_highlight_marks_the_span_and_escapes(start: int, end: int, marked: str) -> None:
    html = str(highlight(TEXT, start, end).html)
    assert f'<mark class="evidence">{marked}</mark>' in html
    assert "<b>" not in html


@given(st.text(max_size=80), st.integers(0, 90), st.integers(0, 90))
def test_highlight_unescapes_to_the_paragraph(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    passage = highlight(text, start, end)
    plain = _unescape(str(passage.html))
    left, right = paragraph_bounds(text, start, end)
    assert plain == text[left:right]
    assert (passage.start, passage.end) == (left, right)


def _unescape(html: str) -> str:
    html = html.replace('<mark class="evidence">', "").replace("</mark>", "")
    for entity, char in (
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&#34;", '"'),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ):
        html = html.replace(entity, char)
    return html
