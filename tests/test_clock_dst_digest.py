"""A digest scheduled in the hour a zone's clocks repeat in autumn (`[schedule] timezone =
"Europe/Berlin"`, a daily digest at 02:30: on the last Sunday of October 02:30 comes twice, an
hour apart). APScheduler fires it at both. The second was skipped by the rule for a clock stepped
back (the daemon had sent that time's digest less than half a day before), saying 'the clock was
stepped back since', which nobody did; and a daemon started between the two (a redeploy that
night) had sent nothing in that process, so it sent the day's digest a second time. Now a
scheduled time that is the second of a repeated wall time, for a schedule that does not come
round within the hour (a daily or weekly one), is not sent, in one line saying the clocks went
back; an hourly digest's second 02:00 (an hour of news apart) is still sent.

The daemon's digest job, called as the scheduler calls it, on a wall clock the test sets."""

from __future__ import annotations

import logging
import types
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from delivery_world import news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


def _world(tmp_path, schedule: str, url: str) -> Context:
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": url}],
                        schedule=schedule)
    path.write_text(path.read_text(encoding="utf-8") + '[schedule]\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(2)).matched == 2
    return ctx


def _job(ctx: Context, clock: dict, monkeypatch):
    from monitor import scheduler

    monkeypatch.setattr(scheduler, "time", types.SimpleNamespace(time=lambda: clock["wall"],
                                                                 monotonic=lambda: clock["mono"]))
    # a start's catch-up reads the clock through datetime.now: the same wall clock, not the real one
    monkeypatch.setattr(scheduler, "_now", lambda cfg: datetime.fromtimestamp(clock["wall"], ZoneInfo(cfg.timezone)))
    return scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx, catch_up=False).get_job("digest:desk")


FIRST = datetime(2026, 10, 25, 0, 30, 1, tzinfo=timezone.utc).timestamp()  # 02:30:01 CEST
SECOND = FIRST + 3600  # 02:30:01 CET, an hour on


def test_a_daily_digest_at_a_repeated_hour_goes_once_and_the_line_says_why(tmp_path, webhook_receiver,
                                                                          monkeypatch, caplog):
    ctx = _world(tmp_path, "30 2 * * *", webhook_receiver.url + "/h")
    clock = {"wall": FIRST, "mono": 1000.0}
    job = _job(ctx, clock, monkeypatch)
    try:
        job.func(*job.args)
        assert len(webhook_receiver.requests) == 1
        assert import_lines(ctx, news_lines(2, 2)).matched == 2
        clock["wall"], clock["mono"] = SECOND, 1000.0 + 3600
        with caplog.at_level(logging.INFO, logger="monitor"):
            assert job.func(*job.args) == []
    finally:
        ctx.store.close()
    assert len(webhook_receiver.requests) == 1
    said = [r.getMessage() for r in caplog.records if "subscriber=desk" in r.getMessage()]
    assert said and not any("stepped back" in m for m in said), said
    assert any("clocks went back" in m and "Europe/Berlin" in m for m in said), said


def test_a_daemon_started_between_the_two_sends_no_second_daily_digest(tmp_path, webhook_receiver, monkeypatch):
    ctx = _world(tmp_path, "30 2 * * *", webhook_receiver.url + "/h")
    clock = {"wall": FIRST, "mono": 1000.0}
    try:
        job = _job(ctx, clock, monkeypatch)
        job.func(*job.args)
        ctx.store.digest_ran("desk", datetime.fromtimestamp(FIRST, timezone.utc))
        assert import_lines(ctx, news_lines(2, 2)).matched == 2
        clock["wall"], clock["mono"] = FIRST + 1200, 50.0  # a redeploy at 02:50 CEST: a new process
        again = Context(ctx.cfg, ctx.store)
        job = _job(again, clock, monkeypatch)
        from monitor import scheduler
        started = scheduler.build(again.cfg, again.store, None, ctx=again, catch_up=True)
        assert started.get_job("digest-missed:desk") is None  # its start's catch-up: none
        clock["wall"], clock["mono"] = SECOND, 50.0 + 2400
        assert job.func(*job.args) == []
    finally:
        ctx.store.close()
    assert len(webhook_receiver.requests) == 1


@pytest.mark.parametrize("schedule", ["0 * * * *", "*/20 2 * * *"])
def test_an_hourly_digests_repeated_hour_is_still_sent(tmp_path, webhook_receiver, monkeypatch, schedule):
    """A guard: a schedule that comes round within the hour has news of an hour between its two 02:00s."""
    ctx = _world(tmp_path, schedule, webhook_receiver.url + "/h")
    clock = {"wall": FIRST - 1800, "mono": 1000.0}  # 02:00:01 CEST
    job = _job(ctx, clock, monkeypatch)
    try:
        job.func(*job.args)
        assert import_lines(ctx, news_lines(2, 2)).matched == 2
        clock["wall"], clock["mono"] = FIRST - 1800 + 3600, 1000.0 + 3600  # 02:00:01 CET
        (sent,) = job.func(*job.args)
    finally:
        ctx.store.close()
    assert sent.status == "sent" and len(webhook_receiver.requests) == 2
