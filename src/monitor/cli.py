"""The command line: the entry point, shared state, and every error as one line (commands/ print).

In: arguments, the config file, stdin. Out: tables (rich on a TTY, plain text otherwise), JSON,
JSON Lines or CSV on stdout; one-line errors on stderr. Every `MonitorError` becomes
`error: <what> (<hint>)` with exit status 2 for configuration and input mistakes and 1 for
the rest; a user mistake never shows a traceback.
Start-up is kept light: `monitor --help` imports click and the command definitions only;
everything else (logging, time zones, the config, the store) is imported where it is used.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import click

from . import __version__, commands
from .errors import ConfigError, InputError, LockBusy, MonitorError

if TYPE_CHECKING:  # imported lazily at run time, to keep start-up fast
    from pathlib import Path

    from .config import Config, Peeked
    from .pipeline import Context
    from .pipeline.reading import Reader
    from .store import Store


_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+; 8.1 prints the help itself


class Group(click.Group):
    """The `monitor` group: each command's module is imported when that command runs (`monitor
    --help` lists them from their summaries), and a MonitorError becomes one line on stderr."""

    listing = False  # True while --help lists the commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(commands.SUMMARIES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if self.listing and cmd_name in commands.SUMMARIES:
                return commands.stand_in(cmd_name)
            cmd = commands.load(cmd_name)
            if cmd is None:
                return None
            self.add_command(cmd)
        return self.commands[cmd_name]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.listing = False

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's own main, but a usage mistake (a bad value, an unknown command or option, a
        missing argument) is one `error:` line like every other mistake, not a usage block."""
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except _NO_ARGS as exc:  # `monitor` alone: its help, as asked
            click.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message())
            sys.exit(0)
        except click.UsageError as exc:
            names = exc.ctx.command_path.split()[1:] if exc.ctx is not None else []
            where = " ".join(["monitor", *names])
            click.echo(f"error: {where}: {exc.format_message().rstrip('.')} (see {where} --help)", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except MonitorError as exc:  # after the command, as its resources close (a signal then: `digest`'s)
            sys.exit(_said(exc))
        except click.Abort as exc:
            click.echo("Aborted!", err=True)
            # Ctrl-C: 130 (128 + SIGINT), as a shell reports an interrupted program; a prompt's closed input: 1
            sys.exit(130 if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt) else 1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            ctx.exit(_said(exc))
        except Exception as exc:
            if (line := _database_fault(ctx, exc)) is None:
                raise
            click.echo(f"error: {line}", err=True)
            ctx.exit(1)


def _said(exc: MonitorError) -> int:
    """`exc` on stderr as `error:` lines; its exit status (2 for a mistake in the input or config,
    or another process's lock)."""
    from .commands.output import shown  # not at start: `monitor --help` loads no command module

    for line in getattr(exc, "problems", None) or [str(exc)]:  # a server's words may be in it
        click.echo(f"error: {shown(line).replace(chr(10), ' ')}", err=True)
    if len(getattr(exc, "problems", []) or []) > 1 and exc.hint:
        click.echo(f"hint: {exc.hint}", err=True)
    return 2 if isinstance(exc, (ConfigError, InputError, LockBusy)) else 1


def _database_fault(ctx: click.Context, exc: Exception) -> str | None:
    """One line for a database that the disk or the file let down (full, unreadable, damaged),
    met outside the store's transactions (a read), or that another program kept locked past the
    busy timeout; None for anything else, which stays loud."""
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is None or type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
        return None
    import logging

    from .store import database_fault

    logging.getLogger("monitor").debug("database fault", exc_info=True)
    state = ctx.obj
    store = getattr(state, "_store", None)
    path = store.path if store is not None else getattr(state, "db_path", None)
    if (err := database_fault(exc, path)) is not None:  # the disk or the file, or another program's lock
        return str(err)
    where = f" {path}" if path else ""
    return (f"database{where}: {exc} (check it with sqlite3{where} 'PRAGMA integrity_check'; "
            "restore a damaged file from a backup)")


def no_database(path: Path) -> InputError:
    return InputError(f"no database at {path}", hint="check --db, MONITOR_DB or storage.path; "
                      "`monitor poll` or `monitor import` creates it")


class State:
    """Lazily loaded config and store, shared by the subcommands of one invocation."""

    def __init__(self, config: str | None, db: str | None) -> None:
        self.config_path = config
        self.db_path = db
        self._cfg: Config | None = None
        self._store: Store | None = None
        self._peeked: Peeked | None = None
        self.compile_topics = True
        self._held = contextlib.ExitStack()

    def names_topics_only(self) -> State:
        """For a command that names topics but never matches: their rules compile on first use
        (compiling the bundled rules is most of loading the config)."""
        self.compile_topics = False
        return self

    @property
    def cfg(self) -> Config:
        if self._cfg is None:
            from . import config

            self._cfg = config.load(self.config_path, self.db_path, compile_topics=self.compile_topics)
        return self._cfg

    @property
    def store(self) -> Store:
        if self._store is None:
            from .store import Store

            self._store = Store.open(self.cfg.db_path)
        return self._store

    def peek(self) -> Peeked:
        """The database's path and the topics' names, read from the config without validating
        the rest (see config.files.peek), once."""
        if self._peeked is None:
            from .config import peek

            self._peeked = peek(self.config_path, self.db_path)
        return self._peeked

    def reader(self) -> Reader:
        """The store and the topics' names for a command that only reads (search): the config is
        peeked at, not loaded and validated. A database that is not there is an error naming
        it (a mistyped --db, a volume not mounted), not a new empty one with nothing found."""
        from .pipeline.reading import Reader

        seen = self.peek()
        if self._store is None:
            if not seen.db_path.exists():
                raise no_database(seen.db_path)
            from .store import Store

            self._store = Store.open(seen.db_path)
        return Reader(self._store, seen.topics)

    def existing(self) -> State:
        """For a command that reads or tends the archive (feed, digest, rematch, reindex): a
        database that is not there is an error naming it, as for `reader`, instead of a new
        empty one read as an empty archive (an empty feed over the published one, a digest
        that finds nothing to send)."""
        if self._store is None and not self.cfg.db_path.exists():
            raise no_database(self.cfg.db_path)
        return self

    def has_database(self) -> bool:
        """Whether the database is there (or open), for a command that shows the config before
        the first poll (sources, health) without making one."""
        return self._store is not None or self.cfg.db_path.exists()

    def context(self, fetcher: bool = False) -> Context:
        from .pipeline.base import Context

        if not fetcher:
            return Context(self.cfg, self.store, None)
        from .fetch import Fetcher  # only polling fetches: other commands never load httpx

        return Context(self.cfg, self.store, Fetcher(self.cfg.fetch, memory=self.store.host_memory()))

    def hold(self, manager: contextlib.AbstractContextManager[Any]) -> None:
        """Enter `manager` until the invocation ends, after its database is closed (a command's
        own signal handlers, which must cover that close too)."""
        self._held.enter_context(manager)

    def close(self) -> None:
        try:
            if self._store is not None:
                self._store.close()
        finally:
            self._held.close()


class _FilePath(click.Path):
    """A file path option that may come from the environment: a bad value read from MONITOR_CONFIG
    or MONITOR_DB is named as that variable, not as the --config or --db the user never typed."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            from click.core import ParameterSource

            name = param.name if param else None
            if ctx is None or param is None or not name or not isinstance(param, click.Option) or not param.envvar \
                    or ctx.get_parameter_source(name) is not ParameterSource.ENVIRONMENT:
                raise
            raise click.UsageError(f"{param.envvar}={value} (from the environment): {exc.message.rstrip('.')}; "
                                   f"set {param.envvar} to a file or unset it", ctx) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar="MONITOR_CONFIG", type=_FilePath(dir_okay=False),
              help="Config file (default: config/monitor.toml, else the bundled one; env MONITOR_CONFIG).")
@click.option("--db", "db_path", envvar="MONITOR_DB", type=_FilePath(dir_okay=False),
              help="SQLite database file (default: storage.path from the config; env MONITOR_DB).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, db_path: str | None, verbose: int) -> None:
    """Watch Chinese regional news for the Shanghai–Sanming cooperation (沪明对口合作)."""
    import logging

    from .logs import setup

    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG

    setup(level, sys.stderr)  # JSON lines unless stderr is a terminal
    state = State(config_path, db_path)
    ctx.obj = state
    ctx.call_on_close(state.close)

