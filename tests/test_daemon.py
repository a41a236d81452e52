"""The daemon's plumbing with real processes: one daemon per database, SIGHUP reloads,
/metrics and /healthz, JSON log lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from conftest import free_port

from monitor import config, crontab
from monitor.cli import main
from monitor.daemon import sync_jobs
from monitor.locks import lock_path
from monitor.metrics import Metrics
from monitor.models import SourceReport
from monitor.pipeline import DigestResult
from monitor.replay import ReplayServer
from monitor.scheduler import build, missed_run
from monitor.store import Store

SITES = Path(__file__).parent / "fixtures" / "sites"
HEAD = 'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
QUICK = HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]")  # polls at once, not up to a minute late
FEED = '[[sources]]\nname = "feed"\nkind = "feed"\nurl = "{base}/feed/rss.xml"\ninterval = "{interval}"\n'
GBK = '[[sources]]\nname = "gbk"\nkind = "html"\nurl = "{base}/gbk/list.html"\nlink_selector = "ul.news a"\n'
NO_PROXY = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture
def site():
    with ReplayServer(SITES) as server:
        yield server


def start(path: Path, db: Path, *extra: str, verbose: bool = True, first: str = "") -> subprocess.Popen:
    """`monitor run` in its own process (with -v unless `verbose` is false: the daemon's own level);
    `first`: Python run in that process before the command (a module's constant changed)."""
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    command = ["-c", f"{first}; from monitor.cli import main; main()"] if first else ["-m", "monitor"]
    return subprocess.Popen([sys.executable, *command, "--config", str(path), "--db", str(db),
                             *(["-v"] if verbose else []), "run", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def wait_for(check, timeout: float = 90.0, what: str = "") -> None:
    """Until `check()`; the default is generous: a daemon's start alone takes 30 s at load 15."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def next_record(proc: subprocess.Popen, wanted, seen: list[dict] | None = None) -> dict:
    """Read the daemon's JSON log lines (each kept in `seen`) until one that `wanted` takes; that one."""
    assert proc.stderr is not None
    while True:
        line = proc.stderr.readline()
        assert line, "the daemon ended: " + json.dumps((seen or [])[-5:], ensure_ascii=False)
        if line.startswith("{"):
            record = json.loads(line)
            if seen is not None:
                seen.append(record)
            if wanted(record):
                return record


def lines_until(proc: subprocess.Popen, wanted: str, kept: list[str]) -> None:
    """Read the daemon's stderr, every line kept (a traceback's too), through the first holding `wanted`."""
    assert proc.stderr is not None
    while line := proc.stderr.readline():
        kept.append(line)
        if wanted in line:
            return
    raise AssertionError("the daemon ended: " + "".join(kept[-5:]))


def stop(proc: subprocess.Popen) -> tuple[str, str]:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


# ---------------------------------------------------------------- one daemon per database

def test_a_second_daemon_exits_2_naming_the_first(tmp_path):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD, encoding="utf-8")
    first = start(path, db)
    try:
        wait_for(lambda: lock_path(db, "daemon").exists() and lock_path(db, "daemon").read_text().strip()
                 == str(first.pid), what="the first daemon's lock")
        second = start(path, db)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 2
        assert err.splitlines() == [f"error: monitor run is already running for this database (pid {first.pid}; "
                                    f"lock file {lock_path(db, 'daemon')}) (stop it first, or use another --db)"]
        beside = CliRunner().invoke(main, ["--config", str(path), "--db", str(db), "digest", "--status"])
        assert beside.exit_code == 0, beside.output  # other commands run beside the daemon
        assert first.poll() is None
        first.send_signal(signal.SIGKILL)  # a crash frees the lock: the kernel drops it
        first.wait(10)
        third = start(path, db, "--once")
        _, err = third.communicate(timeout=60)
        assert third.returncode == 0, err
    finally:
        stop(first)


# ---------------------------------------------------------------- SIGHUP, metrics, logs

def test_sighup_reloads_metrics_and_json_logs(tmp_path, site):
    path, db, port = tmp_path / "monitor.toml", tmp_path / "m.db", free_port()
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    kept: list[str] = []  # the daemon's lines read before its stop
    proc = start(path, db, "--metrics-port", str(port))
    try:
        wait_for(lambda: "monitor_articles_stored_total{source=\"feed\"}" in get(
            f"http://127.0.0.1:{port}/metrics")[1] if _listening(port) else False, what="feed polled")
        status, health = get(f"http://127.0.0.1:{port}/healthz")
        assert status == 200 and json.loads(health)["status"] == "ok"
        metrics = get(f"http://127.0.0.1:{port}/metrics")[1]
        assert 'monitor_articles_stored_total{source="feed"} 3.0' in metrics
        assert 'monitor_polls_total{source="feed",status="ok"} 1.0' in metrics
        assert 'monitor_articles_fetched_total{source="feed"} 3.0' in metrics
        assert "monitor_poll_seconds_bucket" in metrics

        path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h") + GBK.format(base=site.base_url),
                        encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # a new source: polled at once, the running one keeps its schedule
        try:
            wait_for(lambda: 'monitor_polls_total{source="gbk"' in get(
                f"http://127.0.0.1:{port}/metrics")[1], timeout=60, what="the new source polled after SIGHUP")
        except AssertionError:
            raise AssertionError(stop(proc)[1]) from None

        path.write_text(HEAD + "[[sources]]\nname = 3\n", encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # an invalid config: logged, the running one kept
        lines_until(proc, "config reload failed", kept)  # said, however long the reload took to come
        assert proc.poll() is None and get(f"http://127.0.0.1:{port}/healthz")[0] == 200
    finally:
        _, err = stop(proc)
    err = "".join(kept) + err
    assert proc.returncode == 0, err
    records = [json.loads(line) for line in err.splitlines()]  # every line is JSON
    messages = [r["message"] for r in records]
    assert any(m.startswith("config reloaded from") and "added=1" in m for m in messages)
    failed = [r for r in records if r["message"].startswith("config reload failed")]
    assert len(failed) == 1 and failed[0]["level"] == "error" and "sources[0].name" in failed[0]["message"]
    polled = [r for r in records if r.get("source") == "gbk" and "status" in r]
    assert polled and isinstance(polled[0].get("new"), int)
    assert "Traceback" not in err


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


# ---------------------------------------------------------------- units of the plumbing

def test_metrics_count_reports_and_digest_results():
    from prometheus_client import generate_latest

    m = Metrics()
    m.observe(SourceReport(source="a", new=2, matched=1, duplicates=3, errors=["x"], duration_ms=1500,
                           status="partial"))
    m.observe([DigestResult("desk", "webhook:ab", 40, "sent", sent=3, pending=0),
               DigestResult("desk", "email:x", 0, "error", failed=1, pending=2)])
    m.seed_pending([{"subscriber": "desk", "channel": "file:x", "pending": 1, "failed": 2}])
    text = generate_latest(m.registry).decode()
    assert 'monitor_messages_pending{channel="file:x",subscriber="desk"} 3.0' in text
    assert 'monitor_articles_stored_total{source="a"} 2.0' in text
    assert 'monitor_source_errors_total{source="a"} 1.0' in text
    assert 'monitor_messages_sent_total{channel="webhook:ab",subscriber="desk"} 3.0' in text
    assert 'monitor_messages_failed_total{channel="email:x",subscriber="desk"} 1.0' in text
    assert 'monitor_messages_pending{channel="email:x",subscriber="desk"} 2.0' in text
    assert 'monitor_cycle_seconds{source="a"} 1.5' in text


def test_sync_jobs_adds_changes_and_removes(tmp_path, site):
    one = tmp_path / "one.toml"
    one.write_text(HEAD + FEED.format(base=site.base_url, interval="1h") + GBK.format(base=site.base_url)
                   + '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n', encoding="utf-8")
    two = tmp_path / "two.toml"
    two.write_text(HEAD + FEED.format(base=site.base_url, interval="2h")
                   + '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n', encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    running = build(config.load(one, tmp_path / "m.db"), store, None)
    wanted = build(config.load(two, tmp_path / "m.db"), store, None)
    assert sync_jobs(running, wanted) == (0, 1, 1)  # feed's interval changed, gbk went, the digest stayed
    jobs = {j.id: j for j in running.get_jobs()}
    assert set(jobs) == {"poll:feed", "digest:desk", "outbox:retry"}
    assert jobs["poll:feed"].trigger.interval.total_seconds() == 7200
    store.close()



# ---------------------------------------------------------------- digests the daemon was not up for

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_missed_run_is_the_latest_scheduled_time_after_the_last_run():
    daily = crontab.trigger("0 8 * * *", SHANGHAI)
    at = partial(datetime, tzinfo=SHANGHAI)
    assert missed_run(daily, at(2026, 12, 2, 8, 0), at(2026, 12, 3, 9, 30)) == at(2026, 12, 3, 8, 0)
    assert missed_run(daily, at(2026, 11, 28, 8, 0), at(2026, 12, 3, 9, 30)) == at(2026, 12, 3, 8, 0)
    assert missed_run(daily, at(2026, 12, 2, 8, 0), at(2026, 12, 3, 7, 59)) is None  # not due yet
    assert missed_run(daily, at(2026, 12, 3, 8, 0), at(2026, 12, 3, 9, 30)) is None  # it ran
    weekdays = crontab.trigger("30 7 * * 1-5", SHANGHAI)  # Fri 4 Dec 2026 … Mon 7 Dec
    assert missed_run(weekdays, at(2026, 12, 4, 7, 30), at(2026, 12, 6, 12, 0)) is None  # the weekend
    assert missed_run(weekdays, at(2026, 12, 4, 7, 30), at(2026, 12, 7, 8, 0)) == at(2026, 12, 7, 7, 30)


def test_a_digest_missed_while_the_daemon_was_down_is_sent_at_its_start_and_once(tmp_path, site):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD + FEED.format(base=site.base_url, interval="1h")
                    + '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n'
                    + f'[[subscribers.channels]]\nkind = "file"\npath = "{tmp_path.as_posix()}/digest.txt"\n',
                    encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--config", str(path), "--db", str(db), "poll"]).exit_code == 0
    out = db.parent / "digest.txt"
    cfg = config.load(path, db)

    store = Store.open(db)
    build(cfg, store, None)  # a first start: nothing it could have missed, a baseline recorded
    first = store.last_digest_run("desk")
    assert first is not None and not out.exists()
    store.digest_ran("desk", datetime.now(SHANGHAI) - timedelta(days=2))  # down since two days ago
    store.close()

    proc = start(path, db)
    try:
        wait_for(out.exists, what="the missed digest")
    finally:
        _, err = stop(proc)
    assert "was missed while the daemon was not running" in err
    sent = out.read_text(encoding="utf-8")
    assert "沪明" in sent or "滬明" in sent
    out.unlink()

    proc = start(path, db)  # started again: that run is recorded, nothing is sent twice
    seen: list[dict] = []
    try:  # a missed run is said before this line, its job due at once (a stop lets it finish)
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
    finally:
        _, err = stop(proc)
    assert not out.exists() and "was missed" not in json.dumps(seen, ensure_ascii=False) + err


@pytest.mark.parametrize(("schedule", "runs"), [
    ("30 7 * * 1-5", ["Mon 07:30", "Tue 07:30", "Wed 07:30", "Thu 07:30", "Fri 07:30"]),
    ("0 9 * * 0", ["Sun 09:00"]),
    ("0 9 * * 7", ["Sun 09:00"]),
    ("0 18 * * 5-7", ["Fri 18:00", "Sat 18:00", "Sun 18:00"]),
    ("0 8 * * */2", ["Sun 08:00", "Tue 08:00", "Thu 08:00", "Sat 08:00"]),
    ("0 8 * * mon,wed", ["Mon 08:00", "Wed 08:00"]),
    ("0 8 * * *", ["Mon 08:00", "Tue 08:00", "Wed 08:00", "Thu 08:00", "Fri 08:00", "Sat 08:00", "Sun 08:00"]),
])
def test_weekdays_are_numbered_as_crontab_numbers_them(schedule, runs):
    """crontab counts Sunday as 0 (and 7); APScheduler 3's from_crontab took 1-5 as Tuesday to Saturday."""
    trig = crontab.trigger(schedule, SHANGHAI)
    when, seen = datetime(2026, 12, 6, 23, 0, tzinfo=SHANGHAI), []  # a Sunday night: the next seven days
    while (when := trig.get_next_fire_time(None, when + timedelta(seconds=1))) < datetime(2026, 12, 13, 23, 0,
                                                                                           tzinfo=SHANGHAI):
        seen.append(when.strftime("%a %H:%M"))
    assert sorted(seen) == sorted(runs)


@pytest.mark.parametrize(("schedule", "runs"), [
    # crontab: with both restricted, a day matching either field runs (Tue 1 Dec 2026; Mondays 7, 14, 21, 28)
    ("0 9 1,15 * 1", ["01 Tue", "07 Mon", "14 Mon", "15 Tue", "21 Mon", "28 Mon"]),
    ("0 9 13 * fri", ["04 Fri", "11 Fri", "13 Sun", "18 Fri", "25 Fri"]),
    # a field beginning with `*` restricts nothing on its own: both must match, as crontab has it
    ("0 9 */2 * 1", ["07 Mon", "21 Mon"]),
    ("0 9 1-7 * *", ["01 Tue", "02 Wed", "03 Thu", "04 Fri", "05 Sat", "06 Sun", "07 Mon"]),
])
def test_day_of_month_and_day_of_week_both_given_run_on_either_as_crontab_does(schedule, runs):
    """`0 9 1,15 * 1` is the 1st, the 15th and every Monday in crontab; APScheduler alone wants both at once."""
    trig = crontab.trigger(schedule, SHANGHAI)
    when, seen = datetime(2026, 11, 30, 23, 0, tzinfo=SHANGHAI), []
    while (when := trig.get_next_fire_time(None, when + timedelta(seconds=1))) < datetime(2026, 12, 31, 23, 0,
                                                                                            tzinfo=SHANGHAI):
        seen.append(when.strftime("%d %a"))
        assert when.strftime("%H:%M") == "09:00"
    assert seen == runs
    at = partial(datetime, tzinfo=SHANGHAI)
    if schedule.startswith("0 9 1,15"):  # a missed run is found through either field
        assert missed_run(trig, at(2026, 12, 1, 9, 0), at(2026, 12, 8, 12, 0)) == at(2026, 12, 7, 9, 0)


@pytest.mark.parametrize(("schedule", "ok"), [
    ("0 9 31 2 *", False), ("0 9 30 2 *", False), ("0 9 31 4,6,9,11 *", False), ("*/30 9 30,31 2 *", False),
    ("0 9 29 2 *", True), ("0 9 31 2 1", True), ("0 9 31 1-2 *", True), ("0 9 30 */2 *", True),
])
def test_a_schedule_no_day_matches_is_refused_at_load(tmp_path, schedule, ok):
    """`0 9 31 2 *` loaded fine and never ran: the desk would wait for a digest forever."""
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD + f'[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "{schedule}"\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "check-config", "--no-secrets"])
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2 and "never runs" in result.output and "Traceback" not in result.output, result.output


@pytest.mark.parametrize("schedule", ["0 8 * * 8", "0 8 * * 5-1", "0 8 * * funday"])
def test_a_schedule_with_an_impossible_weekday_is_one_line_at_load(tmp_path, schedule):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD + f'[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "{schedule}"\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "check-config", "--no-secrets"])
    assert result.exit_code == 2 and "schedule" in result.output and "Traceback" not in result.output, result.output
