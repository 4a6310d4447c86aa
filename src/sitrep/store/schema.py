"""Versioned schema migrations.

``migrations/NNNN_name.sql`` is version NNNN, shared by both dialects; an
optional ``NNNN_name.<dialect>.sql`` beside it holds what only that dialect
needs (a version may have only that).  The ``schema_version`` table records what has been applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources

from sitrep.errors import SchemaVersionError, StoreError
from sitrep.store.backends import Backend, redact

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "current_version", "migrate"]

# Arbitrary constant: the PostgreSQL advisory lock that serialises migrators.
_PG_MIGRATION_LOCK = 7_346_107


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    shared: str
    by_dialect: dict[str, str]


def _load_migrations() -> tuple[Migration, ...]:
    folder = resources.files("sitrep.store") / "migrations"
    files = {
        f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".sql")
    }
    migrations = []
    for stem in sorted({n.split(".")[0] for n in files}):
        dialects = {
            n.split(".")[1]: text
            for n, text in files.items()
            if n.startswith(stem + ".") and n.count(".") == 2
        }
        shared = files.get(f"{stem}.sql", "")
        migrations.append(Migration(int(stem.split("_")[0]), stem, shared, dialects))
    return tuple(migrations)


MIGRATIONS = _load_migrations()
LATEST_VERSION = max(m.version for m in MIGRATIONS)


def current_version(db: Backend) -> int | None:
    """The schema version of ``db``, or ``None`` for a database sitrep never wrote."""
    if db.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    else:
        sql = "SELECT to_regclass('schema_version') AS name"
    if not any(row["name"] for row in db.query(sql)):
        return None
    rows = db.query("SELECT MAX(version) AS version FROM schema_version")
    return int(rows[0]["version"] or 0)


def _check_not_newer(db: Backend, version: int | None) -> None:
    if version is not None and version > LATEST_VERSION:
        raise SchemaVersionError(
            f"The database {redact(db.location)} has schema version {version}, made by a newer "
            f"sitrep; this one knows versions up to {LATEST_VERSION}. Upgrade sitrep "
            "(pip install -U sitrep), or pass --db to use another database."
        )


def migrate(db: Backend, up_to: int = LATEST_VERSION) -> int:
    """Bring ``db`` to version ``up_to`` (default latest); return the version it had (0 if new).

    A read-only backend is only checked.  Raises :class:`SchemaVersionError`
    for a database made by a newer sitrep.  ``up_to`` lets tests build an old schema.
    """
    version = current_version(db)
    _check_not_newer(db, version)
    if db.read_only:
        if version != LATEST_VERSION:
            raise StoreError(
                f"The database {redact(db.location)} has schema version {version or 0}, this "
                f"sitrep needs {LATEST_VERSION}. Run `sitrep ingest` on it once to upgrade it."
            )
        return version
    with db.transaction():
        if db.dialect == "postgresql":
            db.execute("SELECT pg_advisory_xact_lock(?)", (_PG_MIGRATION_LOCK,))
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
        )
        version = current_version(db) or 0  # another process may have migrated meanwhile
        _check_not_newer(db, version)
        for migration in MIGRATIONS:
            if version < migration.version <= up_to:
                _apply(db, migration)
    return version


def _apply(db: Backend, migration: Migration) -> None:
    if migration.shared:
        db.script(migration.shared)
    if db.dialect in migration.by_dialect:
        db.script(migration.by_dialect[db.dialect])
    applied = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO schema_version (version, applied) VALUES (?, ?)", (migration.version, applied)
    )
