"""A store per test, on SQLite and (when configured) on PostgreSQL.

PostgreSQL runs when ``SITREP_TEST_POSTGRES_URL`` is set (see
scripts/start-postgres.sh); each test gets its own schema, dropped after.
Without the variable those tests skip, unless SITREP_REQUIRE_REAL_COMPONENTS=1.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.store import SqlStore, open_store

POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")


def _postgres_base() -> str:
    if POSTGRES_URL:
        return POSTGRES_URL
    if os.environ.get("SITREP_REQUIRE_REAL_COMPONENTS") == "1":
        pytest.fail(
            "SITREP_TEST_POSTGRES_URL is not set; run scripts/start-postgres.sh and export it"
        )
    pytest.skip("SITREP_TEST_POSTGRES_URL is not set")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections use a fresh, private schema."""
    import psycopg

    base = _postgres_base()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    yield f"{base}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database location for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(db=db_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[SqlStore]:
    with open_store(settings) as s:
        yield s
