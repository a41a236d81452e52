"""Cron schedules read as crontab(5) reads them, for APScheduler 3.

In: a 5-field crontab expression and a timezone. Out: a `CronTrigger`. APScheduler 3 numbers
the days of the week from Monday = 0, while crontab numbers them from Sunday = 0 (7 is Sunday
too), and its `from_crontab` passes the numbers through unchanged: `30 7 * * 1-5` would run
Tuesday to Saturday. Here the day-of-week field is expanded to the days crontab means and
handed over by name (`mon,tue,...`), which both agree on; the other fields are untouched.
When both the day of month and the day of week are restricted (neither begins with `*`),
crontab runs on a day matching *either* (`0 9 1,15 * 1`: the 1st, the 15th and every Monday),
while one APScheduler trigger wants both at once; such a schedule becomes the OR of two.
Never changes what a schedule without a numeric day of week means.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger

DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
# widened one at a time until a scheduled time is found: a frequent schedule needs few steps
_LOOK_BACK = (timedelta(hours=1), timedelta(days=1), timedelta(days=8), timedelta(days=32), timedelta(days=400))
_PART = re.compile(r"^(?:(\*)|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:/(\d+))?$")


def trigger(expr: str, timezone: Any) -> BaseTrigger:
    """The trigger of a crontab expression; ValueError (APScheduler's or ours) if it is not one."""
    fields = expr.split()
    if len(fields) != 5:
        return CronTrigger.from_crontab(expr, timezone=timezone)  # APScheduler says what is wrong
    fields[4] = day_names(fields[4])
    if fields[2].startswith(("*", "?")) or fields[4] == "*":
        return CronTrigger.from_crontab(" ".join(fields), timezone=timezone)
    by_date, by_day = list(fields), list(fields)
    by_date[4], by_day[2] = "*", "*"
    return OrTrigger([CronTrigger.from_crontab(" ".join(f), timezone=timezone) for f in (by_date, by_day)])


def day_names(field: str) -> str:
    """A crontab day-of-week field as the day names it means (`1-5` → `mon,tue,wed,thu,fri`)."""
    if field in ("*", "?"):
        return "*"
    days: set[int] = set()
    for part in field.lower().split(","):
        days |= _days(part, field)
    return ",".join(DAYS[d] for d in sorted(days))


def _days(part: str, field: str) -> set[int]:
    found = _PART.match(part)
    if not found:
        raise ValueError(f"day of week {field!r}: cannot read {part!r} (use 0-7 or sun-sat, ranges a-b, lists a,b)")
    star, first, last, step = found.groups()
    low, high = (0, 6) if star else (_day(first, field), _day(last, field) if last else None)
    if high is None:
        high = 6 if step else low  # `1/2`: from Monday on, every other day
    if high < low:
        raise ValueError(f"day of week {field!r}: the range {part!r} runs backwards")
    return {d % 7 for d in range(low, high + 1, int(step or 1))}


def _day(token: str, field: str) -> int:
    if token.isdigit() and int(token) <= 7:
        return int(token)
    if token[:3] in DAYS and len(token) == 3:
        return DAYS.index(token[:3])
    raise ValueError(f"day of week {field!r}: {token!r} is not a day (0-7 or sun-sat)")


def previous_fire(trigger: BaseTrigger, now: datetime) -> datetime | None:
    """The trigger's latest fire time at or before `now` (within about a year), else None.

    Stepped in UTC: a time of the hour a zone's clocks repeat in autumn (02:30 the second time,
    `fold=1`) plus a second, in the zone, was that time the first time (an hour earlier), and the
    trigger gave the same 02:30 again, for ever: a daemon in Europe/Berlin or America/New_York with
    an hourly digest, or one at an hour repeated, hung its digest (and a start) spinning at 100 %."""
    now = now.astimezone(timezone.utc)
    for back in _LOOK_BACK:
        latest, when = None, trigger.get_next_fire_time(None, now - back)
        while when is not None and when <= now and (latest is None or when > latest):
            latest, when = when, trigger.get_next_fire_time(when, when.astimezone(timezone.utc) + timedelta(seconds=1))
        if latest is not None:
            return latest
    return None


def repeated(trigger: BaseTrigger, slot: datetime) -> datetime | None:
    """The first time of `slot`'s wall time when `slot` is its second, in the hour a zone's clocks
    repeat in autumn (02:30 CET after 02:30 CEST), and the schedule fired at both with nothing
    between and does not come round again within the hour (a daily or weekly digest at 02:30: its
    second is the same day's again); else None. An hourly schedule's second 02:00 is an hour of its own."""
    first = slot.replace(fold=0)
    if slot.fold != 1 or first.utcoffset() == slot.utcoffset():
        return None
    at = slot.astimezone(timezone.utc)
    before = previous_fire(trigger, at - timedelta(seconds=1))
    if before is None or before.astimezone(timezone.utc) != first.astimezone(timezone.utc):
        return None
    after = trigger.get_next_fire_time(None, at + timedelta(seconds=1))
    return first if after is None or after.astimezone(timezone.utc) - at > timedelta(hours=1) else None
