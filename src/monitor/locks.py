"""Process locks beside the database: one daemon per database, one deliverer at a time.

In: the database path. Out: a held lock (a context manager) or `LockBusy` naming the holder's
pid. The locks are `flock`s on small files next to the database (`<db>.lock` for the daemon,
`<db>.deliver.lock` for sending digests), holding the holder's pid; the kernel drops a lock
when its process dies, even by SIGKILL, so a crash never leaves a stale lock behind.
Never touches the database itself.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import LockBusy


def busy(path: Path, what: str) -> LockBusy:
    """The error for a lock someone else holds, naming them."""
    pid = holder(path)
    who = f"pid {pid}" if pid else "another process"
    return LockBusy(f"{what} is already running for this database ({who}; lock file {path})",
                    hint="stop it first, or use another --db", pid=pid)


def lock_path(db_path: str | Path, kind: str) -> Path:
    """`<db>.lock` for the daemon, `<db>.<kind>.lock` for the others."""
    db = Path(db_path)
    return db.with_name(db.name + (".lock" if kind == "daemon" else f".{kind}.lock"))


def holder(path: Path) -> int | None:
    """The pid written in a lock file, if any."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


@contextmanager
def exclusive(path: Path, what: str, wait: float = 0.0) -> Iterator[Path]:
    """Hold an exclusive lock on `path` (waiting up to `wait` seconds), with our pid in the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, what, wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)  # the next holder writes its own pid; an empty file means nobody
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def _acquire(fd: int, path: Path, what: str, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise busy(path, what) from None
            time.sleep(0.1)
