"""The ``--scheduler`` and ``--workers`` options of ``ingest`` and ``extract``, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["SchedulerOption", "WorkersOption"]

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run the per-article stages on this Dask scheduler (tcp://host:8786), "
        "or 'local' for a LocalCluster on this machine (default: the `scheduler` setting, "
        "else in this process).",
        show_default=False,
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Worker processes of the local cluster (implies --scheduler local; "
        "default: one per CPU).",
        show_default=False,
    ),
]
