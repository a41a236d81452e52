"""A database file with two names by a hard link (`ln /srv/monitor/monitor.db /var/lib/monitor.db`:
a second unit file, a cron line or a restore script naming the other), the daemon started under one
name and another program under the other.

The locks that keep one daemon per database and one sender of digests at a time were files named
after the path (`<db>.lock`, `<db>.deliver.lock`); a symbolic link is followed to its file, but a
hard link is a name of its own in its own directory, so each name had its own lock files: a
second daemon started beside the first and both sent every digest. Now each kind of lock also
takes a byte of the database file itself. Real processes, a real SQLite file, a real webhook
receiver on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from delivery_world import NO_PROXY, news_lines, write_config

from monitor import config, locks
from monitor.errors import LockBusy
from monitor.pipeline import Context, deliver, import_lines, send_digests
from monitor.store import Store

HEAD = 'include = ["monitor:topics/hu-ming.toml"]\n'


def env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k not in NO_PROXY}, "NO_PROXY": "127.0.0.1"}


def linked(tmp_path):
    (tmp_path / "srv").mkdir()
    (tmp_path / "var").mkdir()
    first, other = tmp_path / "srv" / "monitor.db", tmp_path / "var" / "monitor.db"
    Store.open(first).close()
    os.link(first, other)
    return first, other


def test_a_second_daemon_given_the_databases_other_name_is_refused(tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD, encoding="utf-8")
    first, other = linked(tmp_path)
    argv = [sys.executable, "-m", "monitor", "--config", str(path), "--db"]
    daemon = subprocess.Popen([*argv, str(first), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env())
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end and locks.holder(locks.lock_path(first, "daemon")) != daemon.pid:
            time.sleep(0.1)
        assert locks.holder(locks.lock_path(first, "daemon")) == daemon.pid, daemon.stderr
        second = subprocess.Popen([*argv, str(other), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=env())
        try:
            _, err = second.communicate(timeout=120)
        finally:
            if second.poll() is None:  # it ran beside the first
                second.kill()
                second.communicate(timeout=60)
        assert second.returncode == 2, err
        assert "monitor run is already running for this database under another of its names" in err, err
        assert len(err.strip().splitlines()) <= 2, err  # one line and its hint, no traceback
    finally:
        daemon.terminate()
        daemon.communicate(timeout=120)
    assert daemon.returncode == 0


HOLDER = """
import sys
from monitor import config
from monitor.pipeline import Context, deliver
from monitor.store import Store
ctx = Context(config.load(sys.argv[1], sys.argv[2]), Store.open(sys.argv[2]))
with deliver._delivery_lock(ctx):  # the daemon's digest under way, under its name of the file
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_digest_under_the_other_name_does_not_send_beside_the_sender_under_way(tmp_path, webhook_receiver,
                                                                                  monkeypatch):
    first, other = linked(tmp_path)
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/hook"}])
    store = Store.open(first)
    assert import_lines(Context(config.load(path, first), store), news_lines(3)).matched == 3
    store.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(first)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env())
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(deliver, "LOCK_WAIT", 0.0)  # not two minutes: busy is busy
        for name in NO_PROXY:
            monkeypatch.delenv(name, raising=False)
        store = Store.open(other)
        try:
            with pytest.raises(LockBusy, match="under another of its names"):
                send_digests(Context(config.load(path, other), store))
        finally:
            store.close()
        assert not webhook_receiver.requests, "a second sender went ahead beside the first"
    finally:
        holder.communicate("", timeout=120)
    assert holder.returncode == 0
    store = Store.open(other)  # the first sender done, the other name sends what waits, once
    assert send_digests(Context(config.load(path, other), store))[0].stories == 3
    store.close()
    assert len(webhook_receiver.requests) == 1


def test_a_daemon_started_before_its_database_existed_refuses_one_under_a_name_linked_later(tmp_path):
    """The very first start: no database file yet, so the daemon took no byte of it, and a second
    daemon under a name linked once the file was there ran beside it."""
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD, encoding="utf-8")
    (tmp_path / "srv").mkdir()
    (tmp_path / "var").mkdir()
    first, other = tmp_path / "srv" / "monitor.db", tmp_path / "var" / "monitor.db"
    argv = [sys.executable, "-m", "monitor", "--config", str(path), "--db"]
    daemon = subprocess.Popen([*argv, str(first), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env())
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end and not (locks.holder(locks.lock_path(first, "daemon")) == daemon.pid
                                              and first.exists()):
            time.sleep(0.1)
        assert first.exists() and locks.holder(locks.lock_path(first, "daemon")) == daemon.pid
        os.link(first, other)
        second = subprocess.Popen([*argv, str(other), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=env())
        try:
            _, err = second.communicate(timeout=120)
        finally:
            if second.poll() is None:  # it ran beside the first
                second.kill()
                second.communicate(timeout=60)
        assert second.returncode == 2, err
        assert "monitor run is already running for this database under another of its names" in err, err
    finally:
        daemon.terminate()
        _, err = daemon.communicate(timeout=120)
    assert daemon.returncode == 0, err
    store = Store.open(other)  # the file made empty at the start is the daemon's database
    try:
        assert "articles" in store.db.table_names()
    finally:
        store.close()


POLLER = """
import sys
from monitor import locks
with locks.polling(sys.argv[1], ["a"]):  # a poll of source a under way, under its name of the file
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_source_polled_under_one_name_is_not_polled_under_the_other(tmp_path):
    """`<db>.poll.lock` is named by the path: a `monitor poll` under the hard link's name polled
    the source the daemon was polling under the other, and fetched every new link twice."""
    first, other = linked(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", POLLER, str(first)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env())
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with locks.polling(other, ["a", "b"]) as busy:
            assert busy == {"a"}
        with locks.polling(first, ["a"]) as busy:  # under the same name, as before
            assert busy == {"a"}
    finally:
        holder.communicate("", timeout=120)
    assert holder.returncode == 0
    with locks.polling(other, ["a"]) as busy:  # the poll ended: free under either name
        assert busy == set()
