"""Every error sitrep raises on purpose, in one tree.

    SitrepError
    ├── InputError            an input could not be read; recorded as a Failure, batch goes on
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── UndecodableInput
    │   ├── TruncatedInput
    │   ├── InputTooLarge
    │   ├── UnsupportedInput
    │   └── RecordError       one bad JSON Lines / CSV record
    ├── StageError            a pipeline stage misbehaved on one document
    ├── StoreError            the database cannot be opened or written
    │   ├── SchemaVersionError
    │   └── UnstorableValue   one document holds a value the database cannot; it fails alone
    ├── GoldError             a gold file for `sitrep eval` is malformed
    └── ConfigError           a setting has a bad value

Messages say what to do about it.  The CLI converts these once, at the edge.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "ConfigError",
    "EmptyInput",
    "GoldError",
    "InputError",
    "InputTooLarge",
    "RecordError",
    "SchemaVersionError",
    "SitrepError",
    "StageError",
    "StoreError",
    "TruncatedInput",
    "UndecodableInput",
    "UnstorableValue",
    "UnsupportedInput",
]


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input could not be read.  ``source`` names it, ``kind`` is a short tag."""

    kind = "input"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class EmptyInput(InputError):
    kind = "empty"


class BinaryInput(InputError):
    kind = "binary"


class UndecodableInput(InputError):
    kind = "undecodable"


class TruncatedInput(InputError):
    kind = "truncated"


class InputTooLarge(InputError):
    kind = "too_large"


class UnsupportedInput(InputError):
    kind = "unsupported"


class RecordError(InputError):
    kind = "record"


class StageError(SitrepError):
    """A pipeline stage raised on one document."""

    def __init__(self, stage: str, source: str, cause: BaseException) -> None:
        super().__init__(f"{source}: stage {stage} failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.source = source


class StoreError(SitrepError):
    """The database cannot be opened or written."""


class SchemaVersionError(StoreError):
    """The database was made by a newer sitrep than this one."""


class UnstorableValue(StoreError):
    """A value the database refused (out of range, a NUL on PostgreSQL): one document fails."""


class GoldError(SitrepError):
    """A gold file is malformed."""


class ConfigError(SitrepError):
    """A setting has a bad value."""
