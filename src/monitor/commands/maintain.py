"""Store upkeep: `reindex`, `backup`, `restore`, and the progress shown while a writer rebuilds what an upgrade changed."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from ..plural import counted

STALE_INDEX = ("warning: the search index was made by another version of monitor (its text normalising "
               "changed), so some stored articles may not be found; run `monitor reindex` (any poll or "
               "import also does it)")


@contextlib.contextmanager
def rebuild_progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A rich progress bar for a rebuild (index, fingerprints) on a terminal, shown only once
    one starts; None elsewhere (the log has a line at its start and end)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, TaskID

    bar = Progress(transient=True)
    tasks: dict[str, TaskID] = {}

    def advance(what: str, done: int, total: int) -> None:
        if what not in tasks:
            if not tasks:
                bar.start()
            tasks[what] = bar.add_task(f"rebuilding {what}", total=total)
        bar.update(tasks[what], completed=done, total=total)

    try:
        yield advance
    finally:
        if tasks:
            bar.stop()


@click.command()
@click.option("--force", is_flag=True, help="Rebuild even when the store is at the current normal form.")
@click.pass_obj
def reindex(state, force) -> None:
    """Rebuild the search index and repost fingerprints made by another version's text normalising.

    Any poll, import or daemon start does this by itself; interrupted, it goes on from where it
    stopped. The daemon may keep polling the same database meanwhile."""
    from ..pipeline.reindex import bring_up_to_date

    state.names_topics_only()
    try:
        with rebuild_progress() as progress:
            done = bring_up_to_date(state.existing().context(), progress, force=force)
    except KeyboardInterrupt:  # what was rebuilt is committed in batches: said, not a bare "Aborted!"
        click.echo("error: reindex stopped by Ctrl-C: what it rebuilt is kept (run monitor reindex again to go on "
                   "from where it stopped; a poll, an import or the daemon's start does it too)", err=True)
        sys.exit(130)
    if done.indexed or done.fingerprinted:
        click.echo(f"re-indexed {counted(done.indexed, 'article')}, fingerprinted {done.fingerprinted}")
    else:
        click.echo("the search index and fingerprints are up to date")


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--keep/--replace", "keep_earlier", default=False,
              help="Keep an earlier backup at DEST beside the new one, named by when it was made (default: replace it).")
@click.pass_obj
def backup(state, dest: Path, keep_earlier: bool) -> None:
    """Copy the database to DEST whole, as it stands at one moment, while the daemon or a poll writes.

    A copy of the file itself (cp, rsync) made meanwhile misses what its write-ahead log holds,
    or is torn. Keep `<db>.sent` where it is: restored, the database reads it, and what was sent
    since the backup is not sent again. An earlier backup at DEST is replaced, and the line says
    when it was made (--keep keeps it beside, named by that time)."""
    from ..errors import InputError
    from ..sentlog import log_path

    db = state.names_topics_only().existing().cfg.db_path  # a copy never matches: compiling the rules was ~1.5 s CPU
    if dest.resolve() in {db.resolve(), *(db.resolve().with_name(db.resolve().name + x) for x in ("-wal", "-shm"))}:
        raise InputError(f"{dest} is the database itself", hint="give another path")
    if (unplaced := _no_directory(dest)) is not None:
        raise InputError(f"cannot back up to {dest}: {unplaced[0]}; nothing was written", hint=unplaced[1])
    if _not_a_database(dest):  # the user's own file (arguments mixed up, a name mistyped): never replaced
        raise InputError(f"{dest} exists and is not a database (not an earlier backup); nothing was written",
                         hint="give a new path, or an earlier backup's")
    earlier = _made(dest)
    keep = _beside(dest, earlier) if keep_earlier and earlier else None
    size = state.store.backup(dest, keep)
    kept = (f"; the earlier backup there (made {earlier}) kept as {keep.name}" if keep else
            f"; it replaced the earlier backup there, made {earlier} (--keep keeps one beside)" if earlier else "")
    click.echo(f"backed up {db} to {dest} ({size / 1e6:.1f} MB){kept}; leave {log_path(db).name} where it is (a "
               "restore reads it)")


def _made(dest: Path) -> str | None:
    """When the earlier backup at `dest` was made, in Shanghai's time (`2026-12-05 08:00`); None
    when nothing is there to replace (absent, empty)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    try:
        made = dest.stat()
    except OSError:
        return None
    if not made.st_size:
        return None
    return datetime.fromtimestamp(made.st_mtime, ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")


def _beside(dest: Path, made: str) -> Path:
    """Where `--keep` puts an earlier backup at `dest`: beside it, named by when it was made
    (`monitor.20261205T0800.db`, Shanghai's time), never over another kept one."""
    stamp = made.replace("-", "").replace(" ", "T").replace(":", "")
    n = 1
    while (keep := dest.with_name(f"{dest.stem}.{stamp}{'' if n == 1 else f'-{n}'}{dest.suffix}")).exists():
        n += 1
    return keep


def _no_directory(dest: Path) -> tuple[str, str] | None:
    """Why `dest` cannot be made where it is named (its directory missing, or a file) and the fix; or None."""
    parent = dest.absolute().parent
    if parent.is_dir():
        return None
    if parent.exists():
        return f"{dest.parent} is a file, not a directory", "give a path in a directory"
    return f"there is no directory {dest.parent}", f"create it first (mkdir -p {dest.parent}) or give another path"


def _not_a_database(path: Path) -> bool:
    """Whether `path` holds something other than an SQLite database (an empty or absent file: no)."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:  # absent, a directory, unreadable: the backup says why when it writes there
        return False
    return bool(head) and head != b"SQLite format 3\x00"


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def restore(state, source: Path) -> None:
    """Put the backup SOURCE in place of the database (the daemon stopped).

    The write-ahead log beside the database (`<db>-wal`, left by a daemon killed or a power cut)
    goes with it: a copy (cp) put in its place is read with that log's pages over it. `<db>.sent`
    stays: what was sent since the backup is recorded as sent at the next digest, not sent again."""
    from .. import locks
    from ..errors import InputError
    from ..sentlog import log_path
    from ..store import restore as put_back

    db = state.names_topics_only().cfg.db_path  # never matches: the rules are not compiled (nor a broken one refused)
    if db.exists() and source.resolve() == db.resolve():
        raise InputError(f"{source} is the database itself", hint="give the backup's path")
    if _not_a_database(source) or not source.stat().st_size:  # arguments mixed up, the wrong file picked
        what = "is not an SQLite database" if source.stat().st_size else "is empty"
        raise InputError(f"{source} {what}, not a backup of monitor's; nothing was changed",
                         hint="give the file `monitor backup` made")
    with locks.held(db, "daemon", "monitor run"), locks.held(db, "deliver", "a digest delivery"):
        size = put_back(source, db)
    kept = (f"; {log_path(db).name} kept: what was sent since the backup is not sent again"
            if log_path(db).exists() else "")
    click.echo(f"restored {source} to {db} ({size / 1e6:.1f} MB){kept}")


COMMANDS = [reindex, backup, restore]
