"""The layer rule of docs/architecture.md: every import in src/sitrep is one its table allows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitrep"
DOC = ROOT / "docs" / "architecture.md"
FOUNDATION = frozenset({"errors", "model", "config", "bounds", "ids", "geo", "fields"})
NAME = re.compile(r"`([a-z_]+)`")


def _rules() -> dict[str, frozenset[str] | None]:
    """Package -> the packages it may import besides the foundation (None: anything)."""
    rules: dict[str, frozenset[str] | None] = {}
    table = DOC.read_text(encoding="utf-8").split("| package | may import", 1)[1]
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        packages, allowed = line.strip("|").split("|")
        names = NAME.findall(packages)
        if "anything" in allowed:
            may: frozenset[str] | None = None
        elif "only each other" in allowed:
            may = frozenset(names)
        else:
            may = frozenset(NAME.findall(allowed))
        for name in names:
            rules[name] = may
    return rules


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imports(source: str, module: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, sitrep package) of every sitrep import in ``source``, wherever it stands
    (``module`` is its dotted name, split, for relative imports)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = module[: len(module) - node.level]
                targets = [".".join([*base, *([node.module] if node.module else [])])]
            elif node.module:
                targets = [node.module]
        for target in targets:
            parts = target.split(".")
            if parts[0] == "sitrep" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


def _crossings(own: str, source: str, module: tuple[str, ...]) -> list[tuple[int, str]]:
    """The imports of ``source`` (a module of package ``own``) that the table forbids."""
    may = _rules()[own]
    if may is None:
        return []
    allowed = may | FOUNDATION | {own}
    return sorted((line, t) for line, t in _imports(source, module) if t not in allowed)


def _violations() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == PACKAGE and path.name == "__init__.py":
            continue
        own = path.relative_to(PACKAGE).with_suffix("").parts[0]
        module = path.relative_to(PACKAGE.parent).with_suffix("").parts
        for line, target in _crossings(own, path.read_text(encoding="utf-8"), module):
            bad.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {target}")
    return bad


def _packages() -> set[str]:
    names = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    names |= {p.stem for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    return names


def test_every_package_has_a_row() -> None:
    missing = sorted(_packages() - set(_rules()))
    assert not missing, f"add a row for {missing} to the table in docs/architecture.md"


def test_no_import_crosses_the_layers() -> None:
    assert _violations() == []


def test_the_rule_is_the_one_the_issue_asks_for() -> None:
    """store imports nothing of the pipeline, ingest, resolve, serve, report or the
    orchestration; report and serve not each other; extract not resolve or store."""
    rules = _rules()
    forbidden = {
        "store": {"pipeline", "ingest", "resolve", "serve", "report", "runs"},
        "report": {"serve"},
        "serve": {"report"},
        "extract": {"resolve", "store"},
    }
    for package, names in forbidden.items():
        may = rules[package]
        assert may is not None and not names & (may | FOUNDATION), package


def test_the_check_catches_forbidden_imports() -> None:
    """Absolute, relative, lazy and TYPE_CHECKING imports are all seen (not vacuous)."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from sitrep.model import Article\n"
        "from sitrep.store.base import Store\n"
        "from sitrep.pipeline import process_all\n"
        "if TYPE_CHECKING:\n"
        "    import sitrep.serve.app\n"
        "def f():\n"
        "    from ..resolve import resolve\n"
        "    from . import sql\n"
    )
    crossings = _crossings("store", source, ("sitrep", "store", "sample"))
    assert crossings == [(4, "pipeline"), (6, "serve"), (8, "resolve")]
