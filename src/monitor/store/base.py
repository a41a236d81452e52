"""What every part of the store shares: the connection, time helpers, chunked IN queries.

In: nothing. Out: `StoreBase`, `utcnow`, `iso`, `parse_iso`. Times are stored as UTC ISO 8601.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table


def utcnow() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def iso(dt: datetime | None) -> str | None:
    """UTC ISO 8601 text for a datetime (naive ones are taken as UTC)."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    """The inverse of `iso`."""
    return datetime.fromisoformat(text) if text else None


class StoreBase:
    """The open database every store part works on."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    def table(self, name: str) -> Table:
        """The table `name` (typed as a Table: `db[name]` may also be a View)."""
        return self.db.table(name)

    def _in_chunks(self, sql: str, values: Iterable[Any], params: list[Any] | None = None) -> list[dict]:
        """Rows of `sql` (its `{marks}` filled for one chunk of `values`), chunk by chunk:
        SQLite caps the number of bound parameters."""
        items = list(values)
        rows: list[dict] = []
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            rows.extend(self.db.query(sql.format(marks=",".join("?" * len(chunk))), [*(params or []), *chunk]))
        return rows
