"""Turning an error while reading into the :class:`Failure` a batch reports."""

from __future__ import annotations

from sitrep.errors import InputError
from sitrep.model import Failure

__all__ = ["failure", "unexpected"]

# Longest exception text kept in a message: one line, not a dump of the input.
_MAX_DETAIL = 200


def failure(error: InputError) -> Failure:
    """The :class:`Failure` that reports ``error`` in one line; its reason says what to do."""
    return Failure(source=error.source, reason=" ".join(error.reason.split()), kind=error.kind)


def _one_line(error: BaseException) -> str:
    detail = " ".join(str(error).split())
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 1] + "…"
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def unexpected(where: str, error: BaseException) -> Failure:
    """The :class:`Failure` for an error no reader foresaw, in one line naming ``where``.

    Readers call this at their last line of defence (one record, one file), so
    that one bad input never ends the run.
    """
    return Failure(
        source=where,
        reason=f"could not be read ({_one_line(error)}). Check or remove it; "
        "the other inputs were read. Please report this input to sitrep's maintainers.",
        kind="unreadable",
    )
