"""``sitrep serve``, ``sitrep report`` and ``sitrep export``: thin shells over serve/report/export."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO

import typer

from sitrep.cli._filters import (
    BboxOption,
    FromOption,
    MinKilledOption,
    OblastOption,
    SearchOption,
    ToOption,
    TypeOption,
    incident_filter,
)
from sitrep.errors import SitrepError

if TYPE_CHECKING:  # imported when a command runs, so that `sitrep --help` stays fast
    from sitrep.config import Settings
    from sitrep.model import Incident

#: The export formats (as sitrep.export.FORMATS, which a test keeps equal) without importing it.
FORMATS = ("csv", "acled", "geojson", "jsonl", "parquet")

__all__ = ["register"]

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL.")]


def _settings(**overrides: Any) -> Settings:
    from sitrep.config import load_settings

    try:
        return load_settings(**overrides)
    except SitrepError as e:
        raise _fail(e) from e


def _fail(error: SitrepError) -> typer.Exit:
    typer.echo(f"Error: {error}", err=True)
    return typer.Exit(1)


def serve(
    db: DbOption = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    tile_url: Annotated[
        str | None, typer.Option(help="Map tile URL template (default: none).")
    ] = None,
    writable: Annotated[
        bool, typer.Option("--writable", help="Open the database read-write.")
    ] = False,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /openapi.json), read-only by default.

    Example: sitrep serve --db sitrep.db --port 8765
    """
    from sitrep.serve.run import serve_ui

    settings = _settings(db=db, host=host, port=port, tile_url=tile_url, read_only=not writable)
    try:
        serve_ui(settings, open_message=True)
    except SitrepError as e:
        raise _fail(e) from e


def report(
    date: Annotated[
        dt.datetime, typer.Option("--date", formats=["%Y-%m-%d"], help="Last day covered.")
    ],
    days: Annotated[int, typer.Option(min=1, help="Days covered, ending on --date.")] = 1,
    out: Annotated[
        Path, typer.Option(help="Directory for report.md, report.html and charts.")
    ] = Path("report"),
    db: DbOption = None,
) -> None:
    """Write the daily situation report: Markdown, and one self-contained HTML file (SVG inline).

    Example: sitrep report --date 2022-03-02 --days 7 --out reports/
    """
    from sitrep.report import build_report, write_report
    from sitrep.store import open_store

    settings = _settings(db=db)
    try:
        with open_store(settings, read_only=True) as store:
            written = write_report(build_report(store, date.date(), days), out)
    except SitrepError as e:
        raise _fail(e) from e
    for path in written:
        typer.echo(str(path))


@contextmanager
def _output(path: Path | None) -> Iterator[BinaryIO]:
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with path.open("wb") as handle:
        yield handle


def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "csv",
    out: Annotated[Path | None, typer.Option(help="Output file (default: stdout).")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    oblast: OblastOption = None,
    event_type: TypeOption = None,
    min_killed: MinKilledOption = None,
    search: SearchOption = None,
    bbox: BboxOption = None,
    db: DbOption = None,
) -> None:
    """Export every matching incident as CSV, ACLED-style CSV, GeoJSON, JSON Lines or Parquet.

    Columns are described in docs/data-dictionary.md.  ACLED rows need a full
    date: incidents without one are left out and counted on stderr.

    Example: sitrep export --format acled --from 2024-01-01 --oblast kharkiv --out kharkiv.csv
    """
    from sitrep.export import write_export
    from sitrep.store import open_store

    if format not in FORMATS:
        typer.echo(
            f"Error: unknown format {format!r}; choose one of {', '.join(FORMATS)}.", err=True
        )
        raise typer.Exit(2)
    if format == "parquet" and out is None:
        typer.echo("Error: Parquet is binary; pass --out FILE.parquet.", err=True)
        raise typer.Exit(2)
    filters = incident_filter(
        date_from, date_to, oblast, search, event_type, min_killed, bbox, limit=None
    )
    skipped: list[Incident] = []
    settings = _settings(db=db)
    try:
        with open_store(settings, read_only=True) as store, _output(out) as handle:
            count = write_export(
                store, format, handle, filters, on_skip=lambda i, _: skipped.append(i)
            )
    except SitrepError as e:
        raise _fail(e) from e
    if skipped:
        shown = ", ".join(i.id for i in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        typer.echo(
            f"{len(skipped):,} incidents without a full date are not in the ACLED export "
            f"({shown}); `--format csv` has them, with the date as stated.",
            err=True,
        )
    if out is not None:
        typer.echo(f"wrote {count} incidents to {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``serve``, ``report`` and ``export`` to ``app``."""
    app.command()(serve)
    app.command()(report)
    app.command()(export)
