"""Every setting is read somewhere in the package and documented (``SETTINGS_DOC``, README)."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from sitrep.config import SETTINGS_DOC, Settings

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitrep"
NAMES = [f.name for f in fields(Settings)]


def _settings_reads() -> set[str]:
    """Attributes read off a value named ``settings`` (``settings.db``, ``self.settings.port``)."""
    read: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "config.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                owner = node.value
                name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if name == "settings":
                    read.add(node.attr)
    return read


def test_settings_doc_names_exactly_the_fields() -> None:
    assert sorted(SETTINGS_DOC) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_is_read(name: str) -> None:
    assert name in _settings_reads(), f"Settings.{name} is read nowhere in src/sitrep"


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_is_in_the_readme(name: str) -> None:
    rows = [
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `SITREP_{name.upper()}` |")
    ]
    assert len(rows) == 1, f"README's settings table has no row for SITREP_{name.upper()}"
    assert SETTINGS_DOC[name] in rows[0]
