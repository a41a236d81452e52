"""Import dates: an archive's `published` value, in the forms exports write, → an aware UTC datetime.

In: a JSON value (string or number) and the line number. Out: a UTC datetime, or an InputError
naming the line, the value and the forms that are read. Never guesses: a day-first or
month-first date (`11/05/2026`) is refused, since only its writer knows which it is.

Read: ISO 8601 (`2026-11-20`, `2026-11-20T09:30:00+08:00`, `…Z`, `2026-11-20 09:30`), year first
with `-`, `/` or `.` and unpadded (`2026-3-5 9:30`, `2026/11/20 09:30`), Chinese (`2026年11月20日 09:30`, `2026年11月20日9时30分`),
RFC 822 as feeds and mail write it (`Fri, 20 Nov 2026 01:30:00 GMT`; `CST` there is China
Standard Time, +0800, as Chinese feeds mean it, not US Central), and Unix time in seconds
or milliseconds (`1795000000`, `1795000000000`, as a number or a string, `1795000000000.0` too). A time without an
offset is Asia/Shanghai time.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from ..errors import InputError
from ..sources.dates import rfc822
from .base import SHANGHAI

FORMS = "use ISO 8601 (2026-11-20 or 2026-11-20T09:30:00+08:00), 2026年11月20日 09:30, an RFC 822 date or Unix seconds"
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
                         r"(?:[\sT]*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d{1,6})?)?\s*[分秒]?)?")
_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}(?:\.\d+)?")  # ms as a float too (a spreadsheet's, pandas')
_TIMED = re.compile(r"\d[:：时時点點T]\s*\d")  # a time of day written
_DAY_MONTH = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b")
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)  # before this, a date is a mistake, not news


NO_ZONE = "published without a time zone: read as Asia/Shanghai time"  # a note per line, counted once (`zoneless`)


def parse_when(value: object, number: int = 0, notes: list[str] | None = None) -> datetime:
    """A `published` value → aware UTC datetime; InputError naming the line and the forms read.
    A time of day without a time zone appends NO_ZONE to `notes`."""
    when = _read(value)
    if when is None:
        raise InputError(f"line {number}: published {value!r} is not a date", hint=_hint(value))
    if when.tzinfo is None and notes is not None and _TIMED.search(str(value)):  # a day alone is a day
        notes.append(NO_ZONE)
    try:
        when = (when if when.tzinfo else when.replace(tzinfo=SHANGHAI)).astimezone(timezone.utc)
    except OverflowError:  # year 1 in Shanghai is year 0 in UTC
        when = None
    if when is None or when < EARLIEST:
        raise InputError(f"line {number}: published {value!r} is out of range", hint="a date between 1900 and 9998")
    return when


def _read(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = str(value).strip()
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) > 11 else 1)
        return datetime.fromtimestamp(seconds, timezone.utc)
    if not isinstance(value, str):
        return None
    for read in (_iso, _year_first, _rfc822):
        try:
            if (when := read(text)) is not None:
                return when
        except (ValueError, OverflowError, TypeError, IndexError):
            continue
    return None


def _iso(text: str) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))


def _year_first(text: str) -> datetime | None:
    m = _YEAR_FIRST.fullmatch(text)
    if m is None:
        return None
    parts = [int(p) if p else 0 for p in m.groups()]
    return datetime(*parts)  # type: ignore[arg-type]


def _rfc822(text: str) -> datetime | None:
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    return rfc822(text)


def _hint(value: object) -> str:
    if isinstance(value, str) and _DAY_MONTH.search(value):
        return f"write the year first (2026-11-20): {value!r} could be day/month or month/day"
    return FORMS
