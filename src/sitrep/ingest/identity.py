"""Article identity: a short stable hash of the normalised body text."""

from __future__ import annotations

import hashlib
import unicodedata

from sitrep.clean.normalise import normalise_chars

__all__ = ["article_id", "identity_text"]

#: Hex digits kept from the SHA-256: 64 bits, no collision in any corpus we will see.
ID_LENGTH = 16


def identity_text(text: str) -> str:
    """``text`` in Unicode NFC with quotes and dashes folded and whitespace collapsed."""
    return " ".join(normalise_chars(unicodedata.normalize("NFC", text)).split())


def article_id(body: str) -> str:
    """First :data:`ID_LENGTH` hex digits of the SHA-256 of :func:`identity_text`.

    Callers pass the body (the text after any title, date or URL header), so
    one article read from two layouts, or re-read, gets one id.
    """
    # surrogatepass: a lone surrogate (a "\ud800" escape in a record) still hashes; the
    # stored text has it replaced (sitrep.ingest.limits), the id stays that of the input.
    digest = hashlib.sha256(identity_text(body).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:ID_LENGTH]
