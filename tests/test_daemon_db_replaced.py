"""A backup restored while the daemon runs: another file put at the database's path (`mv`).

The daemon went on with the file it had open, gone from the path: its polls were stored where
nothing reads them, and its write-ahead log, named after the path (`m.db-wal`), stayed beside the
restored file, which took it as its own: a command opening the path read the old file's latest
pages over the restored ones (here the restored file, empty of articles, showed the daemon's), and
a write there made the mixture a damaged file. Nothing was said unless /healthz was asked. Now the
daemon sees the file replaced within seconds, empties its log into the file it had open, writes
nothing more and stops in one line (exit 1, so a supervisor starts it again on the file there
now). A real `monitor run`, a real feed on 127.0.0.1, real SQLite files."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess

from test_daemon import FEED, HEAD, site, start, stop, wait_for  # noqa: F401 (site: a fixture)
from test_daemon_rechecks import STORED, TEA, db, made, unchecked  # noqa: F401 (db, made: fixtures)

from monitor.store import Store


def articles(file) -> int:
    try:
        with sqlite3.connect(f"file:{file}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def replaced_under_the_daemon(path, file, backup, ready, timeout: float, what: str, first: str = "") -> str:
    """`monitor run` on `file` (`first`: as `start` takes it); once `ready(proc)`, `backup` put at `file`'s
    path (`mv`, the daemon left running): the daemon stops by itself, exit 1. Its log."""
    proc = start(path, file, first=first)
    try:
        wait_for(lambda: ready(proc), timeout=timeout, what=what)
        backup.replace(file)
        try:
            code = proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            code = None
    finally:
        _, err = stop(proc)
    assert code == 1, "the daemon went on with the file it had open" + err[-1500:]
    return err


def test_a_backup_put_in_place_under_the_daemon_stops_it_and_is_read_as_restored(tmp_path, site):  # noqa: F811
    path, backup = tmp_path / "monitor.toml", tmp_path / "backup.db"
    db = tmp_path / "m.db"  # noqa: F811 (not the fixture)
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    Store.open(db).close()  # last night's backup: the database before anything was polled
    with sqlite3.connect(db) as con, sqlite3.connect(backup) as copy:
        con.backup(copy)
    err = replaced_under_the_daemon(path, db, backup, lambda _: articles(db) > 0, 60, "the first poll stored")
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    said = [r for r in lines if "was replaced" in r["message"] and r["logger"] != "monitor.daemon"]
    assert len(said) == 1 and said[0]["level"] == "error", err[-1500:]
    assert [r["message"] for r in lines if r["message"].startswith("daemon stopped as its database file was replaced")]
    # the daemon signals itself to stop: no user sent the SIGTERM its stop line used to name
    stopping = [r["message"] for r in lines if r["message"].startswith("stopping ")]
    assert len(stopping) == 1 and stopping[0].startswith("stopping as its database file was replaced: "), stopping
    assert not [r for r in lines if r["level"] in ("error", "critical") and r not in said], err[-1500:]
    with sqlite3.connect(db) as con:  # the file at the path is the backup, whole, none of the old file's pages
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    again = start(path, db)  # started again, it polls into the restored file
    try:
        wait_for(lambda: articles(db) > 0, timeout=60, what="a poll stored in the restored file")
    finally:
        stop(again)


# Each ask between the pass's batches (`Rechecks.interrupted`) waits a second: the 2,500 articles' pass
# outlasts the daemon's look for a replaced file (`Replaced.CHECK`, 2 s) however fast the machine matches.
SLOW_PASS = ("import time; from monitor import daemon; asked = daemon.Rechecks.interrupted; "
             "daemon.Rechecks.interrupted = lambda self: time.sleep(1.0) or asked(self)")


def test_a_backup_put_in_place_while_the_daemon_matches_the_store_again_is_read_as_restored(db, made, tmp_path):  # noqa: F811
    # The daemon's other connection, matching stored articles against a topic added (`Rechecks`),
    # wrote on into the log named after the path after the daemon's own had emptied it.
    path, backup = tmp_path / "monitor.toml", tmp_path / "backup.db"
    path.write_text(HEAD + TEA, encoding="utf-8")
    shutil.copy(made, backup)  # the database before the daemon: every article waits for hu-ming's verdict
    err = replaced_under_the_daemon(path, db, backup, lambda proc: unchecked(db) < STORED or proc.poll() is not None,
                                    240, "a first batch", first=SLOW_PASS)
    assert "Traceback" not in err, err[-3000:]
    done = [int(m) for m in re.findall(r"catch-up topic=hu-ming matched_articles=(\d+)", err)]
    assert done and max(done) < STORED, ("the pass ended before the file was replaced", done, err[-1500:])
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert unchecked(db) == STORED, "the restored file read the daemon's verdicts"
