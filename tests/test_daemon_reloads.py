"""SIGHUP reloads as an operator makes them on a daemon left running: the schedule's timezone
changed, a source removed or disabled. A real `monitor run` where the effect is only seen
from outside (/metrics); the scheduler's jobs directly where it is a time hours away."""

from __future__ import annotations

import json
import signal
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import free_port
from test_daemon import FEED, GBK, HEAD, _listening, get, site, start, stop, wait_for  # noqa: F401 (fixture)

from monitor import config
from monitor.daemon import sync_jobs
from monitor.scheduler import build
from monitor.store import Store

DESK = '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n'


def test_a_reload_that_changes_the_timezone_moves_the_digest_and_the_jitter_to_it(tmp_path, site):  # noqa: F811
    one, two, db = tmp_path / "one.toml", tmp_path / "two.toml", tmp_path / "m.db"
    one.write_text(HEAD + FEED.format(base=site.base_url, interval="1h") + DESK, encoding="utf-8")
    # the same schedule, read in another timezone, polls spread less
    two.write_text(HEAD.replace("[fetch]", '[schedule]\ntimezone = "Europe/London"\njitter = "5s"\n[fetch]')
                   + FEED.format(base=site.base_url, interval="1h") + DESK, encoding="utf-8")
    store = Store.open(db)
    running = build(config.load(one, db), store, None)
    running.start(paused=True)  # jobs get their next run times, none runs
    try:
        polls_at = running.get_job("poll:feed").next_run_time
        assert sync_jobs(running, build(config.load(two, db), store, None)) == (0, 1, 0)
        digest = running.get_job("digest:desk")
        assert str(digest.trigger.timezone) == "Europe/London"
        at = digest.next_run_time.astimezone(ZoneInfo("Europe/London"))
        assert (at.hour, at.minute) == (8, 0) and at > datetime.now(ZoneInfo("UTC"))
        poll = running.get_job("poll:feed")  # its schedule kept, the new spread taken
        assert poll.next_run_time == polls_at and poll.trigger.jitter == 5
    finally:
        running.shutdown(wait=False)
        store.close()


def test_a_source_removed_or_disabled_by_a_reload_leaves_metrics(tmp_path, site):  # noqa: F811
    # An alert on `time() - monitor_last_success_timestamp_seconds` fired for ever for a source
    # the operator had removed, renamed or disabled: its series stayed until a restart.
    path, db, port = tmp_path / "monitor.toml", tmp_path / "m.db", free_port()
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h") + GBK.format(base=site.base_url),
                    encoding="utf-8")
    proc = start(path, db, "--metrics-port", str(port))
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        wait_for(lambda: _listening(port) and all(f'monitor_last_success_timestamp_seconds{{source="{s}"}}'
                                                  in get(url)[1] for s in ("feed", "gbk")),
                 timeout=60, what="both sources polled")
        path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        try:
            wait_for(lambda: 'source="gbk"' not in get(url)[1], timeout=60, what="gbk gone from /metrics")
        except AssertionError:
            raise AssertionError(stop(proc)[1][-2000:]) from None
        assert 'monitor_last_success_timestamp_seconds{source="feed"}' in get(url)[1]

        path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h").replace("interval", "enabled = false\n"
                        "interval") + GBK.format(base=site.base_url), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # feed disabled, gbk back: polled at once
        wait_for(lambda: 'source="feed"' not in (text := get(url)[1])
                 and 'monitor_last_success_timestamp_seconds{source="gbk"}' in text,
                 timeout=60, what="feed gone from /metrics, gbk back")
    finally:
        _, err = stop(proc)
    assert proc.returncode == 0 and "Traceback" not in err


def test_a_source_failing_at_every_poll_logs_one_line_a_poll_that_says_why(tmp_path):
    # A daemon run as the image runs it (-v, JSON lines) with a source whose site is down: each
    # poll logged `status=error errors=1` (never the error: that took `monitor sources`) between
    # two scheduler lines a poll, the second saying the job "executed successfully".
    path, db, port = tmp_path / "monitor.toml", tmp_path / "m.db", free_port()  # nothing listens there
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]") + '[[sources]]\nname = "down"\n'
                    f'kind = "feed"\nurl = "http://127.0.0.1:{port}/feed.xml"\ninterval = "1s"\n', encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: db.exists() and _polls(db) >= 3, timeout=60, what="three polls of the source")
    finally:
        _, err = stop(proc)
    records = [json.loads(line) for line in err.splitlines()]
    polls = [r for r in records if r.get("source") == "down" and r.get("status") == "error"]
    assert len(polls) >= 3
    assert all("connection refused" in r["message"] for r in polls), polls[0]["message"]
    first, last = records.index(polls[0]), records.index(polls[-1])
    between = [r["message"][:80] for r in records[first:last] if r not in polls]
    assert not between, between  # one line a poll, nothing else (start-up lines aside)


def _polls(db, name: str = "down") -> int:
    """How many polls of the source `name` (failing at each) the daemon has recorded."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            row = con.execute("SELECT error_count FROM sources WHERE name = ?", (name,)).fetchone()
    except sqlite3.Error:
        return 0
    return row[0] if row and row[0] else 0


def test_a_database_file_moved_or_deleted_under_the_daemon_makes_healthz_fail(tmp_path, site):  # noqa: F811
    # The daemon went on polling into the file it had open, gone from its path (a cleanup, a
    # volume re-mounted, `mv` by hand): nothing it stored could be seen, and /healthz said ok.
    path, db, port = tmp_path / "monitor.toml", tmp_path / "m.db", free_port()
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    proc = start(path, db, "--metrics-port", str(port))
    health = f"http://127.0.0.1:{port}/healthz"
    try:
        wait_for(lambda: _listening(port) and get(health)[0] == 200, what="healthz")
        db.rename(tmp_path / "moved.db")
        status, body = get(health)
        assert status == 503 and str(db) in json.loads(body)["status"], body
        assert get(health)[0] == 503  # and stays so
    finally:
        _, err = stop(proc)
    assert sum("no longer at" in r["message"] for r in map(json.loads, err.splitlines())) == 1, err[-1500:]


def test_a_second_sighup_while_a_reload_waits_is_not_lost(tmp_path, site):  # noqa: F811
    # A reload waits for the store (a digest sending to a slow receiver holds it); an operator's
    # second edit and SIGHUP meanwhile was skipped ("maximum number of running instances"), and
    # the first reload, which had read the file before waiting, left the older config in force.
    from monitor.daemon import Reloader

    path, store, ctx, sched = _hourly_feed(tmp_path, site)
    sched.start(paused=True)
    sched.get_job("poll:feed").modify(next_run_time=datetime(2100, 1, 1, tzinfo=ZoneInfo("UTC")))  # no polls
    sched.resume()
    reloader = Reloader(sched, ctx, lambda new, shared: build(new, shared.store, None, ctx=shared))
    try:
        with ctx.lock:  # the store busy
            path.write_text(HEAD + FEED.format(base=site.base_url, interval="2h"), encoding="utf-8")
            reloader.request()
            wait_for(lambda: not any(j.id.startswith("daemon:reload") for j in sched.get_jobs()),
                     what="the first reload running")
            path.write_text(HEAD + FEED.format(base=site.base_url, interval="3h"), encoding="utf-8")
            reloader.request()
            time.sleep(0.5)
        wait_for(lambda: reloader.reloads >= 2, timeout=60, what="both reloads done")
        assert ctx.cfg.source("feed").interval == 3 * 3600
        assert sched.get_job("poll:feed").trigger.interval.total_seconds() == 3 * 3600
    finally:
        sched.shutdown(wait=True)
        store.close()


@pytest.mark.timeout(300)  # three daemon starts: each takes 30 s at load 15
def test_an_interval_of_nothing_is_refused_not_a_poll_every_second(tmp_path):
    # `interval = 0` (meant as "never", or a unit lost) passed check-config, and APScheduler, which
    # makes an interval of nothing one second, had the daemon poll the site every second.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    for interval in ("0", '"0s"', "0.2"):  # as written in TOML
        path.write_text(HEAD + '[[sources]]\nname = "often"\nkind = "feed"\nurl = "http://127.0.0.1:9/f.xml"\n'
                        f"interval = {interval}\n", encoding="utf-8")
        proc = start(path, db)
        try:
            proc.wait(timeout=60)
        finally:
            _, err = stop(proc)
        assert proc.returncode == 2 and "sources.often.interval" in err, (interval, err[-600:])
        assert not db.exists()


def test_a_poll_longer_than_its_interval_is_one_line_of_ours_not_one_a_tick(tmp_path):
    # A source polled every minute whose site takes half an hour to answer logged APScheduler's
    # "skipped: maximum number of running instances reached" at every interval while it ran.
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the base class's name)
            time.sleep(3)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True).start()
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\ntimeout = 20")
                    + f'[[sources]]\nname = "slow"\nkind = "feed"\nurl = "http://127.0.0.1:{server.server_port}/f.xml"\n'
                    'interval = "1s"\n', encoding="utf-8")
    proc = start(path, db)
    try:  # two polls of 3 s on a 1 s interval: each overran it (a wait on them, not on the clock)
        wait_for(lambda: db.exists() and _polls(db, "slow") >= 2, timeout=90, what="two polls of the slow source")
    finally:
        _, err = stop(proc)
        server.shutdown()
        server.server_close()
    # and that line, when it came, gave the next run's time in the schedule's zone ("... CST")
    # among UTC lines, not the source nor how long its poll had run: one line of ours instead
    assert "maximum number of running instances" not in err
    skipped = [json.loads(line) for line in err.splitlines() if "still running after" in line]
    assert len(skipped) == 1, err[-1500:]
    assert skipped[0]["source"] == "slow" and "past its interval of 1 s" in skipped[0]["message"], skipped
    assert "UTC" in skipped[0]["message"] and "CST" not in skipped[0]["message"]


def test_a_reload_builds_its_jobs_while_holding_the_store(tmp_path, site):  # noqa: F811
    # Building a reload's jobs reads and writes the store (each subscriber's last digest run, a
    # first run recorded for a new one) on the daemon's one connection; it ran outside the lock,
    # so a poll's write in another thread could share (and roll back with) its transaction.
    from monitor.daemon import Reloader

    path, store, ctx, sched = _hourly_feed(tmp_path, site)
    held: list[bool] = []

    def rebuild(new, shared):
        held.append(shared.lock._is_owned())
        return build(new, shared.store, None, ctx=shared)

    try:
        path.write_text(HEAD + FEED.format(base=site.base_url, interval="2h") + DESK, encoding="utf-8")
        assert Reloader(sched, ctx, rebuild).reload()
        assert held == [True]
        assert store.last_digest_run("desk") is not None  # the new subscriber's first run, recorded
    finally:
        store.close()


def _hourly_feed(tmp_path, site):  # noqa: F811
    """A config of one hourly feed, its open store, a daemon Context and its (unstarted) scheduler."""
    from monitor.pipeline import Context

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    store = Store.open(db)
    ctx = Context(config.load(path, db), store, None)
    return path, store, ctx, build(ctx.cfg, store, None, ctx=ctx)
