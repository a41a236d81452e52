"""A digest of a schedule that fires less often than weekly (monthly: `0 9 1 * *`; the 1st and
15th) missed while the daemon was down more than eight days is sent when it starts again. Before,
the look for a missed run went back eight days only: the monthly digest of the 1st, missed by a
daemon down from 28 November to 10 December, waited for 1 January, its stories a month late."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from delivery_world import write_config

from monitor import config, crontab
from monitor.scheduler import build, missed_run
from monitor.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
at = partial(datetime, tzinfo=SHANGHAI)


def test_a_monthly_digest_missed_over_a_long_stop_is_found():
    monthly = crontab.trigger("0 9 1 * *", SHANGHAI)
    assert missed_run(monthly, at(2026, 11, 1, 9, 0), at(2026, 12, 10, 12, 0)) == at(2026, 12, 1, 9, 0)
    assert missed_run(monthly, at(2026, 12, 1, 9, 0), at(2026, 12, 10, 12, 0)) is None  # it ran
    twice = crontab.trigger("30 8 1,15 * *", SHANGHAI)
    assert missed_run(twice, at(2026, 10, 15, 8, 30), at(2026, 11, 26, 12, 0)) == at(2026, 11, 15, 8, 30)


class Counted:
    """A trigger that counts the fire times asked of it (the work, whatever the machine's speed)."""

    def __init__(self, trigger: BaseTrigger) -> None:
        self.trigger, self.asked = trigger, 0

    def get_next_fire_time(self, previous: datetime | None, now: datetime) -> datetime | None:
        self.asked += 1
        return self.trigger.get_next_fire_time(previous, now)


def test_a_frequent_schedule_after_a_long_stop_is_quick_and_exact():
    every_minute = Counted(crontab.trigger("* * * * *", SHANGHAI))
    assert missed_run(every_minute, at(2026, 1, 1, 0, 0), at(2026, 12, 10, 12, 0, 30)) == at(2026, 12, 10, 12, 0)
    assert every_minute.asked <= 100, every_minute.asked  # the last hour's minutes read, not the year's 500,000
    weekdays = crontab.trigger("30 7 * * 1-5", SHANGHAI)  # Fri 4 Dec 2026 … Mon 7 Dec
    assert missed_run(weekdays, at(2026, 12, 4, 7, 30), at(2026, 12, 6, 12, 0)) is None  # the weekend


def test_the_daemon_started_after_a_long_stop_sends_the_missed_monthly_digest(tmp_path):
    now = datetime.now(SHANGHAI)
    day = (now - timedelta(days=12)).day  # a monthly time twelve days ago
    path = write_config(tmp_path / "monitor.toml", [{"kind": "file", "path": str(tmp_path / "d.txt"),
                                                     "format": "text"}], schedule=f"0 9 {day} * *")
    store = Store.open(tmp_path / "m.db")
    store.digest_ran("desk", now - timedelta(days=40))  # the last digest before the daemon stopped
    sched = build(config.load(path, tmp_path / "m.db"), store, None)
    assert sched.get_job("digest-missed:desk") is not None
    store.close()
