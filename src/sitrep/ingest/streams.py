"""Inputs of any size as streams: a read-ahead head, gzip inflated as it is read, bounded lines.

A dump is read in pieces of at most one record, so memory stays flat in the
size of the input; the size limit (``max_file_bytes``) applies to one record.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from sitrep.errors import InputTooLarge, TruncatedInput

__all__ = ["BOMB_RATIO", "Inflating", "Prefixed", "bounded_lines"]

#: Decompressed bytes per compressed byte above which a gzip stream is a bomb, once it
#: has inflated past the record limit.  News text and HTML compress 3-8 times (a
#: JSON Lines dump of the synthetic corpus: 4.1); zip bombs compress 1,000 times and more.
BOMB_RATIO = 100
_CHUNK = 1 << 16


class Prefixed(io.RawIOBase):
    """``head`` (bytes already read) followed by the rest of ``stream``.

    The head is released once read, so a large read-ahead does not stay in memory.
    """

    def __init__(self, head: bytes, stream: BinaryIO | io.RawIOBase) -> None:
        super().__init__()
        self._head: memoryview | None = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head is not None:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:] if size < len(self._head) else None
            if size:
                return size
        data = self._stream.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)


class Inflating(io.RawIOBase):
    """A gzip stream (one member or many) decompressed as it is read, bomb-bounded.

    Raises :class:`InputTooLarge` once the output passes ``limit`` bytes *and*
    :data:`BOMB_RATIO` times the compressed bytes read; :class:`TruncatedInput`
    for a corrupt stream, and for one cut off inside a member only after the
    bytes before the cut.
    """

    def __init__(self, stream: BinaryIO | io.RawIOBase, limit: int, source: str) -> None:
        super().__init__()
        self._stream = stream
        self._inflate = zlib.decompressobj(wbits=31)
        self._limit, self._source = limit, source
        self._read_in = self._read_out = 0
        self._ended = False
        self._pending = b""  # compressed input not yet given to the decompressor

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._next(len(buffer))
        self._read_out += len(chunk)
        if self._read_out > self._limit and self._read_out > BOMB_RATIO * max(self._read_in, 1):
            raise InputTooLarge(
                self._source,
                f"decompresses more than {BOMB_RATIO} times its size, past max_file_bytes "
                f"({self._limit:,} bytes): a decompression bomb? Reading stopped there.",
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def _input(self) -> bytes:
        if self._ended:
            return b""
        data = self._stream.read(_CHUNK) or b""
        self._read_in += len(data)
        self._ended = not data
        return data

    def _next(self, size: int) -> bytes:
        while True:
            inflate = self._inflate
            if inflate.eof:  # a member ended: the next one starts in what is left of its input
                # zlib leaves that in unused_data, or in unconsumed_tail when the size asked
                # for held input back, and at times in both: never join the two (the input
                # would double, member after member).
                rest = inflate.unused_data or inflate.unconsumed_tail or self._input()
                if not rest.strip(b"\x00"):
                    return b""
                self._inflate = inflate = zlib.decompressobj(wbits=31)
                self._pending = rest
            elif not self._pending and not (pending := self._input()):
                raise TruncatedInput(
                    self._source, "the gzip data is cut off inside a member. Fetch the file again."
                )
            elif not self._pending:
                self._pending = pending
            try:
                chunk = inflate.decompress(self._pending, size)
            except zlib.error as e:
                raise TruncatedInput(
                    self._source, f"is a cut-off or corrupt gzip file ({e}). Fetch it again."
                ) from e
            self._pending = inflate.unconsumed_tail
            if chunk:
                return chunk


def _skip_line(stream: BinaryIO) -> None:
    """Read on to the end of the current line, in pieces (it may be gigabytes long)."""
    while (piece := stream.readline(_CHUNK)) and not piece.endswith(b"\n"):
        pass


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, ``None`` in place of one longer than ``limit`` bytes.

    Memory holds at most one line of ``limit`` bytes, whatever the stream's size.
    """
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            yield None
        else:
            yield line
