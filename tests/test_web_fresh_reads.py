"""`monitor serve` beside writers in other processes. Each request reads the latest commit: an
import's story is in the feeds, the search and the topic page at the next request, not a poll
later (a 304 after an import was asked about in session 37). And a backup put in place of the
database under the pages (`monitor restore`, or `mv` of the copy) was never shown: the server
went on reading the replaced file, gone from its path, until a restart, and what the daemon
stored in the restored file since was never seen either. Now the next request reads the file
there, and not while the replaced file's write-ahead log still holds pages (a daemon not yet
stopped), which would be read over it. Real `monitor serve`, `import`, `backup` and `restore`
processes and SQLite files; no retries: each assertion is one request."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import urllib.parse
from html import unescape
from pathlib import Path

from test_serve_waiting import Served, get

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


def monitor(cfg: Path, db: Path, *args: str, lines: list[dict] | None = None) -> str:
    """A real `monitor` process; its output."""
    done = subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), "--db", str(db), *args],
                          input="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines or []),
                          capture_output=True, text=True, timeout=300,
                          env={k: v for k, v in os.environ.items() if k not in ("MONITOR_DB", "MONITOR_CONFIG")})
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout + done.stderr


def article(k: int, outlet: str) -> dict:
    """A story of the topic unlike any other (its own words: never folded into another)."""
    words = "".join(chr(0x4E00 + (k * 7919 + j * 104729) % 20000) for j in range(60))
    return {"url": f"https://{outlet}.example.cn/{k}.html", "source": f"{outlet}报", "title": f"沪明合作第{k}号新闻{outlet}",
            "body": f"沪明对口合作第{k}号。{words}。上海对口帮扶三明。"}


def text(page: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", page))


def shown(served: Served, item: dict) -> dict[str, bool]:
    """Whether each page and feed shows `item` at one request."""
    q = urllib.parse.quote("沪明")
    return {"topic feed": item["title"] in get(served.url("/topic/hu-ming.atom"))[2],
            "search feed": item["title"] in get(served.url("/search.atom?q=" + q))[2],
            "search": item["title"] in text(get(served.url("/search?q=" + q))[2]),
            "topic page": item["title"] in text(get(served.url("/topic/hu-ming"))[2]),
            "sources": item["source"] in text(get(served.url("/sources"))[2])}


def archive(tmp_path: Path) -> tuple[Path, Path]:
    cfg, db = tmp_path / "monitor.toml", tmp_path / "monitor.db"
    cfg.write_text(CONFIG, encoding="utf-8")
    monitor(cfg, db, "import", "-", lines=[article(k, "first") for k in range(3)])
    return cfg, db


def test_each_import_by_another_process_is_shown_at_the_next_request(tmp_path):
    cfg, db = archive(tmp_path)
    served = Served(cfg, db)
    try:
        for k in range(3):
            new = article(100 + k, f"late{k}")
            monitor(cfg, db, "import", "-", lines=[new])
            assert all((seen := shown(served, new)).values()), (k, seen)
    finally:
        served.stop()


def test_a_backup_restored_under_the_pages_is_read_from_the_next_request(tmp_path):
    cfg, db = archive(tmp_path)
    backup = tmp_path / "backup.db"
    served = Served(cfg, db)
    try:
        monitor(cfg, db, "backup", str(backup))
        kept = article(200, "restored")
        monitor(cfg, backup, "import", "-", lines=[kept])  # the copy holds a story the served file does not
        assert not any(shown(served, kept).values())
        monitor(cfg, db, "restore", str(backup))
        assert all((seen := shown(served, kept)).values()), seen
        after = article(201, "after")  # the daemon started again on the restored file
        monitor(cfg, db, "import", "-", lines=[after])
        assert all((seen := shown(served, after)).values()), seen
    finally:
        served.stop()


def test_a_file_moved_in_place_is_read_once_the_old_log_is_emptied(tmp_path):
    """`mv backup.db monitor.db` under a daemon still writing: the log at `monitor.db-wal` is the
    replaced file's until the daemon empties it and stops (within seconds). Read before, the
    restored file had the old pages over it; the pages show the old file until then."""
    cfg, db = archive(tmp_path)
    backup = tmp_path / "backup.db"
    monitor(cfg, db, "backup", str(backup))
    kept = article(300, "moved")
    monitor(cfg, backup, "import", "-", lines=[kept])
    served = Served(cfg, db)
    daemon = sqlite3.connect(db, isolation_level=None)  # a writer holding pages in the log, as the daemon's does
    try:
        daemon.execute("PRAGMA wal_autocheckpoint = 0")
        late = article(301, "daemon")
        monitor(cfg, db, "import", "-", lines=[late])  # the log's pages: a checkpoint waits for the writer's
        daemon.execute("BEGIN IMMEDIATE")
        daemon.execute("UPDATE sources SET last_error = last_error")
        daemon.execute("COMMIT")
        assert db.with_name(db.name + "-wal").stat().st_size
        os.replace(backup, db)
        before = shown(served, late)
        assert before["search feed"] and before["sources"] and not shown(served, kept)["search feed"], before
        daemon.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the daemon, seeing the file replaced, empties its log
        daemon.close()
        assert all((seen := shown(served, kept)).values()), seen
    finally:
        served.stop()
