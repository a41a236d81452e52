"""Times as users write them: `7d`, `12h`, `30m` (that long ago) or a day, a month or a year:
`YYYY-MM-DD`, `YYYY-MM`, `YYYY` (also with `/` or `.`, or `2026年11月`), in Asia/Shanghai, or
a minute or a second of a day (`2026-11-20 11:00`, or as an export prints a date:
`2026-11-20T11:00:00+08:00`). A period written runs from its start to its end: `--until`
takes all of it. A number alone is refused: `--since 2025` was 2,025 seconds ago.

In: option or query-string text. Out: aware UTC datetimes. InputError names the value. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .errors import InputError

SHANGHAI = ZoneInfo("Asia/Shanghai")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")  # as config durations, plus weeks; a unit always
_PERIOD = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$|^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_MOMENT = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
                     r"\s*(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
_HINT = "use e.g. 7d, 12h, 2026-11-01, 2026-11, 2026 or 2026-11-01 10:30"
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


def _period(value: str) -> tuple[datetime, datetime | None] | None:
    """The start of the day, month or year written, and the start of the next (None: past the
    calendar's end); None when the value is none of them."""
    m = _PERIOD.match(value)
    if m is None:
        return _moment(value)
    year, month, day = (m.group(1), m.group(3), m.group(4)) if m.group(1) else (m.group(5), m.group(6), m.group(7))
    if not month and not 1900 <= int(year) < 2200:  # four digits alone: `3600` is no year anyone means
        return None
    try:
        start = datetime(int(year), int(month or 1), int(day or 1), tzinfo=SHANGHAI)
    except ValueError:  # year 0, month 13, 31 February
        return None
    try:
        end = (start + timedelta(days=1) if day else
               start.replace(year=start.year + 1) if not month else
               start.replace(month=start.month + 1) if start.month < 12 else start.replace(year=start.year + 1, month=1))
    except (ValueError, OverflowError):  # 9999's next: to the end
        end = None
    return start, end


def _moment(value: str) -> tuple[datetime, datetime | None] | None:
    """A minute or a second of a day (Asia/Shanghai unless an offset is written; a fraction of
    a second is of that second): its start and the next one's (None: past the calendar's end)."""
    m = _MOMENT.match(value)
    if m is None:
        return None
    year, _, month, day, hour, minute, second, zone = m.groups()
    try:
        tz = SHANGHAI if zone is None else timezone.utc if zone.upper() == "Z" else _offset(zone)
        start = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz)
    except ValueError:  # 24:00, 31 February, +24:00
        return None
    try:
        return start, start + timedelta(seconds=1 if second else 60)
    except OverflowError:  # the calendar's last minute: to the end
        return start, None


def _offset(zone: str) -> timezone:
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return timezone(timedelta(minutes=-minutes if zone[0] == "-" else minutes))


def parse_since(value: str | None, name: str = "--since") -> datetime | None:
    """'7d', '12h', '30m' or a day, month or year (its start) → aware UTC datetime."""
    if not value:
        return None
    period = _period(value.strip())
    when = _ago(value.strip()) or (period[0] if period else None)
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint=_HINT)
    try:
        return when.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01 in Shanghai starts before the calendar's first UTC hour
        return EARLIEST


def parse_until(value: str | None, name: str = "--until") -> datetime | None:
    """'7d' (that long ago) or a day, month or year (all of it included) → aware UTC datetime."""
    if not value:
        return None
    period = _period(value.strip())
    if period is not None:
        try:
            return period[1].astimezone(timezone.utc) if period[1] is not None else LATEST
        except OverflowError:  # the calendar's last day: to the end
            return LATEST
    when = _ago(value.strip())
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint=_HINT)
    return when


def minutes_hint(since: str | None, until: str | None, names: tuple[str, str] = ("--since", "--until")) -> str | None:
    """When a search found nothing: `--since 6m` reads as six minutes (as durations do in the
    config), which someone meaning six months does not expect; say so."""
    for name, value in zip(names, (since, until), strict=True):
        text = (value or "").strip()
        m = _DURATION.match(text)
        if m and m.group(2) == "m":
            return (f"{name} {text} is {m.group(1)} minutes ago; for months write a month "
                    f"(e.g. {name} 2026-06) or days ({name} 180d)")
    return None


def check_order(after: datetime | None, before: datetime | None, since: str | None, until: str | None,
                names: tuple[str, str] = ("--since", "--until")) -> None:
    """InputError when `since` (parsed: `after`) is not before `until` (`before`): swapped, they
    leave no article between them, which would read as "nothing found"."""
    if after and before and after >= before:
        raise InputError(f"{names[0]} {since} is after {names[1]} {until}: no article is between them",
                         hint=f"swap them: {names[0]} is the earlier date, {names[1]} the later (that day included)")
