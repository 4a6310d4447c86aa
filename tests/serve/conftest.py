"""Web-layer fixtures: the app over the in-memory fake and over a real SQLite store."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.fake import demo_store, write_demo
from sitrep.store import open_store

with warnings.catch_warnings():
    # starlette asks for httpx2 here; the client works the same with httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real SQLite store holding the demo corpus (hostile article included)."""
    path = tmp_path_factory.mktemp("db") / "demo.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    return path


@pytest.fixture(params=["fake", "sqlite"])
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """The app over the fake store and over the real read-only SQLite store."""
    if request.param == "fake":
        app = create_app(Settings(), demo_store())
    else:
        app = create_app(Settings(db=str(request.getfixturevalue("demo_db"))))
    with TestClient(app, base_url="http://127.0.0.1:8765") as test_client:
        yield test_client
