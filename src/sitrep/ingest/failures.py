"""Turning an :class:`~sitrep.errors.InputError` into the :class:`Failure` a batch reports."""

from __future__ import annotations

from sitrep.errors import InputError
from sitrep.model import Failure

__all__ = ["failure"]


def failure(error: InputError) -> Failure:
    """The :class:`Failure` that reports ``error``; its reason says what to do."""
    return Failure(source=error.source, reason=error.reason, kind=error.kind)
