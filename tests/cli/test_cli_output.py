"""What an analyst sees at the terminal: whole ids, capped-output notes, progress, Ctrl+C, speed."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from sitrep.cli import INTERRUPTED, app
from sitrep.cli._inputs import estimate_inputs
from sitrep.cli._output import progress
from sitrep.config import Settings
from sitrep.serve.fake import write_demo
from sitrep.store import open_store

narrow = CliRunner(env={"COLUMNS": "80", "SITREP_DB": None})


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    return path


def test_ids_are_whole_at_80_columns(demo_db: Path) -> None:
    result = narrow.invoke(app, ["incidents", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    with open_store(Settings(db=str(demo_db)), read_only=True) as store:
        ids = [i.id for i in store.list_incidents()]
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for incident_id in ids:
        assert any(line.split()[:1] == [incident_id] for line in lines), incident_id


@pytest.mark.parametrize("flag", [[], ["--csv"], ["--json"]])
def test_capped_output_says_how_many_matched(demo_db: Path, flag: list[str]) -> None:
    result = narrow.invoke(app, ["incidents", "--db", str(demo_db), "--limit", "2", *flag])
    assert result.exit_code == 0, result.output
    assert result.stderr == "2 of 3 shown (use --limit and --offset for more).\n"
    if flag == ["--json"]:
        assert len(json.loads(result.stdout)) == 2  # stdout stays pure JSON


def test_no_note_when_everything_is_shown(demo_db: Path) -> None:
    result = narrow.invoke(app, ["incidents", "--db", str(demo_db), "--csv"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_figures_take_the_same_filters_and_note(demo_db: Path) -> None:
    every = narrow.invoke(app, ["figures", "--db", str(demo_db), "--json"])
    figures = json.loads(every.stdout)
    assert len(figures) >= 2
    capped = narrow.invoke(app, ["figures", "--db", str(demo_db), "--json", "--limit", "1"])
    assert capped.stderr == f"1 of {len(figures)} shown (use --limit and --offset for more).\n"
    day = figures[0]["as_of"]
    dated = narrow.invoke(
        app, ["figures", "--db", str(demo_db), "--json", "--from", day, "--to", day]
    )
    assert {f["as_of"] for f in json.loads(dated.stdout)} == {day}


SHARED = ("--from", "--to", "--oblast", "--search")


@pytest.mark.parametrize("command", ["incidents", "export", "figures"])
def test_one_set_of_filter_flags(command: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [command, "--help"])
    assert result.exit_code == 0
    for flag in SHARED:
        assert flag in result.stdout, (command, flag)
    if command != "figures":
        for flag in ("--type", "--min-killed", "--bbox"):
            assert flag in result.stdout, (command, flag)


def test_export_takes_the_incident_filters(demo_db: Path) -> None:
    result = narrow.invoke(
        app, ["export", "--db", str(demo_db), "--type", "air_drone_strike", "--min-killed", "0"]
    )
    assert result.exit_code == 0, result.output
    listed = narrow.invoke(
        app, ["incidents", "--db", str(demo_db), "--csv", "--type", "air_drone_strike"]
    )
    ids = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert ids == [line.split(",")[0] for line in listed.stdout.splitlines()[1:]]


def test_contradictions_command(demo_db: Path) -> None:
    result = narrow.invoke(app, ["contradictions", "--db", str(demo_db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["differs"] for r in rows)


def test_progress_shows_total_rate_and_eta() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with progress("Ingesting", total=3, console=console) as advance:
        for name in ("a.txt", "b.txt", "c.txt"):
            time.sleep(0.02)
            advance(name)
    text = out.getvalue()
    assert "3/3" in text
    assert "/s" in text and "eta" in text


def test_progress_total_grows_past_the_estimate() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with progress("Ingesting", total=1, console=console) as advance:
        advance("feed.xml")
        advance("feed.xml")
    assert "2/2" in out.getvalue()


def test_ingest_total_is_estimated_from_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y")
    (tmp_path / ".hidden").write_text("z")
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": 1}\n{"id": 2}\n\n{"id": 3}\n')
    assert estimate_inputs([str(tmp_path / "*.txt"), str(tmp_path / "sub")]) == 2
    assert estimate_inputs([str(dump)]) == 3
    assert estimate_inputs(["-"]) is None


def test_ctrl_c_prints_one_clean_line(tmp_path: Path) -> None:
    script = (
        "import time, sitrep.cli as c\nc.app.command('wait')(lambda: time.sleep(30))\nc.main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "wait"],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "SITREP_DB": str(tmp_path / "x.db")},
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert err.strip() == INTERRUPTED
    assert "Traceback" not in err


HEAVY = (
    "fastapi",
    "pyarrow",
    "spacy",
    "matplotlib",
    "pandas",
    "sitrep.runs.extraction",
    "datasketch",
)


def test_help_imports_no_heavy_module() -> None:
    """``sitrep --help`` stays fast (0.3 s measured) because commands import the library lazily."""
    code = (
        "import sys, sitrep.cli\n"
        "print(','.join(m for m in " + repr(HEAVY) + " if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_cli_formats_match_the_export_formats() -> None:
    from sitrep.cli.web_commands import FORMATS as CLI_FORMATS
    from sitrep.export import FORMATS

    assert CLI_FORMATS == FORMATS
