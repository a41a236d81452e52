"""What every part of the store shares: the connection, transactions, time helpers, chunked IN queries.

In: nothing. Out: `StoreBase`, `utcnow`, `iso`, `parse_iso`, `crash_point`, `AlreadyStored`,
`storage_error`, `seal`. Times are stored as
UTC ISO 8601. Every write transaction begins IMMEDIATE, so a second process waits for the
write lock (busy_timeout) instead of failing with "database is locked" on a lock upgrade.
Reads go through the plain sqlite3 connection (`conn`, `query`); sqlite-utils (`db`, for the
writers and migrations) is imported on first use: its import (plugin loading, numpy) cost
~0.1 s of every `monitor search`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

# Tests name a commit point here to have the process killed there (SIGKILL, as `kill -9`); `point@3`
# at its third passing (a digest's third message).
_CRASH_AT, _, _CRASH_NTH = (os.environ.get("MONITOR_TEST_CRASH_AT") or "").partition("@")
_passed: dict[str, int] = {}


class AlreadyStored(Exception):
    """An article with this canonical URL is in the store (another process stored it first)."""


def crash_point(name: str) -> None:
    """Die at once when the test-only MONITOR_TEST_CRASH_AT names this point (at this passing)."""
    if name == _CRASH_AT:
        _passed[name] = _passed.get(name, 0) + 1
        if _passed[name] >= int(_CRASH_NTH or 1):
            # MONITOR_TEST_CRASH_SIGNAL=TERM: a SIGTERM there instead (the process's handler runs)
            os.kill(os.getpid(), getattr(signal, "SIG" + (os.environ.get("MONITOR_TEST_CRASH_SIGNAL") or "KILL")))


# What the user can do about a database that cannot be written, by SQLite's primary result code.
_STORAGE_HINTS = {
    sqlite3.SQLITE_FULL: "free space on the disk that holds it",
    sqlite3.SQLITE_IOERR: "check the disk that holds it: free space, quota, file size limit, permissions",
    sqlite3.SQLITE_READONLY: "make the file and its directory writable",
    sqlite3.SQLITE_CORRUPT: "the file is damaged: restore it from a backup",
    sqlite3.SQLITE_NOTADB: "the file is not a monitor database: check --db",
    sqlite3.SQLITE_CANTOPEN: "check the path and its permissions",
}


def storage_error(exc: BaseException, path: Path | str | None) -> StoreError | None:
    """A one-line StoreError for a database the disk (or the file) let down; None for
    anything else (a busy lock, a bug), which stays what it was."""
    code = getattr(exc, "sqlite_errorcode", None)
    hint = _STORAGE_HINTS.get(code & 0xFF) if isinstance(code, int) else None
    if hint is None:
        return None
    where = f" {path}" if path else ""
    return StoreError(f"database{where}: {exc}", hint=hint)


def seal(conn: sqlite3.Connection, checkpoint: bool = True) -> None:
    """`conn` writes nothing more; with `checkpoint`, its write-ahead log emptied into its file first
    (`StoreBase.seal`). Whatever SQLite refuses here is left as it is: the caller is stopping."""
    with contextlib.suppress(sqlite3.Error):
        if checkpoint:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA query_only = 1")


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

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """sqlite-utils over the same connection, made on first use (writers and migrations)."""
        if self._db is None:
            from .database import ImmediateDatabase

            self._db = ImmediateDatabase(self.conn)
        return self._db

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a read as dicts (what sqlite-utils' `db.query` gives, without importing it)."""
        cursor = self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def table(self, name: str) -> Table:
        """The table `name` (typed as a Table: `db[name]` may also be a View)."""
        return self.db.table(name)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """A write transaction of many small savepoints (one per article), whose undo records
        are kept in memory. SQLite spills a savepoint's record of the pages it changed to a
        temporary file once past 64 KiB, and one article's savepoint changes ~40 pages (its band
        rows land on as many leaves of `lsh`): two pwrite calls per page, ~76 per polled
        article. In memory they cost at most one savepoint's pages. Only for the transaction:
        a migration's temporary tables stay on disk."""
        if self.conn.in_transaction:
            with self.transaction():
                yield
            return
        before = self.conn.execute("PRAGMA temp_store").fetchone()[0]
        self.conn.execute("PRAGMA temp_store = MEMORY")  # read by SQLite when the transaction begins
        try:
            with self.transaction():
                yield
        finally:
            self.conn.execute(f"PRAGMA temp_store = {int(before)}")

    @contextlib.contextmanager
    def transaction(self, mode: str = "IMMEDIATE") -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE, or EXCLUSIVE); nested, a savepoint."""
        if self.conn.in_transaction:
            with self.savepoint():
                yield
            return
        self.conn.execute(f"BEGIN {mode}")
        try:
            yield
            self.conn.commit()
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):  # a failing disk may refuse the rollback too
                if self.conn.in_transaction:
                    self.conn.rollback()
            if (err := storage_error(exc, self.path)) is not None:
                raise err from exc  # all of the transaction is undone: nothing half-written
            raise

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Join the caller's transaction, or run in one of its own."""
        if self.conn.in_transaction:
            yield
            return
        with self.transaction():
            yield

    @contextlib.contextmanager
    def savepoint(self, name: str = "item") -> Iterator[None]:
        """All or nothing inside a transaction: rolled back to its start on an exception."""
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def seal(self) -> None:
        """Write nothing more to this file, no longer at its path (another put there: a backup
        restored under a running daemon): what its write-ahead log holds goes into it first, and the
        log, which the file there now shares by name (`<db>-wal`), is emptied."""
        seal(self.conn)

    def _in_chunks(self, sql: str, values: Iterable[Any], params: list[Any] | None = None) -> list[dict]:
        """Rows of `sql` (its `{marks}` filled for one chunk of `values`), chunk by chunk:
        SQLite caps the number of bound parameters."""
        items = list(values)
        rows: list[dict] = []
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            rows.extend(self.query(sql.format(marks=",".join("?" * len(chunk))), [*(params or []), *chunk]))
        return rows
