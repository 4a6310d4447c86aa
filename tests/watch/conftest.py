"""Fixtures of the watch tests: a local server (127.0.0.1 only), a fetcher, a SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from watch_server import Site, serving

from sitrep.config import Settings
from sitrep.watch import HttpFetcher


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        yield served


@pytest.fixture
def fetcher() -> Iterator[HttpFetcher]:
    """Short timeouts, no waiting between attempts: every test stays bounded in time."""
    fetch = HttpFetcher(timeout=5.0, attempts=2, backoff=0.0)
    yield fetch
    fetch.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "watch.db"))
