"""The archive the pages read, which may not be there yet when `monitor serve` starts (the
compose file starts the pages beside the daemon, which makes the database at its first write).

In: the config and a way to open the context once the database's file exists. Out: `Archive`,
whose `ctx` is the open context or raises `NotYet`; the app answers that with 503 and a page
saying so. Nothing is created here: a mistyped --db never becomes an empty archive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from ..pipeline.base import Context

RETRY_SECONDS = 60
WAITING = ("The archive has not been made yet: the monitor makes it at its first poll or import. "
           "These pages work as soon as it is there.")


class NotYet(Exception):
    """The database the pages read is not there yet."""


@dataclass
class Archive:
    """`cfg` at once; the context from `opener` on the first request after the file appears."""

    cfg: Config
    opener: Callable[[], Context | None]
    _ctx: Context | None = field(default=None, repr=False)

    @classmethod
    def of(cls, ctx: Context) -> Archive:
        return cls(ctx.cfg, lambda: ctx, ctx)

    @property
    def ctx(self) -> Context:
        if self._ctx is None:
            self._ctx = self.opener()
            if self._ctx is None:
                raise NotYet
        return self._ctx
