"""Character normalisation that never changes the length of a text.

Curly quotes, apostrophes, dashes and exotic spaces are mapped one character
for one, so an offset into the normalised text is the same offset into the
raw text.  Characters that would need deleting (zero-width spaces, soft
hyphens) are left alone: deleting them would shift offsets.
"""

from __future__ import annotations

__all__ = ["CHAR_MAP", "is_blank", "normalise_chars"]

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\n\r\x0b\x0c"

#: One character in, one character out.
CHAR_MAP: dict[int, str] = {
    **{ord(c): "'" for c in _APOSTROPHES},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): "-" for c in _DASHES},
    **{ord(c): " " for c in _SPACES},
}


def normalise_chars(text: str) -> str:
    """``text`` with quotes, dashes and spaces normalised; same length as ``text``."""
    return text.translate(CHAR_MAP)


def is_blank(line: str) -> bool:
    """True when ``line`` has no visible character (no-break spaces count as blank)."""
    return not normalise_chars(line).strip()
