"""WARC files (news crawls): every HTML response becomes an article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.config import Settings
from sitrep.errors import InputError, TruncatedInput
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.failures import failure
from sitrep.ingest.html import parse_html
from sitrep.model import Article, Failure

__all__ = ["looks_like_warc", "read_warc"]

_BROKEN = (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError)


def looks_like_warc(data: bytes, name: str) -> bool:
    """True for ``.warc``/``.warc.gz`` names or bytes that start with a WARC header."""
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or data.startswith(b"WARC/")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()


def _record_article(record: Any, source: str, settings: Settings) -> Article:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{url}"
    html = decode_bytes(record.content_stream().read(), where, settings)
    return parse_html(html, where, url=url)


def read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC; a cut-off archive ends with a Failure."""
    records = iter(ArchiveIterator(io.BytesIO(data)))
    while True:
        try:
            record = next(records)
            if not _is_html_response(record):
                continue
            article = _record_article(record, source, settings)
        except StopIteration:
            return
        except InputError as e:
            yield failure(e)
            continue
        except _BROKEN as e:
            yield failure(
                TruncatedInput(source, f"the archive is cut off or corrupt ({e}). Fetch it again.")
            )
            return
        yield article
