"""Dates as listings give them → aware UTC datetimes.

In: sitemap `lastmod` / `news:publication_date` (W3C: `2026-11-20`, `2026-11-20T09:30+08:00`,
`…:00Z`, fractions; as CMSs write them: `+08`, `GMT+08:00`, `CST`, an RFC 822 date), JSON
values (ISO text, `2026-11-20 09:30:00`, `2026/11/20`, epoch seconds or milliseconds, .NET's
`/Date(1796545800000)/`, compact digits `20261120093000`, `20261120`, Java's `Date.toString()`) or a
configured `date_format`. Times without an offset are in `date_tz` (Asia/Shanghai by default);
the forms monitor.datetext reads (下午3:30, 3:30 PM, RFC 822 with `CST` China Standard Time). Out: datetime
in UTC, or None when unreadable or before 1990 (as a page's own date is read: a CMS's "no date"
written as year 1, .NET's `0001-01-01T00:00:00`). Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from .. import datetext, reltime
from ..datetext import rfc822

__all__ = ["EARLIEST", "parse", "rfc822", "sane"]

_W3C = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*"
                  r"(Z|UTC|GMT|CST|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2}){0,2})?$", re.I)
_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?")
_YEARLESS = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{2})(?::(\d{2}))?)?$")
_DOTNET = re.compile(r"^/Date\((-?\d{1,15})(?:[+-]\d{4})?\)/$")  # .NET's JSON date: Unix ms (the offset a display hint)
# compact digits as Java and Oracle-fed back ends write a date: yyyyMMdd[HHmm[ss]]
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?$")
_LOOSE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]*(\d{1,2})[:时](\d{2})(?::(\d{2}))?)?")

EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)  # before the web: a placeholder, never a news date


def sane(when: datetime | None) -> datetime | None:
    """`when`, or None when it is before 1990 (year 1, 1900: a CMS's "no date", not the news's)."""
    return when if when is None or when >= EARLIEST else None


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def parse(value: Any, tz: str = "Asia/Shanghai", fmt: str | None = None,
          now: datetime | None = None) -> datetime | None:
    """A listing's date → UTC; `fmt` is a strptime format, or `epoch` / `epoch_ms`. A date
    without a year (`12-05`, `12月05日 10:30`, a `%m-%d` format) is the latest such day not
    after `now` (a day's grace): on 2 January, `12-30` is three days old, not 1900's or next year's.
    With `now`, a relative date (`3小时前`, `昨天 14:20`, `刚刚`: how apps list their recent items,
    the older ones in `fmt`) is counted back from it."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        compact = _COMPACT.match(str(value)) if fmt is None and isinstance(value, (int, str)) else None
        if compact:  # 20261206 (a number too), 20261206163000: never an epoch (1970's, or year 2611's ms)
            y, mo, d, h, mi, sec = (int(g or 0) for g in compact.groups())
            return sane(_aware(datetime(y, mo, d, h, mi, sec), tz))
        if fmt in ("epoch", "epoch_ms") or (fmt is None and isinstance(value, (int, float))):
            return sane(_epoch(float(value), ms=fmt == "epoch_ms"))
        text = str(value).strip()
        if (dotnet := _DOTNET.match(text)) is not None:
            return sane(_epoch(float(dotnet.group(1)), ms=True))
        if now is not None and not text[:4].isdigit():  # `3小时前`, `昨天 14:20`: an app's recent items
            relative = reltime.whole(text, now, tz)
            if relative is not None:
                return relative
        if fmt:
            read = datetime.strptime(text, fmt)
            if now is not None and not re.search(r"%[YyGcx]", fmt):
                return _in_year(read, tz, now)
            return sane(_aware(read, tz))
        m = _YEARLESS.match(text) if now is not None else None
        if m:
            mo, d, h, mi, sec = (int(g or 0) for g in m.groups())
            return _in_year(datetime(1904, mo, d, h, mi, sec), tz, now)  # (1904: a leap year, for 02-29)
        if text.isdigit() and len(text) in (10, 13):
            return sane(_epoch(float(text)))
        return sane(_text(text, tz))
    except (ValueError, OverflowError, OSError, TypeError):  # TypeError: a list or an object where a date was
        return None


def _in_year(read: datetime, tz: str, now: datetime | None) -> datetime | None:
    """A yearless date (`read`'s year ignored) in the year that puts it latest, not past `now` + 1 day."""
    if now is None:
        return None
    year = now.astimezone(_zone(tz)).year
    for y in (year + 1, year, year - 1):
        try:
            when = _aware(read.replace(year=y), tz)
        except ValueError:  # 02-29 outside a leap year
            continue
        if when <= now + timedelta(days=1):
            return when
    return None


def _epoch(seconds: float, ms: bool = False) -> datetime:
    if ms or seconds > 1e11:  # milliseconds: JavaScript APIs give those
        seconds /= 1000
    return datetime.fromtimestamp(seconds, timezone.utc)


def _text(text: str, tz: str) -> datetime | None:
    m = _W3C.match(text)
    if m:
        y, mo, d, h, mi, s, off = m.groups()
        naive = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        if not off:
            return _aware(naive, tz)
        return (naive - _offset(off)).replace(tzinfo=timezone.utc)
    if not text.isdigit() and (read := datetext.read(text)) is not None:  # 下午3:30, 3:30 PM, RFC 822, JavaScript's
        return _aware(read, tz)
    m = _LOOSE.match(text)  # a date and time with more after them
    if m:
        y, mo, d, h, mi, s = m.groups()
        if datetext.HALF_OF_DAY.search(text):  # 13:30 AM, 下午 without a time: its day, not a wrong hour
            h = mi = s = None
        return _aware(datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0)), tz)
    return None


def _offset(zone: str) -> timedelta:
    """A written zone as its offset from UTC: `Z`, `UTC`, `GMT`; `+08:00`, `+0800`, `+08` (ISO's
    hours alone), `GMT+08:00`, `+08:00:00`; `CST` is China Standard Time, as in `rfc822`."""
    upper = zone.upper().strip()
    if upper in ("Z", "UTC", "GMT"):
        return timedelta(0)
    if upper == "CST":
        return timedelta(hours=8)
    m = _OFFSET.search(upper)
    if m is None:
        raise ValueError(zone)
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        raise ValueError(zone)
    return (-1 if m.group(1) == "-" else 1) * timedelta(hours=hours, minutes=minutes)


def _aware(value: datetime, tz: str) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=_zone(tz))
    return value.astimezone(timezone.utc)
