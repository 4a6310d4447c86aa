"""JSON Lines and CSV dumps: one article per record.

Records have the fields ``id``, ``text`` and optionally ``title``,
``published``, ``url`` and ``outlet``.  A ``mapping`` renames columns:
``{"text": "body", "published": "date"}`` reads the text from ``body``.
The record's text is parsed like a plain-text file (so a date marker or a
title line in it still counts); the record's fields then take precedence.
One bad record is one :class:`Failure`; the other records are read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any, BinaryIO

from sitrep.config import Settings
from sitrep.errors import InputError, RecordError, TruncatedInput
from sitrep.ingest.failures import failure, unexpected
from sitrep.ingest.limits import check_article, clean_chars
from sitrep.ingest.outlets import outlet_from_url
from sitrep.ingest.streams import bounded_lines
from sitrep.ingest.text import parse_text
from sitrep.model import Article, Failure

__all__ = [
    "FIELDS",
    "read_csv",
    "read_csv_stream",
    "read_json_array",
    "read_jsonl",
    "record_article",
]

FIELDS = ("id", "text", "title", "published", "url", "outlet")


def _field(record: Mapping[str, Any], name: str, mapping: Mapping[str, str]) -> str | None:
    value = record.get(mapping.get(name, name))
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = clean_chars(str(value))
    return text.strip() if name != "text" else text


def _published(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise RecordError(
            where, f"published {value!r} is not an ISO date (YYYY-MM-DD). Fix or drop the field."
        ) from e


def record_article(
    record: Any, source: str, where: str, mapping: Mapping[str, str] | None = None
) -> Article:
    """The :class:`Article` of one record; ``where`` (``file:line``) names it in errors."""
    mapping = mapping or {}
    if not isinstance(record, Mapping):
        raise RecordError(where, "is not a JSON object. Each line must be one {...} record.")
    text = _field(record, "text", mapping)
    if text is None:
        column = mapping.get("text", "text")
        raise RecordError(
            where,
            f'has no "{column}" text. Name the field (or CSV column) that holds the '
            f'article text "{column}".',
        )
    article = parse_text(text, source)
    title, url, outlet = (_field(record, name, mapping) for name in ("title", "url", "outlet"))
    published = _field(record, "published", mapping)
    if published is not None:
        article = replace(
            article, published=_published(published, where), published_basis="metadata"
        )
    article = replace(
        article,
        record_id=_field(record, "id", mapping),
        title=title or article.title,
        url=url or article.url,
        outlet=outlet or (outlet_from_url(url) if url else None) or article.outlet,
    )
    return check_article(article, where)


def _too_deep(where: str, e: RecursionError) -> RecordError:
    return RecordError(where, "nests JSON too deeply to be an article record. Fix or remove it.")


def _parse_line(line: str, where: str, last: bool) -> Any:
    try:
        return json.loads(line)
    except RecursionError as e:
        raise _too_deep(where, e) from e
    except json.JSONDecodeError as e:
        if last and not line.endswith("\n"):
            raise TruncatedInput(
                where, "the last record is cut off mid-way. Re-export or re-download the file."
            ) from e
        raise RecordError(where, f"is not valid JSON ({e.msg}). Fix or remove that line.") from e


def _too_long(where: str, settings: Settings) -> RecordError:
    return RecordError(
        where,
        f"is a record of more than max_file_bytes ({settings.max_file_bytes:,} bytes); "
        "skipped. Split the record, or raise the limit with SITREP_MAX_FILE_BYTES.",
    )


def _raw_lines(stream: Iterable[str | bytes], settings: Settings) -> Iterator[str | bytes | None]:
    """The lines of ``stream``; ``None`` for one past the limit (a binary stream is read
    in bounded pieces, so a line of gigabytes is never held whole)."""
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        yield from bounded_lines(stream, settings.max_file_bytes)  # type: ignore[arg-type]
        return
    for line in stream:
        yield None if len(line) > settings.max_file_bytes else line


def _lines(
    stream: Iterable[str | bytes], source: str, settings: Settings
) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of ``stream`` as text, or the error that line is (not UTF-8, too long)."""
    encoding = settings.encoding or "utf-8"
    for number, line in enumerate(_raw_lines(stream, settings), 1):
        where = f"{source}:{number}"
        if line is None:
            yield number, _too_long(where, settings)
        elif isinstance(line, str):
            yield number, line
        else:
            try:
                yield (
                    number,
                    line.decode("utf-8-sig" if number == 1 and encoding == "utf-8" else encoding),
                )
            except (UnicodeDecodeError, LookupError):
                yield (
                    number,
                    RecordError(
                        where,
                        f"is not {encoding} text. Re-encode the file as UTF-8, or pass --encoding.",
                    ),
                )


def _with_last(
    items: Iterator[tuple[int, str | InputError]],
) -> Iterator[tuple[int, str | InputError, bool]]:
    """``items`` each with whether it is the last (one item of lookahead)."""
    previous = next(items, None)
    for item in items:
        assert previous is not None
        yield (*previous, False)
        previous = item
    if previous is not None:
        yield (*previous, True)


def _read_record(
    record: Any, source: str, where: str, mapping: Mapping[str, str] | None
) -> Article | Failure:
    """The article of one record, or the Failure naming it."""
    try:
        return record_article(record, source, where, mapping)
    except InputError as e:
        return failure(e)
    except Exception as e:  # one record must not end the file: any error is its Failure
        return unexpected(where, e)


def read_jsonl(
    stream: Iterable[str | bytes],
    source: str,
    settings: Settings,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Articles from a JSON Lines stream (a file, or ``sys.stdin``), one per record.

    The stream is read a line at a time, so a dump of any size takes the memory
    of one record; a record over ``max_file_bytes`` is one Failure naming its line.
    """
    for number, line, last in _with_last(_lines(stream, source, settings)):
        if isinstance(line, InputError):
            yield failure(line)
            continue
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _parse_line(line, where, last)
        except InputError as e:
            yield failure(e)
            continue
        yield _read_record(record, source, where, mapping)


def read_json_array(
    text: str, source: str, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Article | Failure]:
    """Articles from a JSON file holding one array of records."""
    try:
        records = json.loads(text)
    except RecursionError as e:
        raise _too_deep(source, e) from e
    except json.JSONDecodeError as e:
        raise TruncatedInput(
            source, f"is not valid JSON ({e.msg} at line {e.lineno}). Is the file complete?"
        ) from e
    if not isinstance(records, list):
        records = [records]
    for number, record in enumerate(records, 1):
        yield _read_record(record, source, f"{source}[{number}]", mapping)


def _dialect(sample: str, source: str) -> type[csv.Dialect] | csv.Dialect:
    if source.lower().endswith(".tsv"):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


class _LineError(Exception):
    """A physical CSV line that is no text or too long; raised through the csv reader."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.reason)
        self.error = error


def read_csv(
    text: str, source: str, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Article | Failure]:
    """Articles from CSV (or TSV) text with a header row, one per row."""
    yield from _read_rows(io.StringIO(text, newline=""), text[:4096], source, settings, mapping)


def read_csv_stream(
    stream: BinaryIO, source: str, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Article | Failure]:
    """Articles from a CSV stream of any size, a line at a time; a row over
    ``max_file_bytes`` is one Failure naming its line."""
    lines = _lines(stream, source, settings)
    head = [line for _, line in itertools.islice(lines, 20)]
    bad = next((line for line in head if isinstance(line, InputError)), None)
    if bad is not None:
        yield failure(bad)
        return
    first = [str(line) for line in head]
    rest = _CheckedLines(lines)
    yield from _read_rows(
        itertools.chain(first, rest), "".join(first), source, settings, mapping, rest
    )


class _CheckedLines:
    """Lines for the csv reader; a bad one raises :class:`_LineError` and the next call
    goes on with the line after it (a generator would end at its first raise)."""

    def __init__(self, lines: Iterator[tuple[int, str | InputError]]) -> None:
        self._lines = lines
        self.skipped = 0  # bad lines, which the csv reader's line_num does not count

    def __iter__(self) -> _CheckedLines:
        return self

    def __next__(self) -> str:
        _, line = next(self._lines)
        if isinstance(line, InputError):
            self.skipped += 1
            raise _LineError(line)
        return line


def _read_rows(
    lines: Iterable[str],
    sample: str,
    source: str,
    settings: Settings,
    mapping: Mapping[str, str] | None,
    checked: _CheckedLines | None = None,
) -> Iterator[Article | Failure]:
    # Article texts are long; the csv module's default field limit is 128 KiB.
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_file_bytes))
    reader = csv.DictReader(lines, dialect=_dialect(sample, source))
    rows = iter(reader)
    try:
        reader.fieldnames  # noqa: B018 - reads the header row, so line_num counts it
    except csv.Error as e:
        yield failure(
            TruncatedInput(f"{source}:1", f"is not valid CSV ({e}). Is the file complete?")
        )
        return
    while True:
        skipped = checked.skipped if checked is not None else 0
        where = f"{source}:{reader.line_num + skipped + 1}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except _LineError as e:
            yield failure(e.error)
            continue
        except csv.Error as e:
            yield failure(TruncatedInput(where, f"is not valid CSV ({e}). Is the file complete?"))
            return
        yield _read_record(row, source, where, mapping)
