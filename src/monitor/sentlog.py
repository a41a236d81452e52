"""What each channel was sent, kept beside the database (`<db>.sent`), for when the database
itself forgets: restored from a backup, or replaced by an older copy or a new file.

In: the database path; each message accepted by its receiver (subscriber, channel, key and the
URLs of its stories' articles). Out: the last message sent (`last`); whether the database knows
it (`stale`), and for a database that does not, the URLs each channel was sent (`sent`). One
line per message, appended as its receiver takes it, before the database records it: a record
that fails (a damaged page, the sender killed) leaves the note, and the next run records the
message instead of sending it again. The database stays the record, this file only what it may
not know. Never touches the database itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

TAIL = 64 * 1024  # bytes read from the end for the last line


def log_path(db_path: str | Path) -> Path:
    """`<db>.sent`, beside the file the path leads to: one note per database, whatever its name
    (a symbolic link to it, or the file's own). Named by the path, not keyed to the file (as the
    locks' bytes are, `locks.Identity`): the note is for the file put in the database's place (a
    backup restored, a new file), which is another file under the same name; keyed to the file,
    that one would find no note. A hard link's second name has a note of its own, which that
    name's restore reads."""
    db = Path(db_path)
    with suppress(OSError, RuntimeError):  # a loop of links: the name as given
        db = db.resolve()
    return db.with_name(db.name + ".sent")


def add(db_path: str | Path, subscriber: str, channel: str, key: str, urls: Iterable[str]) -> bool:
    """Note a message its receiver accepted; False when the disk refused the line (a full disk),
    which costs only this note."""
    line = ("\t".join((subscriber, channel, key, " ".join(u for u in urls if u and " " not in u))) + "\n").encode()
    path = log_path(db_path)
    try:
        new = not path.exists()
        with open(path, "a+b") as f:
            if f.seek(0, os.SEEK_END):  # a line a full disk cut short ends without a break: not this one's start
                f.seek(-1, os.SEEK_END)
                if f.read(1) != b"\n":
                    line = b"\n" + line
            f.write(line)
            f.flush()
            os.fsync(f.fileno())  # on the disk before the database records it: a power cut keeps the note
        if new:  # and the file's name in its directory
            fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError:
        return False
    return True


def last(db_path: str | Path) -> tuple[tuple[str, str, str] | None, str | None]:
    """(subscriber, channel, key) of the last message noted (None when there is none), and the key
    of the one before it ("" when there is none; None when it cannot be read from the tail). A line
    that is not a whole note (cut short by a full disk, a power cut's garbage) is passed over: read
    as the last, it named nothing, and a restored database was taken to know all that went."""
    try:
        with open(log_path(db_path), "rb") as f:
            end, back = f.seek(0, os.SEEK_END), TAIL
            while True:  # a message of stories copied by hundreds of sites has a line of megabytes
                start = max(0, end - back)
                f.seek(start)
                lines = f.read(end - start).decode("utf-8", "replace").rstrip("\n").split("\n")
                if start:
                    lines = lines[1:]  # the first may be the end of a line cut by the seek
                parts = [p for p in (line.split("\t") for line in lines) if len(p) == 4]
                if len(parts) >= 2 or not start:
                    break
                back *= 4
    except OSError:
        return None, None
    parts = parts[-2:]
    noted = (parts[-1][0], parts[-1][1], parts[-1][2]) if parts else None
    before = parts[0][2] if len(parts) == 2 else ("" if not start and len(parts) == 1 else None)
    return noted, before


def stale(db_path: str | Path, knows: Callable[[str], bool]) -> bool:
    """Whether the database does not know (`knows(key)`) the last message sent from it."""
    noted = last(db_path)[0]
    return noted is not None and not knows(noted[2])


def behind(db_path: str | Path, knows: Callable[[str], bool], holds: Callable[[str], bool],
           digest_ran: float | None) -> str | None:
    """One line saying the database is behind its note, and what to do; None when it is not. It is
    when it does not know the last message noted sent (`knows(key)`) and does not hold it waiting
    (`holds(key)`) after the one before it: restored from an older backup, or its -wal lost in a
    crash, so what it stored since (imports, polls, what it sent) is gone. A run killed between the
    receiver's answer and the record leaves it held: the next digest records it (`record_noted`).
    A digest run since the note's last line (`digest_ran`, its POSIX time), or the daemon's retry job
    setting the database right, recorded what it says went (`reconcile`): the database stays without
    that message until it sends the next."""
    noted, before = last(db_path)
    if noted is None or knows(noted[2]):
        return None
    with suppress(OSError):
        if digest_ran is not None and digest_ran >= log_path(db_path).stat().st_mtime:
            return None
    if holds(noted[2]) and (before == "" or (before is not None and knows(before))):
        return None
    return (f"database behind its sent note {log_path(db_path).name}: the last message noted sent "
            f"(subscriber={noted[0]} channel={noted[1]}) is not in it (restored from an older backup, or its -wal "
            "lost in a crash): what it stored since (imports, polls, deliveries) is gone; nothing is sent twice (the "
            "next digest records what the note says went); restore a newer backup if there is one, or let the next "
            "polls fetch again what the sites still list")


PART = "~"  # a message some of its recipients took: `<key>~<who took it>` (`partly`)


def part_key(key: str, took: Iterable[str]) -> str:
    """The note's key for message `key` taken by the recipients `took` only (the others deferred)."""
    return key + PART + ",".join(sorted(took))


def split_part(noted: str) -> tuple[str, set[str] | None]:
    """A noted key read back (`part_key`'s inverse): the message's key and the recipients who took
    it, None for a message noted whole."""
    key, part, took = noted.partition(PART)
    return key, set(took.split(",")) if part else None


def _since(db_path: str | Path, knows: Callable[[str], bool] | None) -> list[list[str]]:
    lines: list[list[str]] = []
    try:
        with open(log_path(db_path), encoding="utf-8", errors="replace") as f:
            lines = [parts for parts in (line.rstrip("\n").split("\t") for line in f) if len(parts) == 4]
    except OSError:
        pass
    if knows is not None:
        start = len(lines)
        while start and not knows(lines[start - 1][2]):
            start -= 1
        lines = lines[start:]
    return lines


def sent(db_path: str | Path, knows: Callable[[str], bool] | None = None
         ) -> tuple[dict[tuple[str, str], set[str]], set[str]]:
    """The URLs each (subscriber, channel) was sent, and the keys of the messages sent; with
    `knows`, of the messages after the last one the database knows (`knows(key)`): what it missed.
    A message some recipients took (`part_key`) is not among them (`partly`)."""
    urls: dict[tuple[str, str], set[str]] = {}
    lines = [parts for parts in _since(db_path, knows) if PART not in parts[2]]
    for parts in lines:
        urls.setdefault((parts[0], parts[1]), set()).update(parts[3].split())
    return urls, {parts[2] for parts in lines}


def partly(db_path: str | Path, knows: Callable[[str], bool] | None = None) -> dict[tuple[str, str], set[str]]:
    """The URLs of the messages each (subscriber, channel) had taken by some recipients only (the
    others deferred: their retry is for those), since the last message the database knows."""
    urls: dict[tuple[str, str], set[str]] = {}
    for parts in _since(db_path, knows):
        if PART in parts[2]:
            urls.setdefault((parts[0], parts[1]), set()).update(parts[3].split())
    return urls


def took(db_path: str | Path, knows: Callable[[str], bool] | None = None) -> dict[str, set[str]]:
    """Per message key, the recipients the note says took it (`part_key`) since the last message
    the database knows: a restored database that holds that message waiting sends it to the others."""
    who: dict[str, set[str]] = {}
    for parts in _since(db_path, knows):
        key, names = split_part(parts[2])
        if names:
            who.setdefault(key, set()).update(n for n in names if n)
    return who


def took_urls(db_path: str | Path, knows: Callable[[str], bool] | None = None) -> dict[str, set[str]]:
    """Per URL, the recipients the note says took a message carrying it that some took only
    (`part_key`), since the last message the database knows: a restored database holding those
    stories in another message (planned before it was split) sends that one to the others."""
    who: dict[str, set[str]] = {}
    for parts in _since(db_path, knows):
        names = split_part(parts[2])[1] or set()
        for url in parts[3].split() if names else ():
            who.setdefault(url, set()).update(n for n in names if n)
    return who
