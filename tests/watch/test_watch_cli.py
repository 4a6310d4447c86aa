"""`sitrep watch`'s options: intervals, help."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cli.watch_commands import parse_interval


@pytest.mark.parametrize(
    ("text", "seconds"), [("10m", 600), ("30s", 30), ("1h", 3600), ("1d", 86_400), ("90", 90)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "ten minutes", "-5m", "5w"])
def test_a_bad_interval_says_what_to_give(text: str) -> None:
    with pytest.raises(typer.BadParameter, match=r"Give e\.g\. 30s, 10m, 1h"):
        parse_interval(text)


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(app, ["watch", "--help"])
    assert result.exit_code == 0 and "Example: sitrep watch" in result.stdout
