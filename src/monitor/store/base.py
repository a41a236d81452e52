"""What every part of the store shares: the connection, time helpers, chunked IN queries.

In: nothing. Out: `StoreBase`, `utcnow`, `iso`, `parse_iso`. Times are stored as UTC ISO 8601.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlite_utils import Database


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

    def _in_chunks(self, sql: str, values: Iterable[Any], params: list[Any] | None = None) -> list[dict]:
        """Rows of `sql` (its `{marks}` filled for one chunk of `values`), chunk by chunk:
        SQLite caps the number of bound parameters."""
        values, rows = list(values), []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows.extend(self.db.query(sql.format(marks=",".join("?" * len(chunk))), [*(params or []), *chunk]))
        return rows
