"""Import dates: an archive's `published` value, in the forms exports write, → an aware UTC datetime.

In: a JSON value (string or number) and the line number. Out: a UTC datetime, or an InputError
naming the line, the value and the forms that are read. Never guesses: a day-first or
month-first date (`11/05/2026`) is refused, since only its writer knows which it is.

The forms read are monitor.datetext's; a time without an offset is Asia/Shanghai time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from ..datetext import read as _read
from ..errors import InputError
from .base import SHANGHAI

FORMS = "use ISO 8601 (2026-11-20 or 2026-11-20T09:30:00+08:00), 2026年11月20日 09:30, an RFC 822 date or Unix seconds"
_TIMED = re.compile(r"\d\s*[:：时時点點]|\dT\s*\d")  # a time of day written (下午3点: the hour alone)
_DAY_MONTH = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b")
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)  # before this, a date is a mistake, not news


NO_ZONE = "published without a time zone: read as Asia/Shanghai time"  # a note per line, counted once (`zoneless`)


def parse_when(value: object, number: int = 0, notes: list[str] | None = None) -> datetime:
    """A `published` value → aware UTC datetime; InputError naming the line and the forms read.
    A time of day without a time zone appends NO_ZONE to `notes`."""
    compact = _compact(value)
    when = compact or _read(value)
    if when is None:
        raise InputError(f"line {number}: published {value!r} is not a date", hint=_hint(value))
    timed = _TIMED.search(str(value)) or (compact is not None and len(str(value).strip()) > 8)
    if when.tzinfo is None and notes is not None and timed:  # a day alone is a day
        notes.append(NO_ZONE)
    try:
        when = (when if when.tzinfo else when.replace(tzinfo=SHANGHAI)).astimezone(timezone.utc)
    except OverflowError:  # year 1 in Shanghai is year 0 in UTC
        when = None
    if when is None or when < EARLIEST:
        raise InputError(f"line {number}: published {value!r} is out of range", hint="a date between 1900 and 9998")
    return when


# A CMS's or an API's compact stamp: yyyyMMdd, yyyyMMddHH, yyyyMMddHHmm, yyyyMMddHHmmss,
# yyyyMMddHHmmssSSS (a string or a number). Read before Unix time: 12 digits as milliseconds would be
# a day of 1973-2001 (202403050930: 1976); 10 digits as seconds (2026120308) a day of 2030-2036.
_COMPACT = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
                      r"(?:([01]\d|2[0-3])(?:([0-5]\d)(?:([0-5]\d)(\d{3})?)?)?)?")
HOURLY_AHEAD = timedelta(days=1)  # 10 digits are yyyyMMddHH when as Unix seconds they are later than this from now


def _compact(value: object) -> datetime | None:
    """A compact stamp's time (no zone), or None for any other value."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    found = _COMPACT.fullmatch(text) if len(text) in (8, 10, 12, 14, 17) else None
    if found is None:
        return None
    if len(text) == 10 and datetime.fromtimestamp(int(text), timezone.utc) < datetime.now(timezone.utc) + HOURLY_AHEAD:
        return None  # Unix seconds of a day gone by (1764720000), not an hour of 1764 or 2017
    try:
        year, month, day, hour, minute, second, milli = (int(part or 0) for part in found.groups())
        return datetime(year, month, day, hour, minute, second, milli * 1000)
    except ValueError:  # 20240230
        return None


_RELATIVE = re.compile(r"[昨前今明]天|\d\s*(?:秒|分钟|小时|天|周|个月)前|刚刚|\b(?:ago|yesterday|today)\b", re.IGNORECASE)
_YEARLESS = re.compile(r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|^\s*\d{1,2}-\d{1,2}(?:\s|$)")


def _hint(value: object) -> str:
    if isinstance(value, str) and _DAY_MONTH.search(value):
        return f"write the year first (2026-11-20): {value!r} could be day/month or month/day"
    if isinstance(value, str) and _RELATIVE.search(value):  # a page's '3小时前', copied as shown
        return "a date relative to when the page was read, which the line does not say: give the date itself"
    if isinstance(value, str) and _YEARLESS.search(value):  # a list page's '3月5日'
        return "the date has no year: write it (2026年3月5日 or 2026-03-05)"
    return FORMS
