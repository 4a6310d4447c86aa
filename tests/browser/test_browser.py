"""The UI in a real browser (chromium via playwright-core): each .mjs script checks one page."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.store import open_store

pytestmark = pytest.mark.browser
HERE = Path(__file__).parent
ROOT = HERE.parents[1]
# Not imported from conftest: another test folder's conftest may hold that module name.
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def _run(script: str, *args: str) -> dict[str, object]:
    proc = subprocess.run(
        ["node", str(HERE / script), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    lines = proc.stdout.strip().splitlines()
    assert lines, f"{script} printed nothing; stderr:\n{proc.stderr}"
    result: dict[str, object] = json.loads(lines[-1])
    failed = [c for c in result["checks"] if not c["ok"]]  # type: ignore[union-attr]
    assert proc.returncode == 0 and not failed, json.dumps(failed, indent=1) + proc.stderr
    return result


def test_map_shows_demo_markers_and_opens_an_incident(
    serve: Callable[[Path], str], demo_db: Path
) -> None:
    with open_store(Settings(db=str(demo_db)), read_only=True) as store:
        located = [i for i in store.list_incidents(None) if i.place and i.place.lat is not None]
    assert located, "the demo database has no located incidents"
    _run("map.mjs", serve(demo_db), str(SCREENSHOTS / "demo"), str(len(located)))
    assert (SCREENSHOTS / "demo" / "map.png").stat().st_size > 10_000


def test_map_and_incident_on_the_hostile_corpus(
    serve: Callable[[Path], str], hostile_db: Path
) -> None:
    _run("map.mjs", serve(hostile_db), str(SCREENSHOTS / "hostile"), "3")


def test_ledger_shows_a_contradiction(serve: Callable[[Path], str], hostile_db: Path) -> None:
    _run("ledger.mjs", serve(hostile_db), str(SCREENSHOTS / "hostile"))


def test_demo_ledger_shows_a_figure_contradiction(
    serve: Callable[[Path], str], demo_db: Path
) -> None:
    _run("ledger.mjs", serve(demo_db), str(SCREENSHOTS / "demo"))


def test_hostile_article_renders_inert(serve: Callable[[Path], str], hostile_db: Path) -> None:
    _run("xss.mjs", serve(hostile_db), str(SCREENSHOTS / "hostile"), "a3", "inc-odesa-0303")


def test_map_at_scale_clusters_and_keeps_its_state_in_the_url(
    serve: Callable[[Path], str], scale_db: Path
) -> None:
    types = "explosions_remote_violence,battles,violence_against_civilians"
    _run("map_scale.mjs", serve(scale_db), str(SCREENSHOTS / "scale"), "12000", types)
    assert (SCREENSHOTS / "scale" / "map-clustered.png").stat().st_size > 10_000


def test_pages_fit_a_phone(serve: Callable[[Path], str], hostile_db: Path) -> None:
    _run("mobile.mjs", serve(hostile_db), str(SCREENSHOTS / "mobile"), "inc-kharkiv-0302")


def test_api_docs_render_offline(serve: Callable[[Path], str], hostile_db: Path) -> None:
    _run("docs.mjs", serve(hostile_db), str(SCREENSHOTS / "hostile"))
