"""Who said it: claimant names normalised into families.

The UN, OHCHR, "the UN human rights office" and "the UN monitoring mission"
are one family (``un``): a later UN number revises an earlier one instead of
contradicting it.  A person is keyed by their normalised name.
"""

from __future__ import annotations

import re

from sitrep.model import Claimant

__all__ = ["UNATTRIBUTED", "claimant_family"]

UNATTRIBUTED = ""

# (pattern on the lowercased name, family).  First match wins; order matters
# (a "Ukrainian emergency service" is the SES, not "Ukrainian officials").
_FAMILIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), family)
    for pattern, family in (
        (
            r"\b(un|u\.n\.|united nations|ohchr|unhcr|unicef)\b|human rights office|monitoring mission",
            "un",
        ),
        (r"emergency servic", "ses"),
        (r"zelensk", "person:zelenskyy"),
        (r"\b(russia|russian|kremlin|moscow)\b", "russia"),
        (
            r"\b(ukraine|ukrainian|kyiv)\b.*\b(official|authorit|government|ministry|military|army|forces)",
            "ukraine",
        ),
        (r"\b(official|authorit)\w*\b.*\b(ukraine|ukrainian)\b", "ukraine"),
    )
)


def claimant_family(claimant: Claimant | None) -> str:
    """The family key of a claimant (``un``, ``ses``, ``ukraine``, ``russia``, ``person:...``)."""
    if claimant is None or not claimant.name.strip():
        return UNATTRIBUTED
    name = claimant.name.lower().replace("’", "'")
    for pattern, family in _FAMILIES:
        if pattern.search(name):
            return family
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")
