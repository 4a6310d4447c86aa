"""WARC files (news crawls): every HTML response becomes an article."""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParserException

from sitrep.config import Settings
from sitrep.errors import EmptyInput, InputError, InputTooLarge, TruncatedInput
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.html import parse_html
from sitrep.model import Article, Failure

__all__ = ["looks_like_warc", "read_warc"]

# What warcio and the decompressor raise for a cut-off or corrupt archive.
_ARCHIVE_BROKEN = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    ValueError,
    OSError,
)
#: How much larger than ``max_file_bytes`` a compressed crawl may grow when decompressed.
#: Web pages in gzipped WARCs compress 4-8 times; a bomb compresses a thousand times.
WARC_INFLATION = 10


class _ArchiveTooLarge(InputTooLarge):
    """The decompressed archive grew past its limit: the crawl ends here."""


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


def _cut_tail(data: bytes, archive: Any, source: str) -> Failure | None:
    """The Failure for an uncompressed archive whose last record is cut off in its header
    (warcio ends quietly there); gzipped ones raise :class:`_ArchiveCutOff`."""
    if data.startswith(b"\x1f\x8b") or not data[archive.offset :].strip():
        return None
    return failure(
        TruncatedInput(
            source,
            f"ends in a cut-off record (from byte {archive.offset:,}). Fetch the file again.",
        )
    )


# Compressed bytes fed to the decompressor at a time.
_CHUNK = 1 << 16


class _Inflating(io.RawIOBase):
    """A gzipped archive (one member per record, or one for all) decompressed as it is read.

    Raises :class:`InputTooLarge` once more than ``limit`` decompressed bytes were
    read, and ``EOFError`` for a cut-off member only after the bytes before the cut
    (``gzip.GzipFile`` would drop them, and with them the records they hold).
    """

    def __init__(self, data: bytes, limit: int, source: str) -> None:
        super().__init__()
        self._data, self._pos = memoryview(data), 0
        self._inflate = zlib.decompressobj(wbits=31)
        self._limit, self._source, self._total = limit, source, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._next(size if size > 0 else _CHUNK)
        self._total += len(chunk)
        if self._total > self._limit:
            raise _ArchiveTooLarge(
                self._source,
                f"decompresses to more than {self._limit:,} bytes ({WARC_INFLATION} times "
                "max_file_bytes); reading stopped there. Split the crawl, or raise "
                "SITREP_MAX_FILE_BYTES.",
            )
        return chunk

    def _next(self, size: int) -> bytes:
        while True:
            inflate = self._inflate
            if inflate.eof:  # a member ended: the next one starts in what is left of the input
                pending = inflate.unused_data + inflate.unconsumed_tail
                if not pending and self._pos >= len(self._data):
                    return b""
                self._inflate = inflate = zlib.decompressobj(wbits=31)
            elif inflate.unconsumed_tail:  # input held back by the size limit
                pending = inflate.unconsumed_tail
            elif self._pos < len(self._data):
                pending = bytes(self._data[self._pos : self._pos + _CHUNK])
                self._pos += len(pending)
            else:
                raise _ArchiveCutOff(
                    self._source, "the gzip data ends inside a record. Fetch the file again."
                )
            if chunk := inflate.decompress(pending, size):
                return chunk


def _archive_stream(data: bytes, source: str, settings: Settings) -> io.IOBase:
    """The archive as a stream; a gzipped one decompressed as it is read, within bounds."""
    if not data.startswith(b"\x1f\x8b"):
        return io.BytesIO(data)
    return _Inflating(data, settings.max_file_bytes * WARC_INFLATION, source)


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


def read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC; a cut-off archive ends with a Failure."""
    # warcio logs each target URI with spaces in it, whole, however long; a bad
    # record is reported once, as a Failure, or read with its URI repaired.
    logging.getLogger("warcio.recordloader").setLevel(logging.ERROR)
    archive = _archive(_archive_stream(data, source, settings))
    records = iter(archive)
    found = False
    while True:
        try:
            item = _record_item(next(records), source, settings)
        except StopIteration:
            if (cut := _cut_tail(data, archive, source)) is not None:
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
