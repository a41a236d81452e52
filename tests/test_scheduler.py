"""The daemon: jobs per source and subscriber, `run --once`, and a clean stop on SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import config
from monitor.cli import main
from monitor.fetch import Fetcher
from monitor.replay import ReplayServer
from monitor.scheduler import build
from monitor.store import Store

SITES = Path(__file__).parent / "fixtures" / "sites"
CONFIG = """
include = ["monitor:topics/hu-ming.toml"]
[fetch]
min_delay = 0
allow_private = ["127.0.0.1"]
[schedule]
jitter = "1s"
[[sources]]
name = "feed"
kind = "feed"
url = "{base}/feed/rss.xml"
interval = "10m"
[[sources]]
name = "gbk"
kind = "html"
url = "{base}/gbk/list.html"
link_selector = "ul.news a"
interval = "1h"
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
schedule = "30 7 * * 1-5"
[[subscribers.channels]]
kind = "file"
path = "{out}/digest.txt"
"""


@pytest.fixture
def setup(tmp_path):
    with ReplayServer(SITES) as server:
        path = tmp_path / "monitor.toml"
        path.write_text(CONFIG.format(base=server.base_url, out=tmp_path.as_posix()), encoding="utf-8")
        yield path, tmp_path / "m.db"


def test_jobs_follow_the_config(setup):
    path, db = setup
    cfg = config.load(path, db)
    store = Store.open(db)
    with Fetcher(cfg.fetch) as fetcher:
        sched = build(cfg, store, fetcher)
        jobs = {j.id: j for j in sched.get_jobs()}
    store.close()
    assert set(jobs) == {"poll:feed", "poll:gbk", "digest:desk", "outbox:retry"}
    assert jobs["poll:feed"].trigger.interval.total_seconds() == 600
    assert jobs["poll:gbk"].trigger.jitter == 1
    assert str(jobs["digest:desk"].trigger.timezone) == "Asia/Shanghai"
    assert "hour='7'" in str(jobs["digest:desk"].trigger) and "day_of_week='mon,tue,wed,thu,fri'" in str(jobs["digest:desk"].trigger)


def test_run_once_polls_and_sends(setup):
    path, db = setup
    result = CliRunner().invoke(main, ["--config", str(path), "--db", str(db), "run", "--once"])
    assert result.exit_code == 0, result.output
    assert "三明" in (path.parent / "digest.txt").read_text(encoding="utf-8")


def test_sigterm_stops_the_daemon_cleanly(setup):
    path, db = setup
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "-v", "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        stored = 0
        while time.monotonic() < deadline and stored < 5:
            time.sleep(0.3)
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    pass
        assert stored == 5, "the daemon polled both sources at start-up"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "daemon stopped" in err and "Traceback" not in err


def test_sources_test_source_and_health(setup):
    path, db = setup
    runner = CliRunner()
    args = ["--config", str(path), "--db", str(db)]
    tried = runner.invoke(main, [*args, "test-source", "gbk"])
    assert tried.exit_code == 0, tried.output
    assert "gbk (html): 3 links" in tried.output and "三明林业碳票在上海完成首笔跨区域交易" in tried.output
    assert "robots.txt" in tried.output  # the disallowed link is shown as such, not fetched
    assert not db.exists()  # test-source stores nothing
    unhealthy = runner.invoke(main, [*args, "health"])
    assert unhealthy.exit_code == 1 and "unhealthy=2" in unhealthy.output
    runner.invoke(main, [*args, "poll"])
    listed = runner.invoke(main, [*args, "sources"])
    assert listed.exit_code == 0 and listed.output.count("\tok\t") == 2
    healthy = runner.invoke(main, [*args, "health"])
    assert healthy.exit_code == 0 and "articles=5" in healthy.output and "unhealthy=0" in healthy.output
    missing = runner.invoke(main, [*args, "test-source", "nope"])
    assert missing.exit_code == 2 and missing.output == "error: no source named 'nope' (known sources: feed, gbk)\n"


def test_a_slow_source_does_not_hold_up_the_other_jobs(tmp_path):
    from hostile import Site

    with Site() as slow, Site() as fast:
        slow.routes["/list.html"] = lambda h: slow._stop.wait(600)  # no answer while the test runs
        fast.listing("/list.html", ["/a.html"])
        fast.article("/a.html", "沪明合作共建产业园新进展")
        path = tmp_path / "m.toml"
        path.write_text('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\ntimeout = 100\n'
                        'allow_private = ["127.0.0.1"]\n[schedule]\njitter = 0\n'
                        f'[[sources]]\nname = "slow"\nkind = "html"\nurl = "{slow.url("/list.html")}"\n'
                        'link_selector = "ul.news a"\n'
                        f'[[sources]]\nname = "fast"\nkind = "html"\nurl = "{fast.url("/list.html")}"\n'
                        'link_selector = "ul.news a"\n', encoding="utf-8")
        cfg = config.load(path, tmp_path / "m.db")
        store = Store.open(cfg.db_path)
        fetcher = Fetcher(cfg.fetch)
        sched = build(cfg, store, fetcher)
        runner = threading.Thread(target=sched.start, daemon=True)
        runner.start()
        try:
            deadline = time.monotonic() + 60  # well before the slow source's 100 s budget ends
            while time.monotonic() < deadline and store.source_state("fast").get("last_status") != "ok":
                time.sleep(0.05)
            assert store.source_state("fast").get("last_status") == "ok"  # while "slow" still hangs
            assert store.source_state("slow") == {} and store.stats()["articles"] == 1
        finally:
            # as the daemon stops: the hanging request ends with the fetcher, its job records
            # that and finishes, and only then is the store closed (never under a running job)
            fetcher.close()
            sched.shutdown(wait=True)
            store.close()
