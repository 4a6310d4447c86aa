"""Read-time limits and bounds: absurd dates, unstorable characters, bombs, devices, links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest
from ingest_samples import TEXT_ARTICLE, warc_bytes

from sitrep.config import Settings
from sitrep.ingest import read_paths
from sitrep.ingest.limits import MAX_ARTICLE_CHARS, MAX_ARTICLE_LINES, check_article
from sitrep.model import Article, Failure

BODY = "Russian shelling of Kherson killed three civilians on Tuesday, officials said."


def read(*paths: Path | str, settings: Settings | None = None) -> list[Article | Failure]:
    return list(read_paths([str(p) for p in paths], settings or Settings()))


def failures(items: list[Article | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


@pytest.mark.parametrize(
    "header",
    [
        " date 0001-01-01\n",
        " date 9999-12-31\n",
        "00010101\nhttps://example.org/a\n",
        " date 1899-12-31\n",
    ],
)
def test_an_absurd_stated_date_is_no_date(tmp_path: Path, header: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Shelling of Kherson\n{header}{BODY}\n", encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == (None, "unknown")


def test_tomorrow_is_still_a_date() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    article = Article("x", BODY, "a.txt", published=tomorrow, published_basis="metadata")
    assert check_article(article).published == tomorrow
    later = dataclasses.replace(article, published=tomorrow + dt.timedelta(days=1))
    assert check_article(later).published is None


def test_record_dates_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    records = [
        {"id": "1", "text": BODY, "published": "0001-01-01"},
        '{"id": "2", "title": "x\\udfff", "text": "' + BODY + ' \\ud800 and \\u0000."}',
    ]
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, Article) and first.published is None
    assert isinstance(second, Article)
    assert second.text.endswith(" \ufffd and \ufffd.") and second.title == "x\ufffd"
    assert read(path)[1].id == second.id  # the same id on every read


def test_a_feed_entry_in_year_zero_is_undated(tmp_path: Path) -> None:
    path = tmp_path / "f.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
        f"<entry><title>E</title><id>urn:1</id><updated>0000-01-01T00:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{BODY} &amp;#xD800;&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    (article,) = read(path)
    assert isinstance(article, Article) and article.published is None


def test_deep_json_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": ' + "[" * 100_000 + "\n" + json.dumps({"text": BODY}) + "\n")
    items = read(path)
    assert [f.source for f in failures(items)] == [f"{path}:1"]
    assert "too deeply" in failures(items)[0].reason and len(articles(items)) == 1


def test_csv_line_numbers_count_the_header(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f'id,text\n1,\n2,"{BODY}"\n3,\n', encoding="utf-8")
    assert [f.source for f in failures(read(path))] == [f"{path}:2", f"{path}:4"]


def test_a_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"Kharkiv was shelled. " * 500_000))  # 10.5 MB inflated
    (failure,) = read(path, settings=Settings(max_file_bytes=1_000_000))
    assert isinstance(failure, Failure) and failure.kind == "too_large"
    assert "decompresses to more than" in failure.reason


def test_a_warc_gz_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    page = "<html><body><p>" + "boom " * 400_000 + "</p></body></html>"  # 2 MB
    path.write_bytes(warc_bytes([("https://a.example/1", page)] * 6))
    items = read(path, settings=Settings(max_file_bytes=1_000_000))
    assert [f.kind for f in failures(items)][-1] == "too_large" and not articles(items)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(TEXT_ARTICLE, encoding="utf-8")
    items = read("/dev/zero", good)
    assert failures(items)[0].source == "/dev/zero" and "not a file" in failures(items)[0].reason
    assert len(articles(items)) == 1


def test_symlink_loops_and_broken_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    os.symlink("self", tmp_path / "self")
    os.symlink("missing.txt", tmp_path / "broken")
    items = read(tmp_path)
    reasons = {Path(f.source).name: f.reason for f in failures(items)}
    assert "symlink loop" in reasons["self"] and "does not exist" in reasons["broken"]
    assert len(articles(items)) == 1


@pytest.mark.parametrize(
    "text",
    ["x" * (MAX_ARTICLE_CHARS + 1), "Shelled.\n" * MAX_ARTICLE_LINES],
    ids=["characters", "lines"],
)
def test_an_article_over_the_limits_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    (failure,) = read(path)
    assert isinstance(failure, Failure) and failure.kind == "too_large"
    assert "Split it" in failure.reason


def test_a_page_of_too_many_blocks_is_refused_before_extraction(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<html><body>" + "<p>x</p>" * 25_000 + "</body></html>", encoding="utf-8")
    (failure,) = read(path)
    assert isinstance(failure, Failure) and failure.kind == "too_large"


def test_a_feed_whose_xml_declaration_never_ends_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_bytes(b'<?xml version="1.0" ' + b'encoding="ut0" ' * 1_500 + b"<rss></rss>")
    (failure,) = read(path)  # feedparser's declaration pattern took 40 s on this
    assert isinstance(failure, Failure) and failure.kind == "truncated"
    assert "XML declaration" in failure.reason


def test_a_page_date_in_an_unknown_time_zone_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="2024-05-06 12:00 XYZ">'
        f"</head><body><article><p>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = read(path)  # dateutil warned; under warnings-as-errors the page was lost
    assert isinstance(article, Article) and article.published == dt.date(2024, 5, 6)
