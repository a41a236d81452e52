"""What `monitor run` says without -v (as a container or a unit file runs it) at its start and
at its stop. It said nothing at all: whether it had started, on which database, what it would
poll and when, and that it had stopped, could not be told from its log. A real `monitor run`, a
site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from test_daemon import FEED, QUICK, site, start, stop, wait_for  # noqa: F401 (fixture)
from test_daemon_reload_state import _status


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
    # the stop said as the signal comes, then nothing else but the two: not a line a poll (the site answered)
    assert len(records) == 3, [r["message"][:120] for r in records]
    assert records[1]["message"].startswith("stopping on SIGTERM: the jobs under way finish first"), records[1]


def test_a_second_ctrl_c_while_it_stops_leaves_a_clean_stop(tmp_path):
    # Ctrl-C while a poll read a slow page: nothing was said without -v until the page was in, so
    # the user pressed Ctrl-C again. That one waited, held, and came out after 'daemon stopped':
    # click's 'Aborted!' and exit 1, though the daemon had stopped cleanly. Now the stop is said
    # when the signal comes, and a second one is the same request.
    import signal
    import time

    from test_daemon import HEAD
    from test_daemon_stop_midpoll import SlowPages

    slow = SlowPages()  # a second a page: the stop waits seconds for the pages asked for
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0")
                    + f'[[sources]]\nname = "busy"\nkind = "feed"\nurl = "{slow.base}/feed.xml"\ninterval = "1h"\n',
                    encoding="utf-8")
    proc = start(path, db, verbose=False)
    try:
        wait_for(lambda: slow.pages >= 1, timeout=60, what="an article page asked for")
        proc.send_signal(signal.SIGINT)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        slow.close()
    assert "Aborted!" not in err and "Traceback" not in err, err[-2000:]
    assert proc.returncode == 0, err[-2000:]
    messages = [json.loads(line)["message"] for line in err.splitlines() if line.startswith("{")]
    assert messages[-2].startswith("stopping on SIGINT: the jobs under way finish first"), messages
    assert messages[-1].startswith("daemon stopped by SIGINT, after "), messages
