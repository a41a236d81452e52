"""A daemon restarted (a container recreated, a host rebooted, `systemctl restart`) while one of
its sources is down: what /metrics says of it. A real `monitor run`, a site on 127.0.0.1, the
database of an earlier run."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

from conftest import free_port
from test_daemon import FEED, HEAD, _listening, get, lines_until, site, start, stop, wait_for  # noqa: F401 (fixture)


def test_a_source_down_across_a_restart_keeps_its_last_success_time_in_metrics(tmp_path, site):  # noqa: F811
    # An alert on `time() - monitor_last_success_timestamp_seconds > 6h` fired for a source down
    # since the morning; the operator (or the container's restart policy) restarted the daemon,
    # and the series was gone until the source came back: the alert resolved itself, the site
    # still down. The time of its last success is in the database; /metrics now starts from it.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    port = free_port()
    proc = start(path, db, "--metrics-port", str(port))
    try:
        wait_for(lambda: _listening(port) and 'monitor_last_success_timestamp_seconds{source="feed"}'
                 in get(f"http://127.0.0.1:{port}/metrics")[1], what="the first poll")
    finally:
        stop(proc)
    with sqlite3.connect(db) as con:  # as if that success were long ago
        con.execute("UPDATE sources SET last_success = '2026-01-02T03:04:05+00:00' WHERE name = 'feed'")
    down = free_port()  # nothing listens there: the site is down
    path.write_text(HEAD + FEED.format(base=f"http://127.0.0.1:{down}", interval="1h"), encoding="utf-8")
    port = free_port()
    proc = start(path, db, "--metrics-port", str(port))
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        wait_for(lambda: _listening(port) and 'monitor_polls_total{source="feed",status="error"}' in get(url)[1],
                 timeout=60, what="a failed poll after the restart")
        text = get(url)[1]
    finally:
        _, err = stop(proc)
    found = re.search(r'^monitor_last_success_timestamp_seconds\{source="feed"\} (\S+)$', text, re.M)
    assert found, text[-1500:]
    assert float(found.group(1)) == datetime.fromisoformat("2026-01-02T03:04:05+00:00").timestamp()
    assert "Traceback" not in err


def _health(path, db, *extra: str) -> tuple[int, str]:
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "health", *extra],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "NO_COLOR": "1"})
    return done.returncode, done.stdout + done.stderr


def test_health_counts_a_source_polled_daily_as_fresh_between_its_polls(tmp_path, site):  # noqa: F811
    # The image's HEALTHCHECK runs `monitor health --stale-after 6h`: a source polled once a day
    # (a slow site's notices) made the container "unhealthy" for 18 hours of every day, its
    # polls all fine. A source is stale past --stale-after or two of its intervals, the longer.
    from datetime import timedelta, timezone

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    daily = FEED.format(base=site.base_url, interval="1d")
    often = FEED.format(base=site.base_url, interval="30m").replace('name = "feed"', 'name = "often"')
    path.write_text(HEAD + daily + often, encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: _health(path, db)[0] == 0, timeout=60, what="both sources polled")
    finally:
        stop(proc)

    def ago(source: str, hours: float) -> None:
        when = (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat()
        with sqlite3.connect(db) as con:
            con.execute("UPDATE sources SET last_success = ? WHERE name = ?", [when, source])

    ago("feed", 7)  # polled seven hours ago, next tomorrow: fine
    code, out = _health(path, db, "--stale-after", "6h")
    assert code == 0, out
    ago("feed", 49)  # two daily polls missed: stale
    code, out = _health(path, db, "--stale-after", "6h")
    assert code == 1 and "(feed)" in out, out
    ago("feed", 1)
    ago("often", 7)  # a source polled every 30 minutes keeps the 6 hours
    code, out = _health(path, db, "--stale-after", "6h")
    assert code == 1 and "(often)" in out, out


def test_a_reload_that_moves_the_database_says_it_takes_a_restart(tmp_path, site):  # noqa: F811
    # `[storage] path` changed (the archive moved to a bigger disk) and SIGHUP: "config reloaded
    # ... jobs added=0 changed=0 removed=0", and the daemon went on writing the old file while
    # `monitor search`, reading the config, looked in the new place. Now one line says so.
    import json
    import os
    import signal
    import subprocess
    import sys

    from test_daemon import NO_PROXY

    path = tmp_path / "monitor.toml"
    first = HEAD + FEED.format(base=site.base_url, interval="1h") + '[storage]\npath = "old.db"\n'
    path.write_text(first, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY and k != "MONITOR_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "-v", "run"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seen: list[str] = []
    try:
        wait_for(lambda: "/feed/rss.xml" in site.paths_requested() and (tmp_path / "old.db").exists(),
                 what="the first poll")
        path.write_text(first.replace("old.db", "new.db"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        lines_until(proc, '"config reloaded', seen)  # the reload's end, not 3 s of sleep a loaded machine can outlast
    finally:
        _, err = stop(proc)
    err = "".join(seen) + err
    said = [json.loads(line)["message"] for line in err.splitlines() if "new.db" in line]
    assert len(said) == 1 and "old.db" in said[0] and "restart" in said[0], err[-1500:]
    assert proc.returncode == 0 and "Traceback" not in err
