"""Export fixtures: the demo corpus in the fake store and in a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.serve.fake import QueryStore, demo_store, write_demo
from sitrep.store import open_store


@pytest.fixture(scope="session")
def export_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "demo.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    return path


@pytest.fixture(params=["fake", "sqlite"])
def store(request: pytest.FixtureRequest) -> Iterator[QueryStore]:
    if request.param == "fake":
        yield demo_store()
        return
    with open_store(Settings(db=str(request.getfixturevalue("export_db"))), read_only=True) as real:
        yield real
