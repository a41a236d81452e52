"""A topic added by a SIGHUP while the database cannot be written (another program's write lock
past the busy timeout, a full disk): the daemon's pass matching the stored articles against it
failed with sqlite3's traceback and was not tried again, so the archive's articles never got the
new topic's verdicts until the daemon was restarted (its digests and searches missed them). Now the
fault is one line and the pass is tried again a while later. A real `monitor run` (its busy
timeout cut to a second, the wait before trying again to a second), a real SQLite file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess

from delivery_world import news_lines
from test_daemon import QUICK, next_record, start, stop, wait_for
from test_daemon_rechecks import unchecked

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store

COOP = '[topics.coop]\n[topics.coop.groups.coop]\nterms = ["合作"]\n[[topics.coop.rules]]\nname = "coop"\nany = ["coop"]\n'


def _daemon(path, db) -> subprocess.Popen:
    """`monitor run -v`, waiting a second for another program's write lock and for a failed pass's retry."""
    return start(path, db, first="from monitor import store, daemon; store.BUSY_SECONDS = 1; daemon.Rechecks.AGAIN = 1.0")


def test_a_topic_added_while_the_database_is_locked_is_matched_once_it_is_free(tmp_path):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK, encoding="utf-8")
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(5)).matched == 5
    ctx.store.close()
    proc = _daemon(path, db)
    holder = sqlite3.connect(db, isolation_level=None)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
        holder.execute("BEGIN IMMEDIATE")  # a sqlite3 shell left in BEGIN
        path.write_text(QUICK + COOP, encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        failed = next_record(proc, lambda r: "bringing stored articles up to date" in r["message"], seen)
        holder.execute("ROLLBACK")
        wait_for(lambda: unchecked(db, "coop") == 0, timeout=60, what="the new topic's verdicts on the archive")
    finally:
        holder.close()
        _, err = stop(proc)
    assert failed["level"] == "error" and "exc" not in failed, failed
    assert "is locked" in failed["message"], failed
    assert "Traceback" not in err, err[-3000:]


AID = COOP.replace("coop", "aid").replace("合作", "援助")


def test_a_sighup_while_a_refused_pass_waits_to_be_tried_again_tries_it_at_once(tmp_path):
    """The lock let go and the config reloaded (a second topic added, or a plain SIGHUP to say
    'try now'): the pass waited out its backoff (doubling, up to an hour) before matching the
    archive against either topic. Its wait here is an hour, so on main nothing comes in the test."""
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK, encoding="utf-8")
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(5)).matched == 5
    ctx.store.close()
    proc = start(path, db, first="from monitor import store, daemon; store.BUSY_SECONDS = 1; "
                                  "daemon.Rechecks.AGAIN = 3600.0")
    holder = sqlite3.connect(db, isolation_level=None)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
        holder.execute("BEGIN IMMEDIATE")
        path.write_text(QUICK + COOP, encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        failed = next_record(proc, lambda r: "bringing stored articles up to date" in r["message"], seen)
        holder.execute("ROLLBACK")
        path.write_text(QUICK + COOP + AID, encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: unchecked(db, "coop") == 0 and unchecked(db, "aid") == 0, timeout=60,
                 what="both new topics' verdicts on the archive after the second SIGHUP")
    finally:
        holder.close()
        _, err = stop(proc)
    assert "tried again in 3600 s" in failed["message"], failed
    assert "Traceback" not in err, err[-3000:]
