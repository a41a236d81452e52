"""The archive the pages read, which may not be there yet when `monitor serve` starts (the
compose file starts the pages beside the daemon, which makes the database at its first write),
and which a restore may put another file in place of while they are served.

In: the config and a way to open the context once the database's file exists. Out: `Archive`,
whose `ctx` is the open context or raises `NotYet`; the app answers that with 503 and a page
saying so. Nothing is created here: a mistyped --db never becomes an empty archive. `Reopening`
has each request look at the path first (`Archive.refresh`): the pages read the file there now.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import StoreError

if TYPE_CHECKING:
    from ..config import Config
    from ..pipeline.base import Context

log = logging.getLogger("monitor")

RETRY_SECONDS = 60
WAITING = ("The archive has not been made yet: the monitor makes it at its first poll or import. "
           "These pages work as soon as it is there.")


class NotYet(Exception):
    """The database the pages read is not there yet."""


def _ident(path: Path) -> tuple[int, int, int] | None:
    """The file at `path` (device, inode) and its size; None when there is none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size


@dataclass
class Archive:
    """`cfg` at once; the context from `opener` on the first request after the file appears."""

    cfg: Config
    opener: Callable[[], Context | None]
    _ctx: Context | None = field(default=None, repr=False)
    _file: tuple[int, int] | None = field(default=None, repr=False)  # the file the open context reads
    _log: tuple[int, int] | None = field(default=None, repr=False)  # its write-ahead log (there while it is open)
    _told: bool = field(default=False, repr=False)

    @classmethod
    def of(cls, ctx: Context) -> Archive:
        archive = cls(ctx.cfg, lambda: ctx, ctx)
        archive._opened()
        return archive

    @property
    def ctx(self) -> Context:
        if self._ctx is None:
            self._ctx = self.opener()
            if self._ctx is None:
                raise NotYet
            self._opened()
        return self._ctx

    def _opened(self) -> None:
        """Remember the file the context opened, and its log."""
        assert self._ctx is not None
        path = self._path(self._ctx)
        now, wal = _ident(path), _ident(path.with_name(path.name + "-wal"))
        self._file, self._log, self._told = now[:2] if now else None, wal[:2] if wal else None, False

    def _path(self, ctx: Context) -> Path:
        return Path(ctx.store.path or ctx.cfg.db_path)

    def refresh(self) -> None:
        """Before a request: when another file is at the database's path (`monitor restore`, a
        backup moved in place), open it and close the one read so far. The pages went on reading
        the replaced file, gone from its path, until a restart: the restored archive never shown,
        nor anything the daemon stored in it since. While the replaced file's write-ahead log is
        still there with pages in it (a daemon not yet stopped: it empties the log within
        seconds), the file there would be read with the old pages over it: the old one is read
        a little longer. Moved away or deleted (nothing there): the open file is read on."""
        if self._ctx is None:
            return
        path = self._path(self._ctx)
        now = _ident(path)  # one stat a request (~5 µs; ~50 on a slow sandbox): the log's only when it changed
        if self._file is None or now is None or now[:2] == self._file:
            return
        wal = _ident(path.with_name(path.name + "-wal"))
        if wal is not None and wal[2] and wal[:2] == self._log:
            if not self._told:
                self._told = True
                log.warning("another file is at %s, but the write-ahead log %s of the one replaced still holds its "
                            "pages: the pages show the replaced file until it is emptied (a running daemon stops "
                            "within seconds; put a backup in place with `monitor restore`)", path, path.name + "-wal")
            return
        from ..pipeline.base import Context
        from ..store import DatabaseError, Store

        try:
            store = Store.open(path)
        except (StoreError, DatabaseError, OSError) as exc:  # half-copied, not a database: the open file read on
            if not self._told:
                self._told = True
                log.warning("another file is at %s, which cannot be read yet (%s): the pages show the replaced one",
                            path, exc)
            return
        old, self._ctx = self._ctx, Context(self._ctx.cfg, store)
        self._opened()
        log.warning("another file is at %s (restored from a backup?): the pages read it now", path)
        old.store.close()  # SQLite neither checkpoints nor deletes a log by name for a file moved from its path


class Reopening:
    """`app` with `archive.refresh()` at the start of each HTTP request (one request reads one file)."""

    def __init__(self, app: ASGIApp, archive: Archive) -> None:
        self.app = app
        self.archive = archive

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.archive.refresh()
        await self.app(scope, receive, send)
