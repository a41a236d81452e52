"""Process locks beside the database: one daemon per database, one deliverer at a time, one
poller of each source at a time.

In: the database path. Out: a held lock (a context manager) or `LockBusy` naming the holder's
pid. The locks are `flock`s on small files next to the database (`<db>.lock` for the daemon,
`<db>.deliver.lock` for sending digests), holding the holder's pid; the kernel drops a lock
when its process dies, even by SIGKILL, so a crash never leaves a stale lock behind. `held`
also locks a byte of the database file itself (`Identity`): a file with two names (a hard link)
has a set of lock files beside each, but one file. Sources
are locked by `polling` (one byte each of `<db>.poll.lock`: record locks, dropped at death too;
and while the file has another name, one byte each of the database file, as `held`'s), and
hosts' turns shared through slots of the same file (`SharedTurns`).
Never touches the database itself.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import InputError, LockBusy, StoreError


def busy(path: Path, what: str) -> LockBusy:
    """The error for a lock someone else holds, naming them."""
    pid = holder(path)
    who = f"pid {pid}" if pid else "another process"
    return LockBusy(f"{what} is already running for this database ({who}; lock file {path})",
                    hint="stop it first, or use another --db", pid=pid)


def lock_path(db_path: str | Path, kind: str) -> Path:
    """`<db>.lock` for the daemon, `<db>.<kind>.lock` for the others, beside the file the path
    leads to: a database reached by two names (a symbolic link to it, and the file) has one set
    of locks, not one per name."""
    db = Path(db_path)
    with suppress(OSError, RuntimeError):  # a loop of links: the name as given
        db = db.resolve()
    return db.with_name(db.name + (".lock" if kind == "daemon" else f".{kind}.lock"))


def holder(path: Path) -> int | None:
    """The pid written in a lock file, if any."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def make_parent(path: Path) -> None:
    """The directory of `path` (the database or a lock beside it), made when missing. A file where
    a directory is named (a mistyped --db or storage.path, `notes.txt/monitor.db`) is a usage
    mistake, said in one line (it was a traceback from `restore` and `run`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        file = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise InputError(f"cannot make the directory {path.parent}: {file} is a file, not a directory; nothing "
                         "was changed", hint="pass --db (or set storage.path to) a path in a directory") from None
    except OSError as exc:
        raise StoreError(f"cannot make the directory {path.parent}: {exc.strerror}",
                         hint="check the path and its permissions, or pass --db PATH") from None


def unmakeable(db: Path) -> str | None:
    """Why a database at `db` could be neither opened nor made (for `check-config`), else None: a
    directory in its place, a file where a directory is named, a place no directory can be made
    (`/proc/x/monitor.db`, a read-only or foreign directory). Probed with a directory made and
    removed at once in the deepest one there is: nothing is left behind."""
    if db.is_dir():
        return f"{db} is a directory, not a database file"
    if db.exists():
        return None
    there = next((p for p in db.parents if p.exists()), Path("/"))
    if not there.is_dir():
        return f"{there} is a file, not a directory"
    import tempfile  # here: ~6 ms of every start, needed only to make a database's directory

    try:
        os.rmdir(tempfile.mkdtemp(prefix=".monitor-probe-", dir=there))
    except OSError as exc:
        return f"cannot make {db if there == db.parent else db.parent} in {there}: {exc.strerror}"
    return None


@contextmanager
def exclusive(path: Path, what: str, wait: float = 0.0) -> Iterator[Path]:
    """Hold an exclusive lock on `path` (waiting up to `wait` seconds), with our pid in the file."""
    make_parent(path)
    fd = _open(path)
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


@contextmanager
def held(db_path: str | Path, kind: str, what: str, wait: float = 0.0, *, make: bool = False) -> Iterator[Path]:
    """The database's `kind` lock ("daemon", "deliver"): its lock file (`lock_path`) and its byte
    of the database file (`Identity`), or LockBusy naming the holder. `make`: a database file
    still missing is made (empty: SQLite reads that as a new database) under the lock file, so
    its byte is taken too (the daemon's very first start)."""
    deadline = time.monotonic() + wait
    with exclusive(lock_path(db_path, kind), what, wait) as path, \
            IDENTITY.held(Path(db_path), kind, what, max(0.0, deadline - time.monotonic()), make=make):
        yield path


class Identity:
    """A byte of the database file locked for each kind of lock: the lock files are named after a
    path, and a database reached by a hard link (`ln monitor.db /srv/monitor.db`, a second unit
    file naming the other) had two sets of them, so two daemons ran over one database and each
    sent every digest. The byte is an open-file-description lock (Linux's F_OFD_SETLK) far past
    SQLite's own (at 1 GiB): the two never meet, and closing another descriptor of the file does
    not drop it. The descriptor is never closed: closing any descriptor of the database would drop
    the POSIX locks SQLite holds on it in this process. So a sender takes its byte only while the
    file has another name (each digest looks again); a daemon, one a process, takes it always (a
    link made after it started). A daemon's first start makes the file (`make`): a daemon that
    started before the file was there took no byte, so a second one under a name linked later
    ran beside it. Making it under the lock file races with nothing: another name of the file
    can only be made once the file is there, and under this name the lock file guards. Where the
    system has no such locks, or the file is missing (and not to be made) or cannot be opened for
    writing, the lock file alone guards, as before."""

    BASE = 1 << 46
    KINDS = ("daemon", "deliver")

    def __init__(self) -> None:
        self._fds: dict[tuple[int, int], int] = {}  # (device, inode) -> this process's descriptor of it
        self._guard = threading.Lock()

    @contextmanager
    def held(self, db: Path, kind: str, what: str, wait: float, make: bool = False) -> Iterator[None]:
        fd = self._fd(db, kind == "daemon", make) if kind in self.KINDS and hasattr(fcntl, "F_OFD_SETLK") else None
        if fd is None:
            yield
            return
        offset = self.BASE + self.KINDS.index(kind)
        deadline = time.monotonic() + wait
        while not self._set(fd, fcntl.F_WRLCK, offset):
            if time.monotonic() >= deadline:
                raise LockBusy(f"{what} is already running for this database under another of its names "
                               f"(a hard link to {db})",
                               hint="stop it first, and give every program the same path to the database")
            time.sleep(0.1)
        try:
            yield
        finally:
            self._set(fd, fcntl.F_UNLCK, offset)

    def _fd(self, db: Path, always: bool, make: bool = False) -> int | None:
        with self._guard:
            try:
                info = os.stat(db)
            except FileNotFoundError:  # missing: the store makes it later, or (`make`) we do now
                return self._made(db) if make and str(db) != ":memory:" else None
            except OSError:  # unreadable
                return None
            if not stat.S_ISREG(info.st_mode) or not (always or info.st_nlink > 1):
                return None
            if (fd := self._fds.get((info.st_dev, info.st_ino))) is None:  # never a second descriptor: see the class
                try:
                    fd = os.open(db, os.O_RDWR | os.O_CLOEXEC)
                except OSError:  # read-only: nothing can be written there anyway
                    return None
                self._fds[(info.st_dev, info.st_ino)] = fd
            return fd

    def linked(self, db: Path) -> int | None:
        """This process's descriptor of the database file while the file has another name (a hard
        link), for `polling`'s bytes; None otherwise, or where there are no such locks."""
        return self._fd(db, False) if hasattr(fcntl, "F_OFD_SETLK") else None

    def _made(self, db: Path) -> int | None:
        """A descriptor of the database file, made now (empty; not O_EXCL: one name, under its lock
        file, see the class), kept as `_fd` keeps one: no SQLite of this process has it open yet,
        but closing it later would drop the locks SQLite then takes."""
        try:
            fd = os.open(db, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:  # a directory that cannot be written: the store says so in its own words
            return None
        info = os.fstat(fd)
        self._fds[(info.st_dev, info.st_ino)] = fd
        return fd

    @staticmethod
    def _set(fd: int, kind: int, offset: int) -> bool:
        """Lock (or unlock) the byte; False when another open file holds it."""
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("@hhqqi4x", kind, os.SEEK_SET, offset, 1, 0))
        except OSError as exc:  # held: EAGAIN or EACCES; no such locks here (EINVAL, ENOLCK): the lock file guards
            return exc.errno not in (errno.EACCES, errno.EAGAIN)
        return True


IDENTITY = Identity()


def _open(path: Path) -> int:
    """The lock file, made when missing; one line when the directory cannot be written (a
    read-only mount, a backup volume): reading the database works there, writing it cannot."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot make the lock file {path}: {exc.strerror}",
                         hint="the database's directory cannot be written (a read-only mount?): make it writable; "
                              "search, feed and serve read the database as it is") from None


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


# --- polling: each source's poller, each host's turns ----------------------------------------

SOURCES = 1 << 32  # sources' bytes: locked, never written, past the hosts' slots (SharedTurns)
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
    linked = IDENTITY.linked(Path(db_path))  # the file has another name: its own byte too
    taken: list[int] = []
    busy: set[str] = set()
    try:
        for name in names:
            offset = SOURCES + _byte_of(name)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
            except OSError:  # EAGAIN or EACCES: held by another process
                busy.add(name)
                continue
            if linked is not None and not Identity._set(linked, fcntl.F_WRLCK, Identity.BASE + offset):
                fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)  # polled under the file's other name
                busy.add(name)
                continue
            taken.append(offset)
        yield busy
    finally:
        for offset in taken:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)
            if linked is not None:
                Identity._set(linked, fcntl.F_UNLCK, Identity.BASE + offset)


class SharedTurns:
    """Hosts' turns shared by the processes polling one database, so a `monitor poll` beside the
    daemon keeps a site's pace with it. Each host has a slot in `<db>.poll.lock` (16 bytes of its
    first 64 KiB, by a hash of its name; two hosts sharing one only share a pace): when its next
    request may start (a Unix time) and the pid whose request is in flight (0 for none). `start`
    takes it under a short lock of the slot, `end` gives it back with the host's delay. A
    request in flight holds the slot for BUSY seconds at most, and not at all once its process
    is gone (killed mid-request). Within the process the fetcher's own gate orders the turns;
    this only adds the other processes'. The file is named by the path (`lock_path`), not keyed
    to the database file as `polling`'s bytes are: the slots hold times, which a lock cannot, and
    the database file is SQLite's to write. So under a hard-linked second name a `monitor poll`
    keeps its own pace beside the daemon's (never the same source's: `polling`)."""

    SLOTS = 4096
    SIZE = 16  # <d: due, <q: pid in flight
    BUSY = 120.0  # past any request's timeout
    MAX_WAIT = BUSY + 60.0  # a slot further off than this (a clock stepped back, junk) is not waited for

    def __init__(self, db_path: str | Path) -> None:
        self.fd = _poll_file(lock_path(db_path, "poll"))

    def start(self, host: str) -> float:
        """0 when a request to `host` may start now (the slot is then this process's), else the
        seconds to wait before asking again."""
        offset = self._slot(host)
        try:
            fcntl.lockf(self.fd, fcntl.LOCK_EX, self.SIZE, offset)
        except OSError:  # no record locks here (ENOLCK): this process keeps its own pace only
            return 0.0
        try:
            raw = os.pread(self.fd, self.SIZE, offset)
            due, pid = struct.unpack("<dq", raw) if len(raw) == self.SIZE else (0.0, 0)
            wait = due - time.time()
            if 0 < wait <= self.MAX_WAIT and (pid in (0, os.getpid()) or _alive(pid)):
                return wait
            os.pwrite(self.fd, struct.pack("<dq", time.time() + self.BUSY, os.getpid()), offset)
            return 0.0
        except OSError:  # a full disk: as above
            return 0.0
        finally:
            fcntl.lockf(self.fd, fcntl.LOCK_UN, self.SIZE, offset)

    def end(self, host: str, delay: float) -> None:
        """The request that `start` allowed has ended: the next may start `delay` from now."""
        offset = self._slot(host)
        try:
            fcntl.lockf(self.fd, fcntl.LOCK_EX, self.SIZE, offset)
        except OSError:
            return
        try:
            os.pwrite(self.fd, struct.pack("<dq", time.time() + delay, 0), offset)
        except OSError:  # the slot frees itself after BUSY
            pass
        finally:
            fcntl.lockf(self.fd, fcntl.LOCK_UN, self.SIZE, offset)

    def _slot(self, host: str) -> int:
        return (_byte_of("host " + host) % self.SLOTS) * self.SIZE


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _poll_file(path: Path) -> int:
    with _POLL_GUARD:
        if str(path) not in _POLL_FILES:
            make_parent(path)
            _POLL_FILES[str(path)] = _open(path)
        return _POLL_FILES[str(path)]


def _byte_of(name: str) -> int:
    """A 31-bit hash of a name, for its byte or slot in the poll lock file."""
    import hashlib  # here: OpenSSL's load was ~4 ms of every start (a search takes no lock)

    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest(), "big") >> 1
