"""The daemon's clock stepped back an hour across its digest time (NTP mending a clock that ran an
hour ahead, just after the 08:00 digest went out).

The daemon sees the step and puts its jobs on the clock as it is (`daemon.ClockWatch`): the
digest's next run is 08:00 again, the same morning, and when it came a second 08:00 digest went
out with what had come in that hour: two morning digests, an hour apart. Now a scheduled time the
daemon already sent the digest of, less than half the schedule's period before, is not sent again:
one line says so, and what came since goes in the next digest, once. A clock stepped back a whole
day still gets its next day's digest (tests/test_clock_daemon.py steps polls back a day).

The child `monitor run` reads a clock from a file the test writes (time.time and APScheduler's
`datetime.now` only): half an hour before 08:00 until it has started (however long its start
takes), then just before 08:00, then an hour back, then on to just before 08:00 again (the hour
passed in one step: the daemon takes a step forward as time passed, and runs what is due). The
webhook receiver is real, on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from delivery_world import add_news, counts, news_lines, write_config
from test_daemon import NO_PROXY, wait_for

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store

CLOCK = ("import sys, time, datetime as dt\n"
         "path = sys.argv.pop(1)\n"
         "real = time.time\n"
         "def offset():\n"
         "    with open(path) as f:\n"
         "        return float(f.read())\n"
         "time.time = lambda: real() + offset()\n"
         "class Shifted(dt.datetime):\n"
         "    @classmethod\n"
         "    def now(cls, tz=None):\n"
         "        return dt.datetime.now(tz) + dt.timedelta(seconds=offset())\n"
         "import apscheduler.schedulers.base\n"
         "apscheduler.schedulers.base.datetime = Shifted\n"
         "sys.argv[0] = 'monitor'\n"
         "from monitor.__main__ import run\n"
         "run()\n")


def set_clock(path, seconds_before_eight):
    """The child's clock `seconds_before_eight` before the next 08:00 in Shanghai (negative: after)."""
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    eight = now.replace(hour=8, minute=0, second=0, microsecond=0)
    eight += timedelta(days=1) if eight <= now else timedelta()
    _write(path, eight.timestamp() - seconds_before_eight - time.time())


def shift_clock(path, seconds):
    _write(path, float(path.read_text(encoding="utf-8")) + seconds)


def _write(path, offset):
    """The child reads the file at each `time.time()`: written whole (never an empty file read between)."""
    new = path.with_suffix(".new")
    new.write_text(str(offset), encoding="utf-8")
    os.replace(new, path)


@pytest.mark.timeout(600)
def test_a_clock_stepped_back_an_hour_after_the_digest_sends_no_second_one(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    add_news(tmp_path, 3, 0)
    clock, log = tmp_path / "clock", tmp_path / "run.log"
    set_clock(clock, 1800)  # half an hour to spare: a start takes 30 s at load 15, more on a slower machine
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, "-c", CLOCK, str(clock), "--config", str(tmp_path / "monitor.toml"),
                                 "--db", str(tmp_path / "m.db"), "run"], stdout=subprocess.DEVNULL, stderr=err, env=env)

    def said(what: str) -> int:
        return log.read_text(encoding="utf-8").count(what)

    try:
        wait_for(lambda: said("daemon started") == 1, 120, "the daemon's start")
        # now just before 08:00: a step forward the daemon sees (one 'stepped forward' line, the scheduler woken),
        # or made before its scheduler started (no line; the digest's run reckoned from the clock as stepped)
        set_clock(clock, 3)
        wait_for(lambda: len(webhook_receiver.requests) == 1, 60, "the 08:00 digest")
        add_news(tmp_path, 2, 3)  # news after the digest: tomorrow's
        shift_clock(clock, -3600)  # NTP: the clock ran an hour ahead
        wait_for(lambda: said("stepped back") == 1, 60, "the step seen")
        before = said("stepped forward")  # the daemon sees steps in turn: the one to 08:00, if seen, was said
        shift_clock(clock, 3600 - 8)  # the hour passes: 08:00 comes again
        wait_for(lambda: said("stepped forward") == before + 1, 60, "the hour passed")
        # 08:00 again on the child's clock: its digest job ran (and said so) or sent (a wait on them, not 15 s)
        wait_for(lambda: "already sent" in log.read_text(encoding="utf-8") or len(webhook_receiver.requests) > 1,
                 60, "08:00 come again")
        assert len(webhook_receiver.requests) == 1, "a second 08:00 digest the same morning"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    text = log.read_text(encoding="utf-8")
    assert sum("already sent" in line for line in text.splitlines()) == 1, text[-3000:]
    assert "Traceback" not in text
    later = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                            str(tmp_path / "m.db"), "digest"], capture_output=True, text=True, timeout=120, env=env)
    assert later.returncode == 0, later.stderr
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(5), 1)


def test_a_clock_stepped_back_a_day_still_sends_the_next_days_digest(tmp_path, webhook_receiver, monkeypatch):
    """The daemon's digest job, called as the scheduler calls it, on a clock the test sets: the
    08:00 digest sent; an hour later (by the monotonic clock) 08:00 again on the wall clock: not
    sent again; a day later 08:00 again (a clock that ran a day ahead, mended): sent."""
    import types

    from monitor import scheduler

    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(2)).matched == 2
    eight = datetime(2026, 12, 7, 8, 0, 1, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()
    clock = {"wall": eight, "mono": 1000.0}
    monkeypatch.setattr(scheduler, "time", types.SimpleNamespace(time=lambda: clock["wall"],
                                                                 monotonic=lambda: clock["mono"]))
    job = scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx, catch_up=False).get_job("digest:desk")
    try:
        job.func(*job.args)
        assert len(webhook_receiver.requests) == 1
        assert import_lines(ctx, news_lines(2, 2)).matched == 2
        clock["mono"] += 3600  # stepped back an hour, and the hour passed
        assert job.func(*job.args) == [] and len(webhook_receiver.requests) == 1
        clock["mono"] += 86400 - 3600  # stepped back a day, and the day passed
        (sent,) = job.func(*job.args)
        assert sent.status == "sent" and len(webhook_receiver.requests) == 2
        assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(4), 1)
    finally:
        ctx.store.close()


@pytest.mark.parametrize(("back", "sent_again"), [(3600, False), (86400, True)])
def test_a_daemon_started_again_after_the_clock_stepped_back_sends_no_second_digest(tmp_path, webhook_receiver,
                                                                                     monkeypatch, back, sent_again):
    """The 08:00 digest sent; the clock stepped back (an hour, or a day) and the daemon started
    again before 08:00 came round on it (a reboot as NTP mends the clock, a redeploy): the new
    daemon knew nothing of the digest its former process sent, and sent a second 08:00 digest an
    hour later. Its last run, recorded later than the clock now says, counts as this daemon's:
    an hour back, 08:00 is not sent again; a day back, the next day's 08:00 is sent."""
    import types

    from monitor import scheduler

    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(2)).matched == 2
    eight = datetime(2026, 12, 7, 8, 0, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
    clock = {"wall": eight.timestamp(), "mono": 1000.0}
    monkeypatch.setattr(scheduler, "time", types.SimpleNamespace(time=lambda: clock["wall"],
                                                                 monotonic=lambda: clock["mono"]))
    try:
        job = scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx, catch_up=False).get_job("digest:desk")
        job.func(*job.args)
        assert len(webhook_receiver.requests) == 1
        ctx.store.digest_ran("desk", eight)  # as recorded by the clock of the time
        assert import_lines(ctx, news_lines(2, 2)).matched == 2
        clock["wall"] -= back - 600  # stepped back, ten minutes on: the daemon starts again
        clock["mono"] = 50.0  # a new process (a reboot: the monotonic clock starts again)
        again = Context(ctx.cfg, ctx.store)
        job = scheduler.build(again.cfg, again.store, None, ctx=again, catch_up=True).get_job("digest:desk")
        clock["wall"], clock["mono"] = clock["wall"] + back - 600, clock["mono"] + back - 600  # 08:00 again
        results = job.func(*job.args)
        assert len(webhook_receiver.requests) == (2 if sent_again else 1), results
    finally:
        ctx.store.close()
    if sent_again:
        assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(4), 1)
