"""SQLite's own count of the work a query does: tests that a look-up reads few rows, whatever the box's load."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


@contextlib.contextmanager
def counted_steps(conn: sqlite3.Connection, every: int = 100) -> Iterator[list[int]]:
    """Counts SQLite's virtual machine steps on `conn` inside the block (one a `every` instructions):
    yields a one-item list whose item is the count so far."""
    count = [0]

    def step() -> int:
        count[0] += 1
        return 0
    conn.set_progress_handler(step, every)
    try:
        yield count
    finally:
        conn.set_progress_handler(None, every)
