"""``sitrep ingest / incidents / figures / show / demo``: exit codes and exact output."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.model import (
    Article,
    Claimant,
    Corpus,
    Document,
    Evidence,
    Figure,
    Incident,
    Number,
    PartialDate,
    Place,
    Report,
    Sentence,
)
from sitrep.store import LATEST_VERSION, open_store

runner = CliRunner(env={"COLUMNS": "200", "SITREP_DB": None})

TEXT = (
    "Shelling hits Lyptsi\n"
    "Russian shelling of Lyptsi on Monday killed 2 people and injured 5 [bold]volunteers[/bold], the governor said.\n"
    "The UN mission said it had verified 187 civilian deaths in the region.\n"
)
LYPTSI = Place("Lyptsi", 50.2073, 36.4173, "Kharkiv Oblast", "settlement")


def _evidence(needle: str, sentence: int) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(TEXT.count("\n", 0, start) + 1, start, start + len(needle), needle, sentence)


def _build(db: Path) -> None:
    article = Article(
        "art1", TEXT, "lyptsi.txt", "Shelling hits Lyptsi", dt.date(2024, 6, 10), "stated",
        "https://www.example-news.test/lyptsi", "Example News", body_start=21,
    )  # fmt: skip
    report = Report(
        "art1", PartialDate(2024, 6, 10), LYPTSI, "explosions_remote_violence",
        "shelling_artillery_missile_attack", (_evidence("killed 2 people and injured 5 [bold]volunteers[/bold]", 1),),
        "casualties.v1", killed=Number.exact(2), injured=Number(5, "at_least", 5, None),
        claimant=Claimant("governor"),
    )  # fmt: skip
    figure = Figure(
        "art1", "civilians_killed", "Kharkiv Oblast", Number.exact(187),
        (_evidence("verified 187 civilian deaths", 2),), "figures.v1", claimant=Claimant("UN HRMMU"),
        as_of=PartialDate(2024, 6, 10),
    )  # fmt: skip
    lines = TEXT.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(3)]
    sentences = tuple(
        Sentence(i, starts[i], starts[i] + len(lines[i]), lines[i], i + 1, i) for i in range(3)
    )
    incident = Incident(
        "inc-lyptsi", PartialDate(2024, 6, 10), LYPTSI, "explosions_remote_violence",
        "shelling_artillery_missile_attack", (report,), killed=Number.exact(2),
        injured=Number(5, "at_least", 5, None), killed_range=(2, 2), injured_range=(5, 5),
    )  # fmt: skip
    with open_store(Settings(db=str(db))) as store:
        store.write_document(Document(article, sentences, (), (report,), (figure,)), None)
        store.replace_resolution(Corpus(incidents=(incident,)))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    _build(path)
    return path


def test_incidents_table(db: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "",
        " id           date         place    admin1           sub_event_type                      killed   injured      reports",
        " " + "─" * 117,
        " inc-lyptsi   2024-06-10   Lyptsi   Kharkiv Oblast   shelling_artillery_missile_attack   2        at least 5   1",
        "",
    ]


def test_incidents_filters_and_formats(db: Path) -> None:
    empty = runner.invoke(app, ["incidents", "--db", str(db), "--oblast", "sumy", "--json"])
    assert (empty.exit_code, empty.stdout) == (0, "[]\n")
    found = runner.invoke(app, ["incidents", "--db", str(db), "-q", "volunteers", "--json"])
    assert [i["id"] for i in json.loads(found.stdout)] == ["inc-lyptsi"]
    assert json.loads(found.stdout)[0]["outlets"] == ["Example News"]
    as_csv = runner.invoke(app, ["incidents", "--db", str(db), "--csv", "--min-killed", "2"])
    header, row = as_csv.stdout.splitlines()
    assert header.startswith("id,date,date_as_stated,year_known,place,admin1,")
    assert header.endswith(",outlets,claimants,article_ids,urls,evidence,updated")
    assert row.endswith(
        ",https://www.example-news.test/lyptsi,"
        + "killed 2 people and injured 5 [bold]volunteers[/bold],2024-06-10"
    )
    assert row.startswith("inc-lyptsi,2024-06-10,2024-06-10,yes,Lyptsi,Kharkiv Oblast,")


def test_json_and_csv_together_is_a_usage_error(db: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", str(db), "--json", "--csv"])
    assert result.exit_code == 2
    assert "Choose one of --json and --csv." in result.stderr


def test_bad_bbox_is_a_usage_error(db: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", str(db), "--bbox", "1,2,3"])
    assert result.exit_code == 2
    assert "west,south,east,north" in result.stderr


def test_figures_table(db: Path) -> None:
    result = runner.invoke(app, ["figures", "--db", str(db), "--metric", "civilians_killed"])
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "",
        " metric             scope            value   claimant   as_of        outlet",
        " " + "─" * 80,
        " civilians_killed   Kharkiv Oblast   187     UN HRMMU   2024-06-10   Example News",
        "",
    ]


def test_show_highlights_evidence_and_escapes_markup(db: Path) -> None:
    result = runner.invoke(app, ["show", "inc-lyptsi", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "inc-lyptsi  2024-06-10  Lyptsi, Kharkiv Oblast\n"
        "explosions_remote_violence / shelling_artillery_missile_attack\n"
        "killed 2, injured at least 5\n"
        "\n"
        "Report 1 Example News, 2024-06-10: Shelling hits Lyptsi\n"
        "  killed 2; injured at least 5; according to governor\n"
        "  line 2: Russian shelling of Lyptsi on Monday killed 2 people and injured 5 [bold]volunteers[/bold], "
        "the governor said.\n"
    )


def test_show_unknown_incident(db: Path) -> None:
    result = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == "Error: no incident 'nope'. List them with `sitrep incidents`.\n"


def test_a_database_from_a_newer_sitrep(db: Path) -> None:
    with open_store(Settings(db=str(db))) as store:
        store.db.execute("INSERT INTO schema_version VALUES (?, ?)", [LATEST_VERSION + 1, "x"])
    result = runner.invoke(app, ["incidents", "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: The database {db} has schema version {LATEST_VERSION + 1}"
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Drone strike on Nikopol\n\nA drone struck a bus in Nikopol on Sunday, injuring 3 people, the mayor said.\n"
    )
    (folder / "b.txt").write_text(
        "Shelling of Kupiansk\n\nRussian forces shelled Kupiansk on Monday, killing 1 person, the governor said.\n"
    )
    (folder / "junk.txt").write_bytes(os.urandom(2048))
    return folder


def test_ingest_a_folder_with_a_bad_file(tmp_path: Path) -> None:
    pytest.importorskip("sitrep.pipeline", reason="the pipeline stages are not importable yet")
    db = tmp_path / "run.db"
    result = runner.invoke(app, ["ingest", str(_folder(tmp_path)), "--db", str(db)])
    assert result.exit_code == 1, result.output
    failure_line, undated_line = result.stderr.splitlines()
    assert failure_line.startswith(f"{tmp_path / 'in' / 'junk.txt'}: ")
    assert undated_line.startswith("2 of 2 new articles have no known publication date")
    with open_store(Settings(db=str(db)), read_only=True) as store:
        counts = store.counts()
    assert (counts["articles"], counts["failures"]) == (2, 1)
    assert result.stdout == (
        "articles new       2\n"
        "articles skipped   0\n"
        "articles resolved  2\n"
        "articles undated   2\n"
        "failures           1\n"
        f"incidents          {counts['incidents']}\n"
        f"figures            {counts['figures']}\n"
    )
    again = runner.invoke(
        app, ["ingest", str(tmp_path / "in" / "a.txt"), "--db", str(db), "--json"]
    )
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert (summary["articles new"], summary["articles skipped"], summary["failures"]) == (0, 1, [])
    assert summary["articles resolved"] == 0  # nothing new to resolve


def test_every_command_help_ends_with_an_example() -> None:
    for command in ("ingest", "incidents", "figures", "show", "demo"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert f"Example: sitrep {command}" in result.stdout, command


def test_demo_builds_a_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    with open_store(Settings(db=str(db)), read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] >= 20 and counts["failures"] == 0
    assert result.stdout == (
        f"Demo database {db}: {counts['articles']} articles added (0 already there), "
        f"{counts['incidents']} incidents, {counts['figures']} figures.\n"
        f"Try: sitrep incidents --db {db}\n"
    )
