"""Offline fuzzing of every reader, the pipeline, resolution and the store (issue 13).

    .venv/bin/python bench/fuzz.py --inputs 100000 [--seed 1] [--pipeline-share 0.2]
    .venv/bin/python bench/fuzz.py --seed 1 --save 6289     # write input 6289 of that run to a file

Each input is a seed document of one format (text in the three layouts, HTML,
JSON Lines, a JSON array, CSV, RSS, Atom, WARC, gzipped WARC, gzipped text)
mutated at the byte level: flipped, inserted, deleted, repeated and spliced
bytes, and tokens that broke sitrep before (NUL, lone surrogates, year 0 and
9999, 2^63, deep brackets).  It is read with ``read_bytes``; a share of the
articles read go through the pipeline, and every batch is written to a SQLite
store and resolved.  Counted as a bug:

* an exception out of a reader other than an ``InputError`` (a whole-input
  failure with a message), or a Failure of kind ``unreadable`` (a reader's
  last line of defence caught what it did not foresee);
* an article whose text a database cannot store, whose date is out of bounds,
  or that is larger than the per-article limits;
* a pipeline ``StageError``, an exception out of resolution or out of a store write.

Prints one JSON summary (counts per format and per kind of bug, the first
examples of each) and exits 1 if there was any bug.  Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import faulthandler
import gzip
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.bounds import EARLIEST, latest
from sitrep.config import Settings
from sitrep.errors import InputError, StageError
from sitrep.ingest.limits import MAX_ARTICLE_CHARS, MAX_ARTICLE_LINES
from sitrep.ingest.sources import Format, read_bytes
from sitrep.model import Article, Document, Failure
from sitrep.runs.resolution import resolve_pending

__all__ = ["FORMATS", "SEEDS", "Findings", "fuzz_input", "mutate"]

_BODY = (
    "A Russian missile strike on Kharkiv killed five civilians and injured 12 on Monday, "
    "regional governor Oleh Syniehubov said. At least 2,000 civilians have been killed in "
    "the region since February 2022, according to the UN."
)


def _warc(pages: list[tuple[str, str]]) -> list[bytes]:
    """Each record of a small WARC, one response per page."""
    records = []
    for number, (uri, html) in enumerate(pages):
        http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}".encode()
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{number:08d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        )
        records.append(head.encode() + http + b"\r\n\r\n")
    return records


_PAGE = (
    '<html><head><title>Strike on Kharkiv</title><meta property="article:published_time" '
    f'content="2023-05-01T10:00:00Z"></head><body><article><h1>Strike on Kharkiv</h1><p>{_BODY}'
    "</p><p>Rescuers worked through the night.</p></article></body></html>"
)
_RECORDS = [
    {"id": "1", "text": _BODY, "title": "Strike", "published": "2023-05-01", "url": "https://kyivindependent.com/a"},
    {"id": "2", "text": _BODY.replace("Kharkiv", "Odesa"), "published": "2023-05-02"},
]  # fmt: skip
_WARC_RECORDS = _warc(
    [("https://example.org/a", _PAGE), ("https://example.org/b", _PAGE.replace("Kharkiv", "Sumy"))]
)

#: (format, file name, bytes) of every seed.
SEEDS: list[tuple[Format | None, str, bytes]] = [
    ("text", "a.txt", f"Strike on Kharkiv\n\n{_BODY}\n".encode()),
    ("text", "b.txt", f" date 2023-05-01 {_BODY}\n".encode()),
    ("text", "c.txt", f"Strike on Kharkiv\n20230501\nhttps://www.bbc.co.uk/news/x\n{_BODY}\n".encode()),
    ("html", "p.html", _PAGE.encode()),
    ("jsonl", "d.jsonl", "\n".join(json.dumps(r) for r in _RECORDS).encode() + b"\n"),
    ("json", "d.json", json.dumps(_RECORDS).encode()),
    ("csv", "d.csv", ("id,text,published\n" + "".join(f'{r["id"]},"{r["text"]}",{r.get("published", "")}\n' for r in _RECORDS)).encode()),
    ("feed", "f.rss", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Strike</title><link>https://example.org/1</link><description>{_BODY}</description>"
        "<pubDate>Mon, 01 May 2023 10:00:00 GMT</pubDate></item><item><title>Two</title>"
        f"<description>&lt;p&gt;{_BODY}&lt;/p&gt;</description></item></channel></rss>").encode()),
    ("feed", "f.atom", (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
        f'<entry><title>E</title><id>urn:e1</id><updated>2023-05-01T00:00:00Z</updated><content type="html">&lt;p&gt;{_BODY}'
        "&lt;/p&gt;</content></entry></feed>").encode()),
    ("warc", "w.warc", b"".join(_WARC_RECORDS)),
    ("warc", "w.warc.gz", b"".join(gzip.compress(r) for r in _WARC_RECORDS)),
    (None, "t.txt.gz", gzip.compress(f"Strike on Kharkiv\n\n{_BODY}\n".encode())),
]  # fmt: skip
FORMATS = sorted({name.split(".", 1)[1] for _, name, _ in SEEDS})

_TOKENS = [
    b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"\\ud800", b"\\u0000", b"\x01\x0b\x1f", b"0000",
    b"0001-01-01", b"9999-12-31", b"00000101", b"9223372036854775808", b"99999999999999999999",
    b"[[[[[[[[[[", b"{{{{", b"<div><div><div>", b"]]]]", b"\"", b"'", b"\r\n", b"\n\n", b"<",
    b">", b"&#0;", b"&#xD800;", b"<![CDATA[", b"-->", b"\xef\xbb\xbf", b"WARC/1.0\r\n",
    b"Content-Length: 99999999999\r\n", b"\x1f\x8b", b"date ", b"Sat, 01 Jan 0000 00:00:00 GMT",
]  # fmt: skip
#: Reading and processing one input longer than this is a bug (an unbounded stage).
_SLOW_SECONDS = 20.0
_STUCK_SECONDS = 60.0
# Largest input built: far below max_file_bytes, so that inputs stay fast.
_MAX_SIZE = 200_000


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """``data`` with 1-8 random byte-level edits."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        edit = rng.randrange(8)
        at = rng.randint(0, len(out))
        if edit == 0 and out:  # flip bytes
            for _ in range(rng.randint(1, 4)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif edit == 1:  # insert a known troublemaker
            out[at:at] = rng.choice(_TOKENS)
        elif edit == 2:  # insert random bytes
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif edit == 3:  # delete a range
            del out[at : at + rng.randint(1, 64)]
        elif edit == 4:  # repeat a chunk
            chunk = out[at : at + rng.randint(1, 32)]
            out[at:at] = chunk * rng.randint(2, 2000)
        elif edit == 5:  # truncate
            del out[at:]
        elif edit == 6 and others:  # splice in part of another seed
            other = rng.choice(others)
            start = rng.randint(0, len(other))
            out[at:at] = other[start : start + rng.randint(1, 400)]
        else:  # change a digit
            digits = [i for i, b in enumerate(out) if 48 <= b <= 57]
            if digits:
                out[rng.choice(digits)] = rng.choice(b"0123456789")
        del out[_MAX_SIZE:]
    return bytes(out)


@dataclass
class Findings:
    """What a run found: inputs per format, bugs per kind, a few examples of each."""

    inputs: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    bugs: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def bug(self, kind: str, detail: str) -> None:
        self.bugs[kind] += 1
        if len(self.examples[kind]) < 5:
            self.examples[kind].append(detail[:600])


def _article_problem(article: Article) -> str | None:
    texts = [
        article.text,
        article.source,
        article.title,
        article.url,
        article.outlet,
        article.record_id,
    ]
    for text in texts:
        if text is not None and ("\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)):
            return "unstorable text"
    if article.published is not None and not EARLIEST <= article.published <= latest():
        return f"published {article.published} out of bounds"
    if len(article.text) > MAX_ARTICLE_CHARS or article.text.count("\n") >= MAX_ARTICLE_LINES:
        return "article over the limits"
    return None


def fuzz_input(
    fmt: Format | None, name: str, data: bytes, settings: Settings, findings: Findings
) -> list[Article]:
    """Read one input; record bugs in ``findings``; the articles read."""
    findings.inputs[name.split(".", 1)[1]] += 1
    articles: list[Article] = []
    try:
        for item in read_bytes(data, name, settings, name, fmt):
            if isinstance(item, Failure):
                findings.failures[item.kind] += 1
                if item.kind == "unreadable":
                    findings.bug(f"reader {name}: unforeseen error", item.reason)
                elif "\n" in item.reason:
                    findings.bug(f"reader {name}: multi-line message", item.reason)
                continue
            if (problem := _article_problem(item)) is not None:
                findings.bug(f"reader {name}: {problem}", repr(item)[:300])
            articles.append(item)
    except InputError as e:
        findings.failures[e.kind] += 1
    except Exception as e:
        findings.bug(f"reader {name}: {type(e).__name__}", traceback.format_exc(limit=-4))
    findings.articles += len(articles)
    return articles


def _process(articles: list[Article], settings: Settings, findings: Findings) -> list[Document]:
    from sitrep.pipeline import process

    docs = []
    for article in articles:
        try:
            docs.append(process(article, settings))
        except StageError as e:
            findings.bug(f"pipeline stage {e.stage}", f"{e}\n{article.text[:300]!r}")
    return docs


def _resolve_and_store(docs: list[Document], settings: Settings, findings: Findings) -> None:
    from sitrep.resolve import resolve

    try:
        resolve(docs, settings)
    except Exception as e:
        findings.bug(f"resolve: {type(e).__name__}", traceback.format_exc(limit=-4))
    with tempfile.TemporaryDirectory() as folder:
        _store(docs, Settings(db=str(Path(folder) / "fuzz.db")), findings)


def _store(docs: list[Document], settings: Settings, findings: Findings) -> None:
    """Write ``docs`` to the store at ``settings.db`` and resolve them there."""
    from sitrep.store import open_store

    with open_store(settings) as store:
        for doc in docs:
            try:
                store.write_document(doc, None)
            except Exception as e:
                findings.bug(f"store write: {type(e).__name__}", traceback.format_exc(limit=-4))
        try:
            resolve_pending(store, settings)
        except Exception as e:
            findings.bug(f"store resolve: {type(e).__name__}", traceback.format_exc(limit=-4))


def replay(seed: int, number: int, pipeline_share: float = 0.2) -> tuple[str, bytes]:
    """The file name and bytes of input ``number`` of the run with ``seed`` (to save a
    reported input: the random draws are the run's, without its pipeline and store)."""
    rng = random.Random(seed)
    settings = Settings()
    others = [data for _, _, data in SEEDS]
    for n in range(number + 1):
        fmt, name, data = rng.choice(SEEDS)
        mutated = mutate(data, rng, others)
        if n == number:
            return name, mutated
        for _ in fuzz_input(fmt, name, mutated, settings, Findings()):
            rng.random()
    raise AssertionError("unreachable")


def run(
    inputs: int, seed: int, pipeline_share: float, batch: int, progress: Callable[[int], None]
) -> Findings:
    rng = random.Random(seed)
    settings = Settings()
    findings = Findings()
    others = [data for _, _, data in SEEDS]
    pending: list[Article] = []
    for number in range(inputs):
        fmt, name, data = rng.choice(SEEDS)
        mutated = mutate(data, rng, others)
        started = time.monotonic()
        faulthandler.dump_traceback_later(_STUCK_SECONDS, exit=False)  # where a stuck input is
        articles = fuzz_input(fmt, name, mutated, settings, findings)
        chosen = [a for a in articles if rng.random() < pipeline_share]
        docs = _process(chosen, settings, findings)
        faulthandler.cancel_dump_traceback_later()
        if (seconds := time.monotonic() - started) > _SLOW_SECONDS:
            findings.bug(
                f"slow input {name}", f"input {number}: {seconds:.0f} s, {len(mutated):,} bytes"
            )
        pending += docs
        if len(pending) >= batch:
            _resolve_and_store(pending, settings, findings)
            pending = []
        progress(number + 1)
    if pending:
        _resolve_and_store(pending, settings, findings)
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pipeline-share", type=float, default=0.2, help="articles also processed")
    parser.add_argument("--batch", type=int, default=200, help="articles per resolve + store batch")
    parser.add_argument(
        "--save", type=int, metavar="N", help="write input N of the seed's run to a file, run none"
    )
    args = parser.parse_args()
    if args.save is not None:
        name, data = replay(args.seed, args.save, args.pipeline_share)
        target = Path(f"fuzz-{args.seed}-{args.save}-{name}")
        target.write_bytes(data)
        print(target)
        return
    start = time.monotonic()

    def progress(done: int) -> None:
        if done % 1000 == 0:
            print(f"{done} inputs, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)

    findings = run(args.inputs, args.seed, args.pipeline_share, args.batch, progress)
    summary: dict[str, Any] = {
        "inputs": sum(findings.inputs.values()),
        "inputs_per_format": dict(sorted(findings.inputs.items())),
        "articles_read": findings.articles,
        "failures_by_kind": dict(sorted(findings.failures.items())),
        "bugs": sum(findings.bugs.values()),
        "bugs_by_kind": dict(findings.bugs.most_common()),
        "examples": dict(findings.examples),
        "seconds": round(time.monotonic() - start),
    }
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    raise SystemExit(1 if findings.bugs else 0)


if __name__ == "__main__":
    main()
