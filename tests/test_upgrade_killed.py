"""An upgrade killed half-way: the first `monitor` command run after installing a new version
migrates the database (here from before m010, whose migration rebuilds the search index from
every stored article), and is killed (SIGKILL: `kill -9`, power loss) while it writes. The next
command finds the database as the old version left it, migrates it whole, and nothing is lost
or stored twice. Real processes on a real SQLite file (WAL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from monitor import textnorm
from monitor.store import migrations

N = 6000
WORDS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"


def old_database(path) -> None:
    from sqlite_utils import Database

    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before="m010_fts_distinct_tokens")
    old["stories"].insert({"id": 1, "title": "t"})
    rows = []
    for i in range(1, N + 1):
        rng = random.Random(i)
        body = "上海市与三明市对口合作" + "".join(rng.choice(WORDS) for _ in range(300))
        rows.append({"id": i, "canonical_url": f"http://a.example/{i}", "url": f"http://a.example/{i}",
                     "title": f"沪明合作第{i}期", "body": body, "story_id": 1})
    old["articles"].insert_all(rows)
    old.conn.executemany("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                         [(r["id"], textnorm.index_tokens(r["title"]), textnorm.index_tokens(r["body"])) for r in rows])
    old.conn.commit()
    old.close()


def search(tmp_path, word: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                             str(tmp_path / "old.db"), "search", word, "--limit", "3"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_an_upgrade_killed_while_it_migrates_is_done_whole_by_the_next_command(tmp_path):
    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    db = tmp_path / "old.db"
    old_database(db)
    wal = tmp_path / "old.db-wal"
    for _ in range(2):
        proc = search(tmp_path, "沪明")
        end = time.monotonic() + 120
        while time.monotonic() < end and (not wal.exists() or wal.stat().st_size < 1_000_000) and proc.poll() is None:
            time.sleep(0.01)
        assert proc.poll() is None, "the migration ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)  # early in the migration (its first MB of writes in the WAL): past 4 MB
        # a quiet machine could commit the migration before the kill landed
        proc.communicate(timeout=60)
        with sqlite3.connect(db) as conn:  # as the old version left it
            assert "m010_fts_distinct_tokens" not in {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == N

    done = search(tmp_path, "沪明合作第4321期")
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert "沪明合作第4321期" in out and "Traceback" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")] == migrations.names
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == N
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == N
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
