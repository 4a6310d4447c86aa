"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def require_real_components() -> bool:
    """CI sets SITREP_REQUIRE_REAL_COMPONENTS=1: a missing browser or database then fails."""
    return os.environ.get("SITREP_REQUIRE_REAL_COMPONENTS") == "1"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the project; tests that need it skip cleanly when it is absent,
    except in CI (``SITREP_REQUIRE_REAL_COMPONENTS=1``), where the seeds' accuracy gate must run."""
    if not (SHARED / "seeds").is_dir():
        if require_real_components():
            pytest.fail(
                f"../shared is not present beside the project ({SHARED}): the seed gate cannot run"
            )
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared_dir: Path) -> list[Path]:
    return sorted((shared_dir / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> Path:
    return shared_dir / "gold" / "seeds.json"
