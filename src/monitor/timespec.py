"""Times as users write them: `7d`, `12h`, `30m` (that long ago) or `YYYY-MM-DD` (Asia/Shanghai).

In: option or query-string text. Out: aware UTC datetimes. InputError names the value. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .errors import InputError

SHANGHAI = ZoneInfo("Asia/Shanghai")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw]?)$")  # as config durations, plus weeks
# Where the calendar of `datetime` ends: `--since 0001-01-01` (a day before it in UTC) or
# `--since 999999999d` mean "from the start", `--until 9999-12-31` (its next day) "to the end".
EARLIEST = datetime.min.replace(tzinfo=timezone.utc)
LATEST = datetime.max.replace(tzinfo=timezone.utc)


def _ago(value: str) -> datetime | None:
    m = _DURATION.match(value.strip())  # stripped: the pattern stays linear
    if m is None:
        return None
    try:
        return datetime.now(timezone.utc) - timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])
    except OverflowError:  # longer ago than the calendar reaches
        return EARLIEST


def _day(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def parse_since(value: str | None, name: str = "--since") -> datetime | None:
    """'7d', '12h', '30m' or 'YYYY-MM-DD' (the start of that day) → aware UTC datetime."""
    if not value:
        return None
    when = _ago(value.strip()) or _day(value.strip())
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint="use e.g. 7d, 12h or 2026-11-01")
    try:
        return when.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01 in Shanghai starts before the calendar's first UTC hour
        return EARLIEST


def parse_until(value: str | None, name: str = "--until") -> datetime | None:
    """'7d' (that long ago) or 'YYYY-MM-DD' (that whole day included) → aware UTC datetime."""
    if not value:
        return None
    day = _day(value.strip())
    if day is not None:
        try:
            return (day + timedelta(days=1)).astimezone(timezone.utc)
        except OverflowError:  # the calendar's last day: to the end
            return LATEST
    when = _ago(value.strip())
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint="use e.g. 7d, 12h or 2026-11-30")
    return when
