"""What each channel was sent, kept beside the database (`<db>.sent`), for when the database
itself forgets: restored from a backup, or replaced by an older copy or a new file.

In: the database path; each message accepted by its receiver (subscriber, channel, key and the
URLs of its stories' articles). Out: whether the database knows the last message sent from it
(`stale`), and for a database that does not, the URLs each channel was sent (`sent`). One line
per message, appended after the database recorded it; the database stays the record, this file
only what it may have lost. Never touches the database itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

TAIL = 64 * 1024  # bytes read from the end for the last line


def log_path(db_path: str | Path) -> Path:
    db = Path(db_path)
    return db.with_name(db.name + ".sent")


def add(db_path: str | Path, subscriber: str, channel: str, key: str, urls: Iterable[str]) -> None:
    """Note a message its receiver accepted. A disk that refuses the line costs only this note."""
    line = "\t".join((subscriber, channel, key, " ".join(u for u in urls if u and " " not in u))) + "\n"
    try:
        with open(log_path(db_path), "a", encoding="utf-8") as f:
            f.write(line)
    except OSError:
        pass


def stale(db_path: str | Path, knows: Callable[[str], bool]) -> bool:
    """Whether the database does not know (`knows(key)`) the last message sent from it."""
    try:
        with open(log_path(db_path), "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - TAIL))
            tail = f.read().decode("utf-8", "replace").rstrip("\n").rpartition("\n")[2]
    except OSError:
        return False
    parts = tail.split("\t")
    return len(parts) == 4 and not knows(parts[2])


def sent(db_path: str | Path) -> tuple[dict[tuple[str, str], set[str]], set[str]]:
    """The URLs each (subscriber, channel) was sent, and the keys of the messages sent."""
    urls: dict[tuple[str, str], set[str]] = {}
    keys: set[str] = set()
    try:
        with open(log_path(db_path), encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 4:
                    urls.setdefault((parts[0], parts[1]), set()).update(parts[3].split())
                    keys.add(parts[2])
    except OSError:
        pass
    return urls, keys
