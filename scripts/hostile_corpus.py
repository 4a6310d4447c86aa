"""Write a corpus of hostile input files (issue 13) and, optionally, measure `sitrep ingest` on each.

Nothing here is committed as data: every file is generated.  Each case is run
between two good articles in one `sitrep ingest`; the run must name the bad
input in one line, store the good ones and leave a database that still resolves.

    .venv/bin/python scripts/hostile_corpus.py OUT_DIR              # write the files
    .venv/bin/python scripts/hostile_corpus.py OUT_DIR --measure    # and time each case
    .venv/bin/python scripts/hostile_corpus.py OUT_DIR --measure --full-size  # issue-sized bombs

``--measure`` runs each case as a separate `sitrep ingest` process and reports
its exit code, wall time and peak memory (RSS of the process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GOOD", "Case", "write_corpus"]

GOOD = {
    "good-a.txt": "Shelling hits Kherson\n date 2023-05-02\n"
    "Russian shelling of Kherson killed three civilians on Tuesday, "
    "the regional military administration said.\n",
    "good-b.txt": "Drone strike on Odesa\n date 2023-07-19\n"
    "A Russian drone strike on Odesa injured two people on Wednesday, "
    "governor Oleh Kiper said.\n",
    "good-c.txt": "Missile strike on Dnipro\n date 2023-08-01\n"
    "A Russian missile strike on Dnipro killed four people on Tuesday, "
    "regional governor Serhiy Lysak said.\n",
}

_BODY = (
    "A Russian missile strike on Kharkiv killed five civilians and injured 12 on Monday, "
    "regional governor Oleh Syniehubov said."
)


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile input: its paths (relative to the corpus folder unless absolute).

    ``fails``: the run must report a Failure naming it (else the input is read,
    with its bad values made unknown).
    """

    name: str
    paths: tuple[str, ...]
    fails: bool
    note: str


def _rss(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"{items}<item><title>Good entry</title><link>https://example.org/good</link>"
        f"<description>{_BODY}</description><pubDate>Tue, 02 May 2023 10:00:00 GMT</pubDate>"
        "</item></channel></rss>"
    ).encode()


def _atom(updated: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Wire</title><entry><title>Year zero</title><id>urn:e1</id><updated>{updated}"
        f'</updated><content type="html">&lt;p&gt;{_BODY}&lt;/p&gt;</content></entry></feed>'
    ).encode()


def _warc_record(headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers)
    return f"WARC/1.0\r\n{head}Content-Length: {len(body)}\r\n\r\n".encode() + body + b"\r\n\r\n"


def _http_html(html: str) -> bytes:
    body = html.encode()
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body


def _page(title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{_BODY}</p></article></body></html>"


def _good_warc_record(uri: str) -> bytes:
    headers = [
        ("WARC-Type", "response"),
        ("WARC-Record-ID", f"<urn:uuid:{abs(hash(uri)):032x}>"),
        ("WARC-Target-URI", uri),
        ("Content-Type", "application/http; msgtype=response"),
    ]
    return _warc_record(headers, _http_html(_page("Strike on Kharkiv")))


def _gzip_member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


def _gzip_repeated(head: bytes, chunk: bytes, times: int) -> bytes:
    """One gzip member of ``head`` then ``chunk`` ``times`` times, compressed once.

    After a full flush deflate starts afresh, so the compressed ``chunk`` is the same
    bytes every time: a bomb of any size is written in a moment.
    """
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    last = deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    size = (len(head) + len(chunk) * times) & 0xFFFFFFFF
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + first + block * times + last + struct.pack("<II", crc, size)


_MB = 1 << 20


def _gz_bomb(path: Path, gigabytes: float) -> None:
    chunk = b"Kharkiv was shelled. " * (_MB // 21)
    path.write_bytes(_gzip_repeated(b"", chunk, int(gigabytes * 1024)))


def _warc_gz_bomb(path: Path, gigabytes: float) -> None:
    chunk = (b"<p>boom</p>\n" * (_MB // 12 + 1))[:_MB]
    times = int(gigabytes * 1024)
    page = b"<html><body>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    headers = [
        ("WARC-Type", "response"),
        ("WARC-Record-ID", "<urn:uuid:00000000-0000-0000-0000-00000000b0b0>"),
        ("WARC-Target-URI", "https://example.org/bomb"),
    ]
    length = len(http) + len(chunk) * times
    head = "".join(f"{k}: {v}\r\n" for k, v in headers)
    warc_head = f"WARC/1.0\r\n{head}Content-Length: {length}\r\n\r\n".encode() + http
    good = _gzip_member(_good_warc_record("https://example.org/before"))
    path.write_bytes(good + _gzip_repeated(warc_head, chunk, times))


def _symlink_folder(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "inside.txt").write_text(GOOD["good-c.txt"].replace("Dnipro", "Zaporizhzhia"))
    for name, target in (("self", "self"), ("a", "b"), ("b", "a"), ("broken", "missing.txt")):
        link = folder / name
        if not link.is_symlink():
            link.symlink_to(target)


def _cases(full_size: bool) -> list[tuple[Case, Callable[[Path], None]]]:
    bomb_gb = 7.5 if full_size else 1.0
    warc_gb = 3.3 if full_size else 1.0

    def text(name: str, content: str) -> Callable[[Path], None]:
        return lambda d: (d / name).write_text(content, encoding="utf-8")

    def data(name: str, content: bytes) -> Callable[[Path], None]:
        return lambda d: (d / name).write_bytes(content)

    def jsonl(name: str, *records: str) -> Callable[[Path], None]:
        return lambda d: (d / name).write_text("\n".join(records) + "\n", encoding="utf-8")

    good_record = json.dumps({"id": "ok", "text": _BODY.replace("Kharkiv", "Sumy")})
    deep = "[" * 200_000 + "]" * 200_000
    warc_no_uri = _warc_record(
        [("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:no-uri>")],
        _http_html(_page("No target URI")),
    )
    cases: list[tuple[Case, Callable[[Path], None]]] = [
        (Case("date-0001", ("date-0001.txt",), False, "' date 0001-01-01' marker"),
         text("date-0001.txt", f"Strike on Kharkiv\n date 0001-01-01\n{_BODY}\n")),
        (Case("date-9999", ("date-9999.txt",), False, "' date 9999-12-31' marker"),
         text("date-9999.txt", f"Strike on Kharkiv\n date 9999-12-31\n{_BODY}\n")),
        (Case("compact-00010101", ("compact.txt",), False, "YYYYMMDD line 00010101 and a URL"),
         text("compact.txt", f"Strike on Kharkiv\n00010101\nhttps://example.org/x\n{_BODY}\n")),
        (Case("jsonl-dates", ("dates.jsonl",), False, "published 0001-01-01 and 9999-12-31"),
         jsonl("dates.jsonl",
               json.dumps({"id": "1", "text": _BODY, "published": "0001-01-01"}),
               json.dumps({"id": "2", "text": _BODY.replace("five", "six"), "published": "9999-12-31T00:00:00Z"}),
               good_record)),
        (Case("feed-year-0", ("year0.atom",), False, "Atom <updated> in year 0"),
         data("year0.atom", _atom("0000-01-01T00:00:00Z"))),
        (Case("feed-control-chars", ("control.rss",), False, "control characters in an entry"),
         data("control.rss", _rss(
             "<item><title>Bad\x01 title\x0b</title><description>&lt;p&gt;Strike \x0b"
             "&amp;#1; killed two\x00 in Sumy.&lt;/p&gt;</description></item>"))),
        (Case("jsonl-surrogate", ("surrogate.jsonl",), False, 'a "\\ud800" escape in a record'),
         jsonl("surrogate.jsonl", '{"id": "s", "title": "x\\udfff", "text": "' + _BODY + ' \\ud800"}', good_record)),
        (Case("jsonl-nul", ("nul.jsonl",), False, 'a "\\u0000" escape in a record'),
         jsonl("nul.jsonl", '{"id": "n", "text": "' + _BODY + '\\u0000 more"}', good_record)),
        (Case("json-deep", ("deep.json",), True, "a JSON array nested 200,000 deep"),
         text("deep.json", deep)),
        (Case("jsonl-deep", ("deep.jsonl",), True, "a JSON Lines record nested 200,000 deep"),
         jsonl("deep.jsonl", '{"id": "d", "text": ' + deep + "}", good_record)),
        (Case("warc-no-target-uri", ("no-uri.warc",), False, "a response record without WARC-Target-URI"),
         data("no-uri.warc", warc_no_uri + _good_warc_record("https://example.org/after"))),
        (Case("warc-truncated-header", ("cut-header.warc",), True, "a record header cut mid-line"),
         data("cut-header.warc", _good_warc_record("https://example.org/first")
              + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le")),
        (Case("warc-bad-length", ("bad-length.warc",), True, "Content-Length: abc, no HTML response"),
         data("bad-length.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nxyz")),
        (Case("warc-gz-truncated", ("cut.warc.gz",), True, "a gzipped WARC cut in its second record"),
         lambda d: (d / "cut.warc.gz").write_bytes(
             (g := _gzip_member(_good_warc_record("https://example.org/1"))
              + _gzip_member(_good_warc_record("https://example.org/2")))[: len(g) * 3 // 4])),
        (Case("html-xml-declaration", ("decl.html",), False, "an XML declaration lxml refuses in a str"),
         text("decl.html", '<?xml version="1.0" encoding="utf-8"?>' + _page("Declared"))),
        (Case("html-deep", ("deep.html",), True, "divs nested 100,000 deep"),
         text("deep.html", "<html><body>" + "<div>" * 100_000 + _BODY + "</div>" * 100_000 + "</body></html>")),
        (Case("huge-counts", ("huge.txt",), False, "2^63 and a 20-digit number of casualties"),
         text("huge.txt", "Strike on Kharkiv\n date 2023-05-01\nA Russian missile strike on Kharkiv "
              "killed 99999999999999999999 civilians and injured 9223372036854775808 on Monday, "
              "regional governor Oleh Syniehubov said. The UN said 18446744073709551616 civilians "
              "have been killed in Ukraine since February 2022.\n")),
        (Case("gz-bomb", ("bomb.txt.gz",), True, f"a .gz that inflates to {bomb_gb} GB"),
         lambda d: _gz_bomb(d / "bomb.txt.gz", bomb_gb)),
        (Case("warc-gz-bomb", ("bomb.warc.gz",), True, f"a .warc.gz whose record inflates to {warc_gb} GB"),
         lambda d: _warc_gz_bomb(d / "bomb.warc.gz", warc_gb)),
        (Case("dev-zero", ("/dev/zero",), True, "/dev/zero as an input"), lambda d: None),
        (Case("long-article", ("long.txt",), True, "one article of 19 MB"),
         text("long.txt", "Kharkiv\n\n" + (_BODY + " ") * (19_000_000 // (len(_BODY) + 1)))),
        (Case("many-paragraphs", ("paragraphs.txt",), True, "200,000 one-word paragraphs"),
         text("paragraphs.txt", "Kharkiv\n\n" + "Shelled.\n" * 200_000)),
        (Case("many-html-paragraphs", ("paragraphs.html",), True, "a page of 200,000 short paragraphs"),
         text("paragraphs.html", "<html><body><article>" + "<p>Kharkiv was shelled.</p>" * 200_000
              + "</article></body></html>")),
        (Case("symlink-loops", ("links",), True, "a folder with symlink loops and a broken link"),
         lambda d: _symlink_folder(d / "links")),
        (Case("csv-stray-quote", ("bad.csv",), False, "a CSV row with a stray quote (line 3)"),
         text("bad.csv", f'id,text\n1,"{_BODY}"\n2,"wor"ld\n3,x\n')),
        (Case("binary-nul", ("nul.txt",), True, "NUL bytes in a .txt"),
         data("nul.txt", b"Kharkiv\x00\x00\x00" * 100)),
    ]  # fmt: skip
    return cases


def write_corpus(folder: Path, full_size: bool = False) -> list[Case]:
    """Write the good articles and every hostile case into ``folder``; the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in GOOD.items():
        (folder / name).write_text(content, encoding="utf-8")
    cases = []
    for case, write in _cases(full_size):
        write(folder)
        cases.append(case)
    return cases


def _resolve(folder: Path, path: str) -> str:
    return path if os.path.isabs(path) else str(folder / path)


def measure(folder: Path, cases: list[Case]) -> list[dict[str, object]]:
    """Run each case between good-a and good-b in one `sitrep ingest`, then good-c after it."""
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    rows = []
    for case in cases:
        db = folder / f"{case.name}.db"
        db.unlink(missing_ok=True)
        paths = [
            str(folder / "good-a.txt"),
            *(_resolve(folder, p) for p in case.paths),
            str(folder / "good-b.txt"),
        ]
        env = dict(os.environ)
        code, seconds, rss, err = _measure_one(
            [sitrep, "ingest", *paths, "--db", str(db), "--json"], env
        )
        after, _, _, _ = _measure_one(
            [sitrep, "ingest", str(folder / "good-c.txt"), "--db", str(db)], env
        )
        rows.append({
            "case": case.name, "exit": code, "seconds": round(seconds, 1), "peak_rss_mb": round(rss),
            "traceback": "Traceback" in err, "next_run_exit": after,
            "message": next((line for line in err.splitlines() if line.strip()), ""),
        })  # fmt: skip
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return rows


def _measure_one(args: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    # Peak RSS per process: run it under a fresh Python that reports its child's usage.
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.monotonic(); p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stderr.write(p.stderr.decode(errors='replace'))\n"
        "print(json.dumps([p.returncode, time.monotonic() - t, r]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, env=env)
    code, seconds, rss = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return int(code), float(seconds), float(rss), done.stderr.decode(errors="replace")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--measure", action="store_true", help="run `sitrep ingest` on each case")
    parser.add_argument("--full-size", action="store_true", help="bombs as large as in issue 13")
    args = parser.parse_args()
    cases = write_corpus(args.folder, args.full_size)
    for case in cases:
        print(f"{case.name:24} {' '.join(case.paths):24} {case.note}")
    if args.measure:
        measure(args.folder, cases)


if __name__ == "__main__":
    main()
