"""`sitrep extract` and `sitrep eval`: the command contract of DESIGN.md, no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.cli._cluster import SchedulerOption, WorkersOption
from sitrep.config import load_settings
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.config import Settings
    from sitrep.model import Article, Failure
    from sitrep.runs.extraction import ExtractResult

__all__ = ["register"]

_err = Console(stderr=True)


def _report_failures(failures: list) -> None:  # type: ignore[type-arg]
    for failure in failures:
        _err.print(
            f"[red]skipped[/red] {failure.source}: {failure.reason}", markup=True, highlight=False
        )


def extract(
    files: Annotated[
        list[str] | None, typer.Argument(help="Article files, folders or globs; '-' for stdin.")
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="Inputs are JSON Lines records {id, text, title?, published?, url?, outlet?}.",
        ),
    ] = False,
    encoding: Annotated[str | None, typer.Option(help="Force this text encoding.")] = None,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
) -> None:
    """Extract incidents and figures; print one JSON object per article, then one corpus object.

    With --scheduler the per-article stages run on a Dask cluster (docs/scale-out.md).

    Example: sitrep extract ../shared/seeds/*.txt
    """
    from sitrep.ingest import read_paths
    from sitrep.runs.extraction import records

    settings = load_settings(encoding=encoding, scheduler=scheduler)
    paths = files or ["-"]
    if jsonl:
        articles = [a for p in paths for a in _jsonl(p, settings)]
    else:
        articles = list(read_paths(paths, settings))
    result = _extract_on(articles, settings, workers)
    out = sys.stdout
    for record in records(result):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    _report_failures(result.failures)
    if result.failures:
        raise typer.Exit(1)


def _extract_on(
    articles: list[Article | Failure], settings: Settings, workers: int | None
) -> ExtractResult:
    """``extract_articles``, on the Dask cluster ``settings.scheduler`` names if any."""
    from sitrep.runs.cluster import running
    from sitrep.runs.extraction import extract_articles

    try:
        with running(settings.scheduler, workers) as runner:
            return extract_articles(articles, settings, runner)
    except SitrepError as e:
        _err.print(f"error: {e}", markup=False)
        raise typer.Exit(2) from e


def _jsonl(path: str, settings):  # type: ignore[no-untyped-def]
    from sitrep.ingest import read_jsonl

    if path == "-":
        return list(read_jsonl(sys.stdin.buffer, "-", settings))
    with open(path, "rb") as stream:
        return list(read_jsonl(stream, path, settings))


def evaluate(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file (see ../shared/gold/SCORING.md).")
    ],
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Article files; default: the gold's documents in ../seeds beside it."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object of scores.")
    ] = False,
) -> None:
    """Score extraction against a gold file and print the table.

    Example: sitrep eval --gold ../shared/gold/seeds.json ../shared/seeds/*.txt
    """
    from sitrep.ingest import read_paths
    from sitrep.runs.extraction import extract_articles, records
    from sitrep.scoring import score

    settings = load_settings()
    try:
        paths = files or _gold_files(gold)
        result = extract_articles(read_paths(paths, settings), settings)
        scores = score(gold, list(records(result)))
    except SitrepError as e:
        _err.print(f"error: {e}", markup=False)
        raise typer.Exit(2) from e
    if as_json:
        print(json.dumps(scores.values | {"details": scores.details}, ensure_ascii=False))
        return
    table = Table(title=f"sitrep eval — {gold.name}")
    table.add_column("score")
    table.add_column("value", justify="right")
    for name, value in scores.values.items():
        table.add_row(name, "—" if value is None else f"{value:.3f}")
    Console().print(table)
    for key, items in scores.details.items():
        if items:
            Console().print(f"{key}: {', '.join(map(str, items))}", markup=False)


def _gold_files(gold: Path) -> list[str]:
    docs = json.loads(gold.read_text(encoding="utf-8")).get("documents", [])
    return [str(gold.parent.parent / "seeds" / d["file"]) for d in docs]


def register(app: typer.Typer) -> None:
    """Add `extract` and `eval` to ``app``."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)
