"""The daemon's database left running for months beside other programs writing to it.

SQLite in WAL mode writes each transaction to `<db>-wal` first; a checkpoint copies it into the
database and the next write starts the log again from its beginning, but the file keeps the size
it once reached for as long as a connection is open: the daemon's is open for months. One large
transaction beside it (an import of a year's archive, a rematch, a long sqlite3 shell session
holding readers back while the polls go on) left `monitor.db-wal` at its largest for good. Each
connection now asks SQLite to cut the log back to `store.WAL_KEEP_KIB` when it starts it again.
A real `monitor run` polling a site on 127.0.0.1; the large write is another connection's."""

from __future__ import annotations

import sqlite3
import time

from test_daemon import FEED, HEAD, site, start, stop, wait_for  # noqa: F401 (fixture)

from monitor.store import WAL_KEEP_KIB


def test_the_log_grown_by_a_large_write_beside_the_daemon_is_cut_back(tmp_path, site):  # noqa: F811
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]")
                    + FEED.format(base=site.base_url, interval="1s"), encoding="utf-8")
    wal = tmp_path / "m.db-wal"
    proc = start(path, db)
    try:
        wait_for(lambda: len(site.paths_requested()) >= 3 and wal.exists(), timeout=60, what="the first polls")
        other = sqlite3.connect(db, isolation_level=None)  # another program's one large transaction
        other.execute("CREATE TABLE scratch (b BLOB)")
        other.execute("BEGIN")
        for _ in range(48):
            other.execute("INSERT INTO scratch VALUES (randomblob(1000000))")
        other.execute("COMMIT")
        other.execute("DROP TABLE scratch")
        other.close()
        grown = wal.stat().st_size
        polls = site.paths_requested().count("/feed/rss.xml")
        wait_for(lambda: site.paths_requested().count("/feed/rss.xml") >= polls + 3, timeout=60, what="three polls")
        time.sleep(0.5)
        kept = wal.stat().st_size
    finally:
        _, err = stop(proc)
    assert grown > 40 * 2**20, grown
    assert kept <= WAL_KEEP_KIB * 1024, (grown, kept)
    assert "Traceback" not in err
