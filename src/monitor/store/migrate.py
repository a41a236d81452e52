"""The migration set, known by name without importing sqlite-utils.

In: migration functions registered with `@migrations()` (in `schema.py`), an open sqlite3
connection. Out: the names applied and pending, read with plain SQL from sqlite-utils'
`_sqlite_migrations` table; `apply`, `applied`, `pending` and the rest are sqlite-utils'
`Migrations`, built on first use. Opening an up-to-date database therefore never imports
sqlite-utils (its plugin loading and numpy cost ~0.1 s of start-up). Never edits a migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Migrations

TABLE = "_sqlite_migrations"  # sqlite-utils' own bookkeeping table (Migrations.migrations_table)


class LazyMigrations:
    """`Migrations(name)` whose registrations are kept until sqlite-utils is really needed."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._registered: list[tuple[Callable[..., None], dict[str, Any]]] = []
        self._real: Migrations | None = None

    def __call__(self, **options: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
        """Register a migration function, as `Migrations.__call__` does (same options)."""
        def inner(func: Callable[..., None]) -> Callable[..., None]:
            self._registered.append((func, options))
            self._real = None
            return func

        return inner

    @property
    def names(self) -> list[str]:
        """Every migration's name, in order."""
        return [options.get("name") or func.__name__ for func, options in self._registered]

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """Names of the migrations this database has applied, oldest first (plain SQL)."""
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]).fetchone() is None:
            return []
        return [r[0] for r in conn.execute(f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid",
                                           [self.name])]

    def pending_names(self, conn: sqlite3.Connection, applied: list[str] | None = None) -> list[str]:
        """Names of the migrations this database has not applied yet (plain SQL; `applied`: its
        `applied_names`, when read already)."""
        done = set(self.applied_names(conn) if applied is None else applied)
        return [n for n in self.names if n not in done]

    def real(self) -> Migrations:
        """sqlite-utils' Migrations with every registered function (imports sqlite-utils)."""
        if self._real is None:
            from sqlite_utils import Migrations

            real = Migrations(self.name)
            for func, options in self._registered:
                real(**options)(func)
            self._real = real
        return self._real

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(self.real(), attr)
