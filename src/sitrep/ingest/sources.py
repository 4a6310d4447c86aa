"""Read articles from paths: files, folders (recursively), globs and ``-`` for stdin.

The format is chosen by extension, then by content: WARC, gzip, HTML,
RSS/Atom, JSON Lines, a JSON array, CSV/TSV, or plain text in the seed
layouts.  Every problem with one input becomes a :class:`Failure` naming it
and saying what to do; the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import errno
import glob
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sitrep.config import Settings
from sitrep.errors import InputError, InputTooLarge, UnsupportedInput
from sitrep.ingest.decode import decode_bytes, looks_binary
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.feeds import looks_like_feed, parse_feed, parse_feed_stream
from sitrep.ingest.html import parse_html
from sitrep.ingest.limits import check_article
from sitrep.ingest.records import read_csv, read_csv_stream, read_json_array, read_jsonl
from sitrep.ingest.streams import Inflating, Prefixed
from sitrep.ingest.text import parse_text
from sitrep.ingest.warc import looks_like_warc, read_warc
from sitrep.model import Article, Failure

__all__ = ["Format", "read_bytes", "read_file", "read_paths", "read_stream"]

Format = Literal["text", "html", "jsonl", "json", "csv", "feed", "warc"]

STDIN = "<stdin>"

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def _sniff(text: str) -> Format:
    head = text.lstrip()[:2000]
    lower = head.lower()
    if looks_like_feed(head):
        return "feed"
    if lower.startswith(("<!doctype html", "<html")) or "<html" in lower[:500]:
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        try:
            json.loads(text.lstrip().split("\n", 1)[0])
        except json.JSONDecodeError:
            return "json"
        return "jsonl"
    return "text"


def _format(name: str, text: str) -> Format:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json" if text.lstrip().startswith("[") else "jsonl"
    return _EXTENSIONS.get(suffix) or _sniff(text)


def _check_supported(data: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedInput(
                source,
                f"is {kind}. sitrep reads plain text, HTML, JSON Lines, CSV, RSS/Atom "
                "and WARC; convert it to text first.",
            )


def _read_text(
    text: str, source: str, fmt: Format, settings: Settings, mapping: Mapping[str, str] | None
) -> Iterator[Article | Failure]:
    if fmt == "jsonl":
        yield from read_jsonl(text.splitlines(keepends=True), source, settings, mapping)
    elif fmt == "json":
        yield from read_json_array(text, source, settings, mapping)
    elif fmt == "csv":
        yield from read_csv(text, source, settings, mapping)
    elif fmt == "html":
        yield parse_html(text, source)
    elif fmt == "feed":
        yield from parse_feed(text.encode("utf-8"), source)
    else:
        yield parse_text(text, source)


def read_bytes(
    data: bytes,
    source: str,
    settings: Settings,
    name: str = "",
    fmt: Format | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from the bytes of one input; ``name`` (a file name) hints at the format.

    Raises :class:`~sitrep.errors.InputError` when the input as a whole cannot
    be read; a bad record inside it is yielded as a :class:`Failure`.  Every
    article passes :func:`~sitrep.ingest.limits.check_article`.
    """
    yield from _read_source(io.BytesIO(data), source, settings, name, fmt, mapping)


def _read_source(
    stream: BinaryIO,
    source: str,
    settings: Settings,
    name: str = "",
    fmt: Format | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from a binary stream of any size, each passed through :func:`check_article`."""
    for item in _read_any(stream, source, settings, name, fmt, mapping):
        yield _checked(item)


def _read_any(
    stream: BinaryIO,
    source: str,
    settings: Settings,
    name: str,
    fmt: Format | None,
    mapping: Mapping[str, str] | None,
    *,
    gzipped: bool = False,
) -> Iterator[Article | Failure]:
    """An input within ``max_file_bytes`` is read whole (one read-ahead); a larger one,
    or a gzipped or WARC one, as a stream whose limit is one record's."""
    limit = settings.max_file_bytes
    head = stream.read(limit + 1)
    if fmt == "warc" or (fmt is None and looks_like_warc(head, name)):
        yield from read_warc(Prefixed(head, stream), source, settings)
        return
    if head.startswith(b"\x1f\x8b"):
        inflated = io.BufferedReader(Inflating(Prefixed(head, stream), limit, source))
        del head
        yield from _read_any(
            inflated, source, settings, name.removesuffix(".gz"), fmt, mapping, gzipped=True
        )
        return
    if len(head) <= limit:
        yield from _read_whole(head, source, settings, name, fmt, mapping)
        return
    yield from _read_large(head, stream, source, settings, name, fmt, mapping, gzipped)


def _read_whole(
    data: bytes,
    source: str,
    settings: Settings,
    name: str,
    fmt: Format | None,
    mapping: Mapping[str, str] | None,
) -> Iterator[Article | Failure]:
    _check_supported(data, source)
    if fmt == "feed" or (fmt is None and name.lower().endswith((".rss", ".atom", ".xml"))):
        yield from parse_feed(data, source)  # feedparser honours the XML encoding declaration
        return
    text = decode_bytes(data, source, settings)
    yield from _read_text(text, source, fmt or _format(name, text), settings, mapping)


#: Bytes of a large input's head looked at to tell its format.
_SNIFF_BYTES = 65_536


def _large_format(head: bytes, source: str, settings: Settings, name: str) -> Format:
    _check_supported(head, source)
    if looks_binary(head):
        decode_bytes(head[:_SNIFF_BYTES], source, settings)  # raises BinaryInput
    text = head[:_SNIFF_BYTES].decode(settings.encoding or "utf-8", errors="replace")
    return _format(name, text)


def _read_large(
    head: bytes,
    stream: BinaryIO,
    source: str,
    settings: Settings,
    name: str,
    fmt: Format | None,
    mapping: Mapping[str, str] | None,
    gzipped: bool,
) -> Iterator[Article | Failure]:
    """A dump, feed or crawl larger than ``max_file_bytes``, read a record at a time."""
    fmt = fmt or _large_format(head, source, settings, name)
    rest = io.BufferedReader(Prefixed(head, stream))
    del head
    if fmt == "jsonl":
        yield from read_jsonl(_text_if_wide(rest), source, settings, mapping)
    elif fmt == "csv":
        yield from read_csv_stream(rest, source, settings, mapping)
    elif fmt == "feed":
        yield from parse_feed_stream(rest, source, settings)
    else:
        raise InputTooLarge(source, _one_document_too_large(fmt, settings, gzipped))


def _text_if_wide(stream: io.BufferedReader[Any]) -> Iterable[str | bytes]:
    """``stream``, decoded as text when a BOM says UTF-16 or UTF-32 (whose lines do not
    split on the byte ``\\n``); else the bytes, split and decoded a line at a time."""
    head = stream.peek(4)[:4]
    for boms, encoding in (_UTF32, "utf-32"), (_UTF16, "utf-16"):  # UTF-32 LE starts as UTF-16 LE
        if head.startswith(boms):
            return io.TextIOWrapper(stream, encoding=encoding, errors="replace")
    return stream


_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _one_document_too_large(fmt: Format, settings: Settings, gzipped: bool) -> str:
    limit = f"max_file_bytes ({settings.max_file_bytes:,} bytes)"
    if gzipped:
        return (
            f"decompresses to more than {limit}, and is one {fmt} document, which is read "
            "whole; reading stopped there. Split it, or raise the limit with SITREP_MAX_FILE_BYTES."
        )
    if fmt == "json":
        return (
            f"is a JSON array of more than {limit}, which is read whole. Convert it to "
            "JSON Lines (one record a line), which is read as a stream of any size."
        )
    return (
        f"is one {fmt} document of more than {limit}. Split it into its articles, "
        "or raise the limit with SITREP_MAX_FILE_BYTES."
    )


def _checked(item: Article | Failure) -> Article | Failure:
    """``item``, an article passed through :func:`check_article` (or its Failure)."""
    if isinstance(item, Failure):
        return item
    try:
        return check_article(item)
    except InputError as e:
        return failure(e)


def _guarded(articles: Iterator[Article | Failure], source: str) -> Iterator[Article | Failure]:
    """``articles``, ending in a :class:`Failure` if reading ``source`` raises.

    The readers turn what they foresee into messages; anything else ends this
    input with a Failure naming it, never the run.
    """
    try:
        yield from articles
    except InputError as e:
        yield failure(e)
    except Exception as e:  # the last line of defence for one input: see docstring
        yield unexpected(source, e)


def _check_regular(path: Path, source: str) -> None:
    """Refuse devices and sockets (``/dev/zero`` never ends); files and pipes are read."""
    info = path.stat()
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise UnsupportedInput(
            source, "is not a file (a device, socket or the like). Give a file, folder or -."
        )


def read_file(
    path: Path,
    settings: Settings,
    fmt: Format | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from one file of any size, read as a stream; problems are yielded as
    :class:`Failure`."""
    source = str(path)
    try:
        _check_regular(path, source)
        stream = path.open("rb")
    except InputError as e:
        yield failure(e)
        return
    except OSError as e:
        yield failure(
            InputError(source, f"cannot be read ({e.strerror}). Check the path and permissions.")
        )
        return
    with stream:
        yield from _guarded(_read_source(stream, source, settings, path.name, fmt, mapping), source)


def read_stream(
    stream: BinaryIO,
    settings: Settings,
    source: str = STDIN,
    fmt: Format | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from a binary stream such as ``sys.stdin.buffer``, of any size."""
    yield from _guarded(_read_source(stream, source, settings, "", fmt, mapping), source)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _dangling(path: Path) -> Failure | None:
    """The Failure for a symlink that leads nowhere: a loop, or a missing target."""
    if not path.is_symlink() or path.exists():
        return None
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return failure(InputError(str(path), "is a symlink loop. Remove or fix the link."))
    target = os.readlink(path)
    return failure(
        InputError(str(path), f"is a symlink to {target}, which does not exist. Fix the link.")
    )


def _folder_files(folder: Path) -> Iterator[Path | Failure]:
    for path in sorted(folder.rglob("*")):
        if _is_hidden(path, folder):
            continue
        if path.is_file():
            yield path
        elif (dangling := _dangling(path)) is not None:
            yield dangling


def _expand(spec: str) -> Iterator[Path | Failure]:
    path = Path(spec)
    if path.is_dir():
        yield from _folder_files(path)
    elif (dangling := _dangling(path)) is not None:
        yield dangling
    elif path.exists():
        yield path
    elif glob.has_magic(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            yield failure(InputError(spec, "matches no file. Check the pattern."))
        for match in matches:
            yield from _expand(match)
    else:
        yield failure(InputError(spec, "does not exist. Check the path."))


def read_paths(
    paths: Sequence[str],
    settings: Settings,
    fmt: Format | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from files, folders (recursively), globs and ``-`` (stdin), in order.

    ``fmt`` forces a format (e.g. ``"jsonl"`` for ``--jsonl``); ``mapping``
    renames record columns (``{"text": "body"}``).
    """
    for spec in paths:
        if spec == "-":
            yield from read_stream(sys.stdin.buffer, settings, STDIN, fmt, mapping)
            continue
        for item in _expand(spec):
            if isinstance(item, Failure):
                yield item
            else:
                yield from read_file(item, settings, fmt, mapping)
