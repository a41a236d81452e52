"""The SQLite store: the only package that speaks SQL.

In: articles, matches, fingerprints and source state from the pipeline. Out: rows as plain
dicts and models (stories for digests, search hits). One file per concern, each a part of
`Store`: `sources`, `aliases`, `articles`, `matches`, `search`, `stories`, `outbox`,
`normalforms`; the schema's migrations live
in `schema` and are applied on open, under an exclusive lock so two first starts do not race.
Times are stored as UTC ISO 8601. Several processes may share one database: WAL, a busy
timeout, and write transactions begun IMMEDIATE (see `base`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from ..errors import InputError, StoreError
from ..locks import make_parent
from .aliases import AliasesPart
from .articles import ArticlesPart
from .base import crash_point, iso, parse_iso, storage_error, utcnow
from .browse import BrowsePart
from .hosts import HostMemory
from .matches import MatchesPart
from .normalforms import NormalFormsPart
from .outbox import OutboxPart
from .schema import migrations
from .search import SearchPart
from .sources import SourcesPart
from .stories import StoriesPart

# SQLite's own error, for callers outside the store that must not import sqlite3 (the house rule)
DatabaseError = sqlite3.Error

__all__ = ["DatabaseError", "HostMemory", "Store", "database_fault", "iso", "migrations", "parse_iso", "restore", "utcnow"]

BUSY_SECONDS = 30  # how long a writer waits for another process's write transaction
# Pages a connection keeps between statements and transactions (SQLite's default is 2 MiB). An
# article's writes land at random keys of the URL, hash and band-key indexes; in a store of a
# million articles (7 GB) most of those pages fell out of 2 MiB between one article and the
# next and were read again from the OS. Pages are allocated as they are read, so a short
# command that reads little takes no more memory than before; a daemon's grows up to this.
CACHE_KIB = 64 * 1024
WAL_KEEP_KIB = 16 * 1024  # what <db>-wal is cut back to when a write starts it again (`journal_size_limit`)


class Store(SourcesPart, AliasesPart, ArticlesPart, MatchesPart, SearchPart, StoriesPart, OutboxPart, BrowsePart,
            NormalFormsPart):
    """One open database; create with `Store.open(path)`."""

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) and migrate the database at `path`."""
        path = Path(path)
        make_parent(path)
        try:
            if _finish_restore(path):  # `monitor restore` killed once its copy was whole
                logging.getLogger("monitor").warning("finished the restore of %s cut off before the backup was in "
                                                     "place (its copy was whole)", path)
            conn, pages = _connect(path)
            # a new database can give pages freed by FTS5's merges back (`release_free_pages`);
            # only a new one: on a stored database it is a write, refused by a read-only file
            # that `search` and `serve` could read
            if pages == 0:
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
            _wal(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, whether or not it is loaded
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # negative: KiB, not pages
            # the log a large write grew (an import beside the daemon) is cut back when it starts
            # again, not kept at its largest while the daemon's connection stays open for months
            conn.execute(f"PRAGMA journal_size_limit = {WAL_KEEP_KIB * 1024}")
            store = cls(conn, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_NOTADB":
                raise StoreError(f"cannot open database {path}: {exc}",
                                 hint="check the path and its permissions, or pass --db PATH") from None
            # a mistaken --db or storage.path (a note, a backup archive): a usage mistake, the file untouched
            raise InputError(f"{path} is not a SQLite database (not a monitor database); nothing was changed",
                             hint="pass --db (or set storage.path to) the monitor database, or a path where no "
                                  "file is yet to start a new one") from None
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {path}: {exc}",
                             hint="check the path and its permissions, or pass --db PATH") from None
        return store

    def _migrate(self) -> None:
        """Apply pending migrations holding the write lock, checking again once it is held:
        of two processes opening a new database, one migrates and the other waits, then sees
        nothing pending. Checked with plain SQL: an up-to-date database never loads sqlite-utils.
        A database a newer monitor migrated (a migration this one does not know) is refused,
        untouched: this version's writes could break what the newer schema expects."""
        applied = migrations.applied_names(self.conn)
        if unknown := [n for n in applied if n not in set(migrations.names)]:
            self.conn.close()
            raise InputError(f"database {self.path} was made by a newer monitor (its schema has {unknown[-1]}, "
                             "unknown to this version); nothing was changed",
                             hint="upgrade monitor, or restore a backup made by this version")
        if not migrations.pending_names(self.conn, applied):
            return
        with self.transaction("EXCLUSIVE"):
            migrations.apply(self.db)

    def close(self) -> None:
        """Close the connection."""
        crash_point("store-closing")
        self.conn.close()

    def backup(self, dest: Path, keep: Path | None = None) -> int:
        """A whole copy of the database at `dest`, as it stood at one moment, though writers go on
        (SQLite's online backup: a copy of the file misses what its write-ahead log holds, or is
        torn by a checkpoint under it). Written beside `dest` and put in place whole, on the disk
        before this returns; `keep`: what was at `dest` (an earlier backup) stays there, under
        that name. Returns its size in bytes."""
        part = dest.with_name(dest.name + ".part")
        part.unlink(missing_ok=True)
        try:
            copy = sqlite3.connect(str(part))
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
            if keep is not None:  # a second name first: at every moment one of the two holds it
                try:
                    os.link(dest, keep)
                except OSError:  # a file system without hard links
                    os.rename(dest, keep)
            _durably_in_place(part, dest)
        except (sqlite3.Error, OSError) as exc:
            part.unlink(missing_ok=True)
            raise StoreError(f"cannot back up to {dest}: {exc}", hint="check the path, its free space and "
                             "permissions") from None
        return dest.stat().st_size

    def host_memory(self) -> HostMemory | None:
        """robots.txt answers and hosts' pauses kept in this database for the fetcher (None for
        an in-memory one)."""
        return HostMemory(self.path) if self.path and str(self.path) != ":memory:" else None

    def schema_version(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        return migrations.applied_names(self.conn)

    def stats(self) -> dict[str, int]:
        """Row counts for health and the demo: articles and matches counted on an index alone, the
        stories as the database keeps their number (m028; counted, in a database opened read-only
        before it had it)."""
        out = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "article_topics")}
        try:
            out["stories"] = self.conn.execute("SELECT n FROM row_counts WHERE name = 'stories'").fetchone()[0]
        except sqlite3.OperationalError:
            out["stories"] = self.conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        return out


def restore(backup: Path, db: Path) -> int:
    """The database `backup` (a monitor database, whole) put in place of `db`, the processes that
    write `db` stopped (the caller holds its locks). The write-ahead log and its index beside `db`
    go first: left by a process killed or a power cut, they are the old database's last writes,
    and SQLite read them over the file put in place (the restore undone, or a damaged file). The
    copy is made through SQLite (a backup with a log of its own is read whole) beside `db`, on
    the disk before it takes `db`'s name. The replaced database's highest story id is carried
    over (`story_serial`, m020), so a story stored after the restore takes no id a story lost with
    it had (a feed entry or a digest's link read before it). Returns its size in bytes.

    Whole, the copy is renamed `<db>.restored` before the log goes: a restore killed after that
    (the old log deleted, the backup not yet in place: the old file alone, its last writes lost,
    neither database) is finished by the next process that opens `db` (`_finish_restore`)."""
    part, whole = db.with_name(db.name + ".restoring"), _restored(db)
    floor = _story_floor(db)
    logs_gone = False
    try:
        source = sqlite3.connect(f"file:{quote(str(backup.absolute()))}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            if (checked := source.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
                raise StoreError(f"{backup} is damaged: {checked}", hint="restore another backup")
            if source.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is None:
                raise InputError(f"{backup} is an SQLite database but not monitor's; nothing was changed",
                                 hint="give the file `monitor backup` made")
            part.unlink(missing_ok=True)
            copy = sqlite3.connect(str(part))
            try:
                source.backup(copy)
                _raise_story_serial(copy, floor)
            finally:
                copy.close()
        finally:
            source.close()
        _durably_in_place(part, whole)
        crash_point("restore-copied")
        logs_gone = True
        _finish_restore(db)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        if not logs_gone:  # the old database stands whole: nothing to finish
            whole.unlink(missing_ok=True)
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise StoreError(f"{backup} is damaged or no database: {exc}", hint="restore another backup") from None
        raise StoreError(f"cannot restore {backup} to {db}: {exc}", hint="check both paths, free space and "
                         "permissions") from None
    return db.stat().st_size


def _story_floor(db: Path) -> int:
    """The highest story id `db` gave out (its log's last writes read too), 0 when there is none
    to read: no file, a damaged one, or one older than `story_serial`."""
    if not db.is_file():
        return 0
    try:
        conn = sqlite3.connect(f"file:{quote(str(db.absolute()))}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            return int(conn.execute("SELECT max(coalesce((SELECT last FROM story_serial), 0), "
                                    "coalesce((SELECT max(id) FROM stories), 0))").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError, TypeError, ValueError):
        return 0


def _raise_story_serial(copy: sqlite3.Connection, floor: int) -> None:
    """The restored copy gives its next story an id above `floor` (a backup older than m020 has no
    `story_serial`: the migration seeds it from its own rows)."""
    if floor and copy.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_serial'").fetchone():
        copy.execute("UPDATE story_serial SET last = max(last, ?)", [floor])
        copy.commit()


def _restored(db: Path) -> Path:
    return db.with_name(db.name + ".restored")


def _finish_restore(db: Path) -> bool:
    """Put a whole restored copy (`<db>.restored`) in place of `db`, the old write-ahead log and
    its index gone first; False when there is none. `restore` ends so, and `Store.open` finishes
    one a kill cut off."""
    whole = _restored(db)
    if not whole.exists():
        return False
    for extra in ("-wal", "-shm"):
        db.with_name(db.name + extra).unlink(missing_ok=True)
    crash_point("restore-log-gone")
    try:
        _durably_in_place(whole, db)
    except FileNotFoundError:  # another process opening `db` put it in place meanwhile
        return False
    return True


def _durably_in_place(part: Path, dest: Path) -> None:
    """`part` on the disk, then renamed to `dest`, the rename on the disk too."""
    for path, then in ((part, dest), (dest.parent, None)):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if then is not None:
            os.replace(part, then)


def _connect(path: Path) -> tuple[sqlite3.Connection, int]:
    """A connection to `path` and its page count. A database in a directory nothing may be written
    to (a read-only mount, a backup volume, an immutable folder) cannot make the shared-memory
    file WAL reading needs beside it: it is opened as immutable, so the commands that only read
    work, and a write is refused as to a read-only file (one line, with the fix)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, check_same_thread=False, isolation_level="IMMEDIATE")
    try:
        return conn, conn.execute("PRAGMA page_count").fetchone()[0]
    except sqlite3.OperationalError:
        if not path.is_file() or os.access(path.parent, os.W_OK):
            raise
        conn.close()
    if (wal := path.with_name(path.name + "-wal")).is_file() and wal.stat().st_size:
        logging.getLogger("monitor").warning(
            "database %s is in a directory that cannot be written and its write-ahead log (%s) cannot be "
            "read without it: its last writes are not seen", path, wal.name)
    conn = sqlite3.connect(f"file:{quote(str(path.absolute()))}?immutable=1", uri=True, timeout=BUSY_SECONDS,
                           check_same_thread=False, isolation_level="IMMEDIATE")
    return conn, conn.execute("PRAGMA page_count").fetchone()[0]


def _wal(conn: sqlite3.Connection, attempts: int = 20) -> None:
    """Switch the database to WAL. Of processes opening a new database at once, one may get
    "database is locked" here at once: SQLite does not wait out the busy timeout for this
    switch (measured: 1 of 600 such opens). The lock is held briefly, so try again."""
    for attempt in range(attempts):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.01 * (attempt + 1))


def database_fault(exc: BaseException, path: Path | str | None) -> StoreError | None:
    """A database error met outside the store's own handling as one StoreError line: the disk or
    the file let it down (`storage_error`), or another program held the write lock past the busy
    timeout; None for anything else (a bug), which stays loud."""
    if isinstance(exc, StoreError):
        return exc
    if (err := storage_error(exc, path)) is not None:
        return err
    if isinstance(exc, sqlite3.Error) and (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (
            sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        where = f" {path}" if path else ""
        return StoreError(f"database{where} is locked: another program has held its write lock for over "
                          f"{BUSY_SECONDS} s",
                          hint="end that program's transaction, e.g. a sqlite3 shell's BEGIN, and run this again")
    return None
