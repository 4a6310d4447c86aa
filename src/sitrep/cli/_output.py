"""What every command shares: the output options, the ``--db`` option, progress and errors.

Output options are defined once here (``JsonOption``, ``CsvOption``) and a
command turns them into a :class:`Format` with :func:`output_format`; then
:func:`emit_rows` or :func:`emit_record` prints a table (default), JSON or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.model import Number

__all__ = [
    "CsvOption",
    "DbOption",
    "Format",
    "JsonOption",
    "describe_number",
    "emit_record",
    "emit_rows",
    "errors_to_exit",
    "note_shown",
    "output_format",
    "progress",
    "stdout",
]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file or a postgresql:// URL. [default: setting `db`, sitrep.db]",
        show_default=False,
    ),
]


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def output_format(as_json: bool, as_csv: bool) -> Format:
    """The format chosen by ``--json`` / ``--csv`` (table when neither)."""
    if as_json and as_csv:
        raise typer.BadParameter("Choose one of --json and --csv.")
    return Format.JSON if as_json else Format.CSV if as_csv else Format.TABLE


def stdout() -> Console:
    """A console on the current stdout; no colour or wrapping surprises when piped."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def emit_rows(rows: Sequence[Mapping[str, Any]], fmt: Format, columns: Sequence[str]) -> None:
    """Print ``rows``: ``columns`` of each as a table, or whole rows as JSON / CSV."""
    if fmt is Format.JSON:
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
    elif fmt is Format.CSV:
        fields = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for column in columns:
            # An id is copied into the next command: never cut or wrapped, whatever the width.
            whole = column == "id" or column.endswith("_id")
            width = max((len(_cell(r.get(column))) for r in rows), default=0) if whole else None
            table.add_column(column, no_wrap=whole, min_width=width)
        for row in rows:
            table.add_row(*(Text(_cell(row.get(c))) for c in columns))  # Text: never markup
        stdout().print(table)


def emit_record(record: Mapping[str, Any], fmt: Format) -> None:
    """Print one record: ``name  value`` lines, a JSON object, or a one-row CSV."""
    if fmt is Format.JSON:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
    elif fmt is Format.CSV:
        emit_rows([record], fmt, list(record))
    else:
        width = max(len(k) for k in record)
        for key, value in record.items():
            typer.echo(f"{key.ljust(width)}  {_cell(value)}")


_WORDS = {
    "at_least": "at least",
    "more_than": "more than",
    "nearly": "nearly",
    "about": "about",
    "up_to": "up to",
}


def describe_number(number: Number | None) -> str:
    """``at least 25``, ``14``, ``dozens``; ``""`` for unknown."""
    if number is None:
        return ""
    if number.value is None:
        return number.qualifier.replace("_", " ")
    word = _WORDS.get(number.qualifier)
    return f"{word} {number.value}" if word else str(number.value)


def note_shown(shown: int, total: int, offset: int = 0) -> None:
    """Say on stderr when the output stops before the last match: ``50 of 1,684 shown``."""
    if offset + shown >= total:
        return
    first = f"{offset + 1:,}-{offset + shown:,}" if offset else f"{shown:,}"
    typer.echo(f"{first} of {total:,} shown (use --limit and --offset for more).", err=True)


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a :class:`SitrepError` into its message on stderr and exit code 2."""
    try:
        yield
    except SitrepError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from e


class RateColumn(ProgressColumn):
    """Items per second (``12.5/s``), blank until the first is done."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s")


@contextmanager
def progress(
    description: str, total: int | None = None, console: Console | None = None
) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr when it is a terminal; yields ``advance(name)``.

    With ``total`` (an estimate: inputs can hold more than one article) it
    shows done/total, the rate and the time left; a run past the estimate
    raises the total instead of overflowing.
    """
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield lambda name: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[name]}", markup=False),  # file names are not markup
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total, name="")

        def advance(name: str) -> None:
            done = bar.tasks[0].completed + 1
            if total is not None and done > (bar.tasks[0].total or 0):
                bar.update(task, total=done)
            bar.update(task, advance=1, name=name[-50:])

        yield advance
