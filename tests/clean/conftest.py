"""Fixtures for the clean tests."""

from __future__ import annotations

import pytest
from clean_helpers import Cleaner, clean_text


@pytest.fixture
def clean() -> Cleaner:
    return clean_text
