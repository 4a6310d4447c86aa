"""Dumps, feeds and crawls of any size are streams: the size limit is one record's."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest
from ingest_samples import ATOM_FEED, HTML_ARTICLE, RSS_FEED, warc_bytes

from sitrep.config import Settings
from sitrep.ingest import read_paths, read_stream
from sitrep.ingest.streams import Inflating
from sitrep.model import Article, Failure

WORDS = [
    "shelling",
    "Kherson",
    "killed",
    "civilians",
    "Tuesday",
    "governor",
    "drone",
    "strike",
    "Odesa",
    "injured",
]
BODY = "Russian shelling of Kherson killed {n} civilians on Tuesday, the governor said. "
# A limit small enough that a few hundred kilobytes take the streaming path.
SMALL = Settings(max_file_bytes=50_000)


def read(path: Path, settings: Settings) -> list[Article | Failure]:
    return list(read_paths([str(path)], settings))


def articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures(items: list[Article | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def _text(n: int, size: int) -> str:
    """``size`` characters of news-like text that compresses like news (not 100 times)."""
    rng = random.Random(n)
    words = " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(size // 5))
    return (BODY.format(n=n) + words)[:size]


def _record(n: int, size: int = 2_000) -> str:
    text = _text(n, size)
    return json.dumps({"id": str(n), "text": text, "published": "2023-05-02"}) + "\n"


def _jsonl(path: Path, records: int, size: int = 2_000) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            out.write(_record(n, size))
    return path


def test_a_25_mb_dump_ingests_with_no_setting_raised(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", 12_000, 2_100)
    assert path.stat().st_size > 25_000_000 > Settings().max_file_bytes
    items = read(path, Settings())
    assert not failures(items)
    assert len(articles(items)) == 12_000 and articles(items)[-1].record_id == "11999"


def test_a_record_over_the_limit_is_one_failure_naming_its_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", 100)
    with path.open("a", encoding="utf-8") as out:
        out.write(_record(100, 60_000) + _record(101))
    items = read(path, SMALL)
    ((failure,),) = [failures(items)]
    assert (failure.source, failure.kind) == (f"{path}:101", "record")
    assert (
        "more than max_file_bytes" in failure.reason and "SITREP_MAX_FILE_BYTES" in failure.reason
    )
    assert [a.record_id for a in articles(items)][-2:] == ["99", "101"]


def test_a_cut_off_last_record_of_a_large_dump(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", 100)
    with path.open("a", encoding="utf-8") as out:
        out.write(_record(100)[:50])
    items = read(path, SMALL)
    assert [(f.source, f.kind) for f in failures(items)] == [(f"{path}:101", "truncated")]
    assert len(articles(items)) == 100


def test_a_runaway_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(_record(1).encode() + b"x" * 3_000_000 + b"\n" + _record(2).encode())
    items = read(path, SMALL)
    assert [a.record_id for a in articles(items)] == ["1", "2"]
    assert [f.source for f in failures(items)] == [f"{path}:2"]


def test_a_gzipped_dump_streams_and_a_bomb_stops(tmp_path: Path) -> None:
    big = tmp_path / "dump.jsonl.gz"
    big.write_bytes(gzip.compress("".join(_record(n) for n in range(200)).encode()))
    assert len(articles(read(big, SMALL))) == 200
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"{" * 20_000_000))
    (failure,) = read(bomb, SMALL)
    assert isinstance(failure, Failure) and failure.kind == "too_large"
    assert "decompression bomb" in failure.reason


def test_a_large_csv_streams_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    rows = [f'{n},"{BODY.format(n=n) * 10}"\n' for n in range(300)]
    rows[150] = f'150,"{"x" * 60_000}"\n'
    rows[200] = "200,\n"  # no text
    path.write_text("id,text\n" + "".join(rows), encoding="utf-8")
    items = read(path, SMALL)
    assert [f.source for f in failures(items)] == [f"{path}:152", f"{path}:202"]
    assert len(articles(items)) == 298


def _big_feed(template: str, copies: int) -> str:
    start, end = ("<item>", "</item>") if "<item>" in template else ("<entry>", "</entry>")
    head, rest = template.split(start, 1)
    entry, tail = rest.rsplit(end, 1)
    entries = [
        start + entry.replace("Kherson", f"Kherson {n}").replace("Zaporizhzhia", f"Z {n}") + end
        for n in range(copies)
    ]
    return head + "\n".join(entries) + tail


@pytest.mark.parametrize("template", [RSS_FEED, ATOM_FEED], ids=["rss", "atom"])
def test_a_large_feed_reads_like_a_small_one(tmp_path: Path, template: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(_big_feed(template, 400), encoding="utf-8")
    assert path.stat().st_size > SMALL.max_file_bytes
    streamed, whole = read(path, SMALL), read(path, Settings())
    assert [(type(i), getattr(i, "id", None)) for i in streamed] == [
        (type(i), getattr(i, "id", None)) for i in whole
    ]
    assert [(a.title, a.outlet, a.published, a.url) for a in articles(streamed)] == [
        (a.title, a.outlet, a.published, a.url) for a in articles(whole)
    ]


def test_a_large_crawl_streams(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://a.example/{n}", HTML_ARTICLE.replace("four", f"{n}")) for n in range(300)]
    path.write_bytes(warc_bytes(pages))
    items = read(path, Settings(max_file_bytes=10_000))
    assert len(articles(items)) == 300 and not failures(items)


def test_a_large_json_array_says_to_use_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([json.loads(_record(n)) for n in range(100)]), encoding="utf-8")
    (failure,) = read(path, SMALL)
    assert isinstance(failure, Failure) and failure.kind == "too_large"
    assert "JSON Lines" in failure.reason


def test_a_large_dump_on_stdin_streams() -> None:
    data = "".join(_record(n) for n in range(100)).encode()
    items = list(read_stream(io.BufferedReader(io.BytesIO(data)), SMALL))  # type: ignore[arg-type]
    assert len(articles(items)) == 100 and not failures(items)


def test_an_absurd_content_length_ends_the_crawl_with_a_failure(tmp_path: Path) -> None:
    data = warc_bytes([("https://a.example/1", HTML_ARTICLE)], gzip=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data.replace(b"Content-Length: ", b"Content-Length: 99999999999999999999", 1))
    (failure,) = read(path, Settings())
    assert isinstance(failure, Failure) and failure.kind == "truncated"


def test_a_large_feed_with_surrogate_references_and_bad_entries(tmp_path: Path) -> None:
    feed = _big_feed(RSS_FEED, 400).replace("<title>Shelling", "<title>&#xD800; Shelling", 1)
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    items = read(path, SMALL)
    assert articles(items)[0].title == "\ufffd Shelling hits Kherson 0 market"
    assert len(articles(items)) == 400 and all(f.kind == "record" for f in failures(items))


def test_many_gzip_members_inflate_to_their_bytes() -> None:
    """A gzipped WARC is one member per record: thousands, read in pieces of every size."""
    rng = random.Random(5)
    members = [gzip.compress(_text(n, 2_500).encode()) for n in range(3_000)]
    data = b"".join(members)
    stream = io.BufferedReader(Inflating(io.BytesIO(data), 1_000_000, "x.gz"), buffer_size=8192)
    out = bytearray()
    while chunk := stream.read(rng.randint(1, 20_000)):
        out += chunk
    assert bytes(out) == gzip.decompress(data)
