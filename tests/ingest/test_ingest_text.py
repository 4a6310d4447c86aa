from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.ingest import article_id, parse_text
from sitrep.ingest.outlets import outlet_from_text, outlet_from_url

BODY = (
    "Russian drones struck grain silos in the port of Izmail overnight, the governor said.\n"
    "\n"
    "Two workers were injured, and firefighters worked until dawn.\n"
)
TITLE = "Drones hit Danube port as grain deal collapses"


def test_title_line_layout() -> None:
    article = parse_text(f"{TITLE}\n{BODY}", "a.txt")
    assert article.title == TITLE
    assert article.body_start == len(TITLE) + 1
    assert (article.published, article.published_basis) == (None, "unknown")
    assert article.url is None


def test_date_marker_layout() -> None:
    article = parse_text(f" date 2023-07-24 {BODY}", "b.txt")
    assert article.title is None
    assert (article.published, article.published_basis) == (dt.date(2023, 7, 24), "stated")
    assert article.text[article.body_start :].startswith("Russian drones")


def test_title_then_date_marker_layout() -> None:
    article = parse_text(f"{TITLE}\n date 2023-07-24\n{BODY}", "t.txt")
    assert article.title == TITLE
    assert (article.published, article.published_basis) == (dt.date(2023, 7, 24), "stated")
    assert article.text[article.body_start :] == BODY
    # the id is the one this file had before the layout was read (the text after the title)
    assert article.id == article_id(f" date 2023-07-24\n{BODY}")


def test_date_and_url_header_without_title() -> None:
    url = "https://example.org/2023/07/24/drones"
    article = parse_text(f"20230724\n{url}\n{BODY}", "u.txt")
    assert (article.title, article.url) == (None, url)
    assert (article.published, article.published_basis) == (dt.date(2023, 7, 24), "stated")
    assert article.text[article.body_start :] == BODY


def test_date_and_url_header_layout() -> None:
    url = "https://www.theguardian.com/world/2023/jul/24/drones-izmail"
    article = parse_text(f"{TITLE}\n20230724\n{url}\n{BODY}", "c.txt")
    assert article.title == TITLE
    assert (article.published, article.published_basis) == (dt.date(2023, 7, 24), "stated")
    assert article.url == url
    assert article.outlet == "The Guardian"
    assert article.text[article.body_start :] == BODY


def test_body_only_when_first_line_is_a_sentence() -> None:
    article = parse_text(BODY, "d.txt")
    assert (article.title, article.body_start) == (None, 0)


def test_bad_date_header_is_body() -> None:
    article = parse_text(f"{TITLE}\n20231399\nhttps://example.org/x\n{BODY}", "e.txt")
    assert article.published is None
    assert article.body_start == len(TITLE) + 1


def test_one_article_in_three_layouts_has_one_id() -> None:
    ids = {
        parse_text(f"{TITLE}\n{BODY}", "a").id,
        parse_text(f"{TITLE}\n20230724\nhttps://apnews.com/x\n{BODY}", "b").id,
        parse_text(f" date 2023-07-24 {BODY}", "c").id,
    }
    assert len(ids) == 1


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.dailymail.co.uk/news/article-1/x.html", "Daily Mail"),
        ("https://www.independent.co.uk/news/world/x.html", "The Independent"),
        ("https://edition.cnn.com/2022/03/02/europe/x", "CNN"),
        ("https://www.pravda.com.ua/eng/news/2022/03/2/x/", "Ukrainska Pravda"),
        ("https://kyivindependent.com/x", "The Kyiv Independent"),
        ("https://news.example.co.uk/a", "example.co.uk"),
        ("https://www.example-news.org/a", "example-news.org"),
    ],
)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", ["http://[", "https://[::1/x", "http://a]b/"])
def test_an_unparseable_url_names_no_outlet(url: str) -> None:
    assert outlet_from_url(url) is None


def test_an_unparseable_url_line_still_reads_the_article() -> None:
    article = parse_text("Title\n20220314\nhttp://[bad\nShelling hit the town.", "x.txt")
    assert article.outlet is None and article.url == "http://[bad"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("From sport to politics, The Independent is on the ground.", "The Independent"),
        ("A resident told MailOnline she had lost everything.", "Daily Mail"),
        ("A US official confirmed to CBS News that missiles were sent.", None),
    ],
)
def test_outlet_from_text(text: str, outlet: str | None) -> None:
    assert outlet_from_text(text) == outlet


def test_signature_names_outlet_of_plain_text() -> None:
    text = f"{TITLE}\nYour support helps. The Independent is on the ground.\n{BODY}"
    assert parse_text(text, "f.txt").outlet == "The Independent"


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1)


@given(_TEXT)
def test_id_is_stable(text: str) -> None:
    assert article_id(text) == article_id(str(text))
    assert len(article_id(text)) == 16


@given(
    st.lists(st.sampled_from(["Kyiv", "said", "it's", "\u201cwar\u201d", "2,000", "-"]), min_size=1)
)
def test_id_ignores_whitespace_and_quote_styles(words: list[str]) -> None:
    plain = " ".join(words)
    fancy = "  \n".join(words).replace("it's", "it\u2019s").replace("-", "\u2014")
    ascii_quotes = plain.replace("\u201c", '"').replace("\u201d", '"')
    assert article_id(plain) == article_id(fancy) == article_id(ascii_quotes + "\n")
