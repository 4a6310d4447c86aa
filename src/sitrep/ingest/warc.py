"""WARC files (news crawls): every HTML response becomes an article."""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParserException

from sitrep.config import Settings
from sitrep.errors import EmptyInput, InputError, InputTooLarge, TruncatedInput
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.html import parse_html
from sitrep.ingest.streams import Inflating
from sitrep.model import Article, Failure

__all__ = ["looks_like_warc", "read_warc"]

# What warcio and the decompressor raise for a cut-off or corrupt archive
# (OverflowError: a Content-Length past 2^63, which warcio passes on to readline).
_ARCHIVE_BROKEN = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    ValueError,
    OSError,
    OverflowError,
)


class _ArchiveTooLarge(InputTooLarge):
    """The archive decompresses like a bomb: the crawl ends here."""


class _ArchiveCutOff(TruncatedInput):
    """The gzip data ends inside a member (not ``EOFError``, which warcio takes for the end)."""


# Raised by the archive stream inside warcio: they end the crawl with their Failure.
_ARCHIVE_ENDS = (_ArchiveTooLarge, _ArchiveCutOff)


class _Loader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, taking a response without ``WARC-Target-URI`` as HTTP (it
    raises ``AttributeError`` on one, and the crawl would end there)."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        return super().load_http_headers(rec_type, uri or "http:", stream, length)


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator with :class:`_Loader`, and silent: for a record whose
    Content-Length is wrong it writes a warning to stderr holding the record's bytes."""

    INC_RECORD = ""

    def __init__(self, stream: io.IOBase) -> None:
        super().__init__(stream)
        self.loader = _Loader()


def _archive(stream: io.IOBase) -> Any:
    return _Archive(stream)


class _Tail(io.RawIOBase):
    """``stream``, remembering how many bytes were read and the last :data:`_TAIL_BYTES`
    of them, so that the end of an archive of any size can be checked."""

    def __init__(self, stream: BinaryIO | io.RawIOBase) -> None:
        super().__init__()
        self._stream = stream
        self.total = 0
        self.last = b""
        self.gzipped: bool | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer)) or b""
        if self.gzipped is None and data:
            self.gzipped = data.startswith(b"\x1f\x8b")
        self.total += len(data)
        self.last = (self.last + data)[-_TAIL_BYTES:]
        buffer[: len(data)] = data
        return len(data)

    def after(self, offset: int) -> bytes:
        """The bytes read from ``offset`` on (``b"?"`` when more than were kept)."""
        missing = self.total - offset
        return b"?" if missing > len(self.last) else self.last[len(self.last) - missing :]


#: Bytes kept from the end of an archive to check that its last record is whole.
_TAIL_BYTES = 1 << 16


def _cut_tail(tail: _Tail, archive: Any, source: str) -> Failure | None:
    """The Failure for an uncompressed archive whose last record is cut off in its header
    (warcio ends quietly there); gzipped ones raise :class:`_ArchiveCutOff`."""
    if tail.gzipped or not tail.after(archive.offset).strip():
        return None
    return failure(
        TruncatedInput(
            source,
            f"ends in a cut-off record (from byte {archive.offset:,}). Fetch the file again.",
        )
    )


class _Inflating(Inflating):
    """:class:`~sitrep.ingest.streams.Inflating` whose errors end the crawl (warcio
    would take them for one record's)."""

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            return super().readinto(buffer)
        except InputTooLarge as e:
            raise _ArchiveTooLarge(e.source, e.reason) from e
        except TruncatedInput as e:
            raise _ArchiveCutOff(e.source, e.reason) from e


def _archive_stream(tail: _Tail, source: str, settings: Settings) -> io.IOBase:
    """The archive as a stream; a gzipped one decompressed as it is read, bomb-bounded."""
    buffered = io.BufferedReader(tail)
    if not buffered.peek(2).startswith(b"\x1f\x8b"):
        return buffered
    return io.BufferedReader(_Inflating(buffered, settings.max_file_bytes, source))


def looks_like_warc(data: bytes, name: str) -> bool:
    """True for ``.warc``/``.warc.gz`` names or bytes that start with a WARC header."""
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or data.startswith(b"WARC/")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()


def _record_where(record: Any, source: str) -> str:
    """``crawl.warc#<target URI>``, or ``#<record id>`` for a record without one."""
    headers = record.rec_headers
    name = headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID") or "?"
    return f"{source}#{name}"


def _record_article(record: Any, source: str, settings: Settings) -> Article:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    where = _record_where(record, source)
    content = record.content_stream().read(settings.max_file_bytes + 1)
    if len(content) > settings.max_file_bytes:
        raise InputTooLarge(
            where,
            f"is a response of more than max_file_bytes ({settings.max_file_bytes:,}). "
            "Skipped; raise the limit with SITREP_MAX_FILE_BYTES to read it.",
        )
    return parse_html(decode_bytes(content, where, settings), where, url=url)


def read_warc(
    stream: BinaryIO | io.RawIOBase, source: str, settings: Settings
) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC stream of any size, read a record at a
    time; a record over ``max_file_bytes`` is one Failure, a cut-off archive ends with one."""
    # warcio logs each target URI with spaces in it, whole, however long; a bad
    # record is reported once, as a Failure, or read with its URI repaired.
    logging.getLogger("warcio.recordloader").setLevel(logging.ERROR)
    tail = _Tail(stream)
    archive = _archive(_archive_stream(tail, source, settings))
    records = iter(archive)
    found = False
    while True:
        try:
            item = _record_item(next(records), source, settings)
        except StopIteration:
            if (cut := _cut_tail(tail, archive, source)) is not None:
                yield cut
            elif not found:
                yield failure(
                    EmptyInput(source, "holds no HTML response. Is it a crawl of web pages?")
                )
            return
        except _ARCHIVE_ENDS as e:
            yield failure(e)
            return
        except _ARCHIVE_BROKEN as e:
            yield failure(
                TruncatedInput(source, f"the archive is cut off or corrupt ({e}). Fetch it again.")
            )
            return
        if item is not None:
            found = True
            yield item


def _record_item(record: Any, source: str, settings: Settings) -> Article | Failure | None:
    """The article of an HTML response record, or the Failure naming it; the crawl goes on.

    An archive cut off or too large inside the record ends the crawl (raised on).
    """
    try:
        return _record_article(record, source, settings) if _is_html_response(record) else None
    except (*_ARCHIVE_ENDS, *_ARCHIVE_BROKEN):
        raise
    except InputError as e:
        return failure(e)
    except Exception as e:  # one record must not end the crawl: any error is its Failure
        return unexpected(_record_where(record, source), e)
