"""The `sitrep` command: a thin shell over the library.

Commands live in modules by concern and are registered here, explicitly.
"""

from __future__ import annotations

import signal
import sys

import typer

from sitrep.cli import extract_commands, store_commands, watch_commands, web_commands

__all__ = ["INTERRUPTED", "Interrupted", "app", "main"]

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
watch_commands.register(app)


INTERRUPTED = "Interrupted. What was written so far is kept; run the same command again to go on."


class Interrupted(BaseException):
    """Ctrl+C, raised in place of ``KeyboardInterrupt`` so that click does not turn it
    into a bare "Aborted!"; cleanup (``finally``, a run marked interrupted) still runs."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def main() -> None:
    """Run the command line; Ctrl+C ends it with one line on stderr and exit code 130."""
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except Interrupted:
        sys.stderr.write(f"\n{INTERRUPTED}\n")
        raise SystemExit(130) from None
