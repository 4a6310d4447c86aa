"""ingest: read articles from files, folders, globs, stdin, feeds, dumps and crawls."""

from sitrep.ingest.identity import article_id
from sitrep.ingest.records import read_csv, read_jsonl
from sitrep.ingest.sources import Format, read_bytes, read_file, read_paths, read_stream
from sitrep.ingest.text import parse_text

__all__ = [
    "Format",
    "article_id",
    "parse_text",
    "read_bytes",
    "read_csv",
    "read_file",
    "read_jsonl",
    "read_paths",
    "read_stream",
]
