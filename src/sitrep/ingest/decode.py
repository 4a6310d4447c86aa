"""Bytes to text: binary sniffing, encodings, with messages that say what to do."""

from __future__ import annotations

import codecs

from sitrep.config import Settings
from sitrep.errors import BinaryInput, EmptyInput, UndecodableInput

__all__ = ["decode_bytes", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of C0 control bytes (other than tab, newlines, form feed) above which
# undecodable bytes are called binary rather than text in another encoding.
# Latin-1 or cp1251 text has none; uniformly random bytes have about 11 %.
_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding: NULs, or many control bytes."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > _CONTROL_SHARE


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, source: str, settings: Settings) -> str:
    """Decode ``data``: ``settings.encoding`` if set, else a BOM's encoding, else UTF-8."""
    if not data.strip():
        raise EmptyInput(source, "is empty. Remove it, or check what produced it.")
    encoding = settings.encoding or _bom_encoding(data)
    if encoding is None and looks_binary(data):
        raise BinaryInput(
            source,
            "looks like a binary file, not text. sitrep reads plain text, HTML, "
            "JSON Lines, CSV, RSS/Atom and WARC; convert it to one of these.",
        )
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as e:
        name = encoding or "UTF-8"
        raise UndecodableInput(
            source,
            f"could not decode as {name} (byte {e.start}). "
            "Pass --encoding latin-1 (or the file's real encoding) if it is not UTF-8.",
        ) from e
    except LookupError as e:
        raise UndecodableInput(source, f"unknown encoding {encoding!r}. Check --encoding.") from e
    if not text.strip():
        raise EmptyInput(source, "has no text. Remove it, or check what produced it.")
    return text
