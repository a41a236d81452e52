"""What hosts said, remembered across processes, even when `monitor poll` runs from cron and
every run is a new process: robots.txt answers (one fetch per origin per TTL), and pauses a host
asked for (HTTP 429/503 with a Retry-After longer than a poll waits), so no run asks it again
before the pause is over; and, through `locks.SharedTurns`, each host's turns between them.

In: an origin and the answer its robots.txt gave (status and body, or why it was unreachable);
a host, the time its pause ends and why. Out: the remembered answer with its age in seconds; the
pause still running, if any. Uses a connection of its own, because the
fetcher asks from its own thread while the pipeline's connection may be inside a batch; a
lost write only means one more fetch. Never decides what an answer means (fetch/robots.py and fetch/hosts.py do).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from ..locks import SharedTurns

Answer = tuple[int, bytes] | str  # (status, body), or the reason the origin was unreachable


class HostMemory:
    """The `robots` and `host_rests` tables, through a connection of their own."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False, isolation_level=None)
        self.lock = threading.Lock()
        self.turns = SharedTurns(path)

    def take_turn(self, host: str) -> float:
        """0 when a request to `host` may start, for the other processes polling this database
        (`locks.SharedTurns`), else the seconds to wait."""
        return self.turns.start(host)

    def give_back_turn(self, host: str, delay: float) -> None:
        self.turns.end(host, delay)

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

    def rest_of(self, host: str) -> tuple[float, str] | None:
        """(when the pause ends as a Unix time, why) for a pause `host` asked for that is not over."""
        try:
            with self.lock:
                row = self.conn.execute("SELECT until, reason FROM host_rests WHERE host = ? AND until > ?",
                                        [host, time.time()]).fetchone()
        except sqlite3.Error:
            return None
        return (float(row[0]), str(row[1] or "")) if row else None

    def rest(self, host: str, until: float, reason: str) -> None:
        """Remember that `host` asked not to be asked again before `until` (a Unix time)."""
        try:
            with self.lock:
                self.conn.execute("INSERT OR REPLACE INTO host_rests (host, until, reason) VALUES (?, ?, ?)",
                                  [host, until, reason])
                self.conn.execute("DELETE FROM host_rests WHERE until < ?", [time.time() - 86_400])
        except sqlite3.Error:
            pass  # a busy or read-only database: the pause still holds in this process

    def seal(self) -> None:
        """Write nothing more (`StoreBase.seal`): the database file is no longer at its path."""
        from .base import seal

        with self.lock:
            seal(self.conn, checkpoint=False)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
