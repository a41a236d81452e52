"""The daemon beside a program holding the database's write lock past the busy timeout (a sqlite3
shell left in BEGIN, a backup tool): a poll that cannot record itself says so in one line. A real
`monitor run` (its busy timeout cut to a second), a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess

from test_daemon import FEED, GBK, QUICK, next_record, site, start, stop  # noqa: F401 (fixture)


def _daemon(path, db) -> subprocess.Popen:
    """`monitor run -v`, waiting a second (not thirty) for another program's write lock."""
    return start(path, db, first="from monitor import store; store.BUSY_SECONDS = 1")


def test_a_poll_that_cannot_record_itself_under_anothers_lock_is_one_line(tmp_path, site):  # noqa: F811
    # 'source=feed: could not record the poll' came with sqlite3's traceback ('database is
    # locked') at every poll while a sqlite3 shell held its BEGIN, and the JSON line's source
    # field was 'feed:' (a log query on source="feed" missed them all).
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s"), encoding="utf-8")
    proc = _daemon(path, db)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        next_record(proc, lambda r: r.get("source") == "feed" and "status" in r)  # a first poll done
        holder.execute("BEGIN IMMEDIATE")
        said = next_record(proc, lambda r: "could not record the poll" in r["message"])
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        stop(proc)
    assert "exc" not in said and said["level"] == "error", said
    assert "is locked: another program has held its write lock" in said["message"], said
    assert said["source"] == "feed", said


def test_a_lock_held_through_many_polls_is_one_error_line(tmp_path, site):  # noqa: F811
    # A sqlite3 shell left in BEGIN over lunch: each poll of each source said the same fault at
    # WARNING (with its traceback), 960 lines an hour for sixteen one-minute sources; now one
    # line at ERROR, each poll's at INFO (-v), said again hourly while it lasts.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s")
                    + GBK.format(base=site.base_url) + 'interval = "2s"\n', encoding="utf-8")
    proc = _daemon(path, db)
    holder = sqlite3.connect(db, isolation_level=None)
    said: list[dict] = []
    try:
        next_record(proc, lambda r: r.get("source") == "feed" and "status" in r)
        next_record(proc, lambda r: r.get("source") == "gbk" and "status" in r)
        holder.execute("BEGIN IMMEDIATE")
        while len(said) < 4:
            said.append(next_record(proc, lambda r: "could not record the poll" in r["message"]))
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        stop(proc)
    assert [r["level"] for r in said] == ["error", "info", "info", "info"], said
