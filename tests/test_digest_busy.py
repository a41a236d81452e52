"""The daemon's digest while another program holds the database's write lock for minutes (a
long import, a sqlite3 shell left in a transaction).

Before, the digest job waited out the busy timeout, APScheduler logged its traceback, and the
digest of the day was skipped until the next scheduled time (tomorrow, for a daily digest).
Now the failure is one line saying the database is locked and when the digest runs again, and
it does run again once the lock is gone: every story arrives, once. A real `monitor run`, a real
lock held from another connection, a webhook receiver on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from delivery_world import NO_PROXY, counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


@pytest.mark.timeout(300)
def test_a_digest_that_met_a_locked_database_says_so_in_one_line_and_runs_again(tmp_path, webhook_receiver):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/hook"}])
    db = tmp_path / "m.db"
    store = Store.open(db)
    assert import_lines(Context(config.load(path, db), store), news_lines(5)).matched == 5
    store.digest_ran("desk", datetime.now(timezone.utc) - timedelta(days=2))  # today's run is due at the start
    store.close()

    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the other program's write transaction
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    # its busy timeout a second, not thirty; the retry job each 15 s, not each minute (its first run, a
    # database write, comes well after the lock is let go), a failed digest owed 5 s, not 20
    first = ("from monitor import scheduler, store; store.BUSY_SECONDS = 1; scheduler.RETRY_EVERY = 15.0; "
             "scheduler.AGAIN_FIRST = 5.0; from monitor.cli import main; main()")
    proc = subprocess.Popen([sys.executable, "-c", first, "--config", str(path), "--db", str(db), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True).start()

    def wait_for(check, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not check():
            time.sleep(0.2)
        return check()

    try:
        assert wait_for(lambda: any("subscriber=desk" in line and "locked" in line for line in lines),
                        120), lines
        holder.execute("ROLLBACK")  # the lock is gone
        assert wait_for(lambda: webhook_receiver.requests, 120), "the digest never ran again"
    finally:
        holder.close()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    text = "".join(lines)
    assert "Traceback" not in text and "raised an exception" not in text, text
    said = [line for line in lines if "locked" in line]
    assert len(said) == 1 and "runs again at the first retry" in said[0], said
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(5), 1)
