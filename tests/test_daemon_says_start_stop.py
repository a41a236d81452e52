"""What `monitor run` says without -v (as a container or a unit file runs it) at its start and
at its stop. It said nothing at all: whether it had started, on which database, what it would
poll and when, and that it had stopped, could not be told from its log. A real `monitor run`, a
site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from test_daemon import FEED, QUICK, site, start, stop, wait_for  # noqa: F401 (fixture)


def _status(db) -> str | None:
    import sqlite3

    try:
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT last_status FROM sources WHERE name = 'feed'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def test_the_daemon_says_its_start_and_its_stop_without_v(tmp_path, site):  # noqa: F811
    path, db, out = tmp_path / "monitor.toml", tmp_path / "m.db", tmp_path / "digest.txt"
    slow = FEED.replace('name = "feed"', 'name = "slow"').format(base=site.base_url, interval="2h")
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="30m") + slow
                    + '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n'
                    + f'[[subscribers.channels]]\nkind = "file"\npath = "{out.as_posix()}"\n', encoding="utf-8")
    proc = start(path, db, verbose=False)
    try:
        wait_for(lambda: _status(db) == "ok", what="the first poll")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    ours = [r for r in records if r["message"].startswith(("daemon started", "daemon stopped"))]
    assert [r["message"].split(":")[0].split(" by ")[0] for r in ours] == ["daemon started", "daemon stopped"], records
    begun, ended = ours
    assert begun["level"] == ended["level"] == "info"
    assert begun["pid"] == ended["pid"] == proc.pid
    assert begun["db"] == ended["db"] == str(db.resolve())
    assert begun["config"] == str(path.resolve())
    assert "2 poll jobs (polled now, then every 30m to 2h)" in begun["message"], begun
    shanghai = datetime.now(ZoneInfo("Asia/Shanghai"))  # 08:00 today, or tomorrow's past it (either, at 08:00 itself)
    nexts = {f"{day:%Y-%m-%d} 08:00 Asia/Shanghai" for day in (shanghai, shanghai + timedelta(days=1))}
    assert any(f"1 digest job (next: desk at {n})" in begun["message"] for n in nexts), begun
    assert "daemon stopped by SIGTERM, after " in ended["message"], ended
    # only the two lines, not a line a poll: the site answered, so nothing else is said at this level
    assert len(records) == 2, [r["message"][:120] for r in records]
