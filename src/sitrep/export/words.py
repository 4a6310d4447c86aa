"""Words for values, shared by the report, the UI and the exports: counts as the source stated them.

Here, below both ``sitrep.report`` and ``sitrep.serve``, so neither imports the other.
"""

from __future__ import annotations

from sitrep.export._acled import EVENT_LABELS, SUB_EVENT_LABELS
from sitrep.model import Number

__all__ = ["describe_count", "describe_number", "label"]

_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "nearly": "nearly ",
    "about": "about ",
    "up_to": "up to ",
}


def describe_count(value: int | None, qualifier: str) -> str:
    """``at least 5``, ``more than 2,000``, ``dozens``: never more precise than the source."""
    if value is None:
        return qualifier.replace("_", " ")
    return f"{_QUALIFIER_WORDS.get(qualifier, qualifier.replace('_', ' ') + ' ')}{value:,}"


def describe_number(number: Number | None) -> str:
    """:func:`describe_count` of a ``Number``; ``unknown`` when nobody gave one."""
    return "unknown" if number is None else describe_count(number.value, number.qualifier)


def label(name: str | None) -> str:
    """ACLED's label for a type (``Air/drone strike``), else the name in words."""
    name = name or ""
    return (
        SUB_EVENT_LABELS.get(name) or EVENT_LABELS.get(name) or name.replace("_", " ").capitalize()
    )
