"""robots.txt answers remembered across processes: one fetch per origin per TTL, even when
`monitor poll` runs from cron and every run is a new process.

In: an origin and the answer its robots.txt gave (status and body, or why it was unreachable).
Out: the remembered answer with its age in seconds. Uses a connection of its own, because the
fetcher asks from its own thread while the pipeline's connection may be inside a batch; a
lost write only means one more fetch. Never decides what an answer means (fetch/robots.py does).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

Answer = tuple[int, bytes] | str  # (status, body), or the reason the origin was unreachable


class RobotsMemory:
    """The `robots` table, through a connection of its own."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False, isolation_level=None)
        self.lock = threading.Lock()

    def recall(self, origin: str) -> tuple[Answer, float] | None:
        """The answer stored for `origin` and its age in seconds, or None."""
        try:
            with self.lock:
                row = self.conn.execute("SELECT status, body, unreachable, fetched_at FROM robots WHERE origin = ?",
                                        [origin]).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        status, body, unreachable, fetched_at = row
        answer: Answer = unreachable if unreachable is not None else (int(status), bytes(body or b""))
        return answer, max(0.0, time.time() - fetched_at)

    def remember(self, origin: str, answer: Answer) -> None:
        """Store what `origin`'s robots.txt answered just now."""
        status, body, unreachable = (None, None, answer) if isinstance(answer, str) else (*answer, None)
        try:
            with self.lock:
                self.conn.execute("INSERT OR REPLACE INTO robots (origin, status, body, unreachable, fetched_at) "
                                  "VALUES (?, ?, ?, ?, ?)", [origin, status, body, unreachable, time.time()])
        except sqlite3.Error:
            pass  # a busy or read-only database: the answer is still used in memory

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
