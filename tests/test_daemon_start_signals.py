"""A SIGHUP while `monitor run` starts (a reload or a log rotation sent as it opens its database
and rebuilds what an upgrade needs): read once the jobs run. A real `monitor run`, a site on
127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
import time

from test_daemon import FEED, HEAD, site, start, stop  # noqa: F401 (fixture)

from monitor.locks import lock_path


def test_a_sighup_while_the_daemon_starts_is_a_reload_not_its_end(tmp_path, site):  # noqa: F811
    # Between taking its lock and holding its signals the daemon opens the store, rebuilds an
    # upgrade's fingerprints, makes its fetcher: a SIGHUP then (systemctl reload, logrotate's
    # postrotate) ended it at once, SIGHUP's default, exit 129 and not a line in its log.
    import signal

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]")
                    + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    proc = start(path, db)
    lock = lock_path(db, "daemon")
    try:
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.002)
        sent = 0
        while proc.poll() is None and sent < 25:  # through the start (its lock held: the command runs)
            proc.send_signal(signal.SIGHUP)
            sent += 1
            time.sleep(0.02)
        assert proc.poll() is None, f"the daemon ended with {proc.returncode} at a SIGHUP while it started"
        assert proc.stderr is not None
        while True:
            line = proc.stderr.readline()
            assert line, "the daemon ended"
            if line.startswith("{") and json.loads(line)["message"].startswith("config reloaded"):
                break
    finally:
        stop(proc)


def test_a_sigterm_just_after_a_sighup_stops_the_daemon(tmp_path, site):  # noqa: F811
    # `systemctl reload` then `systemctl stop` (or a deploy tool's HUP then TERM): the reload was
    # reading the config when SIGTERM came; the scheduler's shutdown, waiting for it, held the lock
    # the reload needed to change the jobs: the process hung, no 'daemon stopped', until SIGKILL.
    import signal

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]")
                    + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    proc = start(path, db)
    try:
        assert proc.stderr is not None
        while '"source": "feed"' not in (line := proc.stderr.readline()):  # a first poll done: signals taken
            assert line, "the daemon ended"
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.1)  # the reload under way (reading the config takes longer)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        stop(proc)
    assert proc.returncode == 0 and "daemon stopped" in err, err[-800:]
