"""The `sitrep` command: a thin shell over the library.

Commands live in modules by concern and are registered here, explicitly.
"""

from __future__ import annotations

import typer

from sitrep.cli import extract_commands, store_commands, web_commands

__all__ = ["app", "main"]

app = typer.Typer(
    name="sitrep",
    help="Turn conflict news into a sourced record of incidents and figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

extract_commands.register(app)
store_commands.register(app)
web_commands.register(app)


def main() -> None:
    app()
