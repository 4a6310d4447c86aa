"""``sitrep serve``, ``sitrep report`` and ``sitrep export``: thin shells over serve/report/export."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import typer

from sitrep.config import Settings, load_settings
from sitrep.errors import SitrepError
from sitrep.export import FORMATS, write_export
from sitrep.report import build_report, write_report
from sitrep.serve.run import serve_ui
from sitrep.store import IncidentFilter, open_store

__all__ = ["register"]

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL.")]


def _settings(**overrides: Any) -> Settings:
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
    """Write the daily situation report (Markdown + HTML with SVG charts).

    Example: sitrep report --date 2022-03-02 --days 7 --out reports/
    """
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
    db: DbOption = None,
    date_from: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    date_to: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    oblast: Annotated[str | None, typer.Option(help="Only this oblast (admin1 prefix).")] = None,
) -> None:
    """Export incidents as CSV, ACLED-style CSV, GeoJSON, JSON Lines or Parquet.

    Example: sitrep export --format acled --out incidents.csv
    """
    if format not in FORMATS:
        typer.echo(
            f"Error: unknown format {format!r}; choose one of {', '.join(FORMATS)}.", err=True
        )
        raise typer.Exit(2)
    if format == "parquet" and out is None:
        typer.echo("Error: Parquet is binary; pass --out FILE.parquet.", err=True)
        raise typer.Exit(2)
    filters = IncidentFilter(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        oblast=oblast,
    )
    settings = _settings(db=db)
    try:
        with open_store(settings, read_only=True) as store, _output(out) as handle:
            count = write_export(store, format, handle, filters)
    except SitrepError as e:
        raise _fail(e) from e
    if out is not None:
        typer.echo(f"wrote {count} incidents to {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``serve``, ``report`` and ``export`` to ``app``."""
    app.command()(serve)
    app.command()(report)
    app.command()(export)
