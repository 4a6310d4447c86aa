"""Who said it: claimant names normalised into families.

The UN, OHCHR, "the UN human rights office" and "the UN monitoring mission"
are one family (``un``): a later UN number revises an earlier one instead of
contradicting it.  A person is keyed by their normalised name.
"""

from __future__ import annotations

import re

from sitrep.model import Claimant

__all__ = ["UNATTRIBUTED", "claimant_family", "claimant_side"]

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


_RUSSIAN_SIDE = re.compile(
    r"\b(?:russia|russian|kremlin|moscow|peskov|shoigu|belousov|konashenkov|zakharova|putin|"
    r"moscow-installed|russian-installed|occupation|dpr|lpr|donetsk\s+people|luhansk\s+people|pushilin|pasechnik|saldo|balitsky)\b"
)
_INTERNATIONAL = re.compile(
    r"\b(?:un|u\.n\.|united nations|ohchr|unicef|unhcr|who|iaea|icrc|red cross|osce|hrmmu)\b"
)


def claimant_side(claimant: Claimant | None) -> str:
    """Whose side a claimant speaks for: ``russia``, ``international``, ``ukraine``, or ``""`` when unattributed.

    Coverage of Ukraine names Ukrainian officials, services and outlets far
    more than any other party, so a named claimant with no Russian or
    international cue is taken to speak for Ukraine.
    """
    if claimant is None or not claimant.name.strip():
        return UNATTRIBUTED
    if claimant.side:
        return claimant.side.lower()
    name = claimant.name.lower().replace("’", "'")
    if _RUSSIAN_SIDE.search(name):
        return "russia"
    if _INTERNATIONAL.search(name):
        return "international"
    return "ukraine"
