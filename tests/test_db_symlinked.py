"""A database file reached by two names: `data/monitor.db` a symbolic link to the file on a
larger disk (`/mnt/big/monitor.db`), one program given the link (the config's storage.path),
another the file itself (a cron line, a second unit file).

The locks that keep one daemon per database, one sender of digests and one poller per source
are files named after the database. They were named after the name given, so the link and the
file had locks of their own: a second daemon started beside the first, and two senders sent the
same waiting message at once. Now they are named after the file the name leads to. Real
processes, a real SQLite file, a real webhook receiver on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from delivery_world import NO_PROXY, news_lines, write_config

from monitor import config, locks
from monitor.pipeline import Context, import_lines
from monitor.store import Store

HEAD = 'include = ["monitor:topics/hu-ming.toml"]\n'


def run(path, db, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    return subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def linked(tmp_path):
    (tmp_path / "big").mkdir()
    (tmp_path / "data").mkdir()
    real, link = tmp_path / "big" / "monitor.db", tmp_path / "data" / "monitor.db"
    Store.open(real).close()
    link.symlink_to(real)
    return real, link


def test_a_second_daemon_given_the_databases_other_name_is_refused(tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD, encoding="utf-8")
    real, link = linked(tmp_path)
    first = run(path, link, "run")
    try:
        end = time.monotonic() + 60
        while time.monotonic() < end and locks.holder(locks.lock_path(link, "daemon")) != first.pid:
            time.sleep(0.1)
        assert locks.holder(locks.lock_path(link, "daemon")) == first.pid
        second = run(path, real, "run")
        try:
            _, err = second.communicate(timeout=60)
        finally:
            if second.poll() is None:  # it ran beside the first
                second.kill()
                second.communicate(timeout=60)
        assert second.returncode == 2, err
        assert f"already running for this database (pid {first.pid}" in err, err
    finally:
        first.terminate()
        first.communicate(timeout=60)


def at_lock(proc: subprocess.Popen, lock) -> None:
    """Until `proc` has the file `lock` open (it is trying to take it), or fails the test."""
    want = os.stat(lock)
    end = time.monotonic() + 120
    while time.monotonic() < end and proc.poll() is None:
        try:
            fds = os.listdir(f"/proc/{proc.pid}/fd")
        except OSError:  # it ended meanwhile
            fds = []
        for fd in fds:
            try:
                st = os.stat(f"/proc/{proc.pid}/fd/{fd}")
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (want.st_dev, want.st_ino):
                return
        time.sleep(0.05)
    raise AssertionError(f"{proc.args[3:]} never opened {lock} (exit status {proc.poll()})")


def test_a_digest_given_the_other_name_waits_for_the_sender_under_way(tmp_path, webhook_receiver):
    real, link = linked(tmp_path)
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/hook"}])
    store = Store.open(link)
    assert import_lines(Context(config.load(path, link), store), news_lines(3)).matched == 3
    store.close()
    with locks.exclusive(locks.lock_path(link, "deliver"), "a digest delivery"):  # the daemon's digest, under way
        proc = run(path, real, "digest")
        at_lock(proc, locks.lock_path(link, "deliver"))  # (not a guessed 3 s: its start alone takes longer at load)
        time.sleep(0.5)  # trying it each 0.1 s
        assert not webhook_receiver.requests, "a second sender went ahead beside the first"
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert len(webhook_receiver.requests) == 1


def test_a_backup_restored_under_the_other_name_sends_nothing_twice(tmp_path, webhook_receiver):
    """The note of what was sent (`<db>.sent`) is one per database too: kept beside each name,
    a backup restored and then sent from under the link did not know what went under the file's
    name, and sent it again."""
    import shutil

    from delivery_world import counts

    from monitor.pipeline import send_digests

    real, link = linked(tmp_path)
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/hook"}], max_stories=3)
    store = Store.open(link)
    assert import_lines(Context(config.load(path, link), store), news_lines(6)).matched == 6
    store.close()
    shutil.copy(real, tmp_path / "backup.db")  # last night's backup: every story, none sent
    for name in (link, real):  # cron's digest under the link, the daemon's under the file's name
        store = Store.open(name)
        assert send_digests(Context(config.load(path, name), store))[0].stories == 3
        store.close()
    for suffix in ("-wal", "-shm"):
        real.with_name(real.name + suffix).unlink(missing_ok=True)
    shutil.copy(tmp_path / "backup.db", real)  # restored
    store = Store.open(link)
    assert send_digests(Context(config.load(path, link), store))[0].stories == 0
    store.close()
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(6), 1)
