"""schemathesis against the app (the fake store and a real SQLite one), bounded for CI:
no server error and no conformance finding (every check of ``call_and_validate``)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.fake import demo_store, write_demo
from sitrep.store import open_store

schemathesis = pytest.importorskip("schemathesis")

# Examples per operation and store: 7 operations x 2 stores x 25 = 350 cases, ~30 s.
EXAMPLES = 25
HOST = {"Host": "127.0.0.1:8765"}


def _sqlite_app() -> Any:
    path = Path(tempfile.mkdtemp(prefix="sitrep-schemathesis-")) / "demo.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    # The app does not own the store: schemathesis's loader ends the app's lifespan,
    # which closes a store the app opened.
    return create_app(Settings(db=str(path)), open_store(Settings(db=str(path)), read_only=True))


fake_schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(), demo_store()), headers=HOST
)
sqlite_schema = schemathesis.openapi.from_asgi("/openapi.json", _sqlite_app(), headers=HOST)
_bounded = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@fake_schema.parametrize()
@_bounded
def test_api_over_the_fake_store(case: Any) -> None:
    case.call_and_validate(headers=HOST)


@sqlite_schema.parametrize()
@_bounded
def test_api_over_sqlite(case: Any) -> None:
    case.call_and_validate(headers=HOST)
