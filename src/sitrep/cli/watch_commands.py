"""``sitrep watch``: follow sources, store what is new, raise alerts. A thin shell over sitrep.watch."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitrep.cli._output import DbOption, errors_to_exit

if TYPE_CHECKING:  # imported when the command runs: `sitrep --help` stays fast
    from sitrep.config import Settings
    from sitrep.watch import Cycle
    from sitrep.watch.alerts import AlertSink

__all__ = ["parse_interval", "register"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "": 1}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(text: str) -> float:
    """Seconds in ``10m``, ``30s``, ``1h``, ``1d`` or a bare number of seconds."""
    match = _INTERVAL.match(text.lower())
    if match is None or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is no interval. Give e.g. 30s, 10m, 1h.")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _settings(**overrides: Any) -> Settings:
    from sitrep.config import load_settings

    with errors_to_exit():
        return load_settings(**overrides)


def _sinks(webhook: list[str], command: list[str], to_stdout: bool) -> list[AlertSink]:
    from sitrep.watch import CommandSink, StreamSink, WebhookSink

    sinks: list[AlertSink] = [WebhookSink(url) for url in webhook]
    sinks += [CommandSink(c) for c in command]
    if to_stdout:
        sinks.append(StreamSink(sys.stdout))
    return sinks


def _report(cycle: Cycle, alerts_on_stdout: bool) -> None:
    """One line per cycle (stderr when stdout carries alerts), then its problems."""
    line = (
        f"{cycle.entries_new} new entries, {cycle.articles_new} new articles, "
        f"{len(cycle.alerts)} alerts"
    )
    if cycle.waiting:
        line += f", {cycle.waiting} entries to fetch again"
    typer.echo(line, err=alerts_on_stdout)
    for failure in cycle.failures:
        typer.echo(f"{failure.source}: {failure.reason}", err=True)
    for error in cycle.errors:
        typer.echo(error, err=True)


def watch(
    sources: Annotated[
        list[str],
        typer.Argument(help="RSS/Atom URLs or files, folders, or lists of article URLs."),
    ],
    db: DbOption = None,
    interval: Annotated[str, typer.Option(help="Time between polls: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    alert_killed: Annotated[
        int | None, typer.Option(help="Alert on a new incident with at least this many killed.")
    ] = 5,
    webhook: Annotated[
        list[str] | None, typer.Option(help="POST each alert as JSON to this URL.")
    ] = None,
    alert_command: Annotated[
        list[str] | None, typer.Option(help="Run this command per alert, JSON on its stdin.")
    ] = None,
    alerts_stdout: Annotated[
        bool,
        typer.Option("--alerts-stdout", help="Write alerts as JSON lines on stdout."),
    ] = False,
    follow_links: Annotated[
        bool,
        typer.Option(help="Fetch the full article of a feed entry that carries only a summary."),
    ] = True,
    timeout: Annotated[float, typer.Option(help="Seconds before a request times out.")] = 20.0,
) -> None:
    """Follow sources: poll them, store new articles, raise alerts. Ctrl+C stops it.

    What was seen is kept in the database, so a restarted watcher goes on where it
    stopped without duplicates. Alerts: a new incident with at least --alert-killed
    killed, a new contradiction, a source whose entries fell by more than half
    against its own recent days. They are listed at /whats-new in `sitrep serve`.

    Example: sitrep watch https://example.org/feed.xml articles/ --db sitrep.db --once
    """
    from sitrep.watch import HttpFetcher, WatchOptions, watch_once
    from sitrep.watch import watch as watch_loop

    seconds = parse_interval(interval)
    settings = _settings(db=db)
    options = WatchOptions(interval=seconds, alert_killed=alert_killed, follow_links=follow_links)
    sinks = _sinks(webhook or [], alert_command or [], alerts_stdout)
    fetcher = HttpFetcher(timeout=timeout)
    with errors_to_exit():
        if once:
            cycle = watch_once(sources, settings, fetcher, sinks, options)
            _report(cycle, alerts_stdout)
            raise typer.Exit(1 if cycle.errors or cycle.failures else 0)
        watch_loop(
            sources, settings, fetcher, sinks, options, on_cycle=lambda c: _report(c, alerts_stdout)
        )


def register(app: typer.Typer) -> None:
    """Add ``watch``."""
    app.command()(watch)
