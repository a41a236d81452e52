"""The command line: the only module that prints.

In: arguments, the config file, stdin. Out: tables (rich on a TTY, plain text otherwise), JSON,
JSON Lines or CSV on stdout; one-line errors on stderr. Every `MonitorError` becomes
`error: <what> (<hint>)` with exit status 2 for configuration and input mistakes and 1 for
the rest; a user mistake never shows a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import ConfigError, InputError, LockBusy, MonitorError
from .timespec import parse_since, parse_until  # noqa: F401  (commands import them from here)

if TYPE_CHECKING:  # imported lazily at run time, to keep start-up fast
    from .config import Config
    from .pipeline import Context
    from .store import Store

SHANGHAI_TZ = "Asia/Shanghai"


class Group(click.Group):
    """A click group that turns MonitorError into one line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            for line in getattr(exc, "problems", None) or [str(exc)]:
                click.echo(f"error: {line}", err=True)
            if len(getattr(exc, "problems", []) or []) > 1 and exc.hint:
                click.echo(f"hint: {exc.hint}", err=True)
            ctx.exit(2 if isinstance(exc, (ConfigError, InputError, LockBusy)) else 1)


class State:
    """Lazily loaded config and store, shared by the subcommands of one invocation."""

    def __init__(self, config: str | None, db: str | None) -> None:
        self.config_path = config
        self.db_path = db
        self._cfg: Config | None = None
        self._store: Store | None = None

    @property
    def cfg(self) -> Config:
        if self._cfg is None:
            from . import config

            self._cfg = config.load(self.config_path, self.db_path)
        return self._cfg

    @property
    def store(self) -> Store:
        if self._store is None:
            from .store import Store

            self._store = Store.open(self.cfg.db_path)
        return self._store

    def context(self, fetcher: bool = False) -> Context:
        from .pipeline.base import Context

        if not fetcher:
            return Context(self.cfg, self.store, None)
        from .fetch import Fetcher  # only polling fetches: other commands never load httpx

        return Context(self.cfg, self.store, Fetcher(self.cfg.fetch, robots_memory=self.store.robots_memory()))

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar="MONITOR_CONFIG", type=click.Path(dir_okay=False),
              help="Config file (default: config/monitor.toml, else the bundled one; env MONITOR_CONFIG).")
@click.option("--db", "db_path", envvar="MONITOR_DB", type=click.Path(dir_okay=False),
              help="SQLite database file (default: storage.path from the config; env MONITOR_DB).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, db_path: str | None, verbose: int) -> None:
    """Watch Chinese regional news for the Shanghai–Sanming cooperation (沪明对口合作)."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    from .logs import setup

    setup(level, sys.stderr)  # JSON lines unless stderr is a terminal
    state = State(config_path, db_path)
    ctx.obj = state
    ctx.call_on_close(state.close)


# -- output helpers -------------------------------------------------------------------------
def _tty() -> bool:
    return sys.stdout.isatty()


def local_time(text: str | None) -> str:
    """UTC ISO text → 'YYYY-MM-DD HH:MM' in Asia/Shanghai."""
    if not text:
        return ""
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).astimezone(ZoneInfo(SHANGHAI_TZ)).strftime("%Y-%m-%d %H:%M")


def local_iso(text: str | None) -> str | None:
    """UTC ISO text (as stored) → ISO 8601 in Asia/Shanghai, e.g. 2026-11-20T09:00:00+08:00."""
    if not text:
        return None
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).astimezone(ZoneInfo(SHANGHAI_TZ)).isoformat()


def print_table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    """A rich table on a terminal, tab-separated lines otherwise."""
    rows = [[("" if v is None else str(v)) for v in r] for r in rows]
    if _tty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*r)
        Console().print(table)
        return
    click.echo("\t".join(columns))
    for r in rows:
        click.echo("\t".join(v.replace("\t", " ").replace("\n", " ") for v in r))


# -- commands ---------------------------------------------------------------------------------
from .commands import register  # noqa: E402  (the subcommands live in commands/ to keep this short)

register(main)
