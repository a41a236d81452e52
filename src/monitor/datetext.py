"""Dates as people and programs write them → datetimes: one reader for `monitor import`'s
`published` values and a polled feed's, API's or sitemap's dates.

Read: ISO 8601 (`2026-11-20`, `2026-11-20T09:30:00+08:00`, `…Z`, `2026-11-20 09:30`), year first
with `-`, `/` or `.` and unpadded (`2026-3-5 9:30`), Chinese (`2026年11月20日 09:30`, `9时30分`, with
the weekday, `星期五`, and the half of the day, `下午3:30`, `15时`), English AM/PM (`2026-11-20 3:30
PM`), RFC 822 as feeds and mail write it and as lenient (`March 5, 2026 3:30 PM`, JavaScript's
`Date.toString()`), `CST` there China Standard Time, Java's `ZonedDateTime` with its region after
the offset (`2026-12-03T08:00:00.000+0800[Asia/Shanghai]`), .NET's JSON `/Date(1764720000000+0800)/`
and Unix time in seconds, milliseconds, microseconds or nanoseconds.
Out: an aware datetime when a zone is written, a naive one (the writer's clock) when not, None
when unreadable. A day-first or month-first date (`11/05/2026`) is never guessed. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

_YEAR_FIRST = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
    # the weekday a Chinese page or export writes after the day: 星期二, 周二, (礼拜二)
    r"(?:\s*[(（]?(?:星期|周|礼拜|禮拜|週)[一二三四五六日天][)）]?)?"
    # a time of day, after 上午/下午 (a Chinese locale's) or before AM/PM (an English one's); the hour
    # alone when 时 or 点 says it is one (15时, 下午3点)
    r"(?:[\sT,，]*(?P<half>上午|下午|中午|晚上|凌晨|早上|傍晚)?\s*(?P<h>\d{1,2})\s*"
    r"(?:[:：]\s*(?P<mi>\d{1,2})|[时時点點]\s*(?:(?P<mi2>\d{1,2})\s*分?)?)"
    r"(?:\s*[:：分]\s*(?P<s>\d{1,2})(?:\.\d{1,6})?)?\s*[分秒]?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
    # the zone written after it: UTC, GMT, Z; China's as its sites write it (北京时间, CST, GMT+8)
    r"(?:\s*[(（]?\s*(?P<zone>Z|UTC|GMT|CST|北京时间|北京時間|(?:UTC|GMT)?\s*[+-]\s*\d{1,2}(?::?\d{2})?)\s*[)）]?)?")
_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?")
_JS_ZONE = re.compile(r"\bGMT\s*([+-]\d{4})(?:\s*\([^()]*\))?\s*$")
_AMPM = re.compile(r"(?<![A-Za-z])([AaPp])\.?[Mm]\.?(?![A-Za-z])")
_AFTERNOON = {"下午", "晚上", "傍晚", "p"}  # an hour before 12 after these is 12 more (下午3:30 is 15:30)
# seconds, ms, µs (Python's and Postgres' time_ns // 1000), ns (Go's UnixNano, pandas'); ms as a float too
_EPOCH = re.compile(r"(?:\d{9,10}|\d{12,13}|\d{15,16}|\d{18,19})(?:\.\d+)?")
_EPOCH_UNIT = {10: 1, 13: 10**3, 16: 10**6, 19: 10**9}  # the most digits of each unit → its divisor
# .NET's JSON date (DataContractJsonSerializer, ASP.NET): Unix ms, the writer's offset after it only informative
_DOTNET = re.compile(r"\\?/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\\?/")
# Java's ZonedDateTime.toString() and RFC 9557: the region after the offset (`…+08:00[Asia/Shanghai]`)
_REGION = re.compile(r"\[!?([A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*)\]\Z")
# a year written after its month as no year of the web: negative or of four digits below 1000 (`30 Nov -0001`,
# `30 Nov 0000`: PHP's RFC 822 rendering of MySQL's zero date); the mail parser read either as 2000
_NO_YEAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+(?:-\d+|0\d{3})\b", re.I)
_CST = re.compile(r"\bCST(?=\s*\Z|\s+\d{4}\s*\Z)")  # at the end, or before the year (Java's Date.toString())
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# a day alone with its month's English name, either order: `Nov 20, 2026`, `20 November 2026`, `Sept. 5 2026`
_NAMED_DAY = re.compile(r"(?:[A-Za-z]{3,9}\.?,?\s+)??(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                        r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9})\.?),?\s+(?P<y>\d{4})")
# the half of the day written: a reading that cannot place it must not fall back to one that drops it
HALF_OF_DAY = re.compile(r"(?<![A-Za-z])[AaPp]\.?[Mm]\.?(?![A-Za-z])|上午|下午|中午|晚上|凌晨|早上|傍晚")


def rfc822(text: str) -> datetime:
    """An RFC 822 date as feeds and mail write it; `CST` at its end (or before the year, as Java's
    `Date.toString()` writes it: `Sun Dec 06 16:30:00 CST 2026`) is China Standard Time
    (+0800), as a Chinese feed or export means it, not US Central (a reader of it dated every
    entry 14 hours late). Raises ValueError (or TypeError) when unreadable, or when its year is
    none (`Tue, 30 Nov -0001 00:00:00 +0800`, a zero date: it was read as 30 November 2000)."""
    if _NO_YEAR.search(text):
        raise ValueError(f"no year in {text!r}")
    return parsedate_to_datetime(_CST.sub("+0800", text))


def read(value: object) -> datetime | None:
    """A written date → datetime, aware when a zone is written, naive (the writer's clock) when
    not; None when it is none of the forms read."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = str(value).strip()
    if _EPOCH.fullmatch(text):
        digits = text.split(".")[0]
        unit = next(u for most, u in _EPOCH_UNIT.items() if len(digits) <= most)
        seconds = (int(digits) + (float("0" + text[len(digits):]) if "." in text else 0)) / unit
        try:
            return datetime.fromtimestamp(seconds, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    if (dotnet := _DOTNET.fullmatch(text)) is not None:
        try:
            return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=int(dotnet[1]))
        except OverflowError:
            return None
    if (region := _REGION.search(text)) is not None:
        return _with_region(text[:region.start()].strip(), region[1])
    for read in (_iso, _year_first, _rfc822, _month_named_day):
        try:
            if (when := read(text)) is not None:
                return when
        except (ValueError, OverflowError, TypeError, IndexError):
            continue
    return None


def _with_region(text: str, name: str) -> datetime | None:
    """A time written before `[Region/City]`: its own offset when it has one (the region only
    names it), else the region's time then (`2026-12-03T08:00[Asia/Shanghai]`); None when the
    time is unread or the region unknown."""
    when = read(text)
    if when is None or when.tzinfo is not None:
        return when
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return when.replace(tzinfo=ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _iso(text: str) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))


def _year_first(text: str) -> datetime | None:
    m = _YEAR_FIRST.fullmatch(text)
    if m is None:
        return None
    hour = int(m["h"] or 0)
    half = m["half"] or (m["ampm"] or "")[:1].lower()
    if half and m["half"] and m["ampm"]:
        return None  # 下午3:30 AM: which is meant is not said
    if half in _AFTERNOON or (half == "中午" and hour < 11):  # 中午12:30 is 12:30, 中午1点 13:00
        hour += 12 if hour < 12 else 0
    elif half in ("a", "凌晨") and hour == 12:  # 12:30 AM is half past midnight
        hour = 0
    if (half and hour > 23) or (half == "a" and hour > 12):  # 13:30 AM
        return None
    when = datetime(int(m["y"]), int(m["mo"]), int(m["d"]), hour, int(m["mi"] or m["mi2"] or 0), int(m["s"] or 0))
    return when.replace(tzinfo=_zone(m["zone"])) if m["zone"] else when


def _zone(name: str) -> tzinfo | None:
    """A zone as written after a time: UTC, GMT, Z; 北京时间 and CST (China Standard Time, as
    Chinese sites mean it); an offset (+08:00, +0800, GMT+8)."""
    if name in ("Z", "UTC", "GMT"):
        return timezone.utc
    if name in ("CST", "北京时间", "北京時間"):
        return timezone(timedelta(hours=8))
    m = _OFFSET.fullmatch(name)
    if m is None or int(m[2]) > 14 or int(m[3] or 0) > 59:
        raise ValueError(name)
    offset = timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return timezone(-offset if m[1] == "-" else offset)


def _rfc822(text: str) -> datetime | None:
    """An RFC 822 date, or one as lenient (`March 5, 2026 3:30 PM`, JavaScript's `Thu Mar 05 2026
    15:30:00 GMT+0800 (China Standard Time)`), whose AM or PM the mail parser passes over: 3:30 PM
    was read as 3:30, silently 12 hours early."""
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    # JavaScript's Date.toString(), what a browser-side scraper writes: its offset after GMT
    # (`GMT-0500 (Eastern Standard Time)`) was read as GMT's, then dropped: local time, silently
    text = _JS_ZONE.sub(r"\1", text)
    when = rfc822(text)
    if (half := _AMPM.search(text)) is not None:
        if half[1] in "Pp" and when.hour < 12:
            when += timedelta(hours=12)
        elif half[1] in "Aa" and when.hour == 12:
            when -= timedelta(hours=12)
        elif half[1] in "Aa" and when.hour > 12:
            return None  # 15:30 AM
    return when


def _month_named_day(text: str) -> datetime | None:
    """A day written with its month's English name and no time (`Nov 20, 2026`, `20 November 2026`,
    with a weekday before it): the mail parser wants a time or the day first."""
    m = _NAMED_DAY.fullmatch(text)
    if m is None:
        return None
    name = (m["m1"] or m["m2"]).lower().replace("sept", "sep")
    month = next((i for i, full in enumerate(_MONTHS, 1) if len(name) >= 3 and full.startswith(name)), None)
    return None if month is None else datetime(int(m["y"]), month, int(m["d1"] or m["d2"]))
