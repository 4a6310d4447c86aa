from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import ATOM_FEED, HTML_ARTICLE, RSS_FEED, TEXT_ARTICLE, warc_bytes

from sitrep.config import Settings
from sitrep.ingest import read_jsonl, read_paths
from sitrep.model import Article, Failure

SETTINGS = Settings()


def read(*paths: Path | str, **kwargs: object) -> list[Article | Failure]:
    return list(read_paths([str(p) for p in paths], kwargs.pop("settings", SETTINGS), **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def test_folder_with_bad_files_reports_them_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (tmp_path / "noise.bin").write_bytes(random.Random(7).randbytes(4096))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "blank.txt").write_text(" \n\n ", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    items = read(tmp_path)
    assert [a.source for a in articles(items)] == [str(tmp_path / "good.txt")]
    assert sorted((Path(f.source).name, f.kind) for f in failures(items)) == [
        ("blank.txt", "empty"),
        ("empty.txt", "empty"),
        ("noise.bin", "binary"),
    ]
    assert all(f.reason and not f.reason.startswith(f.source) for f in failures(items))


def test_undecodable_file_says_how_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(TEXT_ARTICLE.replace("Dnipro", "Dnipr\u00f6").encode("latin-1"))
    (failure,) = failures(read(path))
    assert failure.kind == "undecodable"
    assert "--encoding latin-1" in failure.reason and failure.source.endswith("latin.txt")
    (article,) = articles(read(path, settings=Settings(encoding="latin-1")))
    assert "Dnipr\u00f6" in article.text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    data = TEXT_ARTICLE.encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    (article,) = articles(read(path))
    assert article.text.lstrip("\ufeff") == TEXT_ARTICLE


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT_ARTICLE * 50, encoding="utf-8")
    (failure,) = read(path, settings=Settings(max_file_bytes=1000))
    assert isinstance(failure, Failure) and failure.kind == "too_large"
    assert "SITREP_MAX_FILE_BYTES" in failure.reason


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    items = read(tmp_path / "nope.txt", tmp_path / "*.none")
    assert [f.kind for f in failures(items)] == ["input", "input"]


def test_glob(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(TEXT_ARTICLE + name, encoding="utf-8")
    assert [Path(a.source).name for a in articles(read(tmp_path / "*.txt"))] == ["a.txt", "b.txt"]


def test_unsupported_and_truncated_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(TEXT_ARTICLE.encode())[:-12])
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(TEXT_ARTICLE.encode()))
    items = read(tmp_path)
    assert [(Path(f.source).name, f.kind) for f in failures(items)] == [
        ("a.pdf", "unsupported"),
        ("b.txt.gz", "truncated"),
    ]
    assert [a.title for a in articles(items)] == [
        "Missile strike damages apartment block in Dnipro"
    ]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"id": "r1", "text": TEXT_ARTICLE, "published": "2023-01-14"}
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(record) + "\n").encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    (article,) = articles(read("-"))
    assert (article.source, article.record_id) == ("<stdin>", "r1")
    assert (article.published, article.published_basis) == (dt.date(2023, 1, 14), "metadata")


def test_read_jsonl_from_a_text_stream() -> None:
    lines = [
        json.dumps({"id": i, "text": f"Shelling hit Sumy on day {i}."}) + "\n" for i in range(3)
    ]
    items = list(read_jsonl(io.StringIO("".join(lines)), "<stdin>", SETTINGS))
    assert [a.record_id for a in articles(items)] == ["0", "1", "2"]


def test_jsonl_bad_record_and_cut_last_line(tmp_path: Path) -> None:
    good = {"id": "a", "text": TEXT_ARTICLE, "url": "https://www.bbc.co.uk/news/x", "title": "T"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "b", "body": "no text field"}),
        json.dumps({"id": "c", "text": "Kharkiv was shelled.", "published": "last week"}),
        json.dumps({"id": "d", "text": "Odesa was shelled overnight."})[:25],
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read(path)
    (article,) = articles(items)
    assert (article.record_id, article.title, article.outlet) == ("a", "T", "BBC")
    assert [(f.source, f.kind) for f in failures(items)] == [
        (f"{path}:2", "record"),
        (f"{path}:3", "record"),
        (f"{path}:4", "record"),
        (f"{path}:5", "truncated"),
    ]
    assert (
        'Name the field (or CSV column) that holds the article text "text"'
        in failures(items)[1].reason
    )


def test_csv_with_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        'story_id,body,headline,date\n7,"Drones hit Odesa.\nTwo were hurt.",Odesa attack,2023-07-19\n',
        encoding="utf-8",
    )
    mapping = {"id": "story_id", "text": "body", "title": "headline", "published": "date"}
    (article,) = articles(read(path, mapping=mapping))
    assert (article.record_id, article.title, article.published) == (
        "7",
        "Odesa attack",
        dt.date(2023, 7, 19),
    )
    assert article.text == "Drones hit Odesa.\nTwo were hurt."
    (failure,) = failures(read(path))
    assert failure.kind == "record" and 'holds the article text "text"' in failure.reason


def test_html_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_ARTICLE, encoding="utf-8")
    (article,) = articles(read(path))
    assert article.title == "Drone attack on Kyiv injures four"
    assert (article.published, article.published_basis) == (dt.date(2023, 5, 28), "metadata")
    assert article.url == "https://www.kyivpost.com/post/17400"
    assert article.outlet == "Kyiv Post"
    assert article.text.startswith("Drone attack on Kyiv injures four\n\nRussia launched")
    assert "Home" not in article.text and "Copyright" not in article.text


def test_cut_off_html(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(HTML_ARTICLE[: len(HTML_ARTICLE) // 2], encoding="utf-8")
    assert [f.kind for f in failures(read(path))] == ["truncated"]


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(RSS_FEED, encoding="utf-8")
    (tmp_path / "b.xml").write_text(ATOM_FEED, encoding="utf-8")
    items = read(tmp_path)
    rss, atom = articles(items)
    assert rss.title == "Shelling hits Kherson market"
    assert rss.text.endswith(
        "killing two people.\nSeven more were injured, the regional administration said.\n"
    )
    assert (rss.published, rss.outlet) == (dt.date(2023, 8, 3), "Frontline Wire")
    assert (atom.outlet, atom.published, atom.url) == (
        "Reuters",
        dt.date(2023, 9, 1),
        "https://www.reuters.com/world/europe/zaporizhzhia-1",
    )
    assert [f.kind for f in failures(items)] == ["record"]


def test_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([("https://www.kyivpost.com/post/17400", HTML_ARTICLE)]))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.url == "https://www.kyivpost.com/post/17400"
    assert article.title == "Drone attack on Kyiv injures four"


def test_truncated_warc(tmp_path: Path) -> None:
    data = warc_bytes(
        [("https://a.example/1", HTML_ARTICLE), ("https://a.example/2", HTML_ARTICLE)]
    )
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = read(path)
    assert failures(items)[-1].kind == "truncated"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["Kyiv", "said", "\u201cno\u201d", "it\u2019s", "7", "\n"]), min_size=3
    )
)
def test_rereading_gives_the_same_ids(tmp_path: Path, words: list[str]) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT_ARTICLE + " ".join(words), encoding="utf-8")
    first = [a.id for a in articles(read(path))]
    assert first == [a.id for a in articles(read(path))]
    path.write_text(
        TEXT_ARTICLE.replace(" ", "  ") + "  ".join(words).replace("\u201c", '"'), encoding="utf-8"
    )
    assert first == [a.id for a in articles(read(path))]


def test_jsonl_from_a_binary_stream_with_a_bad_line() -> None:
    good = json.dumps({"id": "a", "text": "Kherson was shelled on Monday."}).encode()
    data = b"\xef\xbb\xbf" + good + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n' + good + b"\n"
    items = list(read_jsonl(io.BytesIO(data), "dump.jsonl", SETTINGS))
    assert [a.record_id for a in articles(items)] == ["a", "a"]
    ((source, kind, reason),) = [(f.source, f.kind, f.reason) for f in failures(items)]
    assert (source, kind) == ("dump.jsonl:2", "record")
    assert "UTF-8" in reason
