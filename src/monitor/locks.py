"""Process locks beside the database: one daemon per database, one deliverer at a time, one
poller of each source at a time.

In: the database path. Out: a held lock (a context manager) or `LockBusy` naming the holder's
pid. The locks are `flock`s on small files next to the database (`<db>.lock` for the daemon,
`<db>.deliver.lock` for sending digests), holding the holder's pid; the kernel drops a lock
when its process dies, even by SIGKILL, so a crash never leaves a stale lock behind. Sources
are locked by `polling`: one byte each of `<db>.poll.lock` (record locks, dropped at death too).
Never touches the database itself.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
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


# --- sources being polled -------------------------------------------------------------------

_POLL_FILES: dict[str, int] = {}  # lock file -> this process's one descriptor of it, never closed:
_POLL_GUARD = threading.Lock()    # closing any descriptor of a file drops all the process's record locks on it


@contextmanager
def polling(db_path: str | Path | None, names: list[str]) -> Iterator[set[str]]:
    """Hold the poll lock of each named source that no other process is polling now; yields the
    names it could not take (another `monitor poll`, or the daemon, is polling them). Two
    processes polling one source fetched every new link twice, and asked its host twice as
    often as `fetch.min_delay` allows. A database in memory has no locks."""
    if not db_path or str(db_path) == ":memory:" or not names:
        yield set()
        return
    fd = _poll_file(lock_path(db_path, "poll"))
    taken: list[int] = []
    busy: set[str] = set()
    try:
        for name in names:
            offset = _byte_of(name)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
            except OSError:  # EAGAIN or EACCES: held by another process
                busy.add(name)
            else:
                taken.append(offset)
        yield busy
    finally:
        for offset in taken:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)


def _poll_file(path: Path) -> int:
    with _POLL_GUARD:
        if str(path) not in _POLL_FILES:
            path.parent.mkdir(parents=True, exist_ok=True)
            _POLL_FILES[str(path)] = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        return _POLL_FILES[str(path)]


def _byte_of(name: str) -> int:
    """The byte of the poll lock file that stands for a source (a 31-bit hash of its name)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest(), "big") >> 1
