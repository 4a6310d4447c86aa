"""The fields of a record and their names, defined once for every output.

The JSON of ``sitrep extract`` (``serialize``), the API (``serve.schemas``), the exports and
the CLI's incident tables (``export._rows``) and the store's columns (``store._codec``) all
take their names from here, so one concept cannot be named two ways by accident:

- a count (:class:`~sitrep.model.Number`) is the fields :data:`NUMBER_FIELDS`: nested in
  JSON (``"killed": {"value", "qualifier", "low", "high"}``); flat in a row, where the value
  is the column named after the count and the others are suffixed (``killed``,
  ``killed_qualifier``, ``killed_low``, ``killed_high``: :func:`count_columns`);
- the spread of a count across sources is ``killed_range`` in JSON (``[low, high]``) and
  :func:`range_columns` in a row (``killed_min``, ``killed_max``);
- a place is :data:`PLACE_FIELDS`, each output taking the subset it publishes.

The store's own column names differ in two places that predate this module (the value is
``killed_value`` so that ``killed_*`` are all one count's; the spread is
``killed_range_low``/``killed_range_high``): :mod:`sitrep.store._codec` derives them from
these names too, and changing them needs a migration. docs/data-dictionary.md lists the
columns of every output.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from sitrep.model import Number, Place

__all__ = [
    "COUNTS",
    "NUMBER_FIELDS",
    "PLACE_FIELDS",
    "Count",
    "count_columns",
    "count_row",
    "number_fields",
    "place_fields",
    "range_columns",
    "range_row",
]

Count = Literal["killed", "injured"]
#: The counts an incident or a report carries, in the order every output lists them.
COUNTS: tuple[Count, ...] = ("killed", "injured")
#: The fields of a count, in order (``Number``'s own).
NUMBER_FIELDS: tuple[str, ...] = ("value", "qualifier", "low", "high")
#: The fields of a place a record keeps, in order (``Place``'s own; ``text``, the form the
#: article wrote, is no part of the record: only ``sitrep extract`` shows it).
PLACE_FIELDS: tuple[str, ...] = (
    "name", "lat", "lon", "admin1", "precision", "id", "admin2", "country", "parent",
)  # fmt: skip
_RANGE_ENDS = ("min", "max")


def number_fields(number: Number | None) -> dict[str, Any] | None:
    """A count as its fields (``{"value": 3, "qualifier": "exact", ...}``), or ``None``."""
    if number is None:
        return None
    return {name: getattr(number, name) for name in NUMBER_FIELDS}


def place_fields(place: Place | None, names: Sequence[str] = PLACE_FIELDS) -> dict[str, Any] | None:
    """The fields ``names`` (of :data:`PLACE_FIELDS`) of a place, or ``None``."""
    if place is None:
        return None
    unknown = set(names) - set(PLACE_FIELDS)
    if unknown:
        raise ValueError(f"not fields of a place: {sorted(unknown)}")
    return {name: getattr(place, name) for name in names}


def count_columns(count: Count) -> tuple[str, ...]:
    """A count's columns in a flat row: ``killed``, ``killed_qualifier``, ``killed_low``, ..."""
    return tuple(count if name == "value" else f"{count}_{name}" for name in NUMBER_FIELDS)


def count_row(count: Count, number: Number | None) -> dict[str, Any]:
    """A count's cells in a flat row; every cell empty (``None``) when it is unknown."""
    fields = number_fields(number) or dict.fromkeys(NUMBER_FIELDS)
    return dict(zip(count_columns(count), fields.values(), strict=True))


def range_columns(count: Count) -> tuple[str, str]:
    """The columns of a count's spread across sources in a flat row: ``killed_min``, ``killed_max``."""
    low, high = (f"{count}_{end}" for end in _RANGE_ENDS)
    return low, high


def range_row(count: Count, spread: tuple[int | None, int | None]) -> dict[str, Any]:
    """A count's spread across sources as its two cells."""
    return dict(zip(range_columns(count), spread, strict=True))
