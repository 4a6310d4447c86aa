"""``sitrep show OLD`` for an incident merged into another shows the survivor and says so."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.serve.fake import write_demo
from sitrep.store import open_store

runner = CliRunner(env={"COLUMNS": "200", "SITREP_DB": None})


def _merged(path: Path) -> tuple[str, str]:
    """The demo store with its first two incidents made one: (survivor, absorbed)."""
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
        corpus = store.load_corpus()
        first, second, *rest = corpus.incidents
        one = dataclasses.replace(first, id="incident-new", reports=first.reports + second.reports)
        store.replace_resolution(dataclasses.replace(corpus, incidents=(one, *rest)))
        (survivor,) = {first.id, second.id} & {i.id for i in store.list_incidents()}
    return survivor, ({first.id, second.id} - {survivor}).pop()


def test_show_follows_a_redirect_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "merged.db"
    survivor, absorbed = _merged(db)
    result = runner.invoke(app, ["show", absorbed, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Note: incident {absorbed} was merged into {survivor}; showing it.\n"
    assert result.stdout.startswith(f"{survivor}  ")
    as_json = runner.invoke(app, ["show", absorbed, "--db", str(db), "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["id"] == survivor
    direct = runner.invoke(app, ["show", survivor, "--db", str(db)])
    assert (direct.exit_code, direct.stderr, direct.stdout) == (0, "", result.stdout)
