"""Polls whose articles the database refuses (a full disk, another program's write lock past the
busy timeout): the site answered, the store did not. A real `monitor run` (its busy timeout cut to
a second), a feed on 127.0.0.1, a real SQLite file whose write lock the test holds.

Each such poll was a failure of its source: after five of them every source was polled less often
(at most hourly), so once the disk had room again (or the lock was let go) the daemon stored nothing
for up to an hour; and each source was said to be 'failing' over its site, beside the store's line.
"""

from __future__ import annotations

import signal
import sqlite3
from datetime import datetime

from delivery_world import news_lines
from test_daemon import FEED, QUICK, next_record, site, stop  # noqa: F401 (site: a fixture)
from test_daemon_db_locked import _daemon

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


def _polled(record: dict) -> bool:
    return record.get("source") == "feed" and "status" in record


def _refused(record: dict) -> bool:
    return record.get("source") == "feed" and "storing articles failed" in record["message"]


def test_polls_the_database_refused_do_not_slow_the_source_once_it_takes_them_again(tmp_path, site):  # noqa: F811
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK, encoding="utf-8")  # no source yet: the first poll comes under the lock
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(1)).matched == 1  # an archive with articles in it
    ctx.store.close()
    proc = _daemon(path, db)
    holder = sqlite3.connect(db, isolation_level=None)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
        holder.execute("BEGIN IMMEDIATE")  # a sqlite3 shell left in BEGIN (or the disk full)
        path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        refused = [next_record(proc, _refused, seen) for _ in range(8)]
        holder.execute("ROLLBACK")
        stored = next_record(proc, lambda r: _polled(r) and r["status"] != "error", seen)
    finally:
        holder.close()
        stop(proc)
    last = [r for r in seen if _refused(r)][-1]  # the last refused poll, read or not before the lock went
    gap = (datetime.fromisoformat(stored["time"]) - datetime.fromisoformat(last["time"])).total_seconds()
    assert gap < 6, f"the first poll after the lock was let go came {gap:.0f} s after the last refused one"
    assert stored["new"] == 3, stored
    blamed = [r["message"] for r in seen if r.get("source") == "feed" and ("is failing" in r["message"] or "works again" in r["message"])]
    assert not blamed, blamed  # its site answered every time
    assert [r["level"] for r in refused] == ["error"] + ["info"] * 7, refused  # said once, each poll at -v


def test_a_new_database_refusing_the_first_poll_says_so_in_one_line(tmp_path, site):  # noqa: F811
    # A new install's database, nothing stored yet: each poll first notes the running code's
    # normal form in it, and that write, refused, ended the poll with APScheduler's 'Job "poll
    # feed" raised an exception' and sqlite3's traceback, a poll, no report and no line of ours.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK, encoding="utf-8")
    proc = _daemon(path, db)
    holder = sqlite3.connect(db, isolation_level=None)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
        holder.execute("BEGIN IMMEDIATE")
        path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        said = next_record(proc, lambda r: _refused(r) or "raised an exception" in r["message"], seen)
        holder.execute("ROLLBACK")
        stored = next_record(proc, lambda r: _polled(r) and r["status"] != "error", seen)
    finally:
        holder.close()
        _, err = stop(proc)
    assert _refused(said) and said["level"] == "error" and "exc" not in said, said
    assert stored["new"] == 3, stored
    assert "Traceback" not in err and not [r for r in seen if "exc" in r], err[-3000:]
